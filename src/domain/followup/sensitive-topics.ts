/**
 * What never goes into a follow-up: the candidate's own pay, package, benefits, holiday allowance,
 * notice period and £ amounts, and complaints about a current or former employer. Used by the
 * draft writer (the note is left out) and by the checker (`salary`, `negative`).
 */
import { foldText } from './employer-name.js';

const SALARY_PATTERNS: readonly RegExp[] = [
  /£\s?\d[\d,.]*\s?(?:k|m|bn)?\b/i,
  /\b\d+(?:\.\d+)?\s?k\b(?![\w-])(?=[^.?!\n]{0,40}\b(?:salary|pay|package|a year|per annum|pa)\b)/i,
  /\b\d{2,3}(?:,\d{3})\s?(?:a year|per annum|p\.?a\.?)\b/i,
  /\b(?:salary|salaries|remuneration|wages?|per annum)\b/i,
  /\bpay\s?(?:band|bands|rise|rises|scale|scales|grade|range|review|increase|cut|packet|slip)\b/i,
  /\b(?:my|the|your|their|a|higher|better|more|starting|take-home|base)\s+pay\b(?!\s+attention)/i,
  /\bpay(?:s|ing)?\s+(?:more|less|well|better)\b/i,
  /\b(?:package|packages)\b/i,
  /\bbenefits?\s+(?:package|scheme|on offer)\b/i,
  /\b(?:the|your|their|good|great|generous|staff|employee)\s+benefits\b(?!\s+of\b)/i,
  /\bbenefits\s*(?:[?,]|$)/i,
  /(?<!\bwork and |\bwork & )\b(?:pension|pensions)\b(?!\s+(?:scheme\s+)?(?:admin|administration|administrator|law|lawyer|fund manager|policy))/i,
  /\bbonus(?:es)?\b/i,
  /\b(?:share|stock) options\b/i,
  /\b(?:car|travel|relocation|london) allowance\b/i,
  /\bholiday\s+(?:allowance|entitlement|days|pay)\b/i,
  /\bannual leave\b/i,
  /\b\d+\s+days'?\s+(?:of\s+)?(?:holiday|leave|annual leave)\b/i,
  /\bnotice\s+period\b/i,
  /\b(?:my|a|one month's|three months'?|\d+ (?:weeks|months)'?)\s+notice\b/i,
  /\bhand(?:ed|ing)? in my notice\b/i,
];

/** Phrases that contain a salary word without being about pay. */
const SALARY_EXEMPT: readonly RegExp[] = [/\bpay(?:ing)?\s+(?:close\s+)?attention\b/gi];

const EMPLOYER_REF =
  /\b(?:my|our)\s+(?:current|present|previous|last|former|old|ex-?)?\s*(?:employer|employers|boss|manager|line manager|company|firm|job|workplace|organisation|organization|team|management|director|colleagues|office)\b|\b(?:current|present|previous|last|former|old)\s+(?:employer|boss|manager|company|firm|job|workplace|organisation|organization|team)\b|\bwhere I (?:work|worked) (?:now|before)\b/i;

const NEGATIVE_WORDS =
  /\b(?:nightmare|awful|terrible|toxic|useless|incompetent|hopeless|chaotic|chaos|dreadful|horrible|appalling|shambles|a joke|worst|hate|hated|hating|can't stand|cannot stand|couldn't stand|clueless|miserable|disaster|disastrous|rubbish|pathetic|unbearable|dysfunctional|idiots?|stupid|lazy|bullies|bully|bullying|micromanag\w*|badly (?:run|managed)|poorly (?:run|managed)|sick of|fed up|stuck in a dead[- ]end|dead[- ]end|underpaid|undervalued|unappreciated|exploit\w*)\b/i;

const NEGATIVE_DIRECT: readonly RegExp[] = [
  /\b(?:escape|get away from|get out of)\s+(?:my|the)\s+(?:current|present)?\s*(?:job|employer|boss|manager|company)\b/i,
];

/** Replaces every exempt phrase (a title, the role, the employer, "pay attention") with spaces. */
function blankExemptions(text: string, exemptPhrases: readonly string[]): string {
  let out = foldText(text).replace(/&/g, 'and');
  for (const pattern of SALARY_EXEMPT) out = out.replace(pattern, (m) => ' '.repeat(m.length));
  const phrases = [...exemptPhrases]
    .map((phrase) => foldText(phrase).replace(/&/g, 'and').trim())
    .filter((phrase) => phrase.length > 0)
    .sort((a, b) => b.length - a.length);
  for (const phrase of phrases) {
    let at = out.indexOf(phrase);
    while (at >= 0) {
      out = out.slice(0, at) + ' '.repeat(phrase.length) + out.slice(at + phrase.length);
      at = out.indexOf(phrase, at + phrase.length);
    }
  }
  return out;
}

/**
 * The first phrase about the candidate's own pay, package, benefits, holiday, notice or a £
 * amount, or null. Words of `exemptPhrases` (role, employer, titles) do not count.
 */
export function findSalaryPhrase(
  text: string,
  exemptPhrases: readonly string[] = [],
): string | null {
  const plain = blankExemptions(text, exemptPhrases);
  for (const pattern of SALARY_PATTERNS) {
    const found = pattern.exec(plain);
    if (found) return found[0].trim();
  }
  return null;
}

/** The sentence complaining about a current or former employer, or null. */
export function findNegativeSentence(text: string): string | null {
  const sentences = text
    .replace(/[\u2018\u2019]/g, "'")
    .split(/(?<=[.!?])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  for (const sentence of sentences) {
    if (NEGATIVE_DIRECT.some((pattern) => pattern.test(sentence))) return sentence;
    if (EMPLOYER_REF.test(sentence) && NEGATIVE_WORDS.test(sentence)) return sentence;
  }
  return null;
}
