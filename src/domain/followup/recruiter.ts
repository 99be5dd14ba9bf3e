/**
 * An interview arranged through a recruitment agency: the consultant hears first (a debrief the
 * same day), thanks go through them for anyone the candidate has no address for, and check-ins
 * go to them rather than to the employer. The wording of the messages to the consultant lives
 * here, apart from the draft writer's.
 */
import { describeNotesAsSentences } from './draft-notes.js';
import { findFirstName, findShortEmployerName } from './text.js';
import { describeDate } from './time.js';
import type { Draft, FollowUpInput, Recruiter } from './types.js';
import type { Temporal } from 'temporal-polyfill';

/** The id used in step ids for the consultant. */
export const RECRUITER_ID = 'recruiter';

/** Whether a step is addressed to the consultant rather than the employer. */
export function isRecruiterStepId(stepId: string): boolean {
  return stepId.startsWith(`${RECRUITER_ID}:`);
}

function signOff(input: FollowUpInput): string {
  return `Best wishes,\n${input.candidate.name}`;
}

function roleAt(input: FollowUpInput): string {
  return `the ${input.role} role at ${input.employer.name}`;
}

/** The same-day debrief to the consultant. */
export function writeDebrief(input: FollowUpInput, recruiter: Recruiter): Draft {
  return {
    subject: `Interview for ${input.role} at ${findShortEmployerName(input.employer.name)}`,
    body: [
      `Dear ${findFirstName(recruiter.consultant)},`,
      `I have just finished the interview for ${roleAt(input)}, and I wanted to let you know how it went while it is fresh. Thank you for arranging it.`,
      `Could we have a quick call today or tomorrow? I would welcome any feedback from ${findShortEmployerName(input.employer.name)} when you hear it.`,
      signOff(input),
    ].join('\n\n'),
  };
}

/** The thank-you sent through the consultant for the interviewers named. */
export function writeThanksThroughRecruiter(
  input: FollowUpInput,
  recruiter: Recruiter,
  names: string,
): Draft {
  const short = findShortEmployerName(input.employer.name);
  // The notes as sentences (never pasted in raw); a note left out leaves no sentence.
  const notes = describeNotesAsSentences(input, short);
  const fromNotes = [notes.liked, notes.fit].filter((s): s is string => s !== null).join(' ');
  return {
    subject: `Thank you – ${input.role} at ${short}`,
    body: [
      `Dear ${findFirstName(recruiter.consultant)},`,
      `Thank you for arranging the interview for ${roleAt(input)}.`,
      `I would be grateful if you could pass my thanks on to ${names} for their time, and let them know that I remain very keen on the role.`,
      ...(fromNotes ? [fromNotes] : []),
      signOff(input),
    ].join('\n\n'),
  };
}

/** A check-in with the consultant about the employer's decision. */
export function writeRecruiterCheckIn(
  input: FollowUpInput,
  recruiter: Recruiter,
  interviewDate: Temporal.PlainDate,
  decisionDate: Temporal.PlainDate | null,
  second: boolean,
): Draft {
  const short = findShortEmployerName(input.employer.name);
  const ask = decisionDate
    ? `${short} hoped to decide by ${describeDate(decisionDate)}, so I wondered whether you have heard anything from them.`
    : `I wondered whether you have heard anything from ${short} since then.`;
  return {
    subject: `${input.role} at ${short}${second ? ': any news?' : ''}`,
    body: [
      `Dear ${findFirstName(recruiter.consultant)},`,
      `I hope you are well. Thank you again for arranging the interview for ${roleAt(input)} on ${describeDate(interviewDate)}.`,
      `${ask} I remain very keen on the role.`,
      signOff(input),
    ].join('\n\n'),
  };
}
