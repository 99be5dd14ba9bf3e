/** The draft of each kind of step: the thank-you email, note and LinkedIn note, the check-ins. */
import { fillTemplate } from '../validation/text.js';
import {
  capitalise,
  fillSnippet,
  pick,
  type Snippet,
  type Variant,
  EMAIL_CLOSERS,
  EMAIL_OPENERS,
  FIT_CLAUSE_LINES,
  FIT_FALLBACK_LINES,
  FIT_PHRASE_LINES,
  LIKED_CLAUSE_LINES,
  LIKED_PHRASE_LINES,
  LINKEDIN_CLOSERS,
  LINKEDIN_LIKED_PHRASES,
  LINKEDIN_OPENERS,
  LINKEDIN_SHORT_OPENERS,
  LINKEDIN_TOPIC_PHRASES,
  NOTE_CLOSERS,
  NOTE_FIT_CLAUSE_LINES,
  NOTE_FIT_PHRASE_LINES,
  NOTE_LIKED_CLAUSE_LINES,
  NOTE_LIKED_PHRASE_LINES,
  NOTE_OPENERS,
  NOTE_TITLE_LINES,
  NOTE_TOPIC_CLAUSE_LINES,
  NOTE_TOPIC_PHRASE_LINES,
  QUESTION_LEADS,
  SUBJECTS,
  TEAM_OPENERS,
  TITLE_LINES,
  TOPIC_CLAUSE_LINES,
  TOPIC_PHRASE_LINES,
} from './draft-phrasing.js';
import { prepareQuestion, prepareSnippet } from './draft-notes.js';
import type { DraftContext, DraftRecipient } from './drafts.js';
import { formatNoteGap } from './notes-to-sentences.js';
import { findFirstName, findShortEmployerName, findSurname, truncateAtWord } from './text.js';
import { describeDate } from './time.js';
import type { Draft, FollowUpInput } from './types.js';
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

/** The closing that matches the greeting: "Dear Mr Pemberton" -> "Yours sincerely". */
function chooseSignOff(greetName: string, recipient: DraftRecipient): string {
  if (recipient.isHiringTeam) return 'Kind regards,';
  const formal = /^(?:mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|lord|lady|rev|revd)\.?\s/i;
  return formal.test(greetName) ? 'Yours sincerely,' : 'Best wishes,';
}

/** "Dear Anna,", or "Dear Brightwater hiring team," when nobody was named. */
function greet(
  input: FollowUpInput,
  recipient: DraftRecipient,
  greetName: string,
  salutation = 'Dear',
): string {
  return recipient.isHiringTeam
    ? `Dear ${findShortEmployerName(input.employer.name)} hiring team,`
    : `${salutation} ${greetName},`;
}

/** Joins sentences into one paragraph. */
function paragraph(sentences: readonly (string | null | undefined)[]): string {
  return sentences.filter((s): s is string => !!s && s.length > 0).join(' ');
}

/** The writer's shared view of one draft: names, the usual greeting, the sign-off and the values. */
function describeBasics(context: DraftContext, recipient: DraftRecipient) {
  const { input } = context;
  const formal = context.tone !== 'fast-moving';
  const greetName = recipient.isHiringTeam ? 'hiring team' : greetingName(recipient, formal);
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
    greetName,
    formal,
    greeting: greet(input, recipient, greetName),
    signature: `${chooseSignOff(greetName, recipient)}\n${input.candidate.name}`,
  };
}

/** The notes a thank-you can draw on: on this interviewer, what was liked, why they would fit. */
function prepareNotes(input: FollowUpInput, recipient: DraftRecipient) {
  return {
    topic: prepareSnippet(input, recipient.interviewer?.notes, 'interviewer', recipient),
    liked: prepareSnippet(input, input.notes.liked, 'liked'),
    fit: prepareSnippet(input, input.notes.fit, 'fit'),
  };
}

/** A thank-you email for one recipient, in the given variant. */
export function writeThankYouEmail(
  context: DraftContext,
  recipient: DraftRecipient,
  variant: Variant,
): Draft {
  const { input } = context;
  const { values, greetName, formal, signature } = describeBasics(context, recipient);
  const greeting = greet(
    input,
    recipient,
    greetName,
    formal ? 'Dear' : pick(['Hi', 'Hello'], variant, 1),
  );
  const opener = fillTemplate(
    recipient.isHiringTeam ? pick(TEAM_OPENERS, variant, 0) : pick(EMAIL_OPENERS, variant, 0),
    values,
  );
  const title = recipient.interviewer?.title
    ? fillTemplate(pick(TITLE_LINES, variant, 2), values)
    : null;
  const { topic, liked, fit } = prepareNotes(input, recipient);
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
    chosen.length > 0
      ? fillTemplate(pick(QUESTION_LEADS, variant, 6), { Q: chosen.join(' ') })
      : null;

  const firstParagraph = paragraph([opener, title, topicLine]);
  const middle = pick([true, false], variant, 10) ? [likedLine, fitLine] : [fitLine, likedLine];
  const body = [
    greeting,
    firstParagraph,
    paragraph(middle),
    questionLine,
    pick(EMAIL_CLOSERS, variant, 7),
    signature,
  ]
    .filter((part): part is string => !!part && part.length > 0)
    .join('\n\n');
  return { subject: fillTemplate(pick(SUBJECTS, variant, 9), values), body };
}

/** A short hand-written thank-you note for one recipient. */
export function writeThankYouNote(
  context: DraftContext,
  recipient: DraftRecipient,
  variant: Variant,
): Draft {
  const { input } = context;
  const { values, greeting, signature } = describeBasics(context, recipient);
  const opener = fillTemplate(
    recipient.isHiringTeam ? pick(TEAM_OPENERS, variant, 0) : pick(NOTE_OPENERS, variant, 0),
    values,
  );
  const title =
    recipient.interviewer?.title && pick([true, false], variant, 12)
      ? fillTemplate(pick(NOTE_TITLE_LINES, variant, 2), values)
      : null;
  const { topic, liked, fit } = prepareNotes(input, recipient);
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
    signature,
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
  const { topic, liked } = prepareNotes(input, recipient);
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
    return fillTemplate(pick(phrases, variant, 3), {
      ...values,
      x: text,
      X: capitalise(text),
    }).replace(/…\.$/u, '…');
  };
  const full = fillTemplate(pick(LINKEDIN_OPENERS, variant, 0), values);
  const short = fillTemplate(pick(LINKEDIN_SHORT_OPENERS, variant, 0), values);
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
  const { values, greeting, signature } = describeBasics(context, recipient);
  const interviewDay = describeDate(context.interviewDate);
  if (second) {
    return {
      subject: `${input.role} at ${values.short}`,
      body: [
        greeting,
        `I hope all is well. I am writing once more about ${values.roleRef} at ${values.employer}, which we discussed on ${interviewDay}.`,
        'I understand that decisions like this can take time, and I would be grateful for any update whenever you have a moment. Either way, thank you for considering me.',
        signature,
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
      signature,
    ].join('\n\n'),
  };
}

/** A reminder of what to ask at the end of the interview when no decision date is known. */
export function writeAskTimeline(context: DraftContext): Draft {
  return {
    body: `When they invite your questions at the end, ask: "What are the next steps, and roughly when do you expect to make a decision about ${describeRole(context.input.role)}?" Note the date they give: the check-in is timed from it.`,
  };
}
