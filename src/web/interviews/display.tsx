/** How a saved interview's times and outcome read on its pages. */
import { escapeHtml } from '@kitajs/html';
import { Temporal } from 'temporal-polyfill';
import {
  INTERVIEW_OUTCOMES,
  type InterviewOutcome,
} from '../../domain/accounts/interview-progress.js';
import { describeMoment } from '../../domain/followup/time.js';

export const OUTCOME_LABELS: Record<InterviewOutcome, string> = {
  pending: 'Waiting to hear',
  offer: 'Offer',
  rejected: 'Not successful',
  withdrawn: 'I withdrew',
  'no-reply': 'No reply',
};

export function moment(value: string, timeZone: string): string {
  return describeMoment(Temporal.Instant.from(value), timeZone);
}

export function OutcomeSelect(props: { value: InterviewOutcome; id: string }) {
  return (
    <div class="form-group">
      <label class="label" for={props.id}>
        Outcome
      </label>
      <select class="select" id={props.id} name="outcome">
        {INTERVIEW_OUTCOMES.map((outcome) => (
          <option value={outcome} selected={outcome === props.value}>
            {escapeHtml(OUTCOME_LABELS[outcome])}
          </option>
        ))}
      </select>
    </div>
  );
}
