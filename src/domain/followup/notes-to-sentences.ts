/**
 * Turns the candidate's notes into words a draft can use, with the `compromise` English NLP
 * library: the recipient in the second person, verb-led fragments made into clauses, capitals
 * and articles, possessives kept. A note that cannot be turned safely becomes a marked gap
 * ("[Finish this: …]") with the note beside it; pay, complaints and pressure are left out.
 * Nothing is ever cut in the middle.
 */
import nlp from 'compromise';
import {
  capitalise,
  endSentence,
  isClause,
  isFiniteVerb,
  isNameLike,
  makeClause,
  namesAnyone,
  QUESTION_STARTS,
  shapePhrase,
  speakToRecipient,
  SUBORDINATORS,
  THIRD_PERSON,
} from './note-grammar.js';
import { cleanNote, countNoteWords, joinTerms, listTerms, type Term } from './note-terms.js';
import { findNegativeSentence, findSalaryPhrase } from './sensitive-topics.js';

/** Where a note comes from: it decides who "I" and "you" are. */
export type NoteRole = 'interviewer' | 'liked' | 'fit' | 'question';

/** What the converter knows about the people around a note. */
export interface NoteOwner {
  /** The interviewer the draft is for, when the note is theirs. */
  recipientName?: string;
  /** Everyone else met (a note naming one of them is not rewritten). */
  otherNames: readonly string[];
  /** Phrases exempt from the pay check: the role, the employer, titles. */
  exemptPhrases: readonly string[];
}

/** Why a note is left out of every draft. */
type LeftOutReason = 'salary' | 'negative' | 'pushy';

/** What a note becomes. */
export type NoteSentence =
  /** A noun phrase to fit a pattern ("the flexible hours"). */
  | { kind: 'phrase'; text: string }
  /** A sentence of its own, capitalised and ending in punctuation. */
  | { kind: 'clause'; text: string }
  /** A gap for the candidate to finish, with the note beside it. */
  | { kind: 'gap'; text: string; note: string }
  | { kind: 'left-out'; reason: LeftOutReason; note: string };

/** The longest note turned into words of a draft; a longer one becomes a gap (never cut). */
const MAX_NOTE_WORDS = 32;

/** The marked gap for a note the candidate must finish; the checker's `unfinished-gap` finds it. */
export function formatNoteGap(note: string): string {
  return `[Finish this: ${note.replace(/\[/g, '(').replace(/\]/g, ')')}]`;
}

/** Pressure and calls never go into a thank-you (the checker's patterns, kept in one place). */
export type PressureTest = (text: string) => boolean;

/** One sentence of a note (no closing full stop) as a clause, a phrase, or null. */
function convertPiece(
  piece: string,
  role: NoteRole,
): { kind: 'phrase' | 'clause'; text: string } | null {
  const terms = listTerms(piece);
  const first = terms[0];
  if (!first) return null;
  const verbLed =
    first.tags.has('Verb') &&
    !first.tags.has('Gerund') &&
    !first.tags.has('Adjective') &&
    !first.tags.has('Noun');
  // "pay attention to…", "pair programming": a bare verb may be a reminder or a noun; unsafe.
  if (verbLed && !first.tags.has('PastTense') && !/s$/i.test(first.text)) return null;
  if (verbLed) {
    const clause = makeClause(terms, role);
    return clause ? { kind: 'clause', text: endSentence(clause) } : null;
  }
  if (isClause(terms)) {
    const text = joinTerms(terms);
    const keep = /^I\b/.test(text) || isNameLike(first);
    return { kind: 'clause', text: endSentence(keep ? text : capitalise(text)) };
  }
  // A verb with no subordinator or "to" before it: a sentence we cannot rebuild safely.
  for (let i = 1; i < terms.length; i += 1) {
    const term = terms[i] as Term;
    if (!isFiniteVerb(terms, i) || term.tags.has('Gerund') || term.tags.has('Noun')) continue;
    const before = terms.slice(0, i);
    // After "that", "to" or a gerund ("supporting grant bids"), a verb-like word is inside.
    const introduced = before.some(
      (t) =>
        SUBORDINATORS.has(t.text.toLowerCase()) ||
        t.text.toLowerCase() === 'to' ||
        t.tags.has('Gerund') ||
        /\p{L}{3,}ing$/iu.test(t.text),
    );
    if (!introduced) return null;
  }
  return { kind: 'phrase', text: shapePhrase(joinTerms(terms), role) };
}

/** "a, b and c" from a list of phrases. */
function listPhrases(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  if (/\sand\s/.test(items[items.length - 1] ?? '')) return items.join(', ');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * What a note becomes in a draft (see NoteSentence). `isPressing` says whether a text presses
 * for an answer or asks for a call (the checker's test), so such a note is left out.
 */
export function turnNoteIntoSentence(
  raw: string,
  role: NoteRole,
  owner: NoteOwner,
  isPressing: PressureTest = () => false,
): NoteSentence | null {
  const note = cleanNote(raw);
  if ((note.match(/[\p{L}\p{N}]/gu) ?? []).length < 2) return null;
  if (findSalaryPhrase(note, owner.exemptPhrases)) {
    return { kind: 'left-out', reason: 'salary', note };
  }
  if (findNegativeSentence(note)) return { kind: 'left-out', reason: 'negative', note };
  if (isPressing(note)) return { kind: 'left-out', reason: 'pushy', note };
  const gap = (): NoteSentence => ({ kind: 'gap', text: formatNoteGap(note), note });
  if (countNoteWords(note) > MAX_NOTE_WORDS) return gap();
  if (namesAnyone(note, owner.otherNames)) return gap();

  let text = note;
  if (role === 'interviewer') {
    const spoken = speakToRecipient(text, owner.recipientName);
    if (spoken === null) return gap();
    text = spoken;
  } else if (THIRD_PERSON.test(text)) {
    return gap();
  }

  if (role === 'question') return convertQuestion(text, note);

  const sentences = (nlp(text).sentences().out('array') as string[])
    .map((s) => s.replace(/[\s.;,:]+$/u, '').trim())
    .filter((s) => s.length > 0);
  if (sentences.length === 0) return null;
  if (sentences.length > 1) {
    const clauses = sentences.map((s) => convertPiece(s, role));
    if (clauses.every((c) => c?.kind === 'clause')) {
      return { kind: 'clause', text: clauses.map((c) => c?.text ?? '').join(' ') };
    }
    return gap();
  }
  const only = sentences[0] as string;
  // A list of short phrases: "flexible hours, mentoring scheme".
  const items = only.split(/\s*[,;]\s*/u).filter((s) => s.length > 0);
  if (items.length > 1) {
    // "SQL, Python and Tableau" as a fit: "my experience with" once, then the names.
    const phrases = items.map((item, i) =>
      convertPiece(item.replace(/^and\s+/i, ''), i > 0 && role === 'fit' ? 'question' : role),
    );
    if (phrases.every((p) => p?.kind === 'phrase')) {
      return { kind: 'phrase', text: listPhrases(phrases.map((p) => p?.text ?? '')) };
    }
    if (!phrases.every((p) => p?.kind === 'clause')) return gap();
  }
  return convertPiece(only, role) ?? gap();
}

/** A question: as asked when it reads as one, "more about {x}" for a phrase, else a gap. */
function convertQuestion(text: string, note: string): NoteSentence {
  const plain = text.replace(/[?\s]+$/u, '').trim();
  if (QUESTION_STARTS.test(plain)) {
    return { kind: 'clause', text: `${capitalise(plain)}?` };
  }
  const converted = convertPiece(plain, 'question');
  if (converted?.kind === 'phrase') {
    return { kind: 'clause', text: `I would be glad to know more about ${converted.text}.` };
  }
  if (converted?.kind === 'clause' && /^I\b/.test(converted.text)) {
    return { kind: 'gap', text: formatNoteGap(note), note };
  }
  return { kind: 'gap', text: formatNoteGap(note), note };
}
