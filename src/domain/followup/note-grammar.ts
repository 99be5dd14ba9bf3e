/**
 * The grammar of turning a note around: "you" for the recipient, verb-led fragments as clauses,
 * noun phrases with their articles, capitals kept for names.
 */
import nlp from 'compromise';
import { foldText } from './employer-name.js';
import { joinTerms, listTerms, type Term } from './note-terms.js';
import type { NoteRole } from './notes-to-sentences.js';

export const THIRD_PERSON = /\b(?:she|he|her|him|his|hers|herself|himself)\b/i;
const SUBJECTS = new Set(['i', 'we', 'you', 'they', 'it', 'there', 'this', 'that']);
const TALK_VERBS = new Set(
  'talk talked discuss discussed chat chatted cover covered spoke speak went go agreed agree compared compare laughed laugh touched'.split(
    ' ',
  ),
);
export const SUBORDINATORS = new Set(
  'that which who whom whose where when how why what whether if because'.split(' '),
);
export const QUESTION_STARTS =
  /^(?:what|how|when|where|who|whom|whose|which|why|is|are|was|were|do|does|did|will|would|could|can|should|shall|may|might|has|have)\b/i;

/** Whether the note names one of `names` (folded, whole words). */
export function namesAnyone(text: string, names: readonly string[]): boolean {
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
export function speakToRecipient(text: string, recipientName: string | undefined): string | null {
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

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Whether a capitalised first word is a name to keep as written (acronym, person, place, firm). */
export function isNameLike(term: Term, capitalisedLater = false): boolean {
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
export function shapePhrase(text: string, role: NoteRole): string {
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
export function isFiniteVerb(terms: readonly Term[], i: number): boolean {
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
export function isClause(terms: readonly Term[]): boolean {
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
export function makeClause(terms: readonly Term[], role: NoteRole): string | null {
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

export function endSentence(text: string): string {
  const trimmed = text.replace(/[\s,;:]+$/u, '');
  return /[.?!]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
