/**
 * The checks behind `checkDraft`, shared with the draft writer so that every generated draft
 * passes them. Which checks run depends on the step's kind (see CHECKS_BY_KIND).
 */
import type { FollowUpSettings } from './settings.js';
import {
  containsPhrase,
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
}

/** Another interviewer's draft for the same channel, to compare against. */
export interface OtherDraft {
  recipientName: string;
  draft: Draft;
}

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
  ],
  'check-in': [
    'missing-thanks',
    'missing-recipient-name',
    'missing-employer',
    'too-long',
    'pushy',
    'asks-for-call',
  ],
  debrief: ['missing-recipient-name', 'too-long'],
  'thank-you-check-in': [
    'missing-thanks',
    'missing-recipient-name',
    'missing-employer',
    'too-long',
    'pushy',
    'asks-for-call',
  ],
  'second-check-in': [
    'missing-thanks',
    'missing-recipient-name',
    'missing-employer',
    'too-long',
    'pushy',
    'asks-for-call',
  ],
  'ask-timeline': [],
  close: [],
};

/** Pressure that does not belong in any follow-up. */
const PRESSURE_PATTERNS: readonly RegExp[] = [
  /\bASAP\b/i,
  /\bas soon as possible\b/i,
  // A statement, not the polite question "when can I expect to hear?".
  /(?<!\b(?:can|could|may|might|should|shall|will|would|do|when)\s+)\bI (?:fully )?expect to hear\b/i,
  /\bI(?:'ll| will| shall) expect\b/i,
  /\bI (?:need|must have|require) (?:an answer|a decision|to know|a reply|an update)\b/i,
];

/** Asking about the decision, which a thank-you should not do. */
const DECISION_PATTERNS: readonly RegExp[] = [
  /\b(?:have|did) you (?:made|make|reached|reach|come to|came to) (?:a|your|the) decision\b/i,
  /\b(?:let me know|tell me|update me|inform me|get back to me)\b[^.?!\n]{0,60}\b(?:decision|decided|outcome|result|whether I (?:got|have got|was|am|have been) (?:successful|selected|hired|the job))/i,
  /\bwhen (?:will|can|should|might|shall|do) I (?:expect to )?hear\b/i,
  /\bwhen (?:will|can|do|should) (?:you|they|we) (?:expect to )?(?:decide|make (?:a|your|the) decision|let me know)\b/i,
  /\b(?:did|have) I (?:get|got|won) (?:the|this) (?:job|role|position|post)\b/i,
  /\bam I (?:successful|hired|through|selected)\b/i,
  /\bany (?:news|update|word) (?:on|about) (?:the|your|a) decision\b/i,
  /\bhow did I do\b/i,
];

/** Asking for a call or a visit: follow-up stays in writing. */
const CALL_PATTERNS: readonly RegExp[] = [
  /\b(?:call|phone|ring|text|telephone) me\b/i,
  /\bgive me a (?:call|ring|bell|buzz)\b/i,
  /\b(?:arrange|schedule|set up|book|have|hop on|jump on|get on) a (?:quick |short |brief )?(?:phone |video )?call\b/i,
  /\b(?:speak|talk|chat) (?:on|by|over) the (?:phone|telephone)\b/i,
  /\bI(?:'ll| will| could| can| might| shall) (?:call|phone|ring|telephone|pop in|pop by|drop in|drop by|stop by|visit|come by|come in)\b/i,
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

const FIT_CUES = /\b(?:fit|fits|suited|suit|match|contribute|bring)\b/i;

/** Runs the checks of the step's kind on a draft; `others` are other interviewers' drafts. */
export function findDraftProblems(
  draft: Draft,
  subject: DraftSubject,
  others: readonly OtherDraft[],
  nameWords: ReadonlySet<string>,
  settings: FollowUpSettings,
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
    !listRecipientNames(subject).some((name) => containsPhrase(text, name))
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
    !listEmployerNames(subject.employerName).some((name) => containsPhrase(text, name))
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
    if (needed > 0 && shared < needed && !quotesOne) {
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
      const count = countWords(draft.body);
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
  return findings;
}
