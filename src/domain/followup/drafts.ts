/**
 * Draft messages for the plan's steps, written from the interview notes, the interviewer's own
 * notes, name and title, the role and the employer. Every draft is run through the checker
 * while it is written; phrasing is varied until no two interviewers get near-identical notes.
 */
import type { Temporal } from 'temporal-polyfill';
import {
  collectNameWords,
  findCallPhrase,
  findDraftProblems,
  findPushyPhrase,
  measureDraftSimilarity,
  type DraftSubject,
  type OtherDraft,
} from './draft-findings.js';
import type { FollowUpSettings } from './settings.js';
import { findFirstName, findShortEmployerName, findSurname, truncateAtWord } from './text.js';
import { describeDate } from './time.js';
import {
  formatNoteGap,
  turnNoteIntoSentence,
  type NoteRole,
  type NoteSentence,
} from './notes-to-sentences.js';
import type {
  ContactChannel,
  Draft,
  DraftFinding,
  EmployerStyle,
  FollowUpInput,
  Interviewer,
  StepKind,
} from './types.js';

/** Who a draft is for: an interviewer, or the hiring team when nobody was named. */
export interface DraftRecipient {
  interviewer?: Interviewer;
  name: string;
  isHiringTeam: boolean;
}

/** A step that needs a draft. */
export interface DraftRequest {
  stepId: string;
  kind: StepKind;
  channel: ContactChannel | null;
  recipient: DraftRecipient;
}

/** What the writer knows about the interview beyond the input. */
export interface DraftContext {
  input: FollowUpInput;
  settings: FollowUpSettings;
  /** The employer's style after applying the sector (for the tone of greetings). */
  tone: Exclude<EmployerStyle, 'unknown'> | 'neutral';
  interviewDate: Temporal.PlainDate;
  decisionDate: Temporal.PlainDate | null;
}

/** The hiring team, as a recipient. */
export const HIRING_TEAM_NAME = 'the hiring team';

const MAX_ATTEMPTS = 32;
/** The writer aims well below the checker's duplicate threshold, so notes read differently. */
const TARGET_SIMILARITY = 0.6;
/** A piece of the user's notes, ready to go into a sentence. */
interface Snippet {
  text: string;
  /** True when it reads as a sentence of its own ("We talked about..."), false for a phrase. */
  clause: boolean;
  /** A marked gap for the candidate to finish: it stands alone, outside any pattern. */
  gap?: boolean;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Lower-cases the start of a clause when it is a common word ("You asked" -> "you asked"). */
function lowerClauseStart(text: string): string {
  const first = (text.split(/\s+/)[0] ?? '').toLowerCase();
  const common =
    /^(?:you|your|we|our|it|it's|there|this|that|they|their|the|a|an|how|what|my|these|those)$/;
  return common.test(first) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** Whether a note presses for an answer or asks for a call (it is then left out). */
function isPressing(text: string): boolean {
  return findPushyPhrase(text, 'thank-you') !== null || findCallPhrase(text) !== null;
}

/** What one note becomes in a draft for `recipient` (see turnNoteIntoSentence). */
export function convertNote(
  input: FollowUpInput,
  raw: string | undefined,
  role: NoteRole,
  recipient?: DraftRecipient,
): NoteSentence | null {
  if (!raw) return null;
  const own = role === 'interviewer' ? recipient?.interviewer : undefined;
  return turnNoteIntoSentence(
    raw,
    role,
    {
      ...(own ? { recipientName: own.name } : {}),
      otherNames: input.interviewers
        .filter((other) => other.id !== own?.id)
        .map((other) => other.name),
      exemptPhrases: [
        input.role,
        input.employer.name,
        ...input.interviewers.map((i) => i.title ?? ''),
      ],
    },
    isPressing,
  );
}

/** Turns a note into a snippet, or null when it is empty or left out (pay, complaints, pressure). */
function prepareSnippet(
  input: FollowUpInput,
  raw: string | undefined,
  role: NoteRole,
  recipient?: DraftRecipient,
): Snippet | null {
  const sentence = convertNote(input, raw, role, recipient);
  if (!sentence || sentence.kind === 'left-out') return null;
  if (sentence.kind === 'gap') return { text: sentence.text, clause: true, gap: true };
  if (sentence.kind === 'clause') {
    return { text: sentence.text.replace(/\.$/u, ''), clause: true };
  }
  return { text: sentence.text, clause: false };
}

/** A snippet as a whole sentence of its own. */
function asSentence(snippet: Snippet): string {
  if (snippet.gap) return snippet.text;
  const text = capitalise(snippet.text);
  return /[?!]$/.test(text) ? text : `${text}.`;
}

/** A question from the notes, as a sentence (or a marked gap), or null when left out. */
function prepareQuestion(input: FollowUpInput, raw: string | undefined): string | null {
  const sentence = convertNote(input, raw, 'question');
  if (!sentence || sentence.kind === 'left-out') return null;
  return sentence.text;
}

/** "the University of Bristol": institutions read with "the" in a sentence. */
function withArticle(name: string): string {
  return /^(?:university|department|ministry|office|home office|royal|national|bank of|institute|college) /i.test(
    name,
  )
    ? `the ${name}`
    : name;
}

/** "the Data Analyst role", or "the Analyst position" when the role already says so. */
function describeRole(role: string): string {
  const plain = role.replace(/^the\s+/i, '');
  return /\b(?:role|position|job|post|vacancy|opportunity|placement|internship)$/i.test(plain)
    ? `the ${plain}`
    : `the ${plain} role`;
}

/** "meeting me" / "speaking with me", by interview format. */
function describeMeeting(input: FollowUpInput): string {
  return input.interview.format === 'in-person' ? 'meeting me' : 'speaking with me';
}

/** How to greet someone by name: formal notes use "Dr Smith" when a title was given. */
function greetingName(recipient: DraftRecipient, formal: boolean): string {
  const name = recipient.name;
  const first = name.split(/\s+/)[0] ?? '';
  const surname = findSurname(name);
  const honorific = /^(?:mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|lord|lady|rev|revd)\.?$/i;
  if (formal && surname && honorific.test(first)) return `${first} ${surname}`;
  return findFirstName(name);
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
function pick<T>(list: readonly T[], variant: Variant, salt: number): T {
  const position =
    variant.attempt === 0
      ? variant.index + salt
      : hashText(`${variant.index}/${variant.attempt}/${salt}`);
  const item = list[position % list.length];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Fills `{name}` placeholders of a sentence pattern. */
function fill(pattern: string, values: Readonly<Record<string, string>>): string {
  return pattern.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => values[name] ?? whole);
}

const EMAIL_OPENERS = [
  'Thank you for {met} about {roleRef} at {employer}.',
  'Thank you very much for your time on {weekday}, and for talking me through {roleRef} at {employer}.',
  'Many thanks for {met} to discuss {roleRef} at {employer}; I really enjoyed it.',
  'I wanted to thank you for {met} about {roleRef} at {employer}.',
  'It was a pleasure to {spoke} you, and thank you for the chance to talk about {roleRef} at {employer}.',
];
const NOTE_OPENERS = [
  'I am writing to thank you for your time on {weekday} and for all I learnt about {roleRef} at {employer}.',
  'Many thanks for your time on {weekday} and for all you told me about {roleRef} at {employer}.',
  'I am writing to thank you for the interview for {roleRef} at {employer}.',
  'Your time on {weekday} was much appreciated, and I enjoyed learning about {roleRef} at {employer}.',
  'Thank you so much for {met} about {roleRef} at {employer}; I came away with a far clearer picture of it.',
  'I am grateful for the chance to discuss {roleRef} at {employer} with you.',
];
/** A hand-written note has its own wording, never the email's sentences. */
const NOTE_TITLE_LINES = [
  'It meant a great deal to hear about the work from you, as {title}.',
  'Your perspective as {title} was especially valuable.',
];
const NOTE_TOPIC_PHRASE_LINES = [
  'I was so glad we could talk about {x}.',
  'Our talk about {x} was a highlight of the day for me.',
  'I am still thinking over what you told me about {x}.',
];
const NOTE_TOPIC_CLAUSE_LINES = [
  'One moment I will remember: {x}',
  'I was glad of our conversation. {X}',
];
const NOTE_LIKED_PHRASE_LINES = [
  'I was struck by {x}.',
  'It was good to learn about {x}.',
  '{X} left a lasting impression.',
];
const NOTE_LIKED_CLAUSE_LINES = ['I came away impressed. {X}', 'What stayed with me most: {x}'];
const NOTE_FIT_PHRASE_LINES = [
  'I hope {x} would let me contribute to the team.',
  'I feel {x} would suit the role well.',
  'I would be glad to bring {x} to the team.',
];
const NOTE_FIT_CLAUSE_LINES = [
  'I feel the role would suit me well. {X}',
  'I hope I could contribute: {x}',
];
const TEAM_OPENERS = [
  'Thank you all for {met} about {roleRef} at {employer}.',
  'Thank you for your time on {weekday}, and for telling me so much about {roleRef} at {employer}.',
];
const TITLE_LINES = [
  'Hearing how the work looks from your side, as {title}, was particularly useful.',
  'It was helpful to hear the perspective of the {title}.',
  'Your view of the work as {title} gave me a much clearer picture of it.',
];
const TOPIC_PHRASE_LINES = [
  'I especially enjoyed our conversation about {x}.',
  'I have been thinking about what you said about {x} ever since.',
  'Our discussion of {x} stayed with me afterwards.',
  'I appreciated hearing about {x}.',
];
const TOPIC_CLAUSE_LINES = [
  'One part of our conversation has stayed with me: {x}',
  'I keep coming back to part of our conversation. {X}',
  'Our conversation has been on my mind since. {X}',
];
const LIKED_PHRASE_LINES = [
  'I especially liked {x}.',
  'What stood out for me at {short} was {x}.',
  'I came away impressed by {x}.',
  '{X} made a real impression on me.',
];
const LIKED_CLAUSE_LINES = [
  'I left with a very good impression of {short}. {X}',
  'Something that stood out for me: {x}',
  'I came away enthusiastic. {X}',
];
const FIT_PHRASE_LINES = [
  "I'm confident that {x} would let me make a real contribution.",
  'I believe {x} would make me a good fit for the team.',
  "Having thought it over, I'm sure {x} would serve me well in this role.",
  'I would bring {x} to the role from the first day.',
];
const FIT_CLAUSE_LINES = [
  "I'm even more sure the role would suit me. {X}",
  'Thinking it over, I believe I would fit in well: {x}',
  'I think I could contribute a great deal. {X}',
];
/** When the fit note is left out or missing: a plain line that still says why. */
const FIT_FALLBACK_LINES = [
  'I am sure I would fit in well with the team.',
  'I believe I could contribute a great deal to the team.',
  'Everything I heard convinced me the role would suit me.',
];
const QUESTION_LEADS = [
  'A question has come up since we spoke. {Q}',
  'Since our conversation I have been wondering about one thing. {Q}',
  'One more question, if I may. {Q}',
];
const EMAIL_CLOSERS = [
  'Thank you again for your time, and I look forward to hearing about the next steps.',
  'Please let me know if there is anything else I can send you.',
  "I'd be delighted to continue the conversation.",
  'Thanks again, and I hope the rest of your week goes well.',
  'I really appreciated your time.',
];
const NOTE_CLOSERS = [
  'Thank you again for your time.',
  'I look forward to hearing about the next steps.',
  'With warm thanks once more.',
  'It would be a privilege to join you.',
  'I would be delighted to join the team.',
];
/** The closing that matches the greeting: "Dear Mr Pemberton" -> "Yours sincerely". */
function chooseSignOff(greetName: string, recipient: DraftRecipient): string {
  if (recipient.isHiringTeam) return 'Kind regards,';
  const formal = /^(?:mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|lord|lady|rev|revd)\.?\s/i;
  return formal.test(greetName) ? 'Yours sincerely,' : 'Best wishes,';
}
const SUBJECTS = [
  'Thank you – {role} interview',
  'Thank you for your time',
  '{role} at {short}: thank you',
  'Following up on our conversation about {roleRef}',
  'With thanks for the {role} interview',
];
const LINKEDIN_OPENERS = [
  'Hi {first}, thank you for {met} about {roleRef} at {short}.',
  'Hello {first}, many thanks for the conversation about {roleRef} at {short}.',
  '{first}, thank you for the interview for {roleRef} at {short}.',
  'Hi {first}, it was good to talk about {roleRef} at {short}. Thank you.',
  'Dear {first}, thank you for your time and the conversation about {roleRef} at {short}.',
  'Hello {first}, thanks again for the interview for {roleRef} at {short}.',
  'Hi {first}, I enjoyed discussing {roleRef} at {short}: thank you for your time.',
];
const LINKEDIN_SHORT_OPENERS = [
  'Hi {first}, thank you for {met} at {short}.',
  'Hello {first}, many thanks for the interview at {short}.',
  '{first}, thank you for your time at {short}.',
  'Hi {first}, thank you for the conversation at {short}.',
  'Dear {first}, thanks for the interview at {short}.',
];
const LINKEDIN_TOPIC_PHRASES = [
  'I enjoyed our talk about {x}.',
  '{X} stood out for me.',
  'I liked hearing about {x}.',
  'Our chat about {x} stayed with me.',
  'I keep thinking about {x}.',
];
const LINKEDIN_LIKED_PHRASES = [
  'I especially liked {x}.',
  '{X} stood out for me.',
  'I was impressed by {x}.',
  'I came away keen on {x}.',
  'What I liked most was {x}.',
];
const LINKEDIN_CLOSERS = [
  "I'd be glad to stay in touch.",
  'It would be good to stay connected.',
  "I'd like to keep in touch.",
  'Hope to stay in touch.',
  'Let’s stay connected.',
  'I would value the connection.',
];

/** Joins sentences into one paragraph. */
function paragraph(sentences: readonly (string | null | undefined)[]): string {
  return sentences.filter((s): s is string => !!s && s.length > 0).join(' ');
}

/** The writer's shared view of one draft: names, snippets and values for the patterns. */
function describeBasics(context: DraftContext, recipient: DraftRecipient) {
  const { input } = context;
  const formal = context.tone !== 'fast-moving';
  return {
    values: {
      met: describeMeeting(input),
      spoke: input.interview.format === 'in-person' ? 'meet' : 'speak with',
      roleRef: describeRole(input.role),
      role: input.role,
      employer: withArticle(input.employer.name),
      short: withArticle(findShortEmployerName(input.employer.name)),
      weekday: describeDate(context.interviewDate).split(' ')[0] ?? '',
      first: recipient.isHiringTeam ? 'there' : findFirstName(recipient.name),
      title: recipient.interviewer?.title ?? '',
    },
    greetName: recipient.isHiringTeam ? 'hiring team' : greetingName(recipient, formal),
    formal,
  };
}

/** Fills a phrase or clause pattern with a snippet. */
function fillSnippet(
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
    return fill(line, { ...values, X: x, x: lowerClauseStart(x) });
  }
  const line = pick(phraseLines, variant, salt);
  return fill(line, { ...values, x: snippet.text, X: capitalise(snippet.text) });
}

/**
 * What the candidate liked and why they would fit, as sentences for messages written outside
 * the draft writer (through the consultant, the combined late thank-you). A note left out (pay,
 * complaints, pressure) gives null; one that cannot be made a sentence is a marked gap.
 */
export function describeNotesAsSentences(
  input: FollowUpInput,
  short: string,
): { liked: string | null; fit: string | null } {
  const liked = prepareSnippet(input, input.notes.liked, 'liked');
  const fit = prepareSnippet(input, input.notes.fit, 'fit');
  const values = { short };
  const first: Variant = { index: 0, attempt: 0 };
  return {
    liked: liked
      ? fillSnippet(
          ['I especially liked {x}.'],
          ['Something that stood out for me: {x}'],
          liked,
          first,
          0,
          values,
        )
      : null,
    fit: fit
      ? fillSnippet(
          ['I believe {x} would make me a good fit for the team.'],
          ['Thinking it over, I believe I would fit in well: {x}'],
          fit,
          first,
          0,
          values,
        )
      : null,
  };
}

/** A thank-you email for one recipient, in the given variant. */
export function writeThankYouEmail(
  context: DraftContext,
  recipient: DraftRecipient,
  variant: Variant,
): Draft {
  const { input } = context;
  const { values, greetName, formal } = describeBasics(context, recipient);
  const greeting = recipient.isHiringTeam
    ? `Dear ${findShortEmployerName(input.employer.name)} hiring team,`
    : `${formal ? 'Dear' : pick(['Hi', 'Hello'], variant, 1)} ${greetName},`;
  const opener = fill(
    recipient.isHiringTeam ? pick(TEAM_OPENERS, variant, 0) : pick(EMAIL_OPENERS, variant, 0),
    values,
  );
  const title = recipient.interviewer?.title ? fill(pick(TITLE_LINES, variant, 2), values) : null;
  const topic = prepareSnippet(input, recipient.interviewer?.notes, 'interviewer', recipient);
  const liked = prepareSnippet(input, input.notes.liked, 'liked');
  const fit = prepareSnippet(input, input.notes.fit, 'fit');
  const topicLine = topic
    ? fillSnippet(TOPIC_PHRASE_LINES, TOPIC_CLAUSE_LINES, topic, variant, 3, values)
    : null;
  const likedLine = liked
    ? fillSnippet(LIKED_PHRASE_LINES, LIKED_CLAUSE_LINES, liked, variant, 4, values)
    : null;
  const fitLine = fit
    ? fillSnippet(FIT_PHRASE_LINES, FIT_CLAUSE_LINES, fit, variant, 5, values)
    : pick(FIT_FALLBACK_LINES, variant, 5);

  const questions = input.notes.questions
    .map((question) => prepareQuestion(input, question))
    .filter((question): question is string => question !== null);
  // Each question goes to one interviewer only: the first to the first, and so on.
  const chosen = recipient.isHiringTeam
    ? questions.slice(0, 2)
    : questions[variant.index] !== undefined
      ? [questions[variant.index] as string]
      : [];
  const questionLine =
    chosen.length > 0 ? fill(pick(QUESTION_LEADS, variant, 6), { Q: chosen.join(' ') }) : null;

  const firstParagraph = paragraph([opener, title, topicLine]);
  const middle = pick([true, false], variant, 10) ? [likedLine, fitLine] : [fitLine, likedLine];
  const body = [
    greeting,
    firstParagraph,
    paragraph(middle),
    questionLine,
    pick(EMAIL_CLOSERS, variant, 7),
    `${chooseSignOff(greetName, recipient)}\n${input.candidate.name}`,
  ]
    .filter((part): part is string => !!part && part.length > 0)
    .join('\n\n');
  return { subject: fill(pick(SUBJECTS, variant, 9), values), body };
}

/** A short hand-written thank-you note for one recipient. */
export function writeThankYouNote(
  context: DraftContext,
  recipient: DraftRecipient,
  variant: Variant,
): Draft {
  const { input } = context;
  const { values, greetName } = describeBasics(context, recipient);
  const greeting = recipient.isHiringTeam
    ? `Dear ${findShortEmployerName(input.employer.name)} hiring team,`
    : `Dear ${greetName},`;
  const opener = fill(
    recipient.isHiringTeam ? pick(TEAM_OPENERS, variant, 0) : pick(NOTE_OPENERS, variant, 0),
    values,
  );
  const title =
    recipient.interviewer?.title && pick([true, false], variant, 12)
      ? fill(pick(NOTE_TITLE_LINES, variant, 2), values)
      : null;
  const topic = prepareSnippet(input, recipient.interviewer?.notes, 'interviewer', recipient);
  const liked = prepareSnippet(input, input.notes.liked, 'liked');
  const fit = prepareSnippet(input, input.notes.fit, 'fit');
  const specific = topic
    ? fillSnippet(NOTE_TOPIC_PHRASE_LINES, NOTE_TOPIC_CLAUSE_LINES, topic, variant, 3, values)
    : liked
      ? fillSnippet(NOTE_LIKED_PHRASE_LINES, NOTE_LIKED_CLAUSE_LINES, liked, variant, 4, values)
      : null;
  const extraLiked =
    topic && liked && pick([true, true, false], variant, 11)
      ? fillSnippet(NOTE_LIKED_PHRASE_LINES, NOTE_LIKED_CLAUSE_LINES, liked, variant, 4, values)
      : null;
  const fitLine = fit
    ? fillSnippet(NOTE_FIT_PHRASE_LINES, NOTE_FIT_CLAUSE_LINES, fit, variant, 5, values)
    : pick(FIT_FALLBACK_LINES, variant, 5);
  const body = [
    greeting,
    paragraph([opener, title, specific, extraLiked]),
    paragraph([fitLine, pick(NOTE_CLOSERS, variant, 7)]),
    `${chooseSignOff(greetName, recipient)}\n${input.candidate.name}`,
  ]
    .filter((part) => part.length > 0)
    .join('\n\n');
  return { body };
}

/** A LinkedIn note for one recipient, held to `limit` characters. */
export function writeLinkedInNote(
  context: DraftContext,
  recipient: DraftRecipient,
  variant: Variant,
  limit: number,
): Draft {
  const { input } = context;
  const { values } = describeBasics(context, recipient);
  const topic = prepareSnippet(input, recipient.interviewer?.notes, 'interviewer', recipient);
  const liked = prepareSnippet(input, input.notes.liked, 'liked');
  const usable = (snippet: Snippet | null) => (snippet && !snippet.gap ? snippet : null);
  const topicNote = usable(topic);
  const likedNote = usable(liked);
  const snippet =
    topicNote && likedNote
      ? pick([true, true, false], variant, 4)
        ? topicNote
        : likedNote
      : (topicNote ?? likedNote);
  const closer = pick(LINKEDIN_CLOSERS, variant, 7);
  const line = (text: string): string | null => {
    if (!snippet) return null;
    if (snippet.clause) return capitalise(/[.?!…]$/.test(text) ? text : `${text}.`);
    const phrases = snippet === topicNote ? LINKEDIN_TOPIC_PHRASES : LINKEDIN_LIKED_PHRASES;
    return fill(pick(phrases, variant, 3), { ...values, x: text, X: capitalise(text) }).replace(
      /…\.$/u,
      '…',
    );
  };
  const full = fill(pick(LINKEDIN_OPENERS, variant, 0), values);
  const short = fill(pick(LINKEDIN_SHORT_OPENERS, variant, 0), values);
  const shapes = [
    { opener: full, closer },
    { opener: short, closer },
    { opener: full, closer: null },
    { opener: short, closer: null },
  ];
  // The fullest note whose topic fits whole; else the note without it (a note is never cut).
  for (const shape of snippet ? shapes : []) {
    const text = paragraph([shape.opener, line(snippet?.text ?? ''), shape.closer]);
    if (text.length <= limit) return { body: text };
  }
  // Every note needs finishing by hand: leave a short marked gap for one line of it.
  const gap = topic?.gap || liked?.gap ? formatNoteGap('one line on what you talked about') : null;
  for (const shape of shapes) {
    const text = paragraph([shape.opener, snippet ? null : gap, shape.closer]);
    if (text.length <= limit) return { body: text };
  }
  return { body: truncateAtWord(short, limit) };
}

/** The check-in (or second check-in) email to the main contact. */
export function writeCheckIn(
  context: DraftContext,
  recipient: DraftRecipient,
  second: boolean,
): Draft {
  const { input } = context;
  const { values, greetName } = describeBasics(context, recipient);
  const greeting = recipient.isHiringTeam
    ? `Dear ${findShortEmployerName(input.employer.name)} hiring team,`
    : `Dear ${greetName},`;
  const interviewDay = describeDate(context.interviewDate);
  const sign = `${chooseSignOff(greetName, recipient)}\n${input.candidate.name}`;
  if (second) {
    return {
      subject: `${input.role} at ${values.short}`,
      body: [
        greeting,
        `I hope all is well. I am writing once more about ${values.roleRef} at ${values.employer}, which we discussed on ${interviewDay}.`,
        'I understand that decisions like this can take time, and I would be grateful for any update whenever you have a moment. Either way, thank you for considering me.',
        sign,
      ].join('\n\n'),
    };
  }
  const ask = context.decisionDate
    ? `You mentioned that you hoped to decide by ${describeDate(context.decisionDate)}, so I thought I would ask whether there is any news you are able to share.`
    : 'I wanted to ask, politely, whether there is any news on the next steps.';
  return {
    subject: `${input.role} – checking in`,
    body: [
      greeting,
      `I hope you are well. Thank you again for ${values.met} on ${interviewDay} about ${values.roleRef} at ${values.employer}.`,
      `${ask} I remain very keen on the role, and I am happy to send anything that would help.`,
      `Thank you for your time.`,
      sign,
    ].join('\n\n'),
  };
}

/** A reminder of what to ask at the end of the interview when no decision date is known. */
export function writeAskTimeline(context: DraftContext): Draft {
  return {
    body: `When they invite your questions at the end, ask: "What are the next steps, and roughly when do you expect to make a decision about ${describeRole(context.input.role)}?" Note the date they give: the check-in is timed from it.`,
  };
}

/** The checker's view of a step (what it is, who it is for, what the notes say). */
export function describeDraftSubject(
  input: FollowUpInput,
  settings: FollowUpSettings,
  request: DraftRequest,
): DraftSubject {
  const limits = settings.linkedInNoteLimits;
  return {
    stepId: request.stepId,
    kind: request.kind,
    channel: request.channel,
    recipientName: request.recipient.name,
    isHiringTeam: request.recipient.isHiringTeam,
    employerName: input.employer.name,
    role: input.role,
    specificSources: [
      input.notes.liked,
      ...input.notes.questions,
      request.recipient.interviewer?.notes ?? '',
    ],
    fitSource: input.notes.fit,
    linkedInLimit: input.candidate.linkedin === 'premium' ? limits.premium : limits.free,
    ...(request.recipient.interviewer?.title
      ? { recipientTitle: request.recipient.interviewer.title }
      : {}),
    otherInterviewers: input.interviewers
      .filter((other) => other.id !== request.recipient.interviewer?.id)
      .map((other) => ({
        name: other.name,
        ...(other.title ? { title: other.title } : {}),
        ...(other.notes ? { notes: other.notes } : {}),
      })),
    properNames: [input.candidate.name, input.employer.name, input.role],
  };
}

/** The name words masked when comparing drafts: every interviewer's name. */
export function collectInterviewerNameWords(input: FollowUpInput): Set<string> {
  return collectNameWords(input.interviewers.map((interviewer) => interviewer.name));
}

/** Kinds whose drafts are compared across interviewers for duplicates. */
export function isComparedKind(kind: StepKind): boolean {
  return kind === 'thank-you' || kind === 'linkedin-invite';
}

function writeOne(
  context: DraftContext,
  request: DraftRequest,
  variant: Variant,
  subject: DraftSubject,
): Draft | null {
  const recipient = request.recipient;
  switch (request.kind) {
    case 'thank-you':
    case 'linkedin-invite':
      if (request.channel === 'linkedin') {
        return writeLinkedInNote(context, recipient, variant, subject.linkedInLimit);
      }
      if (request.channel === 'handwritten') return writeThankYouNote(context, recipient, variant);
      return writeThankYouEmail(context, recipient, variant);
    case 'check-in':
      return writeCheckIn(context, recipient, false);
    case 'second-check-in':
      return writeCheckIn(context, recipient, true);
    case 'ask-timeline':
      return writeAskTimeline(context);
    case 'close':
    case 'thank-you-check-in': // written by late-wording.ts from the check-in draft
    case 'debrief': // written by recruiter.ts
      return null;
  }
}

/**
 * Writes the drafts for all requests, in order. Thank-you and LinkedIn drafts are compared
 * with the drafts already written for other interviewers on the same channel, and the
 * phrasing is varied until the checker finds nothing (or the fewest problems).
 */
export function writeDrafts(
  context: DraftContext,
  requests: readonly DraftRequest[],
): Map<string, Draft> {
  const drafts = new Map<string, Draft>();
  const written: { channel: ContactChannel | null; recipient: DraftRecipient; draft: Draft }[] = [];
  const nameWords = collectInterviewerNameWords(context.input);
  const indexByChannel = new Map<string, number>();
  for (const request of requests) {
    const subject = describeDraftSubject(context.input, context.settings, request);
    const compared = isComparedKind(request.kind);
    const others: OtherDraft[] = compared
      ? written
          .filter(
            (entry) =>
              entry.channel === request.channel &&
              entry.recipient.interviewer?.id !== request.recipient.interviewer?.id,
          )
          .map((entry) => ({ recipientName: entry.recipient.name, draft: entry.draft }))
      : [];
    const key = String(request.channel);
    const index = indexByChannel.get(key) ?? 0;
    if (compared) indexByChannel.set(key, index + 1);

    let best: { draft: Draft; findings: DraftFinding[]; closeness: number } | null = null;
    for (let attempt = 0; attempt < (compared ? MAX_ATTEMPTS : 1); attempt += 1) {
      const draft = writeOne(context, request, { index, attempt }, subject);
      if (!draft) break;
      const findings = findDraftProblems(draft, subject, others, nameWords, context.settings);
      const closeness = Math.max(
        0,
        ...others.map((other) => measureDraftSimilarity(draft, other.draft, nameWords)),
      );
      if (
        !best ||
        findings.length < best.findings.length ||
        (findings.length === best.findings.length && closeness < best.closeness)
      ) {
        best = { draft, findings, closeness };
      }
      if (findings.length === 0 && closeness < TARGET_SIMILARITY) break;
    }
    if (best) {
      drafts.set(request.stepId, best.draft);
      if (compared) {
        written.push({ channel: request.channel, recipient: request.recipient, draft: best.draft });
      }
    }
  }
  return drafts;
}

/** Why the plan leaves a note out, by reason. */
const LEFT_OUT_WHY = {
  salary: 'is about pay, benefits, holiday or notice: leave that until they make you an offer',
  negative: 'speaks badly of an employer, which never helps in a follow-up',
  pushy: 'presses for an answer or asks for a call, which a follow-up should not do',
} as const;

/**
 * The plan's word on notes that did not go into the drafts as written: each note left out (pay,
 * complaints, pressure) with why, and each note left as a marked gap to finish by hand.
 */
export function listNoteWarnings(input: FollowUpInput): { code: string; message: string }[] {
  const notes: { raw: string | undefined; role: NoteRole; recipient?: DraftRecipient }[] = [
    { raw: input.notes.liked, role: 'liked' },
    { raw: input.notes.fit, role: 'fit' },
    ...input.notes.questions.map((raw) => ({ raw, role: 'question' as const })),
    ...input.interviewers.map((interviewer) => ({
      raw: interviewer.notes,
      role: 'interviewer' as const,
      recipient: { interviewer, name: interviewer.name, isHiringTeam: false },
    })),
  ];
  const warnings: { code: string; message: string }[] = [];
  for (const note of notes) {
    const sentence = convertNote(input, note.raw, note.role, note.recipient);
    if (sentence?.kind === 'left-out') {
      warnings.push({
        code: 'note-left-out',
        message: `Your note "${sentence.note}" is not in the drafts: it ${LEFT_OUT_WHY[sentence.reason]}.`,
      });
    } else if (sentence?.kind === 'gap') {
      warnings.push({
        code: 'note-to-finish',
        message: `Your note "${sentence.note}" could not be turned into a sentence safely, so the drafts mark a gap ("[Finish this: …]") for you to write it in your own words.`,
      });
    }
  }
  return warnings;
}

/** How one note of the input will read in the drafts, for the form's preview. */
export interface NotePreview {
  /** The input field, e.g. `notes.liked` or `interviewers[0].notes`. */
  field: string;
  note: string;
  status: 'sentence' | 'gap' | 'left-out';
  /** The sentence as a draft will use it, the marked gap, or why the note is left out. */
  text: string;
}

/** Each note of the input and the sentence it becomes (or the gap, or why it is left out). */
export function listNotePreviews(input: FollowUpInput): NotePreview[] {
  const notes: {
    field: string;
    raw: string | undefined;
    role: NoteRole;
    recipient?: DraftRecipient;
  }[] = [
    { field: 'notes.liked', raw: input.notes.liked, role: 'liked' },
    { field: 'notes.fit', raw: input.notes.fit, role: 'fit' },
    ...input.notes.questions.map((raw, i) => ({
      field: `notes.questions[${i}]`,
      raw,
      role: 'question' as const,
    })),
    ...input.interviewers.map((interviewer, i) => ({
      field: `interviewers[${i}].notes`,
      raw: interviewer.notes,
      role: 'interviewer' as const,
      recipient: { interviewer, name: interviewer.name, isHiringTeam: false },
    })),
  ];
  const frames: Record<NoteRole, (x: string) => string> = {
    liked: (x) => `I especially liked ${x}.`,
    fit: (x) => `I believe ${x} would make me a good fit for the team.`,
    interviewer: (x) => `I especially enjoyed our conversation about ${x}.`,
    question: (x) => `${x}`,
  };
  const previews: NotePreview[] = [];
  for (const note of notes) {
    const sentence = convertNote(input, note.raw, note.role, note.recipient);
    if (!sentence) continue;
    if (sentence.kind === 'left-out') {
      previews.push({
        field: note.field,
        note: sentence.note,
        status: 'left-out',
        text: `Left out: it ${LEFT_OUT_WHY[sentence.reason]}.`,
      });
    } else if (sentence.kind === 'gap') {
      previews.push({ field: note.field, note: sentence.note, status: 'gap', text: sentence.text });
    } else {
      previews.push({
        field: note.field,
        note: (note.raw ?? '').trim(),
        status: 'sentence',
        text: sentence.kind === 'phrase' ? frames[note.role](sentence.text) : sentence.text,
      });
    }
  }
  return previews;
}
