/**
 * The hand-written notes of a plan, ready for a printable page: who each note is for, where it
 * goes, when to post it, when it should arrive, and the text to copy out.
 */
import type { FollowUpInput, FollowUpPlan } from '../../domain/followup/index.js';

export interface PrintableNote {
  stepId: string;
  recipient: string;
  title?: string;
  /** The postal address, one line per entry (empty when none was given). */
  address: string[];
  postBy?: string;
  arrivesBy?: string;
  body: string;
}

/** Lists the hand-written thank-you notes of a plan, in plan order. */
export function listPrintableNotes(plan: FollowUpPlan, input: FollowUpInput): PrintableNote[] {
  return plan.steps
    .filter((step) => step.channel === 'handwritten' && step.draft)
    .map((step) => {
      const interviewer = input.interviewers.find(
        (candidate) => candidate.id === step.interviewerId,
      );
      const address = (interviewer?.postalAddress ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.length > 0);
      return {
        stepId: step.id,
        recipient: step.to ?? interviewer?.name ?? 'the hiring team',
        ...(interviewer?.title ? { title: interviewer.title } : {}),
        address,
        ...(step.postBy ? { postBy: step.postBy } : {}),
        ...(step.arrivesBy ? { arrivesBy: step.arrivesBy } : {}),
        body: step.draft?.body ?? '',
      };
    });
}
