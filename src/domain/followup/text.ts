/**
 * Text helpers shared by the drafts and the draft checker: names, slugs, words, shingles and
 * the similarity measure used to spot duplicated notes.
 */

const HONORIFICS = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'professor',
  'sir',
  'dame',
  'lord',
  'lady',
  'rev',
  'revd',
]);

/** Words too common to show that a draft draws on the interview. */
const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have he her his how i ' +
    "i'd i'm i've if in into is it its just me more most my no not of on or our out over so some " +
    'such than that the their them then there these they this those to too up us very was we were ' +
    'what when where which while who why will with would you your yours about after again also ' +
    'really much many well being make made like liked love loved enjoyed enjoy great good nice ' +
    'thank thanks thanked thankful time interview interviewed interviews conversation chat talk ' +
    'talked talking meeting meet met role position job company team opportunity today yesterday ' +
    'week work working forward hearing hear look looking hope wish wanted want think thought ' +
    'especially particularly things thing lot lots one two three dear hello best regards kind wishes'
  ).split(' '),
);

/** Removes the honorifics (Mr, Dr, Prof...) from a name and splits it into words. */
function nameWords(name: string): string[] {
  const words = name.split(/\s+/).filter((word) => word.length > 0);
  const plain = words.filter((word) => !HONORIFICS.has(word.toLowerCase().replace(/\.$/, '')));
  return plain.length > 0 ? plain : words;
}

/** The first name to greet someone by ("Dr Jane Smith" -> "Jane"). */
export function findFirstName(name: string): string {
  return (nameWords(name)[0] ?? name).replace(/[,;:]+$/, '');
}

/** The family name, when the name has more than one word ("Dr Jane Smith" -> "Smith"). */
export function findSurname(name: string): string | undefined {
  const words = nameWords(name);
  return words.length > 1 ? words[words.length - 1]?.replace(/[,;:]+$/, '') : undefined;
}

/** The employer's name without a trailing legal suffix ("Acme Widgets Ltd" -> "Acme Widgets"). */
export function findShortEmployerName(name: string): string {
  const short = name
    .replace(/[\s,]+(ltd\.?|limited|plc|llp|l\.l\.p\.|llc|inc\.?|incorporated|co\.)$/i, '')
    .trim();
  return short.length > 0 ? short : name;
}

/** A lower-case ASCII slug of a name ("Zoë O'Brien" -> "zoe-o-brien"); "" when nothing is left. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
}

/** Collapses a slug-like comparison key: lower case, letters and digits only ("Media & PR" -> "mediapr"). */
export function toKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The words of a text, lower case, letters and digits (apostrophes inside words kept). */
export function listWords(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[\u2018\u2019]/g, "'")
      .match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? []
  );
}

/** How many words a text has (for the word limits). */
export function countWords(text: string): number {
  return listWords(text).length;
}

/** The distinctive words of a text: at least 3 letters and not a common word. */
export function listDistinctiveWords(text: string): Set<string> {
  return new Set(listWords(text).filter((word) => word.length >= 3 && !STOP_WORDS.has(word)));
}

/** The set of word n-shingles of a list of words. */
export function makeShingles(words: readonly string[], size = 3): Set<string> {
  const shingles = new Set<string>();
  if (words.length === 0) return shingles;
  if (words.length < size) {
    shingles.add(words.join(' '));
    return shingles;
  }
  for (let i = 0; i + size <= words.length; i += 1) {
    shingles.add(words.slice(i, i + size).join(' '));
  }
  return shingles;
}

/** Jaccard similarity of two sets: |A ∩ B| / |A ∪ B| (0 when both are empty). */
export function measureJaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** The text of `name` masked to `<name>` wherever any of `names` appears (for similarity). */
export function maskNames(words: readonly string[], names: ReadonlySet<string>): string[] {
  return words.map((word) => (names.has(word) ? '<name>' : word));
}

/** Cuts text to at most `max` UTF-16 units at a word boundary, ending with "…" when cut. */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  let cut = text.slice(0, max - 1);
  const space = cut.search(/\s\S*$/u);
  if (space > 0) cut = cut.slice(0, space);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.replace(/[\s,;:–—-]+$/u, '')}…`;
}
