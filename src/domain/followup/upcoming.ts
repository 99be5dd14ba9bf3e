/**
 * An interview that has not happened yet: the notes come afterwards. The drafts keep a marked
 * place for each missing note, and the plan says to add them once the interview is over.
 */
import type { FollowUpInput, PlanWarning } from './types.js';

/** What stands in a draft where a note will go. */
export const NOTE_PLACEHOLDERS = Object.freeze({
  liked: '[after the interview: what you liked]',
  fit: '[after the interview: why you would fit]',
});

/** Whether the input still lacks the notes the drafts are written from. */
export function hasMissingNotes(input: FollowUpInput): boolean {
  return input.notes.liked === '' || input.notes.fit === '';
}

/** The input with a marked placeholder wherever a note is missing (for the draft writer). */
export function fillNotePlaceholders(input: FollowUpInput): FollowUpInput {
  if (!hasMissingNotes(input)) return input;
  return {
    ...input,
    notes: {
      ...input.notes,
      liked: input.notes.liked || NOTE_PLACEHOLDERS.liked,
      fit: input.notes.fit || NOTE_PLACEHOLDERS.fit,
    },
  };
}

/** The warning that tells the user to add the notes after the interview. */
export function describeMissingNotes(input: FollowUpInput, endsAt: string): PlanWarning {
  const missing = [
    input.notes.liked === '' ? 'what you liked' : '',
    input.notes.fit === '' ? 'why you would fit' : '',
  ].filter(Boolean);
  return {
    code: 'add-notes-after',
    message: `The interview has not happened yet. Once it ends (${endsAt}), add ${missing.join(' and ')} and plan again: the drafts mark where ${missing.length > 1 ? 'they go' : 'it goes'}.`,
  };
}
