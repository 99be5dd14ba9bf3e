/**
 * Sample inputs for the follow-up tests (not used by the product). `makeRawInput` gives a
 * valid raw JSON input; overrides are merged one level deep per top-level key.
 */
import { parseFollowUpInput } from './input.js';
import { planFollowUp } from './plan.js';
import { SAMPLE_FOLLOW_UP_INPUT } from './sample-input.js';
import type { FollowUpInput, FollowUpPlan, PlanStep } from './types.js';

export type RawInput = Record<string, unknown>;

/** A valid raw input: a one-hour interview in London ending Thu 15 Oct 2026 at 16:00. */
export function makeRawInput(overrides: RawInput = {}): RawInput {
  const base: RawInput = {
    // A fresh copy each time: specs may change what they are given.
    ...structuredClone(SAMPLE_FOLLOW_UP_INPUT),
    employer: { name: 'Brightwater Analytics Ltd', style: 'fast-moving' },
    decisionExpectedOn: null,
    now: '2026-10-15T12:00:00+01:00',
  };
  const merged: RawInput = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const current = base[key];
    merged[key] =
      value !== null &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      current !== null &&
      typeof current === 'object' &&
      !Array.isArray(current)
        ? { ...(current as RawInput), ...(value as RawInput) }
        : value;
  }
  return merged;
}

/** The parsed form of `makeRawInput(overrides)`. */
export function makeInput(overrides: RawInput = {}): FollowUpInput {
  return parseFollowUpInput(makeRawInput(overrides), '2026-10-15T11:00:00Z');
}

export function step(plan: FollowUpPlan, id: string): PlanStep {
  const found = plan.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id}; have ${plan.steps.map((s) => s.id).join(', ')}`);
  return found;
}

/** An interview of one hour ending at `end` (local), with only the given overrides. */
export function interviewEnding(end: string, overrides: RawInput = {}, zone = 'Europe/London') {
  const [date, time] = end.split('T') as [string, string];
  const hour = Number(time.slice(0, 2)) - 1;
  const start = `${date}T${String(hour).padStart(2, '0')}${time.slice(2)}`;
  return makeInput({
    ...overrides,
    interview: {
      startsAt: start,
      endsAt: end,
      timeZone: zone,
      ...(overrides.interview ?? {}),
    },
  });
}

export function checkInOn(date: string, nation: string, decision: string | null): string {
  const plan = planFollowUp(
    makeInput({
      interview: { startsAt: `${date}T10:00`, endsAt: `${date}T11:00`, nation },
      decisionExpectedOn: decision,
      now: `${date}T08:00:00Z`,
    }),
  );
  return step(plan, 'interview:check-in').sendAt;
}
