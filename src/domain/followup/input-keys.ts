/**
 * The keys the planner's input may hold, object by object, the values its choices take, and the
 * check that refuses any other key with "did you mean" suggestions. A misspelt key
 * (`decisionDate`) must not plan as if the field were absent.
 */
import type { ProblemList, Suggestion } from '../errors.js';
import type {
  ContactChannel,
  EmployerStyle,
  InterviewFormat,
  InterviewRound,
  LinkedInAccount,
  Nation,
} from './types.js';

/** The values of each choice of the input (the API's schema lists the same). */
export const INPUT_CHOICES = Object.freeze({
  format: ['in-person', 'video', 'phone'] as readonly InterviewFormat[],
  round: ['first', 'second', 'final'] as readonly InterviewRound[],
  nation: ['england', 'wales', 'scotland', 'northern-ireland'] as readonly Nation[],
  style: ['fast-moving', 'traditional', 'unknown'] as readonly EmployerStyle[],
  linkedin: ['none', 'free', 'premium'] as readonly LinkedInAccount[],
  channel: ['email', 'handwritten', 'linkedin'] as readonly ContactChannel[],
});

/** The keys each object of the input may hold, by where the object sits. */
export const INPUT_KEYS = Object.freeze({
  root: [
    'interview',
    'employer',
    'role',
    'candidate',
    'interviewers',
    'decisionExpectedOn',
    'notes',
    'now',
    'options',
    'recruiter',
  ],
  interview: ['startsAt', 'endsAt', 'timeZone', 'format', 'nation', 'round'],
  employer: ['name', 'style', 'sector', 'hiringTeamEmail'],
  candidate: ['name', 'linkedin', 'timeZone'],
  interviewer: [
    'id',
    'name',
    'title',
    'email',
    'postalAddress',
    'onLinkedIn',
    'contact',
    'channel',
    'notes',
    'chair',
  ],
  notes: ['liked', 'fit', 'questions'],
  options: ['minGapHours', 'secondCheckIn'],
  recruiter: ['consultant', 'email', 'phone', 'listing'],
} satisfies Record<string, readonly string[]>);

/** Words people often use for a field, mapped to the field (compared without case or punctuation). */
const ALIASES: Readonly<Record<string, string>> = {
  decisiondate: 'decisionExpectedOn',
  decision: 'decisionExpectedOn',
  decisionon: 'decisionExpectedOn',
  decisionby: 'decisionExpectedOn',
  decisiondue: 'decisionExpectedOn',
  decisionexpected: 'decisionExpectedOn',
  decisionexpectedby: 'decisionExpectedOn',
  start: 'startsAt',
  starts: 'startsAt',
  startat: 'startsAt',
  startsat: 'startsAt',
  starttime: 'startsAt',
  end: 'endsAt',
  ends: 'endsAt',
  endat: 'endsAt',
  endtime: 'endsAt',
  zone: 'timeZone',
  tz: 'timeZone',
  timezone: 'timeZone',
  country: 'nation',
  region: 'nation',
  type: 'format',
  company: 'employer',
  job: 'role',
  jobtitle: 'role',
  position: 'role',
  interviewer: 'interviewers',
  panel: 'interviewers',
  mail: 'email',
  emailaddress: 'email',
  address: 'postalAddress',
  postaladdress: 'postalAddress',
  linkedin: 'onLinkedIn',
  onlinkedin: 'onLinkedIn',
  note: 'notes',
  question: 'questions',
  likes: 'liked',
  like: 'liked',
  why: 'fit',
  mingap: 'minGapHours',
  agency: 'recruiter',
  consultant: 'recruiter',
  name: 'consultant',
  gaphours: 'minGapHours',
  secondcheck: 'secondCheckIn',
};

function squash(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Levenshtein distance, for "did you mean" (short strings only). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j] ?? 0;
      row[j] = Math.min(
        above + 1,
        (row[j - 1] ?? 0) + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

/** The known keys an unknown key was probably meant to be, best first (at most three). */
function suggestInputKeys(key: string, known: readonly string[]): string[] {
  const wanted = squash(key);
  const found: { key: string; score: number }[] = [];
  const alias = ALIASES[wanted];
  if (alias && known.includes(alias)) found.push({ key: alias, score: -1 });
  for (const candidate of known) {
    if (found.some((f) => f.key === candidate)) continue;
    const squashed = squash(candidate);
    if (squashed === wanted) {
      found.push({ key: candidate, score: 0 });
      continue;
    }
    const longer = Math.max(squashed.length, wanted.length);
    const limit = longer <= 4 ? 1 : Math.max(2, Math.floor(longer / 3));
    const apart = distance(wanted, squashed);
    if (apart <= limit) found.push({ key: candidate, score: apart });
    else if (wanted.length >= 4 && (squashed.startsWith(wanted) || wanted.startsWith(squashed))) {
      found.push({ key: candidate, score: limit + 1 });
    }
  }
  return found
    .sort((a, b) => a.score - b.score)
    .slice(0, 3)
    .map((f) => f.key);
}

/**
 * Records an `unknown-field` problem for each key of `object` not in `known`, named by its path
 * (`interview.start`), with what it was probably meant to be.
 */
export function checkInputKeys(
  problems: ProblemList,
  object: Readonly<Record<string, unknown>>,
  path: string,
  known: readonly string[],
): void {
  for (const key of Object.keys(object)) {
    if (known.includes(key)) continue;
    const field = path ? `${path}.${key}` : key;
    const shown = key.length > 60 ? `${key.slice(0, 59)}…` : key;
    const meant = suggestInputKeys(key.slice(0, 100), known);
    const suggestions: Suggestion[] = meant.map((value) => ({ label: value, value }));
    const hint =
      meant.length > 0
        ? ` Did you mean ${meant.map((value) => `"${value}"`).join(' or ')}?`
        : ` The fields here are: ${known.join(', ')}.`;
    problems.add(
      field,
      'unknown-field',
      `"${shown}" is not a field of the input.${hint}`,
      suggestions,
    );
  }
}
