/**
 * A short stable key for one interview's plan, used to make calendar UIDs and Message-IDs
 * unique across plans while staying the same when the same input is planned again.
 */
import { createHash } from 'node:crypto';
import type { FollowUpInput } from '../../domain/followup/index.js';

/** The domain used in calendar UIDs and Message-IDs. */
export const SHORTLIST_ID_DOMAIN = 'shortlist.example';

/** 12 hex digits from the interview's start instant and the employer's name (case-folded). */
export function makePlanKey(input: FollowUpInput): string {
  const start = new Date(input.interview.startsAt).toISOString();
  const employer = input.employer.name.trim().toLowerCase().replace(/\s+/g, ' ');
  return createHash('sha256').update(`${start}\n${employer}`).digest('hex').slice(0, 12);
}
