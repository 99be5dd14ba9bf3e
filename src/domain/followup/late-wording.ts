/**
 * The wording of the one message that replaces a late thank-you and a check-in due the same day.
 * Kept apart from drafts.ts: the greeting and the sign-off are taken from the check-in draft the
 * draft writer made for the same person, so they follow its rules (names, closings); only the
 * middle is written here.
 */
import { type Temporal } from 'temporal-polyfill';
import { describeNotesAsSentences } from './draft-notes.js';
import { findShortEmployerName } from './text.js';
import { describeDate } from './time.js';
import type { Draft, FollowUpInput } from './types.js';

/** What the combined message needs to know. */
export interface LateMessageContext {
  input: FollowUpInput;
  interviewDate: Temporal.PlainDate;
  decisionDate: Temporal.PlainDate | null;
  /** The check-in draft written for the same person (its first and last paragraphs are kept). */
  checkIn: Draft | undefined;
}

/** "the Data Analyst role" (an article only when the role has none). */
function describeRoleBriefly(role: string): string {
  return /^(the|a|an)\s/i.test(role) ? role : `the ${role} role`;
}

/** Writes the combined late thank-you and check-in email. */
export function writeLateThankYouCheckIn(context: LateMessageContext): Draft {
  const { input } = context;
  const paragraphs = (context.checkIn?.body ?? '').split('\n\n');
  const greeting =
    paragraphs.length > 1 && paragraphs[0]?.startsWith('Dear ')
      ? (paragraphs[0] ?? 'Dear hiring team,')
      : 'Dear hiring team,';
  const signOff =
    paragraphs.length > 1
      ? (paragraphs[paragraphs.length - 1] ?? `Kind regards,\n${input.candidate.name}`)
      : `Kind regards,\n${input.candidate.name}`;
  const role = describeRoleBriefly(input.role);
  const ask = context.decisionDate
    ? `You mentioned that you hoped to decide by ${describeDate(context.decisionDate)}, so I would also be grateful to hear whether there is any news you are able to share.`
    : 'I would also be grateful to hear whether there is any news on the next steps, whenever you have a moment.';
  const short = findShortEmployerName(input.employer.name);
  // What they liked, as a sentence from the notes (never pasted in raw), when there is one.
  const liked = describeNotesAsSentences(input, short).liked;
  return {
    subject: `Thank you – ${input.role} at ${short}`,
    body: [
      greeting,
      `Thank you for your time on ${describeDate(context.interviewDate)}, and for talking to me${input.interview.round === 'first' ? '' : ' again'} about ${role} at ${input.employer.name}. I am sorry that this comes later than I intended.`,
      ...(liked ? [liked] : []),
      `${ask} I remain very keen on the role.`,
      'Thank you again for considering me.',
      signOff,
    ].join('\n\n'),
  };
}
