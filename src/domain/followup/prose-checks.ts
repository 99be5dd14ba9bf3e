/**
 * Prose checks of a draft: repeated words and "a"/"an" mistakes through the retext family,
 * spelling through a SpellChecker port (British English; the dictionary is loaded by an
 * adapter, because reading its files is I/O), and text-speak or emoji.
 */
import retextEnglish from 'retext-english';
import retextIndefiniteArticle from 'retext-indefinite-article';
import retextRepeatedWords from 'retext-repeated-words';
import { unified } from 'unified';
import { foldText } from './employer-name.js';

/** A spelling dictionary: whether a single word is spelt correctly. */
export interface SpellChecker {
  isCorrect(word: string): boolean;
}

/** One prose problem: the words as written and what is expected instead. */
export interface ProseProblem {
  actual: string;
  expected: string | null;
}

const proseLinter = unified()
  .use(retextEnglish)
  .use(retextRepeatedWords)
  .use(retextIndefiniteArticle)
  // retext only lints; a compiler that returns nothing lets `processSync` hand back the file.
  .use(function noCompiler(this: { compiler?: unknown }) {
    this.compiler = () => '';
  });

/** Repeated words ("the the") and article mistakes ("a honour"), as retext reports them. */
export function findProseProblems(text: string): {
  repeated: ProseProblem[];
  article: ProseProblem[];
} {
  const file = proseLinter.processSync(text);
  const repeated: ProseProblem[] = [];
  const article: ProseProblem[] = [];
  for (const message of file.messages) {
    const actual = message.actual ?? '';
    const expected = message.expected?.[0] ?? null;
    if (message.source === 'retext-repeated-words') repeated.push({ actual, expected });
    if (message.source === 'retext-indefinite-article') article.push({ actual, expected });
  }
  return { repeated, article };
}

/** Text-speak that a careful message spells out. */
const TEXT_SPEAK = new Set(
  (
    'u ur r ya thx thnx tnx ty pls plz gr8 l8r cya lol lmao tbh btw imo imho idk omg ' +
    'gonna wanna gotta luv cos coz cuz b4 2day 2moro tmrw tmw k kk asap xx xoxo'
  ).split(' '),
);

const EMOJI = /\p{Extended_Pictographic}/u;

/** The first text-speak word or emoji of a text, or null. */
export function findInformalWord(text: string): string | null {
  const emoji = EMOJI.exec(text);
  if (emoji) return emoji[0];
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0];
    // "I" and "A" stand alone in English; "ASAP" is for the pushy check.
    if (word === 'I' || word === 'A' || word.toUpperCase() === 'ASAP') continue;
    if (TEXT_SPEAK.has(word.toLowerCase())) return word;
  }
  return null;
}

/** Workplace words the dictionary lacks. */
const EXTRA_WORDS = new Set(
  (
    'onboarding upskilling reskilling offboarding stakeholder stakeholders workstream workstreams ' +
    'roadmap roadmaps dashboards dashboard analytics fintech proptech edtech healthtech ' +
    'startup startups scaleup scaleups email emails emailed emailing ecommerce webinar webinars ' +
    'timeline timelines skillset skillsets mindset upskill cybersecurity devops frontend backend ' +
    'inbox online offline wellbeing hybrid agile scrum kanban sprint sprints teamwork ' +
    'spreadsheet spreadsheets multi cross co pre re non'
  ).split(' '),
);

/**
 * The misspelt words of a text, each once. Skipped: names (`ignored`, folded), words with
 * digits, all-capital acronyms, capitalised words inside a sentence (names of people, places,
 * firms), text-speak (reported as informal) and a few workplace words.
 */
export function findMisspelledWords(
  text: string,
  spelling: SpellChecker,
  ignored: ReadonlySet<string>,
): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const plain = text.replace(/[\u2018\u2019\u02bc]/g, "'");
  const pattern = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;
  for (const match of plain.matchAll(pattern)) {
    const token = match[0];
    const at = match.index;
    const before = plain.slice(Math.max(0, at - 3), at);
    const startsSentence = at === 0 || /(?:[.!?:]\s*|\n\s*|^\s*|["(]\s*)$/u.test(before);
    for (const word of token.split('-')) {
      if (word.length < 2) continue;
      const bare = word.replace(/'s$|'$/u, '');
      const folded = foldText(bare);
      if (/\d/.test(word)) continue;
      if (ignored.has(folded)) continue;
      if (TEXT_SPEAK.has(folded) || EXTRA_WORDS.has(folded)) continue;
      if (/^\p{Lu}+$/u.test(bare) && bare.length > 1) continue;
      if (/^\p{Lu}/u.test(word) && !startsSentence) continue;
      if (/^\p{Lu}\p{Ll}*\p{Lu}/u.test(bare)) continue;
      if (spelling.isCorrect(word) || spelling.isCorrect(bare)) continue;
      if (spelling.isCorrect(bare.toLowerCase())) continue;
      if (seen.has(folded)) continue;
      seen.add(folded);
      found.push(word);
    }
  }
  return found;
}
