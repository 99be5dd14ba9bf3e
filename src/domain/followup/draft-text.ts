/**
 * Reading a draft for the checks: who and what it names, which words come from the notes, how
 * alike two drafts are, and what belongs to another interviewer.
 */
import type { DraftSubject } from './draft-findings.js';
import { foldText } from './employer-name.js';
import {
  findFirstName,
  findShortEmployerName,
  findSurname,
  listDistinctiveWords,
  listWords,
  makeShingles,
  maskNames,
  measureJaccard,
} from './text.js';
import type { Draft } from './types.js';
/** The name words of a recipient that count as naming them. */
export function listRecipientNames(subject: DraftSubject): string[] {
  if (subject.isHiringTeam) return ['team'];
  const names = [subject.recipientName, findFirstName(subject.recipientName)];
  const surname = findSurname(subject.recipientName);
  if (surname) names.push(surname);
  return names;
}

/** Lower-case name words of people, masked before comparing drafts. */
export function collectNameWords(names: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const name of names) for (const word of listWords(name)) words.add(word);
  return words;
}

/** The similarity of two drafts: Jaccard of their word 3-shingles, people's names masked. */
export function measureDraftSimilarity(a: Draft, b: Draft, nameWords: ReadonlySet<string>): number {
  const shingle = (draft: Draft) => makeShingles(maskNames(listWords(draft.body), nameWords), 3);
  return measureJaccard(shingle(a), shingle(b));
}

/** Counts how many of `wanted` appear among the words of `text`. */
export function countShared(text: string, wanted: ReadonlySet<string>): number {
  const present = new Set(listWords(text));
  let shared = 0;
  for (const word of wanted) if (present.has(word)) shared += 1;
  return shared;
}

/** Distinctive words of the sources, leaving out those of the employer, role and recipient. */
export function listSourceWords(sources: readonly string[], subject: DraftSubject): Set<string> {
  const words = listDistinctiveWords(sources.join(' \n '));
  const exclude = collectNameWords([subject.employerName, subject.role, subject.recipientName]);
  for (const word of exclude) words.delete(word);
  return words;
}

/** Words too generic to stand for an employer on their own ("University", "Bank"). */
const GENERIC_EMPLOYER_WORDS = new Set(
  (
    'the university college school group bank council company partners associates services ' +
    'solutions consulting holdings international global national british royal trust ' +
    'foundation london city county department ministry office agency'
  ).split(' '),
);

/**
 * The ways a draft may name the employer: the full name, the name without a legal suffix, or
 * its first word when that is distinctive ("Brightwater" for "Brightwater Analytics Ltd").
 */
export function listEmployerNames(employerName: string): string[] {
  const short = findShortEmployerName(employerName);
  const names = [employerName, short];
  const first = short.split(/\s+/)[0] ?? '';
  const word = first.toLowerCase();
  if (listWords(first).length === 1 && word.length >= 4 && !GENERIC_EMPLOYER_WORDS.has(word)) {
    names.push(first);
  }
  return names;
}

/** The words of a text with where they start, apostrophes straightened. */
export function listTokens(text: string): { word: string; folded: string }[] {
  const plain = text.replace(/[\u2018\u2019\u02bc]/g, "'");
  return [...plain.matchAll(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu)].map((m) => ({
    word: m[0],
    folded: foldText(m[0]),
  }));
}

/**
 * Whether `text` names `name` (its words in a row), comparing without case, accents or
 * apostrophe style ("Dear Sean" names "Seán", "O’Brien" names "O'Brien"). With `capital`, the
 * first word must be written with a capital, so "will" does not name Will.
 */
export function containsName(text: string, name: string, capital = false): boolean {
  const wanted = listTokens(name).map((token) => token.folded);
  if (wanted.length === 0) return false;
  const tokens = listTokens(text);
  for (let i = 0; i + wanted.length <= tokens.length; i += 1) {
    if (wanted.every((word, k) => tokens[i + k]?.folded === word)) {
      if (!capital || /^\p{Lu}/u.test(tokens[i]?.word ?? '')) return true;
    }
  }
  return false;
}

/** Sentences of a draft, a line break also ending one (greetings and sign-offs stand alone). */
function splitDraftSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

const THIRD_PERSON = /\b(?:she|he|her|him|his|hers|herself|himself)\b/i;

/** The sentence that names the recipient and speaks of them as she or he, or null. */
export function findThirdPersonSentence(text: string, names: readonly string[]): string | null {
  for (const sentence of splitDraftSentences(text)) {
    if (!THIRD_PERSON.test(sentence)) continue;
    if (names.some((name) => containsName(sentence, name, true))) return sentence;
  }
  return null;
}

/** The gap the draft writer leaves for the candidate, exactly as `formatNoteGap` writes it. */
export const GAP_PATTERN = /\[Finish this: [^\]]*\]/u;
export const GAP_PATTERN_ALL = new RegExp(GAP_PATTERN.source, 'gu');

/** What in the draft belongs to another interviewer: their name, title or topic, or null. */
export function findOtherRecipient(text: string, subject: DraftSubject): string | null {
  const own = new Set(
    listTokens(
      [
        subject.recipientName,
        subject.recipientTitle ?? '',
        subject.role,
        subject.employerName,
      ].join(' '),
    ).map((t) => t.folded),
  );
  const shared = listDistinctiveWords(
    foldText(
      [
        ...subject.specificSources,
        subject.fitSource,
        subject.role,
        subject.employerName,
        subject.recipientTitle ?? '',
      ].join(' \n '),
    ),
  );
  for (const other of subject.otherInterviewers ?? []) {
    if (foldText(other.name) === foldText(subject.recipientName)) continue;
    const otherWords = listTokens(other.name)
      .map((t) => t.word)
      .filter((word) => !HONORIFIC_WORDS.has(word.toLowerCase().replace(/\.$/, '')));
    if (containsName(text, other.name)) return other.name;
    for (const word of otherWords) {
      if (word.length < 3 || own.has(foldText(word))) continue;
      if (containsName(text, word, true)) return word;
    }
    const title = other.title?.trim();
    if (
      title &&
      foldText(title) !== foldText(subject.recipientTitle ?? '') &&
      !foldText(subject.role).includes(foldText(title)) &&
      containsName(text, title, true)
    ) {
      return title;
    }
    if (other.notes) {
      const topic = [...listDistinctiveWords(foldText(other.notes))].filter(
        (word) => word.length >= 4 && !shared.has(word) && !own.has(word),
      );
      const present = new Set(listWords(foldText(text)));
      const used = topic.filter((word) => present.has(word));
      if (used.length >= 2) return used.slice(0, 3).join(', ');
    }
  }
  return null;
}

const HONORIFIC_WORDS = new Set(
  'mr mrs ms miss mx dr prof professor sir dame lord lady rev revd'.split(' '),
);
