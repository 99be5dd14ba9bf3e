/**
 * The plan as an iCalendar file (RFC 5545): one event per step at its send time, each with a
 * display reminder. Times are written in UTC, so no VTIMEZONE is needed. No I/O.
 */
import { Temporal } from 'temporal-polyfill';
import type { FollowUpInput, FollowUpPlan, PlanStep } from '../../domain/followup/index.js';
import { describeMoment } from '../../domain/followup/time.js';
import { makePlanKey, SHORTLIST_ID_DOMAIN } from './plan-key.js';

/** Minutes before a step that its reminder goes off, and how long its event lasts. */
const ICS_REMINDER_MINUTES = 15;
const ICS_EVENT_MINUTES = 15;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma, line breaks. */
export function escapeIcsText(text: string): string {
  return text
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

/** Folds a content line to at most 75 octets per line, never splitting a character. */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line counts too
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function formatUtc(instant: Temporal.Instant): string {
  return instant.toString({ smallestUnit: 'second' }).replace(/[-:]/g, '');
}

/** What a step asks the candidate to do, in one line ("Email a thank-you to Anna Clarke"). */
export function summariseStep(step: PlanStep, input: FollowUpInput): string {
  const to = step.to ?? 'the hiring team';
  switch (step.kind) {
    case 'thank-you':
      if (step.channel === 'handwritten') return `Write and post a thank-you note to ${to}`;
      if (step.channel === 'linkedin') return `Send ${to} a thank-you on LinkedIn`;
      return `Email a thank-you to ${to}`;
    case 'linkedin-invite':
      return `Invite ${to} to connect on LinkedIn`;
    case 'debrief':
      return `Call or email ${to} at the agency to debrief`;
    case 'thank-you-check-in':
      return `Email ${to} a late thank-you and ask about the ${input.role} role`;
    case 'check-in':
      return `Check in with ${to} about the ${input.role} role`;
    case 'second-check-in':
      return `Last check-in with ${to} about the ${input.role} role`;
    case 'ask-timeline':
      return `Ask ${input.employer.name} when they expect to decide`;
    case 'close':
      return `No reply from ${input.employer.name}? Close the application`;
  }
}

function describeStep(step: PlanStep, input: FollowUpInput): string {
  const zone = input.candidate.timeZone;
  const moment = (value: string) => describeMoment(Temporal.Instant.from(value), zone);
  const lines = [step.why, '', `Not before: ${moment(step.notBefore)}`, `Due: ${moment(step.due)}`];
  if (step.postBy) lines.push(`Post by: ${moment(step.postBy)}`);
  if (step.arrivesBy) lines.push(`Likely to arrive: ${step.arrivesBy}`);
  if (step.draft) {
    lines.push('', 'Draft:');
    if (step.draft.subject) lines.push(`Subject: ${step.draft.subject}`, '');
    lines.push(step.draft.body);
  }
  lines.push('', `Reason: ${step.reason}`, `Source: ${step.source}`);
  return lines.join('\n');
}

function planEvents(plan: FollowUpPlan, input: FollowUpInput): string[] {
  const key = makePlanKey(input);
  const stamp = formatUtc(Temporal.Instant.from(input.now));
  return plan.steps.flatMap((step) => {
    const summary = escapeIcsText(summariseStep(step, input));
    return [
      'BEGIN:VEVENT',
      `UID:${escapeIcsText(`${step.id}.${key}@${SHORTLIST_ID_DOMAIN}`)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${formatUtc(Temporal.Instant.from(step.sendAt))}`,
      `DURATION:PT${ICS_EVENT_MINUTES}M`,
      `SUMMARY:${summary}`,
      `DESCRIPTION:${escapeIcsText(describeStep(step, input))}`,
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${summary}`,
      `TRIGGER:-PT${ICS_REMINDER_MINUTES}M`,
      'END:VALARM',
      'END:VEVENT',
    ];
  });
}

/** One iCalendar document (CRLF line ends, folded): `properties` after the version, then events. */
function renderCalendar(properties: string[], events: string[]): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', ...properties, ...events, 'END:VCALENDAR'];
  return `${lines.map(foldIcsLine).join('\r\n')}\r\n`;
}

/** Renders the plan as an iCalendar document (CRLF line ends, folded, escaped). */
export function renderPlanIcs(plan: FollowUpPlan, input: FollowUpInput): string {
  return renderCalendar(
    [
      'PRODID:-//Shortlist//Interview follow-up plan//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      `X-WR-CALNAME:${escapeIcsText(`Follow-up: ${input.role} at ${input.employer.name}`)}`,
    ],
    planEvents(plan, input),
  );
}

/**
 * One calendar with the events of several plans (the private feed), which calendar apps are
 * asked to fetch again every `refresh` (an ISO 8601 duration).
 */
export function renderFeedIcs(
  plans: readonly { plan: FollowUpPlan; input: FollowUpInput }[],
  refresh: string,
): string {
  return renderCalendar(
    [
      'PRODID:-//Shortlist//Interview follow-ups//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:Shortlist follow-ups',
      `REFRESH-INTERVAL;VALUE=DURATION:${refresh}`,
      `X-PUBLISHED-TTL:${refresh}`,
    ],
    plans.flatMap(({ plan, input }) => planEvents(plan, input)),
  );
}
