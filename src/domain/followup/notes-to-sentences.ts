/**
 * Turns the candidate's notes into words a draft can use, with the `compromise` English NLP
 * library: the recipient in the second person, verb-led fragments made into clauses, capitals
 * and articles, possessives kept. A note that cannot be turned safely becomes a marked gap
 * ("[Finish this: …]") with the note beside it; pay, complaints and pressure are left out.
 * Nothing is ever cut in the middle.
 */
import nlp from 'compromise';
import { foldText } from './employer-name.js';
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
export type LeftOutReason = 'salary' | 'negative' | 'pushy';

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
export const MAX_NOTE_WORDS = 32;

/** The marked gap for a note the candidate must finish; the checker's `unfinished-gap` finds it. */
export function formatNoteGap(note: string): string {
  return `[Finish this: ${note.replace(/\[/g, '(').replace(/\]/g, ')')}]`;
}

/** Pressure and calls never go into a thank-you (the checker's patterns, kept in one place). */
export type PressureTest = (text: string) => boolean;

interface Term {
  text: string;
  tags: Set<string>;
  pre: string;
  post: string;
}

function listTerms(text: string): Term[] {
  const json = nlp(text).terms().json() as {
    terms: { text: string; tags: string[]; pre: string; post: string }[];
  }[];
  return json.flatMap((entry) =>
    entry.terms.map((term) => {
      // compromise leaves a plural possessive's apostrophe outside the word ("Centres" + "' ").
      const apostrophe = /^'/.test(term.post) ? "'" : '';
      const text = `${term.text}${apostrophe}`;
      return {
        text,
        // "Centres'" and "team's" are possessive nouns, whatever the tagger guessed.
        tags: /\p{L}(?:'|'s)$/u.test(text) ? new Set(['Noun', 'Possessive']) : new Set(term.tags),
        pre: term.pre,
        post: apostrophe ? term.post.slice(1) : term.post,
      };
    }),
  );
}

function joinTerms(terms: readonly Term[]): string {
  return terms
    .map((term, i) => `${i === 0 ? term.pre.trimStart() : term.pre}${term.text}${term.post}`)
    .join('')
    .trim();
}

const EMOJI = /[\p{Extended_Pictographic}\uFE0F\u200D]/gu;

/** Note-taking shorthand, written out ("3 yrs" -> "3 years"). */
const SHORTHAND: Readonly<Record<string, string>> = {
  yrs: 'years',
  yr: 'year',
  mths: 'months',
  mth: 'month',
  wks: 'weeks',
  mgmt: 'management',
  mgr: 'manager',
  dept: 'department',
  govt: 'government',
  approx: 'about',
  exp: 'experience',
  w: 'with',
};

/** One line: no emoji, straight apostrophes, shorthand written out, no closing punctuation. */
function cleanNote(raw: string): string {
  return raw
    .replace(/\n\s*[-*•–]\s+/gu, ', ')
    .replace(/\b(yrs|yr|mths|mth|wks|mgmt|mgr|dept|govt|approx|exp)\b\.?|\bw\/(?=\s)/gi, (word) => {
      const key = word.replace(/[./]$/u, '').toLowerCase();
      return SHORTHAND[key] ?? word;
    })
    .replace(EMOJI, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/^\s*(?:[-*•–]\s+)+/u, '')
    .replace(/[\s.;,:…]+$/u, '')
    .trim();
}

function countNoteWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

const THIRD_PERSON = /\b(?:she|he|her|him|his|hers|herself|himself)\b/i;
const SUBJECTS = new Set(['i', 'we', 'you', 'they', 'it', 'there', 'this', 'that']);
const TALK_VERBS = new Set(
  'talk talked discuss discussed chat chatted cover covered spoke speak went go agreed agree compared compare laughed laugh touched'.split(
    ' ',
  ),
);
const SUBORDINATORS = new Set(
  'that which who whom whose where when how why what whether if because'.split(' '),
);
const QUESTION_STARTS =
  /^(?:what|how|when|where|who|whom|whose|which|why|is|are|was|were|do|does|did|will|would|could|can|should|shall|may|might|has|have)\b/i;

/** Whether the note names one of `names` (folded, whole words). */
function namesAnyone(text: string, names: readonly string[]): boolean {
  const folded = ` ${foldText(text).replace(/[^\p{L}\p{N}']+/gu, ' ')} `;
  return names.some((name) =>
    foldText(name)
      .split(/[^\p{L}\p{N}']+/u)
      .filter((word) => word.length >= 3 && !/^(?:mr|mrs|ms|miss|dr|prof|sir)$/.test(word))
      .some((word) => folded.includes(` ${word} `) || folded.includes(` ${word}'s `)),
  );
}

/** "is" -> "are" and "manages" -> "manage" after a new "you". */
function agreeWithYou(verb: Term): string {
  const lower = verb.text.toLowerCase();
  const fixed: Record<string, string> = { is: 'are', was: 'were', has: 'have', does: 'do' };
  if (fixed[lower]) return fixed[lower];
  if (verb.tags.has('PresentTense') && !verb.tags.has('Gerund') && /s$/.test(lower)) {
    const infinitive = (nlp(lower).verbs().toInfinitive().text() || lower).trim();
    return infinitive.length > 0 ? infinitive : lower;
  }
  return verb.text;
}

/**
 * The interviewer's own note spoken to them: she/he -> you, her/his -> your, him -> you, with
 * the verb after a new "you" agreeing. Null when it cannot be done safely.
 */
function speakToRecipient(text: string, recipientName: string | undefined): string | null {
  let working = text;
  if (recipientName) {
    // "Tom's view" -> "your view" in a note to Tom.
    const words = foldText(recipientName)
      .split(/\s+/)
      .filter((w) => w.length >= 2 && !/^(?:mr|mrs|ms|miss|dr|prof|sir)\.?$/.test(w));
    const possessives = new Set(words.map((word) => `${word}'s`));
    working = working
      .split(/(\s+)/u)
      .map((token) => {
        const bare = token.replace(/[.,;:!?]+$/u, '');
        return possessives.has(foldText(bare)) ? `your${token.slice(bare.length)}` : token;
      })
      .join('');
    if (namesAnyone(working, [recipientName])) return null;
  }
  if (!THIRD_PERSON.test(working)) return working;
  const terms = listTerms(working);
  const out: string[] = [];
  for (let i = 0; i < terms.length; i += 1) {
    const term = terms[i] as Term;
    const lower = term.text.toLowerCase();
    let text = term.text;
    if (lower === 'she' || lower === 'he') {
      text = 'you';
      const next = terms[i + 1];
      if (next && next.tags.has('Verb')) {
        out.push(`${term.pre}${matchCase(term.text, 'you')}${term.post}`);
        out.push(`${next.pre}${agreeWithYou(next)}${next.post}`);
        i += 1;
        continue;
      }
    } else if (lower === 'his') {
      text = 'your';
    } else if (lower === 'him') {
      text = 'you';
    } else if (lower === 'her') {
      const next = terms[i + 1];
      const possessive =
        next !== undefined &&
        (next.tags.has('Noun') || next.tags.has('Adjective')) &&
        !next.tags.has('Pronoun');
      text = possessive ? 'your' : 'you';
    } else if (lower === 'hers') {
      text = 'yours';
    } else if (lower === 'herself' || lower === 'himself') {
      text = 'yourself';
    }
    out.push(`${term.pre}${matchCase(term.text, text)}${term.post}`);
  }
  const result = out.join('').trim();
  return THIRD_PERSON.test(result) ? null : result;
}

function matchCase(original: string, replacement: string): string {
  return /^\p{Lu}/u.test(original) && replacement !== original
    ? replacement.charAt(0).toUpperCase() + replacement.slice(1)
    : replacement;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Whether a capitalised first word is a name to keep as written (acronym, person, place, firm). */
function isNameLike(term: Term, capitalisedLater = false): boolean {
  const bare = term.text.replace(/'s?$/u, '');
  if (/^\p{Lu}{2,}/u.test(bare)) return true;
  if (/^\p{Lu}\p{Ll}*\p{Lu}/u.test(bare)) return true;
  if (!/^\p{Lu}/u.test(bare)) return false;
  if (capitalisedLater) return true;
  return (
    term.tags.has('Person') ||
    term.tags.has('Place') ||
    term.tags.has('Organization') ||
    (term.tags.has('ProperNoun') && !term.tags.has('Adjective'))
  );
}

/** Institutions written with "the" ("the Department for Work and Pensions"). */
const INSTITUTION_HEADS =
  /^(?:department|ministry|office|university|home|foreign|cabinet|treasury|bank|national|royal|crown|environment|food|financial|high|supreme|met|metropolitan|british|open|institute|chartered|law|general)\b/i;

/** A noun phrase ready for "I especially liked {x}": lower-case start, article where needed. */
function shapePhrase(text: string, role: NoteRole): string {
  const terms = listTerms(text);
  // "3 years retail dashboards" -> "3 years of retail dashboards".
  const span = terms.findIndex(
    (t, i) =>
      /^(?:years?|months?)$/i.test(t.text) &&
      t.post.trim() === '' &&
      terms[i + 1] !== undefined &&
      !terms[i + 1]?.tags.has('Preposition') &&
      !terms[i + 1]?.tags.has('Gerund') &&
      !terms[i + 1]?.tags.has('Verb') &&
      !terms[i + 1]?.tags.has('Conjunction') &&
      !/ing$/i.test(terms[i + 1]?.text ?? '') &&
      (terms[i + 1]?.tags.has('Noun') || terms[i + 1]?.tags.has('Adjective')),
  );
  if (span >= 0) {
    const at = terms[span] as Term;
    terms[span] = { ...at, post: ' of ' };
  }
  const first = terms[0];
  if (!first) return text;
  let words = joinTerms(terms);
  // "Department for Work and Pensions": a capital further on shows a name.
  const capitalisedLater = terms.slice(1).some((t) => /^\p{Lu}\p{Ll}/u.test(t.text));
  if (/^\p{Lu}/u.test(first.text) && !isNameLike(first, capitalisedLater)) {
    words = words.charAt(0).toLowerCase() + words.slice(1);
  }
  const lowerFirst = first.text.toLowerCase();
  const last = terms[terms.length - 1] as Term;
  const determined =
    first.tags.has('Determiner') ||
    first.tags.has('Possessive') ||
    first.tags.has('Pronoun') ||
    first.tags.has('Value') ||
    first.tags.has('Preposition') ||
    /^(?:how|what|why|where|when|who|whether|all|both|each|every|some|any|many|much|more|most|no)$/.test(
      lowerFirst,
    );
  if (determined) {
    return role === 'fit' && first.tags.has('Value') ? `my ${words}` : words;
  }
  const second = terms[1];
  const compound =
    first.tags.has('Gerund') &&
    second !== undefined &&
    second.tags.has('Noun') &&
    !second.tags.has('Possessive') &&
    (terms.length === 2 || terms[2]?.tags.has('Preposition') === true);
  if (first.tags.has('Gerund') && !compound) {
    return role === 'fit' ? `my experience of ${words}` : words;
  }
  if (terms.length === 1 && (role === 'interviewer' || role === 'question')) return words;
  if (isNameLike(first, capitalisedLater)) {
    if (role === 'fit') return `my experience with ${words}`;
    if (INSTITUTION_HEADS.test(first.text) && terms.length > 1) return `the ${words}`;
    // "Leeds" stays; "Leeds office" is "the Leeds office".
    return terms.length > 1 && !terms[1]?.tags.has('ProperNoun') && terms[1]?.tags.has('Noun')
      ? `the ${words}`
      : words;
  }
  const headAt = terms.findIndex(
    (t, i) => i > 0 && (t.tags.has('Preposition') || t.tags.has('Conjunction')),
  );
  const head = headAt > 0 ? (terms[headAt - 1] as Term) : last;
  if (!compound && (head.tags.has('Gerund') || /ing$/i.test(head.text))) {
    return role === 'fit' ? `my ${words}` : words;
  }
  return role === 'fit' ? `my ${words}` : `the ${words}`;
}

/** Whether the term at `i` is a verb of its own (not "contract" in "the DWP contract"). */
function isFiniteVerb(terms: readonly Term[], i: number): boolean {
  const term = terms[i];
  const previous = terms[i - 1];
  if (!term || !term.tags.has('Verb')) return false;
  if (previous?.tags.has('Possessive')) return false;
  // "hiring plans", "training budget": a noun after a leading gerund, not a verb.
  if (i === 1 && previous?.tags.has('Gerund')) return false;
  if (
    term.tags.has('Infinitive') &&
    !term.tags.has('Copula') &&
    previous !== undefined &&
    !previous.tags.has('Pronoun') &&
    !previous.tags.has('Modal') &&
    !previous.tags.has('Auxiliary')
  ) {
    return false;
  }
  return true;
}

/** Whether terms read as a clause: a subject, then a finite verb. */
function isClause(terms: readonly Term[]): boolean {
  const first = terms[0];
  if (!first) return false;
  if (SUBJECTS.has(first.text.toLowerCase()) && terms.length > 1) return true;
  if (SUBORDINATORS.has(first.text.toLowerCase())) return false;
  const verbAt = terms.findIndex(
    (term, i) =>
      i > 0 &&
      isFiniteVerb(terms, i) &&
      !term.tags.has('Gerund') &&
      !(terms[i - 1]?.text.toLowerCase() === 'to') &&
      (term.tags.has('PresentTense') ||
        term.tags.has('PastTense') ||
        term.tags.has('Copula') ||
        term.tags.has('Modal') ||
        term.tags.has('Auxiliary')),
  );
  if (verbAt <= 0) return false;
  const before = terms.slice(0, verbAt);
  // The subject must start like one ("the team", "Leeds"), with no "and" to misread.
  const opener = before[0] as Term;
  const startsLikeSubject =
    opener.tags.has('Determiner') ||
    opener.tags.has('Possessive') ||
    opener.tags.has('Pronoun') ||
    isNameLike(opener);
  if (!startsLikeSubject || before.some((t) => t.tags.has('Conjunction'))) return false;
  // "your view that the team matters": the verb belongs to a clause inside a noun phrase.
  if (before.some((t, i) => i > 0 && SUBORDINATORS.has(t.text.toLowerCase()))) return false;
  // "the way the team works": a second determiner starts a clause inside the phrase.
  if (before.filter((t) => t.tags.has('Determiner')).length >= 2) return false;
  return before.some((t) => t.tags.has('Noun') || t.tags.has('Pronoun'));
}

/** The subject a verb-led fragment is given: "you" did it, "we" talked, "I" bring. */
function chooseSubject(verb: Term, role: NoteRole): string {
  if (role === 'fit' || role === 'liked') return 'I';
  const infinitive = (nlp(verb.text).verbs().toInfinitive().text() || verb.text).toLowerCase();
  return TALK_VERBS.has(verb.text.toLowerCase()) || TALK_VERBS.has(infinitive) ? 'we' : 'you';
}

/** A verb-led fragment as a clause: "asked why I left" -> "You asked why I left." */
function makeClause(terms: readonly Term[], role: NoteRole): string | null {
  const verb = terms[0];
  if (!verb) return null;
  const subject = chooseSubject(verb, role);
  let verbText = verb.text.toLowerCase();
  if (role === 'interviewer' && !verb.tags.has('PastTense')) {
    const past = nlp(verbText).verbs().toPastTense().text().trim();
    if (!past || /\s/.test(past)) return null;
    verbText = past;
  } else if (role !== 'interviewer' && verb.tags.has('PresentTense') && /s$/.test(verbText)) {
    verbText = (nlp(verbText).verbs().toInfinitive().text() || verbText).trim();
  }
  const rest = joinTerms(terms.slice(1));
  return `${capitalise(subject)} ${verbText}${rest ? ` ${rest}` : ''}`;
}

function endSentence(text: string): string {
  const trimmed = text.replace(/[\s,;:]+$/u, '');
  return /[.?!]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

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
