/**
 * The interview's round changes the wording of the thank-yous only: a second or final interview
 * is "thank you for seeing me again". Applied to the drafts after they are written, so the draft
 * writer's own phrasing stays where it is.
 */
import type { Draft, FollowUpInput, StepKind } from './types.js';

const MEETING = /\b(meeting me|seeing me|speaking with me|speaking to me|talking to me)\b/;

/**
 * The draft reworded for the interview's round (unchanged for a first interview). A draft that
 * would grow past `maxLength` characters (a LinkedIn note's limit) is left as it is.
 */
export function applyRoundWording(
  draft: Draft,
  kind: StepKind,
  input: FollowUpInput,
  maxLength = Number.POSITIVE_INFINITY,
): Draft {
  const round = input.interview.round;
  if (round === 'first' || (kind !== 'thank-you' && kind !== 'linkedin-invite')) return draft;
  const again =
    input.interview.format === 'in-person' ? 'seeing me again' : 'speaking with me again';
  let body = draft.body;
  if (MEETING.test(body)) {
    body = body.replace(MEETING, again);
  } else if (/\bfor your time\b/.test(body)) {
    body = body.replace(/\bfor your time\b/, `for ${again}`);
  } else if (/\bthe interview\b/.test(body)) {
    body = body.replace(/\bthe interview\b/, `the ${round} interview`);
  } else {
    const paragraphs = body.split('\n\n');
    const at = paragraphs.length > 1 ? 1 : 0;
    paragraphs[at] = `Thank you for ${again}. ${paragraphs[at] ?? ''}`.trim();
    body = paragraphs.join('\n\n');
  }
  return [...body].length > maxLength ? draft : { ...draft, body };
}
