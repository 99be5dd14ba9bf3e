/**
 * The checks behind `checkDraft`, shared with the draft writer so that every generated draft
 * passes them. Which checks run depends on the step's kind (see CHECKS_BY_KIND).
 */
import { foldText, mentionsEmployer } from './employer-name.js';
import {
  findInformalWord,
  findMisspelledWords,
  findProseProblems,
  type SpellChecker,
} from './prose-checks.js';
import { findNegativeSentence, findSalaryPhrase } from './sensitive-topics.js';
import type { FollowUpSettings } from './settings.js';
import {
  countWords,
  findFirstName,
  findShortEmployerName,
  findSurname,
  listDistinctiveWords,
  listWords,
  makeShingles,
  maskNames,
  measureJaccard,
} from './text.js';
import type { ContactChannel, Draft, DraftFinding, DraftFindingCode, StepKind } from './types.js';

/** Everything the checks need to know about the step a draft is for. */
export interface DraftSubject {
  stepId: string;
  kind: StepKind;
  channel: ContactChannel | null;
  /** The recipient's name, or "the hiring team". */
  recipientName: string;
  isHiringTeam: boolean;
  employerName: string;
  role: string;
  /** Texts from the interview: what was liked, questions, the recipient's own notes. */
  specificSources: readonly string[];
  /** Why the candidate would fit. */
  fitSource: string;
  /** Characters allowed in a LinkedIn note for the candidate's account. */
  linkedInLimit: number;
  /** The recipient's job title, when given. */
  recipientTitle?: string;
  /** The other people met, with their titles and notes (for `wrong-recipient`). */
  otherInterviewers?: readonly { name: string; title?: string; notes?: string }[];
  /** Names that are never spell-checked: people, the employer, the role, titles. */
  properNames?: readonly string[];
}

/** Another interviewer's draft for the same channel, to compare against. */
export interface OtherDraft {
  recipientName: string;
  draft: Draft;
}

/** Checks for every message to the employer, whatever its kind. */
const PERSONAL_CHECKS: readonly DraftFindingCode[] = [
  'salary',
  'negative',
  'third-person',
  'unfinished-gap',
  'spelling',
  'repeated-words',
  'indefinite-article',
  'informal',
];

/** The checks run for each kind of step. */
export const CHECKS_BY_KIND: Readonly<Record<StepKind, readonly DraftFindingCode[]>> = {
  'thank-you': [
    'missing-thanks',
    'missing-recipient-name',
    'missing-employer',
    'not-specific',
    'no-fit',
    'too-long',
    'duplicate',
    'pushy',
    'asks-for-call',
    ...PERSONAL_CHECKS,
    'wrong-recipient',
  ],
  'linkedin-invite': [
    'missing-thanks',
    'missing-recipient-name',
    'missing-employer',
    'not-specific',
    'too-long',
    'duplicate',
    'pushy',
    'asks-for-call',
    ...PERSONAL_CHECKS,
    'wrong-recipient',
  ],
  'check-in': [
    'missing-thanks',
    'missing-recipient-name',
    'missing-employer',
    'too-long',
    'pushy',
    'asks-for-call',
    ...PERSONAL_CHECKS,
  ],
  // To the candidate's own consultant: asking them for a call is expected.
  debrief: ['missing-recipient-name', 'too-long', 'pushy', ...PERSONAL_CHECKS],
  'thank-you-check-in': [
    'missing-thanks',
    'missing-recipient-name',
    'missing-employer',
    'too-long',
    'pushy',
    'asks-for-call',
    ...PERSONAL_CHECKS,
  ],
  'second-check-in': [
    'missing-thanks',
    'missing-recipient-name',
    'missing-employer',
    'too-long',
    'pushy',
    'asks-for-call',
    ...PERSONAL_CHECKS,
  ],
  'ask-timeline': [],
  close: [],
};

/** Pressure that does not belong in any message to the employer. */
const PRESSURE_PATTERNS: readonly RegExp[] = [
  // Hurrying them; "I could start as soon as possible" is fine.
  /\b(?:reply|respond|answer|decide|decision|hear back|hear from you|let me know|get back to me|know|call me|contact me|email me|write to me|ring me|phone me)\b[^.?!\n]{0,40}\b(?:as soon as possible|ASAP|urgently|immediately|right away)\b/i,
  /\b(?:as soon as possible|ASAP|urgently)\b[^.?!\n]{0,30}\b(?:reply|answer|decision|let me know|hear)\b/i,
  // A statement, not the polite question "when can I expect to hear?".
  /(?<!\b(?:can|could|may|might|should|shall|will|would|do|when)\s+)\bI (?:fully )?expect to hear\b/i,
  /\bI(?:'ll| will| shall) expect\b/i,
  // Deadlines.
  /\bI (?:will |would |'ll |'d |really |urgently )?(?:need|must have|require|want|expect) (?:your|an|a|the|to have (?:an|your|a)) (?:answer|decision|reply|response|update|offer)\b/i,
  /\bI (?:need|must have|require) to know\b/i,
  /\b(?:answer|decision|reply|response|offer|hear from you|hear back|let me know|tell me|know)\b[^.?!\n]{0,30}\b(?:by|before) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|the end of|end of|close of|noon|midday|\d)/i,
  /\bno later than\b/i,
  /\bif I (?:don't|do not|haven't|have not) (?:hear|heard)(?: back)?(?: from you)? (?:by|before|within)\b/i,
  /\bI (?:can|will|can't|cannot) (?:only )?wait (?:until|till|beyond|past|any longer|much longer)\b/i,
  // Other offers used as leverage.
  /\b(?:another|other|competing|rival|a second) (?:job )?offers?\b/i,
  /\bI(?:'ve| have)? (?:had |received |been made |got )?(?:an|a) (?:job )?offer (?:from|elsewhere|with)\b/i,
  /\b(?:other|another) (?:companies|company|firms|firm|employers|employer) (?:is|are|have|has) (?:made|offered|interested|keen|chasing)\b/i,
  // Asking for the verdict.
  /\b(?:have|did) I (?:got|get|won|win) (?:it|the job|the role|the position|the post|the offer)\b/i,
  /\bhow did I do\b/i,
  /\bam I (?:successful|hired|through|selected)\b/i,
  /\bdid I pass\b/i,
];

/** Asking about the decision, which a thank-you should not do. */
const DECISION_PATTERNS: readonly RegExp[] = [
  /\b(?:have|did) you (?:made|make|reached|reach|come to|came to) (?:a|your|the) decision\b/i,
  /\b(?:let me know|tell me|update me|inform me|get back to me)\b[^.?!\n]{0,60}\b(?:decision|decided|outcome|result|whether I (?:got|have got|was|am|have been) (?:successful|selected|hired|the job))/i,
  /\bwhen (?:will|can|should|might|shall|do) I (?:expect to )?hear\b/i,
  /\bwhen (?:will|can|do|should) (?:you|they|we) (?:expect to )?(?:decide|make (?:a|your|the) decision|let me know)\b/i,
  /\bany (?:news|update|word) (?:on|about) (?:the|your|a) decision\b/i,
];

/** Asking for a call or a visit: follow-up stays in writing. */
const CALL_PATTERNS: readonly RegExp[] = [
  /\b(?:call|phone|ring|text|telephone) me\b/i,
  /\bgive me a (?:call|ring|bell|buzz)\b/i,
  /\b(?:arrange|schedule|set up|book|have|hop on|jump on|get on) a (?:quick |short |brief )?(?:phone |video )?call\b/i,
  /\b(?:speak|talk|chat) (?:on|by|over) the (?:phone|telephone)\b/i,
  /\bI(?:'ll| will| could| can| might| shall) (?:call|phone|ring|telephone|pop in|pop by|drop in|drop by|stop by|visit|come by|come in)\b(?! on\b| upon\b| in on\b)/i,
  /\b(?:pop (?:in|by|round)|drop (?:by|round)|stop by|swing by)\b/i,
  /\bmy (?:mobile|phone|telephone) (?:number )?is\b/i,
  /\b(?:can|could|shall) we (?:speak|talk) (?:by|on the) phone\b/i,
];

function firstMatch(text: string, patterns: readonly RegExp[]): string | null {
  for (const pattern of patterns) {
    const found = pattern.exec(text);
    if (found) return found[0];
  }
  return null;
}

/** The pressing phrase in a text, or null (decision questions count only in thank-yous). */
export function findPushyPhrase(text: string, kind: StepKind): string | null {
  const pressure = firstMatch(text, PRESSURE_PATTERNS);
  if (pressure) return pressure;
  if (kind === 'thank-you' || kind === 'linkedin-invite') {
    return firstMatch(text, DECISION_PATTERNS);
  }
  return null;
}

/** The phrase asking for a call or visit, or null. */
export function findCallPhrase(text: string): string | null {
  return firstMatch(text, CALL_PATTERNS);
}

/** The name words of a recipient that count as naming them. */
function listRecipientNames(subject: DraftSubject): string[] {
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
function countShared(text: string, wanted: ReadonlySet<string>): number {
  const present = new Set(listWords(text));
  let shared = 0;
  for (const word of wanted) if (present.has(word)) shared += 1;
  return shared;
}

/** Distinctive words of the sources, leaving out those of the employer, role and recipient. */
function listSourceWords(sources: readonly string[], subject: DraftSubject): Set<string> {
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
function listTokens(text: string): { word: string; folded: string }[] {
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
const GAP_PATTERN_ALL = new RegExp(GAP_PATTERN.source, 'gu');

/** What in the draft belongs to another interviewer: their name, title or topic, or null. */
function findOtherRecipient(text: string, subject: DraftSubject): string | null {
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

const FIT_CUES = /\b(?:fit|fits|suited|suit|match|contribute|bring)\b/i;

/** Runs the checks of the step's kind on a draft; `others` are other interviewers' drafts. */
export function findDraftProblems(
  draft: Draft,
  subject: DraftSubject,
  others: readonly OtherDraft[],
  nameWords: ReadonlySet<string>,
  settings: FollowUpSettings,
  spelling?: SpellChecker,
): DraftFinding[] {
  const checks = new Set(CHECKS_BY_KIND[subject.kind]);
  const findings: DraftFinding[] = [];
  const stepId = subject.stepId;
  const text = `${draft.subject ?? ''}\n${draft.body}`;
  const add = (code: DraftFindingCode, message: string, extra: Partial<DraftFinding> = {}) =>
    findings.push({ code, message, stepId, ...extra });

  if (
    checks.has('missing-thanks') &&
    !/\b(?:thank|thanks|thankful|grateful|appreciat\w*)\b/i.test(text)
  ) {
    add('missing-thanks', 'The draft never says thank you; make the thanks plain and early.');
  }
  if (
    checks.has('missing-recipient-name') &&
    !listRecipientNames(subject).some((name) => containsName(text, name))
  ) {
    add(
      'missing-recipient-name',
      subject.isHiringTeam
        ? 'The draft does not address the hiring team.'
        : `The draft does not name ${subject.recipientName}; greet them by name.`,
    );
  }
  if (
    checks.has('missing-employer') &&
    !mentionsEmployer(text, subject.employerName) &&
    !listEmployerNames(subject.employerName).some((name) => containsName(text, name))
  ) {
    add('missing-employer', `The draft does not mention ${subject.employerName}.`);
  }
  if (checks.has('not-specific')) {
    const wanted = listSourceWords(subject.specificSources, subject);
    const needed = Math.min(2, wanted.size);
    const shared = countShared(text, wanted);
    // A short source quoted in full counts too (a one-word note such as "cricket").
    const quotesOne = subject.specificSources.some((source) => {
      const words = listSourceWords([source], subject);
      return words.size > 0 && countShared(text, words) === words.size;
    });
    // A gap marks where the specific sentence will go: `unfinished-gap` says so instead.
    if (needed > 0 && shared < needed && !quotesOne && !GAP_PATTERN.test(text)) {
      add(
        'not-specific',
        'Nothing in the draft comes from the interview: mention something you talked about or liked.',
        { count: shared, limit: needed },
      );
    }
  }
  if (checks.has('no-fit') && subject.channel !== 'linkedin') {
    const wanted = listSourceWords([subject.fitSource], subject);
    const needed = Math.min(2, wanted.size);
    if (needed > 0 && countShared(text, wanted) < needed && !FIT_CUES.test(text)) {
      add('no-fit', 'The draft does not say why you would fit the role.');
    }
  }
  if (checks.has('too-long')) {
    if (subject.channel === 'linkedin') {
      const count = draft.body.length;
      if (count > subject.linkedInLimit) {
        add(
          'too-long',
          `The note has ${count} characters; LinkedIn allows ${subject.linkedInLimit} on your account.`,
          { count, limit: subject.linkedInLimit },
        );
      }
    } else if (subject.channel === 'handwritten' || subject.channel === 'email') {
      // The note inside a gap is the candidate's material, not part of the message.
      const count = countWords(draft.body.replace(GAP_PATTERN_ALL, ' '));
      const limit = settings.wordLimits[subject.channel];
      if (count > limit) {
        add(
          'too-long',
          `The ${subject.channel === 'email' ? 'email' : 'note'} has ${count} words; keep it to ${limit}.`,
          { count, limit },
        );
      }
    }
  }
  if (checks.has('duplicate')) {
    let closest: { name: string; similarity: number } | null = null;
    for (const other of others) {
      const similarity = measureDraftSimilarity(draft, other.draft, nameWords);
      if (!closest || similarity > closest.similarity) {
        closest = { name: other.recipientName, similarity };
      }
    }
    if (closest && closest.similarity >= settings.duplicateThreshold) {
      add(
        'duplicate',
        `This draft is almost the same as the one for ${closest.name} (${Math.round(closest.similarity * 100)}% alike); write each person their own note.`,
      );
    }
  }
  if (checks.has('pushy')) {
    const phrase = findPushyPhrase(text, subject.kind);
    if (phrase) {
      add(
        'pushy',
        subject.kind === 'thank-you' || subject.kind === 'linkedin-invite'
          ? `"${phrase}" presses for an answer; a thank-you should not ask about the decision.`
          : `"${phrase}" presses for an answer; ask politely and leave them room.`,
      );
    }
  }
  if (checks.has('asks-for-call')) {
    const phrase = findCallPhrase(text);
    if (phrase) {
      add(
        'asks-for-call',
        `"${phrase}" asks for a call or a visit; keep the follow-up in writing.`,
      );
    }
  }
  if (checks.has('salary')) {
    const phrase = findSalaryPhrase(text, [
      subject.role,
      subject.employerName,
      subject.recipientTitle ?? '',
      ...(subject.otherInterviewers ?? []).map((other) => other.title ?? ''),
    ]);
    if (phrase) {
      add(
        'salary',
        `"${phrase}" is about pay, benefits or notice; leave that for when they make an offer.`,
      );
    }
  }
  if (checks.has('negative')) {
    const sentence = findNegativeSentence(text);
    if (sentence) {
      add(
        'negative',
        `"${shorten(sentence)}" speaks badly of an employer; leave it out and stay positive.`,
      );
    }
  }
  if (checks.has('third-person') && !subject.isHiringTeam) {
    const sentence = findThirdPersonSentence(draft.body, listRecipientNames(subject));
    if (sentence) {
      add(
        'third-person',
        `"${shorten(sentence)}" names ${subject.recipientName} and then calls them she or he; write to them as "you".`,
      );
    }
  }
  if (checks.has('unfinished-gap')) {
    const gap = GAP_PATTERN.exec(text);
    if (gap) {
      add(
        'unfinished-gap',
        'The draft still has a gap marked "[Finish this: …]"; write that sentence in your own words before you send it.',
      );
    }
  }
  if (checks.has('wrong-recipient') && !subject.isHiringTeam) {
    const other = findOtherRecipient(text, subject);
    if (other) {
      add(
        'wrong-recipient',
        `"${other}" belongs to someone else you met; this draft is for ${subject.recipientName}.`,
      );
    }
  }
  if (checks.has('spelling') && spelling) {
    const ignored = new Set(
      listTokens(
        [
          subject.recipientName,
          subject.recipientTitle ?? '',
          subject.employerName,
          subject.role,
          ...(subject.properNames ?? []),
          ...(subject.otherInterviewers ?? []).flatMap((o) => [
            o.name,
            o.title ?? '',
            o.notes ?? '',
          ]),
          // The candidate's own notes name tools and places the dictionary lacks ("dbt").
          ...subject.specificSources,
          subject.fitSource,
        ].join(' '),
      ).map((token) => token.folded.replace(/'s$/u, '')),
    );
    const misspelt = findMisspelledWords(text.replace(GAP_PATTERN_ALL, ' '), spelling, ignored);
    if (misspelt.length > 0) {
      add(
        'spelling',
        `Check the spelling of ${misspelt
          .slice(0, 5)
          .map((word) => `"${word}"`)
          .join(', ')} (British English).`,
        { count: misspelt.length },
      );
    }
  }
  if (checks.has('repeated-words') || checks.has('indefinite-article')) {
    const { repeated, article } = findProseProblems(draft.body.replace(GAP_PATTERN_ALL, ' '));
    const first = repeated[0];
    if (checks.has('repeated-words') && first) {
      add('repeated-words', `"${first.actual}" repeats a word; remove one of them.`);
    }
    const wrong = article[0];
    if (checks.has('indefinite-article') && wrong) {
      add(
        'indefinite-article',
        `Use "${wrong.expected ?? (wrong.actual.toLowerCase() === 'a' ? 'an' : 'a')}" rather than "${wrong.actual}" before the next word.`,
      );
    }
  }
  if (checks.has('informal')) {
    let named = text;
    for (const name of [
      subject.recipientName,
      subject.employerName,
      ...(subject.properNames ?? []),
      ...(subject.otherInterviewers ?? []).map((o) => o.name),
    ]) {
      if (name) named = named.split(name).join(' ');
      // An emoji that is part of a name ("Rocket 🚀 Labs") is the name's, not the writer's.
      for (const emoji of name.match(/\p{Extended_Pictographic}/gu) ?? []) {
        named = named.split(emoji).join(' ');
      }
    }
    const word = findInformalWord(named.replace(GAP_PATTERN_ALL, ' '));
    if (word) {
      add(
        'informal',
        `"${word}" is too casual for a message to an employer; write it out in words.`,
      );
    }
  }
  return findings;
}

/** A sentence shown back in a message: at most 80 characters. */
function shorten(sentence: string): string {
  return sentence.length > 80 ? `${sentence.slice(0, 79).trimEnd()}…` : sentence;
}
