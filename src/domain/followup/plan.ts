/**
 * The planner: evaluates FOLLOW_UP_RULES against the facts of each recipient and of the
 * interview, times every step and writes its draft. Pure and deterministic: `now` comes from
 * the input.
 */
import { Temporal } from 'temporal-polyfill';
import { findIndustry, listIndustries, type Industry } from '../directory/taxonomy.js';
import {
  listNoteWarnings,
  writeDrafts,
  HIRING_TEAM_NAME,
  type DraftContext,
  type DraftRecipient,
  type DraftRequest,
} from './drafts.js';
import { findDeliveryDate, findLastCollection, findNextCollection } from './post.js';
import {
  FOLLOW_UP_RULES,
  NEVER_CHANNELS,
  RULE_STAGES,
  fillTemplate,
  matchRule,
  type Facts,
  type FollowUpRule,
  type RuleStage,
} from './rules.js';
import { findThankYouWindow } from './send-window.js';
import { DEFAULT_SETTINGS, type FollowUpSettings } from './settings.js';
import { toKey } from './text.js';
import { atLocalTime, describeDate, describeMoment, formatInstant } from './time.js';
import type {
  ContactChannel,
  FollowUpInput,
  FollowUpPlan,
  PlanStep,
  PlanWarning,
  StepKind,
} from './types.js';
import { addWorkingDays } from './working-days.js';

/** The id used in step ids for the hiring team when no interviewer is named. */
export const HIRING_TEAM_ID = 'hiring-team';

const KIND_ORDER: readonly StepKind[] = [
  'ask-timeline',
  'thank-you',
  'linkedin-invite',
  'check-in',
  'second-check-in',
  'close',
];

/**
 * The taxonomy industry a sector names: its slug (`legal`, `IT`), an `industry/subsector` key,
 * or the industry's display name ("Government / Public Sector"), ignoring case.
 */
export function findSectorIndustry(sector: string): Industry | undefined {
  const slug = sector.split('/')[0] ?? sector;
  const bySlug = findIndustry(slug);
  if (bySlug) return bySlug;
  const key = toKey(sector);
  return listIndustries().find((industry) => toKey(industry.name) === key);
}

/**
 * The style a sector suggests. Taxonomy slugs and names are matched case-insensitively; free
 * text is compared with the slugs ignoring case, spaces and punctuation ("Media & PR").
 */
export function classifySector(
  sector: string | undefined,
  settings: FollowUpSettings = DEFAULT_SETTINGS,
): 'traditional' | 'fast-moving' | 'other' {
  if (!sector) return 'other';
  const key = toKey(findSectorIndustry(sector)?.slug ?? sector);
  if (settings.sectorStyles.traditional.some((slug) => toKey(slug) === key)) return 'traditional';
  if (settings.sectorStyles.fastMoving.some((slug) => toKey(slug) === key)) return 'fast-moving';
  return 'other';
}

/** The id of a step about one recipient: `<interviewerId>:<kind>:<channel>`. */
export function makeStepId(
  recipientId: string,
  kind: StepKind,
  channel: ContactChannel | null,
): string {
  return `${recipientId}:${kind}:${channel ?? 'none'}`;
}

/** The id of a step about the interview as a whole: `interview:<kind>`. */
export function makeInterviewStepId(kind: StepKind): string {
  return `interview:${kind}`;
}

interface Planned {
  kind: StepKind;
  channel: ContactChannel | null;
  rule: FollowUpRule;
}

interface PendingWarning {
  code: string;
  message: string;
  step?: { kind: StepKind; channel: ContactChannel | null };
}

interface Subject {
  planned: Planned[];
  warnings: PendingWarning[];
}

/** Applies one rule's actions to a subject's planned steps. */
function applyActions(rule: FollowUpRule, subject: Subject): void {
  const find = (kind: StepKind, channel: ContactChannel | null) =>
    subject.planned.findIndex((p) => p.kind === kind && p.channel === channel);
  for (const action of rule.actions) {
    if (action.op === 'add-step') {
      if (find(action.kind, action.channel) < 0) {
        subject.planned.push({ kind: action.kind, channel: action.channel, rule });
      }
    } else if (action.op === 'replace-step') {
      const at = find(action.kind, action.from);
      if (at < 0) continue;
      if (find(action.kind, action.to) >= 0) subject.planned.splice(at, 1);
      else subject.planned[at] = { kind: action.kind, channel: action.to, rule };
    } else {
      subject.warnings.push({
        code: action.code,
        message: action.message,
        ...(action.step ? { step: action.step } : {}),
      });
    }
  }
}

/** Runs the rules of one stage on a subject; facts are re-read before each rule. */
function runStage(
  rules: readonly FollowUpRule[],
  stage: RuleStage,
  firstMatchOnly: boolean,
  kind: 'recipient' | 'interview',
  subject: Subject,
  readFacts: () => Facts,
  onMatch?: (rule: FollowUpRule) => void,
): void {
  for (const rule of rules) {
    if (rule.stage !== stage || rule.subject !== kind) continue;
    if (!matchRule(rule, readFacts())) continue;
    applyActions(rule, subject);
    onMatch?.(rule);
    if (firstMatchOnly) return;
  }
}

/**
 * Plans the follow-up of one interview: the steps (each with the rule that produced it and
 * why), the warnings, and the channels never to use.
 */
export function planFollowUp(
  input: FollowUpInput,
  settings: FollowUpSettings = DEFAULT_SETTINGS,
  rules: readonly FollowUpRule[] = FOLLOW_UP_RULES,
): FollowUpPlan {
  const zone = input.interview.timeZone;
  const candidateZone = input.candidate.timeZone;
  const nation = input.interview.nation;
  const start = Temporal.Instant.from(input.interview.startsAt);
  const end = Temporal.Instant.from(input.interview.endsAt);
  const now = Temporal.Instant.from(input.now);
  const interviewDate = start.toZonedDateTimeISO(zone).toPlainDate();
  const decisionDate = input.decisionExpectedOn
    ? Temporal.PlainDate.from(input.decisionExpectedOn)
    : null;
  const show = (instant: Temporal.Instant) => formatInstant(instant, candidateZone);
  const tell = (instant: Temporal.Instant) => describeMoment(instant, candidateZone);

  const window = findThankYouWindow(end, zone, nation, input.options.minGapHours, settings);
  const lastCollection = findLastCollection(
    window.notBefore,
    window.due,
    candidateZone,
    nation,
    settings,
  );
  const collection =
    lastCollection ?? findNextCollection(window.due, candidateZone, nation, settings);
  const arrives = collection ? findDeliveryDate(collection, nation) : null;
  const sectorStyle = classifySector(input.employer.sector, settings);
  const decisionSoon =
    decisionDate !== null &&
    Temporal.PlainDate.compare(
      decisionDate,
      addWorkingDays(interviewDate, settings.quickDecisionWorkingDays, nation),
    ) <= 0;
  const arrivesAfterDecision =
    decisionDate !== null &&
    arrives !== null &&
    Temporal.PlainDate.compare(arrives, decisionDate) > 0;

  const recipients: (DraftRecipient & { id: string })[] =
    input.interviewers.length > 0
      ? input.interviewers.map((interviewer) => ({
          interviewer,
          name: interviewer.name,
          isHiringTeam: false,
          id: interviewer.id,
        }))
      : [{ name: HIRING_TEAM_NAME, isHiringTeam: true, id: HIRING_TEAM_ID }];
  const contact: DraftRecipient & { id: string } =
    recipients.find((r) => r.interviewer?.contact) ??
    (recipients[0] as DraftRecipient & { id: string });

  const checkInDays = decisionDate
    ? settings.checkInWorkingDaysAfterDecision
    : settings.checkInWorkingDaysWithoutDecision;
  const sectorLabel = input.employer.sector
    ? (findSectorIndustry(input.employer.sector)?.name ?? input.employer.sector)
    : '';
  const account = input.candidate.linkedin === 'premium' ? 'premium' : 'free';
  const baseValues: Record<string, string> = {
    employer: input.employer.name,
    sector: sectorLabel,
    decisionDate: decisionDate ? describeDate(decisionDate) : '',
    quickDays: String(settings.quickDecisionWorkingDays),
    checkInDays: String(checkInDays),
    secondDays: String(settings.secondCheckInWorkingDays),
    closeDays: String(settings.closeWorkingDaysAfterLastCheckIn),
    contact: contact.name,
    notBefore: tell(window.notBefore),
    due: tell(window.due),
    postBy: collection ? tell(collection.toInstant()) : 'not known',
    arrivesBy: arrives ? describeDate(arrives) : 'not known',
    limit: String(settings.linkedInNoteLimits[account]),
    account,
  };
  const timingRule = rules.find(
    (rule) => rule.stage === 'timing' && rule.id === 'thank-you-timing',
  );

  const steps: PlanStep[] = [];
  const warnings: PlanWarning[] = [];
  const requests: DraftRequest[] = [];

  // One subject per recipient: thank-you channel, checks on it, networking.
  for (const recipient of recipients) {
    const subject: Subject = { planned: [], warnings: [] };
    let chosenBy: 'request' | 'employer' | null = null;
    const has = (channel: ContactChannel) =>
      subject.planned.some((p) => p.kind === 'thank-you' && p.channel === channel);
    const readFacts = (): Facts => ({
      'requested.channel': recipient.interviewer?.channel ?? null,
      'employer.style': input.employer.style,
      'employer.sectorStyle': sectorStyle,
      'candidate.linkedin': input.candidate.linkedin,
      'recipient.onLinkedIn': recipient.interviewer?.onLinkedIn ?? false,
      'recipient.hasEmail': Boolean(recipient.interviewer?.email),
      'recipient.hasPostalAddress': Boolean(recipient.interviewer?.postalAddress),
      'recipient.isHiringTeam': recipient.isHiringTeam,
      'decision.given': decisionDate !== null,
      'decision.soon': decisionSoon,
      'thank-you.email': has('email'),
      'thank-you.handwritten': has('handwritten'),
      'thank-you.linkedin': has('linkedin'),
      'thank-you.chosenBy': chosenBy,
      'post.collectionInWindow': lastCollection !== null,
      'post.arrivesAfterDecision': arrivesAfterDecision,
    });
    for (const { stage, firstMatchOnly } of RULE_STAGES) {
      runStage(rules, stage, firstMatchOnly, 'recipient', subject, readFacts, (rule) => {
        if (stage === 'thank-you-channel') {
          chosenBy = rule.conditions.some((c) => c.fact === 'requested.channel' && c.op === 'is')
            ? 'request'
            : 'employer';
        }
      });
    }

    const values = { ...baseValues, recipient: recipient.name };
    const thankYouSendAt = window.sendAt;
    for (const planned of subject.planned) {
      const id = makeStepId(recipient.id, planned.kind, planned.channel);
      let why = fillTemplate(planned.rule.why, values);
      let step: PlanStep;
      if (planned.kind === 'linkedin-invite') {
        const notBefore = thankYouSendAt;
        const due = notBefore
          .toZonedDateTimeISO(zone)
          .add({ days: settings.linkedInInviteDueDays })
          .toInstant();
        step = {
          id,
          kind: planned.kind,
          channel: planned.channel,
          notBefore: show(notBefore),
          due: show(due),
          sendAt: show(notBefore),
          rule: planned.rule.id,
          why,
        };
      } else {
        if (timingRule) why = `${why} ${fillTemplate(timingRule.why, values)}`;
        step = {
          id,
          kind: planned.kind,
          channel: planned.channel,
          notBefore: show(window.notBefore),
          due: show(window.due),
          sendAt: show(window.sendAt),
          rule: planned.rule.id,
          why,
        };
        if (planned.channel === 'handwritten') {
          if (collection) step.postBy = show(collection.toInstant());
          if (arrives) step.arrivesBy = arrives.toString();
        }
      }
      if (recipient.interviewer) step.interviewerId = recipient.interviewer.id;
      step.to = recipient.name;
      steps.push(step);
      requests.push({ stepId: id, kind: planned.kind, channel: planned.channel, recipient });
    }
    for (const pending of subject.warnings) {
      const stepId = pending.step
        ? makeStepId(recipient.id, pending.step.kind, pending.step.channel)
        : undefined;
      warnings.push({
        code: pending.code,
        message: fillTemplate(pending.message, values),
        ...(stepId && steps.some((s) => s.id === stepId) ? { stepId } : {}),
      });
    }
  }

  // The interview as a whole: asking about the timeline, check-ins, closing.
  const interviewSubject: Subject = { planned: [], warnings: [] };
  const interviewFacts = (): Facts => ({
    'decision.given': decisionDate !== null,
    'interview.ahead': Temporal.Instant.compare(now, start) < 0,
    'options.secondCheckIn': input.options.secondCheckIn,
    'contact.hasEmail': Boolean(contact.interviewer?.email),
  });
  for (const { stage, firstMatchOnly } of RULE_STAGES) {
    runStage(rules, stage, firstMatchOnly, 'interview', interviewSubject, interviewFacts);
  }
  const checkInDate = decisionDate
    ? addWorkingDays(decisionDate, settings.checkInWorkingDaysAfterDecision, nation)
    : addWorkingDays(interviewDate, settings.checkInWorkingDaysWithoutDecision, nation);
  const secondDate = addWorkingDays(checkInDate, settings.secondCheckInWorkingDays, nation);
  const hasSecond = interviewSubject.planned.some((p) => p.kind === 'second-check-in');
  const closeDate = addWorkingDays(
    hasSecond ? secondDate : checkInDate,
    settings.closeWorkingDaysAfterLastCheckIn,
    nation,
  );
  const interviewValues = { ...baseValues, recipient: contact.name };
  for (const planned of interviewSubject.planned) {
    const id = makeInterviewStepId(planned.kind);
    const why = fillTemplate(planned.rule.why, interviewValues);
    const base = { id, kind: planned.kind, channel: planned.channel, rule: planned.rule.id, why };
    let step: PlanStep;
    if (planned.kind === 'ask-timeline') {
      step = { ...base, notBefore: show(now), due: show(start), sendAt: show(start) };
    } else if (planned.kind === 'close') {
      const at = atLocalTime(closeDate, settings.checkInTime, candidateZone).toInstant();
      step = { ...base, notBefore: show(at), due: show(at), sendAt: show(at) };
    } else {
      const day = planned.kind === 'second-check-in' ? secondDate : checkInDate;
      const opens = atLocalTime(day, settings.checkInTime, zone).toInstant();
      const closes = atLocalTime(day, settings.workingHours.end, zone).toInstant();
      step = { ...base, notBefore: show(opens), due: show(closes), sendAt: show(opens) };
      if (contact.interviewer) step.interviewerId = contact.interviewer.id;
      step.to = contact.name;
      requests.push({
        stepId: id,
        kind: planned.kind,
        channel: planned.channel,
        recipient: contact,
      });
    }
    if (planned.kind === 'ask-timeline') {
      requests.push({ stepId: id, kind: planned.kind, channel: null, recipient: contact });
    }
    steps.push(step);
  }
  for (const pending of interviewSubject.warnings) {
    const stepId = pending.step ? makeInterviewStepId(pending.step.kind) : undefined;
    if (stepId && !steps.some((s) => s.id === stepId)) continue;
    warnings.push({
      code: pending.code,
      message: fillTemplate(pending.message, interviewValues),
      ...(stepId ? { stepId } : {}),
    });
  }

  // Drafts, written in plan order so that variation is stable.
  const context: DraftContext = {
    input,
    settings,
    tone:
      input.employer.style !== 'unknown'
        ? input.employer.style
        : sectorStyle === 'other'
          ? 'neutral'
          : sectorStyle,
    interviewDate,
    decisionDate,
  };
  const drafts = writeDrafts(context, requests);
  for (const step of steps) {
    const draft = drafts.get(step.id);
    if (draft) step.draft = draft;
  }
  if (drafts.size > 0) warnings.push(...listNoteWarnings(input));

  // Late planning: say so rather than silently plan in the past.
  for (const step of steps) {
    if (step.kind === 'ask-timeline' || step.kind === 'close') continue;
    const due = Temporal.Instant.from(step.due);
    const sendAt = Temporal.Instant.from(step.sendAt);
    if (Temporal.Instant.compare(now, due) > 0) {
      warnings.push({
        code: 'window-passed',
        message:
          step.kind === 'thank-you'
            ? `The thank-you to ${step.to ?? HIRING_TEAM_NAME} was due by ${tell(due)}. A late thank-you is still better than none: send it as soon as you can.`
            : `This was due by ${tell(due)}; do it as soon as you can.`,
        stepId: step.id,
      });
    } else if (Temporal.Instant.compare(now, sendAt) > 0) {
      warnings.push({
        code: 'send-time-passed',
        message: `The suggested time (${tell(sendAt)}) has already passed: send it now, before ${tell(due)}.`,
        stepId: step.id,
      });
    }
  }

  const kindRank = (kind: StepKind) => KIND_ORDER.indexOf(kind);
  const ordered = steps
    .map((step, index) => ({ step, index, at: Temporal.Instant.from(step.sendAt) }))
    .sort(
      (a, b) =>
        Temporal.Instant.compare(a.at, b.at) ||
        kindRank(a.step.kind) - kindRank(b.step.kind) ||
        a.index - b.index,
    )
    .map(({ step }) => arrangeStep(step));

  return {
    steps: ordered,
    warnings,
    never: NEVER_CHANNELS.map(({ channel, why }) => ({ channel, why })),
  };
}

/** The same step with its fields in the documented order (for readable JSON). */
function arrangeStep(step: PlanStep): PlanStep {
  return {
    id: step.id,
    kind: step.kind,
    channel: step.channel,
    ...(step.interviewerId !== undefined ? { interviewerId: step.interviewerId } : {}),
    ...(step.to !== undefined ? { to: step.to } : {}),
    notBefore: step.notBefore,
    due: step.due,
    sendAt: step.sendAt,
    ...(step.postBy !== undefined ? { postBy: step.postBy } : {}),
    ...(step.arrivesBy !== undefined ? { arrivesBy: step.arrivesBy } : {}),
    ...(step.draft !== undefined ? { draft: step.draft } : {}),
    rule: step.rule,
    why: step.why,
  };
}

/** Finds a step of a plan by its id. */
export function findPlanStep(plan: FollowUpPlan, stepId: string): PlanStep | undefined {
  return plan.steps.find((step) => step.id === stepId);
}
