/**
 * The files of saved interviews: iCalendar per interview and one private feed for all, .eml
 * drafts.
 */
import type { TrackedPlan } from '../../domain/followup/interview-progress.js';
import type { FollowUpPlan } from '../../domain/followup/index.js';
import { buildDraftEml, renderFeedIcs, renderPlanIcs } from '../followup/index.js';
import { loadOwned, type InterviewsDeps } from './interviews.service.js';
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
  const record = await loadOwned(deps, userId, id);
  return renderPlanIcs(pendingPlan(trackInterview(record).tracked), record.interview.input);
}

/** A step's email draft (the user's edit when there is one) as an .eml file. */
export async function buildStepEml(
  deps: Pick<InterviewsDeps, 'interviewStore'>,
  userId: string,
  id: string,
  stepId: string,
): Promise<Buffer> {
  const record = await loadOwned(deps, userId, id);
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
  const plans = records.map((record) => ({
    plan: pendingPlan(trackInterview(record).tracked),
    input: record.interview.input,
  }));
  return renderFeedIcs(plans, FEED_REFRESH);
}
