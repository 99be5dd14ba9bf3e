/**
 * Employer names as people write them: "Hargreaves and Pollard" names "Hargreaves & Pollard LLP",
 * "the University of Bristol" names "University of Bristol". Pure; shared by the draft checker
 * and (later) the duplicate-submission guard.
 */

const LEGAL_SUFFIX =
  /(?:\s|,)+(?:ltd|limited|plc|p\.l\.c|llp|l\.l\.p|llc|inc|incorporated|co|company limited)\.?$/iu;

/** Folds a text for comparison: no accents, straight apostrophes, lower case. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'")
    .toLowerCase();
}

/** The words of a folded name or text, with "&" read as "and" and punctuation dropped. */
function listNameWords(text: string): string[] {
  return foldText(text)
    .replace(/&/g, ' and ')
    .replace(/'/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/**
 * The comparison key of an employer name: folded, "&" = "and", no leading "the", no legal
 * suffix ("The Hargreaves & Pollard LLP" -> "hargreaves and pollard").
 */
export function normaliseEmployerName(name: string): string {
  let plain = name.trim();
  for (let i = 0; i < 3 && LEGAL_SUFFIX.test(plain); i += 1) {
    plain = plain.replace(LEGAL_SUFFIX, '').trim();
  }
  const words = listNameWords(plain);
  if (words[0] === 'the' && words.length > 1) words.shift();
  return words.join(' ');
}

/** Whether two employer names name the same employer (by their comparison keys). */
export function isSameEmployer(a: string, b: string): boolean {
  const key = normaliseEmployerName(a);
  return key.length > 0 && key === normaliseEmployerName(b);
}

/** Whether `text` names the employer in full (legal suffix, "&"/"and", case and accents aside). */
export function mentionsEmployer(text: string, employerName: string): boolean {
  const wanted = normaliseEmployerName(employerName);
  if (wanted.length === 0) return false;
  const haystack = ` ${listNameWords(text).join(' ')} `;
  return haystack.includes(` ${wanted} `);
}
