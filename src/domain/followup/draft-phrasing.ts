/**
 * The wording the draft writer varies: the sentence patterns of each kind of draft, and how a
 * variant picks among them and fills them with the candidate's notes.
 */
import { fillTemplate } from '../validation/text.js';

/** A piece of the user's notes, ready to go into a sentence. */
export interface Snippet {
  text: string;
  /** True when it reads as a sentence of its own ("We talked about..."), false for a phrase. */
  clause: boolean;
  /** A marked gap for the candidate to finish: it stands alone, outside any pattern. */
  gap?: boolean;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Lower-cases the start of a clause when it is a common word ("You asked" -> "you asked"). */
function lowerClauseStart(text: string): string {
  const first = (text.split(/\s+/)[0] ?? '').toLowerCase();
  const common =
    /^(?:you|your|we|our|it|it's|there|this|that|they|their|the|a|an|how|what|my|these|those)$/;
  return common.test(first) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** A snippet as a whole sentence of its own. */
function asSentence(snippet: Snippet): string {
  if (snippet.gap) return snippet.text;
  const text = capitalise(snippet.text);
  return /[?!]$/.test(text) ? text : `${text}.`;
}

/**
 * Which phrasing to use: the recipient's position among those written for the same channel,
 * and the attempt (0 first; later attempts are tried when a draft is too close to another).
 */
export interface Variant {
  index: number;
  attempt: number;
}

/** FNV-1a hash of a short string, as an unsigned 32-bit number. */
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  // Murmur3's finaliser spreads every input bit over the low bits used by `%`.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/**
 * Picks from a list for a variant. The first attempt rotates every list together, so that
 * neighbours differ in every sentence; later attempts choose each list independently.
 */
export function pick<T>(list: readonly T[], variant: Variant, salt: number): T {
  const position =
    variant.attempt === 0
      ? variant.index + salt
      : hashText(`${variant.index}/${variant.attempt}/${salt}`);
  const item = list[position % list.length];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Fills a phrase or clause pattern with a snippet. */
export function fillSnippet(
  phraseLines: readonly string[],
  clauseLines: readonly string[],
  snippet: Snippet,
  variant: Variant,
  salt: number,
  values: Readonly<Record<string, string>>,
): string {
  if (snippet.gap) return snippet.text;
  if (snippet.clause) {
    const line = pick(clauseLines, variant, salt);
    const x = asSentence(snippet);
    return fillTemplate(line, { ...values, X: x, x: lowerClauseStart(x) });
  }
  const line = pick(phraseLines, variant, salt);
  return fillTemplate(line, { ...values, x: snippet.text, X: capitalise(snippet.text) });
}

export const EMAIL_OPENERS = [
  'Thank you for {met} about {roleRef} at {employer}.',
  'Thank you very much for your time on {weekday}, and for talking me through {roleRef} at {employer}.',
  'Many thanks for {met} to discuss {roleRef} at {employer}; I really enjoyed it.',
  'I wanted to thank you for {met} about {roleRef} at {employer}.',
  'It was a pleasure to {spoke} you, and thank you for the chance to talk about {roleRef} at {employer}.',
];
export const NOTE_OPENERS = [
  'I am writing to thank you for your time on {weekday} and for all I learnt about {roleRef} at {employer}.',
  'Many thanks for your time on {weekday} and for all you told me about {roleRef} at {employer}.',
  'I am writing to thank you for the interview for {roleRef} at {employer}.',
  'Your time on {weekday} was much appreciated, and I enjoyed learning about {roleRef} at {employer}.',
  'Thank you so much for {met} about {roleRef} at {employer}; I came away with a far clearer picture of it.',
  'I am grateful for the chance to discuss {roleRef} at {employer} with you.',
];
/** A hand-written note has its own wording, never the email's sentences. */
export const NOTE_TITLE_LINES = [
  'It meant a great deal to hear about the work from you, as {title}.',
  'Your perspective as {title} was especially valuable.',
];
export const NOTE_TOPIC_PHRASE_LINES = [
  'I was so glad we could talk about {x}.',
  'Our talk about {x} was a highlight of the day for me.',
  'I am still thinking over what you told me about {x}.',
];
export const NOTE_TOPIC_CLAUSE_LINES = [
  'One moment I will remember: {x}',
  'I was glad of our conversation. {X}',
];
export const NOTE_LIKED_PHRASE_LINES = [
  'I was struck by {x}.',
  'It was good to learn about {x}.',
  '{X} left a lasting impression.',
];
export const NOTE_LIKED_CLAUSE_LINES = [
  'I came away impressed. {X}',
  'What stayed with me most: {x}',
];
export const NOTE_FIT_PHRASE_LINES = [
  'I hope {x} would let me contribute to the team.',
  'I feel {x} would suit the role well.',
  'I would be glad to bring {x} to the team.',
];
export const NOTE_FIT_CLAUSE_LINES = [
  'I feel the role would suit me well. {X}',
  'I hope I could contribute: {x}',
];
export const TEAM_OPENERS = [
  'Thank you all for {met} about {roleRef} at {employer}.',
  'Thank you for your time on {weekday}, and for telling me so much about {roleRef} at {employer}.',
];
export const TITLE_LINES = [
  'Hearing how the work looks from your side, as {title}, was particularly useful.',
  'It was helpful to hear the perspective of the {title}.',
  'Your view of the work as {title} gave me a much clearer picture of it.',
];
export const TOPIC_PHRASE_LINES = [
  'I especially enjoyed our conversation about {x}.',
  'I have been thinking about what you said about {x} ever since.',
  'Our discussion of {x} stayed with me afterwards.',
  'I appreciated hearing about {x}.',
];
export const TOPIC_CLAUSE_LINES = [
  'One part of our conversation has stayed with me: {x}',
  'I keep coming back to part of our conversation. {X}',
  'Our conversation has been on my mind since. {X}',
];
export const LIKED_PHRASE_LINES = [
  'I especially liked {x}.',
  'What stood out for me at {short} was {x}.',
  'I came away impressed by {x}.',
  '{X} made a real impression on me.',
];
export const LIKED_CLAUSE_LINES = [
  'I left with a very good impression of {short}. {X}',
  'Something that stood out for me: {x}',
  'I came away enthusiastic. {X}',
];
export const FIT_PHRASE_LINES = [
  "I'm confident that {x} would let me make a real contribution.",
  'I believe {x} would make me a good fit for the team.',
  "Having thought it over, I'm sure {x} would serve me well in this role.",
  'I would bring {x} to the role from the first day.',
];
export const FIT_CLAUSE_LINES = [
  "I'm even more sure the role would suit me. {X}",
  'Thinking it over, I believe I would fit in well: {x}',
  'I think I could contribute a great deal. {X}',
];
/** When the fit note is left out or missing: a plain line that still says why. */
export const FIT_FALLBACK_LINES = [
  'I am sure I would fit in well with the team.',
  'I believe I could contribute a great deal to the team.',
  'Everything I heard convinced me the role would suit me.',
];
export const QUESTION_LEADS = [
  'A question has come up since we spoke. {Q}',
  'Since our conversation I have been wondering about one thing. {Q}',
  'One more question, if I may. {Q}',
];
export const EMAIL_CLOSERS = [
  'Thank you again for your time, and I look forward to hearing about the next steps.',
  'Please let me know if there is anything else I can send you.',
  "I'd be delighted to continue the conversation.",
  'Thanks again, and I hope the rest of your week goes well.',
  'I really appreciated your time.',
];
export const NOTE_CLOSERS = [
  'Thank you again for your time.',
  'I look forward to hearing about the next steps.',
  'With warm thanks once more.',
  'It would be a privilege to join you.',
  'I would be delighted to join the team.',
];
export const SUBJECTS = [
  'Thank you – {role} interview',
  'Thank you for your time',
  '{role} at {short}: thank you',
  'Following up on our conversation about {roleRef}',
  'With thanks for the {role} interview',
];
export const LINKEDIN_OPENERS = [
  'Hi {first}, thank you for {met} about {roleRef} at {short}.',
  'Hello {first}, many thanks for the conversation about {roleRef} at {short}.',
  '{first}, thank you for the interview for {roleRef} at {short}.',
  'Hi {first}, it was good to talk about {roleRef} at {short}. Thank you.',
  'Dear {first}, thank you for your time and the conversation about {roleRef} at {short}.',
  'Hello {first}, thanks again for the interview for {roleRef} at {short}.',
  'Hi {first}, I enjoyed discussing {roleRef} at {short}: thank you for your time.',
];
export const LINKEDIN_SHORT_OPENERS = [
  'Hi {first}, thank you for {met} at {short}.',
  'Hello {first}, many thanks for the interview at {short}.',
  '{first}, thank you for your time at {short}.',
  'Hi {first}, thank you for the conversation at {short}.',
  'Dear {first}, thanks for the interview at {short}.',
];
export const LINKEDIN_TOPIC_PHRASES = [
  'I enjoyed our talk about {x}.',
  '{X} stood out for me.',
  'I liked hearing about {x}.',
  'Our chat about {x} stayed with me.',
  'I keep thinking about {x}.',
];
export const LINKEDIN_LIKED_PHRASES = [
  'I especially liked {x}.',
  '{X} stood out for me.',
  'I was impressed by {x}.',
  'I came away keen on {x}.',
  'What I liked most was {x}.',
];
export const LINKEDIN_CLOSERS = [
  "I'd be glad to stay in touch.",
  'It would be good to stay connected.',
  "I'd like to keep in touch.",
  'Hope to stay in touch.',
  'Let’s stay connected.',
  'I would value the connection.',
];
