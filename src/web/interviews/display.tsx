/** How a saved interview's times and outcome read on its pages. */
import { Temporal } from 'temporal-polyfill';
import {
  INTERVIEW_OUTCOMES,
  type InterviewOutcome,
} from '../../domain/followup/interview-progress.js';
import { describeMoment } from '../../domain/followup/time.js';
import { Select } from '../components/form-fields.js';

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

const OUTCOME_CHOICES = INTERVIEW_OUTCOMES.map((outcome) => ({
  value: outcome,
  label: OUTCOME_LABELS[outcome],
}));

export function OutcomeSelect(props: { value: InterviewOutcome; id: string }) {
  return (
    <Select
      id={props.id}
      name="outcome"
      label="Outcome"
      value={props.value}
      choices={OUTCOME_CHOICES}
    />
  );
}
