/**
 * The files of saved interviews: iCalendar per interview and one private feed for all, .eml
 * drafts.
 */
import type { TrackedPlan } from '../../domain/accounts/interview-progress.js';
import type { FollowUpPlan } from '../../domain/followup/index.js';
import { buildDraftEml, renderPlanIcs } from '../followup/index.js';
import { findOwned, type InterviewsDeps } from '../interviews.service.js';
import { trackInterview, withEffectiveDrafts } from './plan-view.js';

/** The steps still to do of a tracked plan, with the user's drafts, as a plan. */
function pendingPlan(tracked: TrackedPlan): FollowUpPlan {
  const effective = withEffectiveDrafts(tracked);
  return {
    ...effective,
    steps: effective.steps.filter((_, index) => tracked.steps[index]?.status === 'pending'),
  };
}

/** The calendar file of one interview: its pending steps, with the user's drafts. */
export async function renderInterviewIcs(
  deps: Pick<InterviewsDeps, 'interviewStore'>,
  userId: string,
  id: string,
): Promise<string> {
  const record = await findOwned(deps, userId, id);
  return renderPlanIcs(pendingPlan(trackInterview(record).tracked), record.interview.input);
}

/** A step's email draft (the user's edit when there is one) as an .eml file. */
export async function buildStepEml(
  deps: Pick<InterviewsDeps, 'interviewStore'>,
  userId: string,
  id: string,
  stepId: string,
): Promise<Buffer> {
  const record = await findOwned(deps, userId, id);
  const plan = withEffectiveDrafts(trackInterview(record).tracked);
  return buildDraftEml(plan, record.interview.input, stepId);
}

/** How often calendar apps are asked to fetch the feed again. */
const FEED_REFRESH = 'PT1H';

/**
 * One iCalendar document with the pending steps of all the user's interviews: each interview's
 * events as the planner writes them (renderPlanIcs), under one calendar.
 */
export async function renderCalendarFeed(
  deps: Pick<InterviewsDeps, 'interviewStore'>,
  userId: string,
): Promise<string> {
  const records = await deps.interviewStore.listInterviews(userId);
  const events: string[] = [];
  for (const record of records) {
    const plan = pendingPlan(trackInterview(record).tracked);
    if (plan.steps.length === 0) continue;
    const lines = renderPlanIcs(plan, record.interview.input).split('\r\n');
    const first = lines.indexOf('BEGIN:VEVENT');
    const last = lines.lastIndexOf('END:VEVENT');
    if (first >= 0 && last >= first) events.push(...lines.slice(first, last + 1));
  }
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Shortlist//Interview follow-ups//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:Shortlist follow-ups',
    `REFRESH-INTERVAL;VALUE=DURATION:${FEED_REFRESH}`,
    `X-PUBLISHED-TTL:${FEED_REFRESH}`,
    ...events,
    'END:VCALENDAR',
  ];
  return `${lines.join('\r\n')}\r\n`;
}
