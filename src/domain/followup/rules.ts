/**
 * The follow-up rules as serialisable data: each has an id, the conditions it needs, the
 * actions it takes, a `why` template shown on the steps it produces, a reason and its source.
 * `planFollowUp` evaluates them; nothing else decides which steps a plan holds.
 */
import { deepFreeze } from './frozen.js';
import {
  thankYouBy,
  noteToEmail,
  chooseChannel,
  asRequested,
  bySector,
  check,
  timing,
  SEED,
} from './rule-builders.js';
import type { FollowUpRule, NeverRule } from './rule-types.js';
import type { NeverChannel } from './types.js';

const FACTS = 'Follow-up facts (shared/facts/follow-up.md)';

export const FOLLOW_UP_RULES: readonly FollowUpRule[] = deepFreeze([
  // Which channel carries each thank-you: the first match wins.
  asRequested(
    'thank-you-requested-email',
    'email',
    '{recipient} prefers email, so the thank-you goes by email.',
  ),
  asRequested(
    'thank-you-requested-handwritten',
    'handwritten',
    '{recipient} prefers a letter, so the thank-you is a short hand-written note sent first class.',
  ),
  chooseChannel(
    'thank-you-requested-linkedin',
    'request',
    [
      { fact: 'requested.channel', op: 'is', value: 'linkedin' },
      { fact: 'candidate.linkedin', op: 'is-not', value: 'none' },
    ],
    [thankYouBy('linkedin')],
    {
      why: '{recipient} prefers LinkedIn, so the thank-you is a short note there, sent with an invitation if you are not yet connected.',
      reason:
        'An invitation carrying a brief thank-you thanks the person and grows your network at once.',
      source: `${SEED}: LinkedIn as a follow-up channel`,
    },
  ),
  chooseChannel(
    'thank-you-requested-linkedin-no-account',
    'request',
    [
      { fact: 'requested.channel', op: 'is', value: 'linkedin' },
      { fact: 'candidate.linkedin', op: 'is', value: 'none' },
    ],
    [
      thankYouBy('email'),
      {
        op: 'warn',
        code: 'no-linkedin-account',
        message:
          '{recipient} prefers LinkedIn but you have no LinkedIn account, so the thank-you goes by email.',
        step: { kind: 'thank-you', channel: 'email' },
      },
    ],
    {
      why: '{recipient} prefers LinkedIn, but without an account of your own an email is the way to reach them.',
      reason:
        'Email is accepted by nearly every employer, so it is the fallback for any channel you cannot use.',
      source: `${FACTS}: email is acceptable to about 9 in 10 employers`,
    },
  ),
  chooseChannel(
    'thank-you-fast-moving-email',
    'employer',
    [{ fact: 'employer.style', op: 'is', value: 'fast-moving' }],
    [thankYouBy('email')],
    {
      why: '{employer} moves fast, so an email reaches {recipient} while the interview is still fresh.',
      reason:
        'Fast-moving employers (tech, e-commerce, start-ups, digital media) work by email and decide quickly.',
      source: `${SEED}: choosing between email and a hand-written note`,
    },
  ),
  chooseChannel(
    'thank-you-traditional-note',
    'employer',
    [{ fact: 'employer.style', op: 'is', value: 'traditional' }],
    [thankYouBy('handwritten')],
    {
      why: '{employer} is a traditional employer, where a brief hand-written note sent first class stands out and stays on the desk.',
      reason:
        'In traditional firms (law, banking, finance, the public sector, old family firms) a letter carries more weight than an email.',
      source: `${SEED}: choosing between email and a hand-written note`,
    },
  ),
  bySector(
    'thank-you-sector-traditional-note',
    'traditional',
    'handwritten',
    "{employer}'s style is not known, but {sector} is a traditional sector, so a brief hand-written note sent first class suits it.",
    'When the employer itself is unknown, its sector is the best guide to how formal it is.',
  ),
  bySector(
    'thank-you-sector-fast-moving-email',
    'fast-moving',
    'email',
    "{employer}'s style is not known, but {sector} is a fast-moving sector, so an email suits it.",
    'When the employer itself is unknown, its sector is the best guide to how quickly it works.',
  ),
  chooseChannel('thank-you-default-email', 'employer', [], [thankYouBy('email')], {
    why: "Nothing is known about {employer}'s style, so the thank-you goes by email, which almost every employer is happy with.",
    reason: 'Email is the least hassle for everyone and is accepted almost everywhere.',
    source: `${FACTS}: email is acceptable to about 9 in 10 employers`,
  }),

  // Checks on the chosen channels: every matching rule applies, in this order.
  check(
    'handwritten-abroad',
    'thank-you-checks',
    'recipient',
    [
      { fact: 'thank-you.handwritten', op: 'is', value: true },
      { fact: 'candidate.abroad', op: 'is', value: true },
    ],
    [
      noteToEmail,
      {
        op: 'warn',
        code: 'abroad-no-note',
        message:
          'You are outside the UK, so a first-class note to {recipient} is not possible: the thank-you goes by email instead.',
        step: { kind: 'thank-you', channel: 'email' },
      },
    ],
    {
      why: 'A hand-written note would suit, but from outside the UK it cannot be posted first class and arrive within a day or two, so the thank-you to {recipient} goes by email.',
      reason:
        'A note only helps if it arrives while the interview is fresh; international post takes days or weeks.',
      source: `${SEED}: do not wait more than a day, especially with a hand-written note; ${FACTS}: UK first-class post delivery target`,
    },
  ),
  check(
    'handwritten-needs-address',
    'thank-you-checks',
    'recipient',
    [
      { fact: 'thank-you.handwritten', op: 'is', value: true },
      { fact: 'recipient.hasPostalAddress', op: 'is', value: false },
    ],
    [
      noteToEmail,
      {
        op: 'warn',
        code: 'no-postal-address',
        message:
          'There is no postal address for {recipient}, so the thank-you goes by email instead of a hand-written note. Add an address to send a note.',
        step: { kind: 'thank-you', channel: 'email' },
      },
    ],
    {
      why: 'A hand-written note would suit, but without a postal address for {recipient} the thank-you goes by email.',
      reason: 'A note needs an address; an email still arrives inside the window.',
      source: `${FACTS}: email is acceptable to about 9 in 10 employers`,
    },
  ),
  check(
    'thank-you-quick-decision-email',
    'thank-you-checks',
    'recipient',
    [
      { fact: 'thank-you.chosenBy', op: 'is', value: 'employer' },
      { fact: 'thank-you.handwritten', op: 'is', value: true },
      { fact: 'decision.soon', op: 'is', value: true },
    ],
    [thankYouBy('email')],
    {
      why: '{employer} means to decide by {decisionDate}, within {quickDays} working days of the interview, so an email goes as well as the note in case the post is too slow.',
      reason:
        'A letter is slower than an email; when the decision is close, speed matters as well as weight.',
      source: `${SEED}: weigh the charm of a letter against its speed`,
    },
  ),
  check(
    'handwritten-arrives-after-decision',
    'thank-you-checks',
    'recipient',
    [
      { fact: 'thank-you.handwritten', op: 'is', value: true },
      { fact: 'post.arrivesAfterDecision', op: 'is', value: true },
    ],
    [
      thankYouBy('email'),
      {
        op: 'warn',
        code: 'note-arrives-after-decision',
        message:
          'The note to {recipient} will probably arrive on {arrivesBy}, after the decision expected on {decisionDate}, so an email goes as well.',
        step: { kind: 'thank-you', channel: 'handwritten' },
      },
    ],
    {
      why: 'The note to {recipient} would probably arrive on {arrivesBy}, after the decision expected on {decisionDate}, so an email makes sure the thanks arrive in time.',
      reason:
        'First-class post usually arrives the next working day, but not always, and not on Sundays or bank holidays.',
      source: `${FACTS}: UK first-class post delivery target`,
    },
  ),
  check(
    'email-needs-address',
    'thank-you-checks',
    'recipient',
    [
      { fact: 'thank-you.email', op: 'is', value: true },
      { fact: 'recipient.hasEmail', op: 'is', value: false },
    ],
    [
      {
        op: 'warn',
        code: 'no-email-address',
        message:
          'There is no email address for {recipient}; the draft is ready, but find the address (the interview invitation is a good place to look) before sending.',
        step: { kind: 'thank-you', channel: 'email' },
      },
    ],
    {
      why: 'An email needs an address.',
      reason: 'Without an address the draft cannot be sent, so the user is told early.',
      source: `${SEED}: contacting the employer first makes sure they can reach you`,
    },
  ),

  // Networking.
  check(
    'linkedin-invite',
    'network',
    'recipient',
    [
      { fact: 'recipient.onLinkedIn', op: 'is', value: true },
      { fact: 'candidate.linkedin', op: 'is-not', value: 'none' },
      { fact: 'thank-you.linkedin', op: 'is', value: false },
    ],
    [{ op: 'add-step', kind: 'linkedin-invite', channel: 'linkedin' }],
    {
      why: '{recipient} is on LinkedIn: an invitation with a short note (at most {limit} characters on your {account} account) adds them to your network. Send it once the thank-you has gone, within a week.',
      reason:
        'A LinkedIn invitation with a brief thank-you builds your network as well as thanking the person.',
      source: `${SEED}: LinkedIn as a follow-up channel; ${FACTS}: invitation note limits`,
    },
  ),

  // The decision: asking about it, checking in, and letting go.
  check(
    'check-in-after-decision-date',
    'decision',
    'interview',
    [{ fact: 'decision.given', op: 'is', value: true }],
    [{ op: 'add-step', kind: 'check-in', channel: 'email' }],
    {
      why: '{employer} expected to decide by {decisionDate}; a polite email to {contact} {checkInDays} working days later gives them room without letting things drift.',
      reason: 'Wait until the date the employer gave has passed, then ask politely by email.',
      source: `${SEED}: asking about the decision; ${FACTS}: the given date plus 1-2 working days`,
    },
  ),
  check(
    'check-in-without-decision-date',
    'decision',
    'interview',
    [{ fact: 'decision.given', op: 'is', value: false }],
    [{ op: 'add-step', kind: 'check-in', channel: 'email' }],
    {
      why: 'No decision date was given, so a polite email to {contact} goes {checkInDays} working days after the interview.',
      reason: 'Without a date, give the employer at least a working week before asking.',
      source: `${FACTS}: at least 5 working days after the interview when no date was given`,
    },
  ),
  check(
    'ask-timeline',
    'decision',
    'interview',
    [
      { fact: 'decision.given', op: 'is', value: false },
      { fact: 'interview.ahead', op: 'is', value: true },
    ],
    [{ op: 'add-step', kind: 'ask-timeline', channel: null }],
    {
      why: 'You do not know yet when they will decide: when they invite your questions at the end of the interview, ask when you can expect to hear.',
      reason: 'Knowing the decision date makes the later check-in well timed rather than a guess.',
      source: `${SEED}: no time frame given? ask in the questions part of the interview`,
    },
  ),
  check(
    'check-in-needs-address',
    'decision',
    'interview',
    [{ fact: 'contact.hasEmail', op: 'is', value: false }],
    [
      {
        op: 'warn',
        code: 'no-email-address',
        message:
          'There is no email address for {contact}; the check-in draft is ready, but find the address before it is due.',
        step: { kind: 'check-in', channel: 'email' },
      },
    ],
    {
      why: 'A check-in email needs an address.',
      reason: 'Without an address the check-in cannot be sent, so the user is told early.',
      source: `${SEED}: ask about the decision by email`,
    },
  ),
  check(
    'second-check-in',
    'decision',
    'interview',
    [{ fact: 'options.secondCheckIn', op: 'is', value: true }],
    [{ op: 'add-step', kind: 'second-check-in', channel: 'email' }],
    {
      why: 'You chose a second check-in: one last polite email to {contact}, {secondDays} working days after the first. After it, stop asking.',
      reason: 'One check-in is usually enough; a second only much later, and then no more.',
      source: `${FACTS}: one polite check-in, a second only much later, then stop`,
    },
  ),
  check(
    'close-no-reply',
    'decision',
    'interview',
    [],
    [{ op: 'add-step', kind: 'close', channel: null }],
    {
      why: 'If nothing has come back {closeDays} working days after your last check-in, mark the application "no reply" and keep {contact} among your contacts: there may well be a next time.',
      reason:
        'Some employers never reply; staying polite and keeping the contact leaves the door open.',
      source: `${SEED}: some employers never reply; stay courteous for next time`,
    },
  ),

  // Timing notes added to the steps they describe.
  timing('thank-you-timing', 'recipient', {
    why: 'Send it no earlier than {notBefore}, once you have left, and by {due}, a day after the interview.',
    reason: 'Thanking too early looks over-eager; waiting more than about a day looks indifferent.',
    source: `${SEED}: timing the thank-you; ${FACTS}: within 24 hours, ideally a few hours after`,
  }),
  timing('christmas-shutdown', 'interview', {
    why: 'It would fall between Christmas Eve and New Year’s Day, when most offices are closed or short-staffed, so it waits until {reopensOn}, the first working day after; any later step keeps its working-day gap from it.',
    reason:
      'A message sent over Christmas and New Year sits unread under the holiday backlog, and the people deciding are often away.',
    source: `Shortlist, extending ${SEED}: wait for the employer's time frame to pass; ${FACTS}: working days and bank holidays`,
  }),
  timing('late-thank-you-check-in', 'interview', {
    why: 'The thank-you to {recipient} was due on {due}, and the check-in is due now too, so they go together as one polite email: two messages on the same day would crowd them.',
    reason:
      'A late thank-you is still better than none, but a thank-you and a question about the decision arriving separately on the same day looks like pressure.',
    source: `${SEED}: send a thank-you after every interview, and ask politely by email once the time frame has passed`,
  }),
  timing('abroad-send-time', 'recipient', {
    why: 'You are outside the UK: {sendLocal} your time is {sendEmployer} for {employer} ({employerZone}), inside both your waking hours and their working hours.',
    reason:
      'A message that lands in the middle of the night, or is written at 4 a.m. your time, helps nobody: it should go while both of you are about.',
    source: `Shortlist, extending ${SEED}: timing the thank-you`,
  }),
  timing('abroad-scheduled-send', 'recipient', {
    why: 'Your waking hours and {employer}’s working hours do not meet, so write it beforehand and schedule it in your mail app for {sendEmployer} their time ({sendLocal} yours), the start of their working day.',
    reason:
      'When the hours never overlap, a scheduled send lets the message arrive at the start of the employer’s day without anyone staying up for it.',
    source: `Shortlist, extending ${SEED}: timing the thank-you`,
  }),
  timing('recruiter-debrief', 'interview', {
    why: 'The interview was arranged by {consultant} at the agency: call or email them the same day to say how it went and to hear any feedback. The never list is about the employer: phoning your own consultant is expected.',
    reason:
      'The consultant works for you and speaks to the employer; they can pass on feedback and make your case only if they hear from you while it is fresh.',
    source: `Shortlist, extending ${SEED}: follow up with everyone involved in the interview`,
  }),
  timing('thank-you-through-recruiter', 'interview', {
    why: 'There is no address for {names}, so {consultant} at the agency passes your thanks on. Anyone whose address you have is thanked directly.',
    reason:
      'Through an agency, the consultant is the usual way to reach the employer; writing directly is fine when you have the person’s address.',
    source: `${SEED}: thank each person you met`,
  }),
  timing('check-in-through-recruiter', 'interview', {
    why: 'The interview came through {consultant}, so the check-in goes to them rather than to {employer}: the agency manages the employer’s side.',
    reason:
      'Going around the agency to the employer undermines the consultant who is working for you.',
    source: `Shortlist, extending ${SEED}: ask politely about the decision`,
  }),
  timing('thank-you-panel', 'recipient', {
    why: 'There is no address for {names}, so this one email thanks the whole panel through {recipient} and asks for the thanks to be passed on.',
    reason:
      'Everyone you met should be thanked; when only one address is known, a single message that names the others reaches them all without guessing addresses.',
    source: `${SEED}: thank each person you met`,
  }),
  timing('handwritten-timing', 'recipient', {
    why: 'Write it the same evening or the next day, and post it first class by {postBy}, the last collection on the first collection day after the interview; it should arrive by {arrivesBy}.',
    reason:
      'A note takes a day or two to reach the desk, so it goes as soon as the post allows: written once you are home, in the box by the next collection day.',
    source: `${SEED}: do not wait more than a day, especially with a hand-written note; ${FACTS}: UK first-class post delivery target`,
  }),
]);

/** The channels never used for follow-up, each with the reason shown to the user. */
export const NEVER_CHANNELS: readonly NeverRule[] = deepFreeze([
  {
    channel: 'phone',
    why: 'Ringing to ask how it went puts the interviewer on the spot; a written message lets them reply when they are ready.',
    source: `${SEED}: no phone calls about the outcome`,
  },
  {
    channel: 'visit',
    why: 'Turning up in person to ask about the decision leaves the employer feeling cornered and uncomfortable.',
    source: `${SEED}: no visits about the outcome`,
  },
  {
    channel: 'facebook',
    why: 'A personal social network is the wrong place for a follow-up: it comes across as over-eager, even intrusive.',
    source: `${SEED}: no Facebook or Twitter`,
  },
  {
    channel: 'twitter',
    why: 'Following up on X (Twitter) comes across as over-eager, even intrusive, and may be public.',
    source: `${SEED}: no Facebook or Twitter`,
  },
  {
    channel: 'text',
    why: "A text message lands on someone's personal phone; like a call, it presses for an answer. Email keeps it professional.",
    source: `Shortlist, extending ${SEED}: no phone calls; email instead`,
  },
]);

/** Refused channel names an input may use, mapped to the entry of NEVER_CHANNELS. */
export const REFUSED_CHANNEL_NAMES: Readonly<Record<string, NeverChannel>> = deepFreeze({
  phone: 'phone',
  visit: 'visit',
  facebook: 'facebook',
  twitter: 'twitter',
  x: 'twitter',
  text: 'text',
});
