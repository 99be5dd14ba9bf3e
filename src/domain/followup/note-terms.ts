/** A raw note made ready for the converter: cleaned of emoji and shorthand, split into terms. */
import nlp from 'compromise';

export interface Term {
  text: string;
  tags: Set<string>;
  pre: string;
  post: string;
}

export function listTerms(text: string): Term[] {
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

export function joinTerms(terms: readonly Term[]): string {
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
export function cleanNote(raw: string): string {
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

export function countNoteWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
