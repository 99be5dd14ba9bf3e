/**
 * The checks behind `checkDraft`, shared with the draft writer so that every generated draft
 * passes them. Which checks run depends on the step's kind (see CHECKS_BY_KIND).
 */
import {
  GAP_PATTERN,
  GAP_PATTERN_ALL,
  containsName,
  countShared,
  findOtherRecipient,
  findThirdPersonSentence,
  listEmployerNames,
  listRecipientNames,
  listSourceWords,
  listTokens,
  measureDraftSimilarity,
} from './draft-text.js';
import { mentionsEmployer } from './employer-name.js';
import { findCallPhrase, findPushyPhrase } from './pressure-phrases.js';
import {
  findInformalWord,
  findMisspelledWords,
  findProseProblems,
  type SpellChecker,
} from './prose-checks.js';
import { findNegativeSentence, findSalaryPhrase } from './sensitive-topics.js';
import type { FollowUpSettings } from './settings.js';
import { countWords } from './text.js';
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

/** Checks for the messages that ask about the decision (the late thank-you included). */
const CHECK_IN_CHECKS: readonly DraftFindingCode[] = [
  'missing-thanks',
  'missing-recipient-name',
  'missing-employer',
  'too-long',
  'pushy',
  'asks-for-call',
  ...PERSONAL_CHECKS,
];

/** The checks of a thank-you to one interviewer; `extra` come after the check of specifics. */
function thankYouChecks(extra: readonly DraftFindingCode[]): readonly DraftFindingCode[] {
  return [
    'missing-thanks',
    'missing-recipient-name',
    'missing-employer',
    'not-specific',
    ...extra,
    'too-long',
    'duplicate',
    'pushy',
    'asks-for-call',
    ...PERSONAL_CHECKS,
    'wrong-recipient',
  ];
}

/** The checks run for each kind of step. */
export const CHECKS_BY_KIND: Readonly<Record<StepKind, readonly DraftFindingCode[]>> = {
  'thank-you': thankYouChecks(['no-fit']),
  // A LinkedIn note has no room to say why the candidate would fit (see the no-fit check).
  'linkedin-invite': thankYouChecks([]),
  'check-in': CHECK_IN_CHECKS,
  // To the candidate's own consultant: asking them for a call is expected.
  debrief: ['missing-recipient-name', 'too-long', 'pushy', ...PERSONAL_CHECKS],
  'thank-you-check-in': CHECK_IN_CHECKS,
  'second-check-in': CHECK_IN_CHECKS,
  'ask-timeline': [],
  close: [],
};

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
