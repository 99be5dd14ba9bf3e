/**
 * The candidate's notes in the drafts: each note becomes a sentence, a phrase, a marked gap or is
 * left out, and the plan and the form say which.
 */
import { findCallPhrase, findPushyPhrase } from './pressure-phrases.js';
import { fillSnippet, type Snippet, type Variant } from './draft-phrasing.js';
import type { DraftRecipient } from './drafts.js';
import { turnNoteIntoSentence, type NoteRole, type NoteSentence } from './notes-to-sentences.js';
import type { FollowUpInput } from './types.js';

/** Whether a note presses for an answer or asks for a call (it is then left out). */
function isPressing(text: string): boolean {
  return findPushyPhrase(text, 'thank-you') !== null || findCallPhrase(text) !== null;
}

/** What one note becomes in a draft for `recipient` (see turnNoteIntoSentence). */
function convertNote(
  input: FollowUpInput,
  raw: string | undefined,
  role: NoteRole,
  recipient?: DraftRecipient,
): NoteSentence | null {
  if (!raw) return null;
  const own = role === 'interviewer' ? recipient?.interviewer : undefined;
  return turnNoteIntoSentence(
    raw,
    role,
    {
      ...(own ? { recipientName: own.name } : {}),
      otherNames: input.interviewers
        .filter((other) => other.id !== own?.id)
        .map((other) => other.name),
      exemptPhrases: [
        input.role,
        input.employer.name,
        ...input.interviewers.map((i) => i.title ?? ''),
      ],
    },
    isPressing,
  );
}

/** Turns a note into a snippet, or null when it is empty or left out (pay, complaints, pressure). */
export function prepareSnippet(
  input: FollowUpInput,
  raw: string | undefined,
  role: NoteRole,
  recipient?: DraftRecipient,
): Snippet | null {
  const sentence = convertNote(input, raw, role, recipient);
  if (!sentence || sentence.kind === 'left-out') return null;
  if (sentence.kind === 'gap') return { text: sentence.text, clause: true, gap: true };
  if (sentence.kind === 'clause') {
    return { text: sentence.text.replace(/\.$/u, ''), clause: true };
  }
  return { text: sentence.text, clause: false };
}

/** A question from the notes, as a sentence (or a marked gap), or null when left out. */
export function prepareQuestion(input: FollowUpInput, raw: string | undefined): string | null {
  const sentence = convertNote(input, raw, 'question');
  if (!sentence || sentence.kind === 'left-out') return null;
  return sentence.text;
}

/**
 * What the candidate liked and why they would fit, as sentences for messages written outside
 * the draft writer (through the consultant, the combined late thank-you). A note left out (pay,
 * complaints, pressure) gives null; one that cannot be made a sentence is a marked gap.
 */
export function describeNotesAsSentences(
  input: FollowUpInput,
  short: string,
): { liked: string | null; fit: string | null } {
  const liked = prepareSnippet(input, input.notes.liked, 'liked');
  const fit = prepareSnippet(input, input.notes.fit, 'fit');
  const values = { short };
  const first: Variant = { index: 0, attempt: 0 };
  return {
    liked: liked
      ? fillSnippet(
          ['I especially liked {x}.'],
          ['Something that stood out for me: {x}'],
          liked,
          first,
          0,
          values,
        )
      : null,
    fit: fit
      ? fillSnippet(
          ['I believe {x} would make me a good fit for the team.'],
          ['Thinking it over, I believe I would fit in well: {x}'],
          fit,
          first,
          0,
          values,
        )
      : null,
  };
}

/** Why the plan leaves a note out, by reason. */
const LEFT_OUT_WHY = {
  salary: 'is about pay, benefits, holiday or notice: leave that until they make you an offer',
  negative: 'speaks badly of an employer, which never helps in a follow-up',
  pushy: 'presses for an answer or asks for a call, which a follow-up should not do',
} as const;

/** Every note of the input, where it comes from, and what it becomes in a draft. */
function convertInputNotes(input: FollowUpInput) {
  const notes: {
    field: string;
    raw: string | undefined;
    role: NoteRole;
    recipient?: DraftRecipient;
  }[] = [
    { field: 'notes.liked', raw: input.notes.liked, role: 'liked' },
    { field: 'notes.fit', raw: input.notes.fit, role: 'fit' },
    ...input.notes.questions.map((raw, i) => ({
      field: `notes.questions[${i}]`,
      raw,
      role: 'question' as const,
    })),
    ...input.interviewers.map((interviewer, i) => ({
      field: `interviewers[${i}].notes`,
      raw: interviewer.notes,
      role: 'interviewer' as const,
      recipient: { interviewer, name: interviewer.name, isHiringTeam: false },
    })),
  ];
  return notes.map((note) => ({
    ...note,
    sentence: convertNote(input, note.raw, note.role, note.recipient),
  }));
}

/**
 * The plan's word on notes that did not go into the drafts as written: each note left out (pay,
 * complaints, pressure) with why, and each note left as a marked gap to finish by hand.
 */
export function listNoteWarnings(input: FollowUpInput): { code: string; message: string }[] {
  const warnings: { code: string; message: string }[] = [];
  for (const { sentence } of convertInputNotes(input)) {
    if (sentence?.kind === 'left-out') {
      warnings.push({
        code: 'note-left-out',
        message: `Your note "${sentence.note}" is not in the drafts: it ${LEFT_OUT_WHY[sentence.reason]}.`,
      });
    } else if (sentence?.kind === 'gap') {
      warnings.push({
        code: 'note-to-finish',
        message: `Your note "${sentence.note}" could not be turned into a sentence safely, so the drafts mark a gap ("[Finish this: …]") for you to write it in your own words.`,
      });
    }
  }
  return warnings;
}

/** How one note of the input will read in the drafts, for the form's preview. */
export interface NotePreview {
  /** The input field, e.g. `notes.liked` or `interviewers[0].notes`. */
  field: string;
  note: string;
  status: 'sentence' | 'gap' | 'left-out';
  /** The sentence as a draft will use it, the marked gap, or why the note is left out. */
  text: string;
}

/** Each note of the input and the sentence it becomes (or the gap, or why it is left out). */
export function listNotePreviews(input: FollowUpInput): NotePreview[] {
  const frames: Record<NoteRole, (x: string) => string> = {
    liked: (x) => `I especially liked ${x}.`,
    fit: (x) => `I believe ${x} would make me a good fit for the team.`,
    interviewer: (x) => `I especially enjoyed our conversation about ${x}.`,
    question: (x) => `${x}`,
  };
  const previews: NotePreview[] = [];
  for (const { sentence, ...note } of convertInputNotes(input)) {
    if (!sentence) continue;
    if (sentence.kind === 'left-out') {
      previews.push({
        field: note.field,
        note: sentence.note,
        status: 'left-out',
        text: `Left out: it ${LEFT_OUT_WHY[sentence.reason]}.`,
      });
    } else if (sentence.kind === 'gap') {
      previews.push({ field: note.field, note: sentence.note, status: 'gap', text: sentence.text });
    } else {
      previews.push({
        field: note.field,
        note: (note.raw ?? '').trim(),
        status: 'sentence',
        text: sentence.kind === 'phrase' ? frames[note.role](sentence.text) : sentence.text,
      });
    }
  }
  return previews;
}
