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
import { findDeliveryDate, findNoteCollection } from './post.js';
import { fillTemplate, runRules, type RuleOutcome } from './rule-engine.js';
import type { FollowUpRule, RecipientFacts } from './rule-types.js';
import { FOLLOW_UP_RULES, NEVER_CHANNELS } from './rules.js';
import { findSharedMoment, findThankYouWindow, isOutsideUk } from './send-window.js';
import { DEFAULT_SETTINGS, type FollowUpSettings } from './settings.js';
import { toKey } from './text.js';
import { writeLateThankYouCheckIn, type LateMessageContext } from './late-wording.js';
import { addPassOnRequest, dropPassedOnSteps, findPanelThanks, listNames } from './panel.js';
import {
  RECRUITER_ID,
  writeDebrief,
  writeRecruiterCheckIn,
  writeThanksThroughRecruiter,
} from './recruiter.js';
import { applyRoundWording } from './round-wording.js';
import { describeMissingNotes, fillNotePlaceholders, hasMissingNotes } from './upcoming.js';
import { atLocalTime, describeDate, describeMoment, formatInstant, laterOf } from './time.js';
import type {
  ContactChannel,
  FollowUpInput,
  FollowUpPlan,
  PlanStep,
  PlanWarning,
  StepKind,
} from './types.js';
import { addWorkingDays, findWorkingDayAfterSpan } from './working-days.js';

/** The id used in step ids for the hiring team when no interviewer is named. */
export const HIRING_TEAM_ID = 'hiring-team';

const KIND_ORDER: readonly StepKind[] = [
  'ask-timeline',
  'debrief',
  'thank-you',
  'thank-you-check-in',
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

  const baseWindow = findThankYouWindow(end, zone, nation, input.options.minGapHours, settings);
  // A candidate outside the UK sends only when they are awake and the employer is at work; where
  // the two never meet, at the employer's opening time by the mail app's scheduled send.
  const abroad = isOutsideUk(candidateZone);
  const scheduledSend = new Set<string>();
  const findSendMoment = (from: Temporal.Instant, to: Temporal.Instant) =>
    findSharedMoment(
      from,
      to,
      { timeZone: zone, nation, hours: settings.workingHours },
      { timeZone: candidateZone, hours: settings.wakingHours },
    );
  const thankYouShared = abroad ? findSendMoment(baseWindow.notBefore, baseWindow.due) : null;
  const window = abroad
    ? { ...baseWindow, sendAt: thankYouShared ?? baseWindow.sendAt }
    : baseWindow;
  const collection = findNoteCollection(
    end.toZonedDateTimeISO(candidateZone).toPlainDate(),
    candidateZone,
    nation,
    settings,
  );
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
    // Through an agency, the consultant is who the check-ins go to.
    contact: input.recruiter?.consultant ?? contact.name,
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
  const noteTimingRule = rules.find(
    (rule) => rule.stage === 'timing' && rule.id === 'handwritten-timing',
  );

  const steps: PlanStep[] = [];
  const warnings: PlanWarning[] = [];
  const requests: DraftRequest[] = [];

  // One subject per recipient: thank-you channel, checks on it, networking.
  for (const recipient of recipients) {
    const readFacts = (sofar: RuleOutcome): RecipientFacts => {
      const has = (channel: ContactChannel) =>
        sofar.planned.some((p) => p.kind === 'thank-you' && p.channel === channel);
      return {
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
        'thank-you.chosenBy': sofar.chosenBy,
        'post.arrivesAfterDecision': arrivesAfterDecision,
        'candidate.abroad': abroad,
      };
    };
    const subject = runRules(rules, 'recipient', readFacts);

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
          reason: planned.rule.reason,
          source: planned.rule.source,
        };
      } else {
        const isNote = planned.channel === 'handwritten' && collection !== null;
        const stepTiming = isNote ? noteTimingRule : timingRule;
        if (stepTiming) why = `${why} ${fillTemplate(stepTiming.why, values)}`;
        step = {
          id,
          kind: planned.kind,
          channel: planned.channel,
          notBefore: show(window.notBefore),
          // A note is written the same evening or the next day, and posted by the collection.
          due: show(isNote ? collection.toInstant() : window.due),
          sendAt: show(isNote ? window.notBefore : window.sendAt),
          rule: planned.rule.id,
          why,
          reason: planned.rule.reason,
          source: planned.rule.source,
        };
        if (planned.channel === 'handwritten') {
          if (collection) step.postBy = show(collection.toInstant());
          if (arrives) step.arrivesBy = arrives.toString();
        }
      }
      if (recipient.interviewer) step.interviewerId = recipient.interviewer.id;
      step.to = recipient.name;
      if (abroad && !thankYouShared && planned.channel === 'email') scheduledSend.add(id);
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

  // Through an agency: the consultant hears first, and carries thanks for anyone without an
  // address.
  const recruiter = input.recruiter;
  if (recruiter) {
    const rule = (id: string) => rules.find((r) => r.id === id);
    const debriefRule = rule('recruiter-debrief');
    const throughRule = rule('thank-you-through-recruiter');
    const recruiterValues = { ...baseValues, consultant: recruiter.consultant };
    if (debriefRule) {
      const endLocal = end.toZonedDateTimeISO(candidateZone);
      const evening = atLocalTime(
        endLocal.toPlainDate(),
        settings.wakingHours.end,
        candidateZone,
      ).toInstant();
      steps.push({
        id: makeStepId(RECRUITER_ID, 'debrief', 'email'),
        kind: 'debrief',
        channel: 'email',
        to: recruiter.consultant,
        notBefore: show(end),
        due: show(laterOf(end, evening)),
        sendAt: show(end),
        draft: writeDebrief(input, recruiter),
        rule: debriefRule.id,
        why: fillTemplate(debriefRule.why, recruiterValues),
        reason: debriefRule.reason,
        source: debriefRule.source,
      });
    }
    const unaddressed = recipients.filter(
      (r) =>
        !r.interviewer?.email &&
        !r.interviewer?.postalAddress &&
        steps.some((s) => s.kind === 'thank-you' && s.id.startsWith(`${r.id}:`)) &&
        steps
          .filter((s) => s.kind === 'thank-you' && s.id.startsWith(`${r.id}:`))
          .every((s) => s.channel === 'email'),
    );
    if (throughRule && unaddressed.length > 0) {
      const ids = new Set(
        steps
          .filter(
            (s) => s.kind === 'thank-you' && unaddressed.some((r) => s.id.startsWith(`${r.id}:`)),
          )
          .map((s) => s.id),
      );
      steps.splice(0, steps.length, ...steps.filter((s) => !ids.has(s.id)));
      requests.splice(0, requests.length, ...requests.filter((r) => !ids.has(r.stepId)));
      warnings.splice(
        0,
        warnings.length,
        ...warnings.filter((w) => w.stepId === undefined || !ids.has(w.stepId)),
      );
      const names = listNames(unaddressed.map((r) => (r.isHiringTeam ? 'everyone I met' : r.name)));
      steps.push({
        id: makeStepId(RECRUITER_ID, 'thank-you', 'email'),
        kind: 'thank-you',
        channel: 'email',
        to: recruiter.consultant,
        notBefore: show(window.notBefore),
        due: show(window.due),
        sendAt: show(window.sendAt),
        draft: writeThanksThroughRecruiter(fillNotePlaceholders(input), recruiter, names),
        rule: throughRule.id,
        why: fillTemplate(throughRule.why, { ...recruiterValues, names }),
        reason: throughRule.reason,
        source: throughRule.source,
      });
    }
  }

  // Panels: members with no address are thanked through the chair or the hiring team.
  const panel = findPanelThanks(input, steps);
  const panelRule = rules.find((rule) => rule.id === 'thank-you-panel');
  let panelStepId: string | null = null;
  if (panel && panelRule) {
    const dropped = dropPassedOnSteps(steps, warnings, panel.passOnTo);
    requests.splice(0, requests.length, ...requests.filter((r) => !dropped.has(r.stepId)));
    const panelValues = {
      ...baseValues,
      recipient: panel.chair?.name ?? HIRING_TEAM_NAME,
      names: listNames(panel.passOnTo.map((member) => member.name)),
    };
    const panelWhy = fillTemplate(panelRule.why, panelValues);
    if (panel.chair) {
      panelStepId = makeStepId(panel.chair.id, 'thank-you', 'email');
      const chairStep = steps.find((s) => s.id === panelStepId);
      if (chairStep) chairStep.why = `${chairStep.why} ${panelWhy}`;
    } else {
      panelStepId = makeStepId(HIRING_TEAM_ID, 'thank-you', 'email');
      const timingWhy = timingRule ? ` ${fillTemplate(timingRule.why, panelValues)}` : '';
      steps.push({
        id: panelStepId,
        kind: 'thank-you',
        channel: 'email',
        to: HIRING_TEAM_NAME,
        notBefore: show(window.notBefore),
        due: show(window.due),
        sendAt: show(window.sendAt),
        rule: panelRule.id,
        why: `${panelWhy}${timingWhy}`,
        reason: panelRule.reason,
        source: panelRule.source,
      });
      if (abroad && !thankYouShared) scheduledSend.add(panelStepId);
      requests.push({
        stepId: panelStepId,
        kind: 'thank-you',
        channel: 'email',
        recipient: { name: HIRING_TEAM_NAME, isHiringTeam: true },
      });
    }
  }

  // The interview as a whole: asking about the timeline, check-ins, closing.
  const interviewSubject = runRules(rules, 'interview', () => ({
    'decision.given': decisionDate !== null,
    'interview.ahead': Temporal.Instant.compare(now, start) < 0,
    'options.secondCheckIn': input.options.secondCheckIn,
    'contact.hasEmail': Boolean(contact.interviewer?.email),
  }));
  // The Christmas shutdown: the first step inside it moves to the first working day after;
  // later steps are counted from it, so they keep their working-day gaps.
  const moved = new Map<StepKind, Temporal.PlainDate>();
  const outsideShutdown = (kind: StepKind, date: Temporal.PlainDate): Temporal.PlainDate => {
    const after = settings.shutdown
      ? findWorkingDayAfterSpan(date, settings.shutdown, nation)
      : null;
    if (!after) return date;
    moved.set(kind, after);
    return after;
  };
  const checkInDate = outsideShutdown(
    'check-in',
    decisionDate
      ? addWorkingDays(decisionDate, settings.checkInWorkingDaysAfterDecision, nation)
      : addWorkingDays(interviewDate, settings.checkInWorkingDaysWithoutDecision, nation),
  );
  const hasSecond = interviewSubject.planned.some((p) => p.kind === 'second-check-in');
  const secondDate = hasSecond
    ? outsideShutdown(
        'second-check-in',
        addWorkingDays(checkInDate, settings.secondCheckInWorkingDays, nation),
      )
    : checkInDate;
  const closeDate = outsideShutdown(
    'close',
    addWorkingDays(secondDate, settings.closeWorkingDaysAfterLastCheckIn, nation),
  );
  const shutdownRule = rules.find(
    (rule) => rule.stage === 'timing' && rule.id === 'christmas-shutdown',
  );
  const interviewValues = { ...baseValues, recipient: contact.name };
  for (const planned of interviewSubject.planned) {
    const id = makeInterviewStepId(planned.kind);
    let why = fillTemplate(planned.rule.why, interviewValues);
    let reason = planned.rule.reason;
    let source = planned.rule.source;
    const reopensOn = moved.get(planned.kind);
    if (reopensOn && shutdownRule) {
      why = `${why} ${fillTemplate(shutdownRule.why, { reopensOn: describeDate(reopensOn) })}`;
      reason = `${reason} ${shutdownRule.reason}`;
      source = `${source}; ${shutdownRule.source}`;
    }
    const base = {
      id,
      kind: planned.kind,
      channel: planned.channel,
      rule: planned.rule.id,
      why,
      reason,
      source,
    };
    let step: PlanStep;
    if (planned.kind === 'ask-timeline') {
      step = { ...base, notBefore: show(now), due: show(start), sendAt: show(start) };
    } else if (planned.kind === 'close') {
      const at = atLocalTime(closeDate, settings.checkInTime, candidateZone).toInstant();
      step = { ...base, notBefore: show(at), due: show(at), sendAt: show(at) };
    } else {
      const day = planned.kind === 'second-check-in' ? secondDate : checkInDate;
      let opens = atLocalTime(day, settings.checkInTime, zone).toInstant();
      const closes = atLocalTime(day, settings.workingHours.end, zone).toInstant();
      let sendAt = opens;
      if (abroad) {
        const shared = findSendMoment(opens, closes);
        if (shared) {
          sendAt = shared;
        } else {
          sendAt = atLocalTime(day, settings.workingHours.start, zone).toInstant();
          opens = sendAt;
          scheduledSend.add(id);
        }
      }
      step = { ...base, notBefore: show(opens), due: show(closes), sendAt: show(sendAt) };
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
    input: fillNotePlaceholders(input),
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
  const checkInRule = rules.find((rule) => rule.id === 'check-in-through-recruiter');
  for (const step of steps) {
    if (recruiter && checkInRule && (step.kind === 'check-in' || step.kind === 'second-check-in')) {
      // Check-ins go to the consultant, not the employer.
      delete step.interviewerId;
      step.to = recruiter.consultant;
      step.why = `${step.why} ${fillTemplate(checkInRule.why, { ...baseValues, consultant: recruiter.consultant })}`;
      step.draft = writeRecruiterCheckIn(
        input,
        recruiter,
        interviewDate,
        decisionDate,
        step.kind === 'second-check-in',
      );
      const stepId = step.id;
      warnings.splice(
        0,
        warnings.length,
        ...warnings.filter((w) => !(w.stepId === stepId && w.code === 'no-email-address')),
      );
      continue;
    }
    if (step.draft) continue;
    const draft = drafts.get(step.id);
    if (draft) {
      const limit =
        step.channel === 'linkedin'
          ? settings.linkedInNoteLimits[account]
          : Number.POSITIVE_INFINITY;
      step.draft = applyRoundWording(draft, step.kind, input, limit);
      if (panel && step.id === panelStepId) {
        step.draft = addPassOnRequest(
          step.draft,
          panel.passOnTo.map((member) => member.name),
          panel.chair !== null,
        );
      }
    }
  }
  if (drafts.size > 0) warnings.push(...listNoteWarnings(input));

  if (hasMissingNotes(input)) warnings.push(describeMissingNotes(input, tell(end)));

  // Late planning: a late thank-you and a check-in due the same day become one message.
  const lateRule = rules.find(
    (rule) => rule.stage === 'timing' && rule.id === 'late-thank-you-check-in',
  );
  const combined =
    lateRule && !recruiter
      ? combineLateThankYou(steps, warnings, {
          rule: lateRule,
          contactId: contact.id,
          now,
          zone: candidateZone,
          values: interviewValues,
          draftContext: { input, interviewDate, decisionDate },
        })
      : null;

  // Late planning: say so, naming the step, rather than silently plan in the past.
  for (const step of steps) {
    if (step.kind === 'ask-timeline' || step.kind === 'close') continue;
    const due = Temporal.Instant.from(step.due);
    const sendAt = Temporal.Instant.from(step.sendAt);
    const name = nameStep(step);
    if (step.id === combined?.id) {
      warnings.push({
        code: 'window-passed',
        message: `${name.replace(' and check-in', '')} was due on ${tell(combined.thankYouDue).replace(', ', ', by ')}. It goes now with the check-in, as one email.`,
        stepId: step.id,
      });
    } else if (Temporal.Instant.compare(now, due) > 0) {
      warnings.push({
        code: 'window-passed',
        message:
          step.kind === 'thank-you'
            ? `${name} was due on ${tell(due).replace(', ', ', by ')}. A late thank-you is still better than none: send it as soon as you can.`
            : `${name} was due on ${tell(due).replace(', ', ', by ')}; send it as soon as you can.`,
        stepId: step.id,
      });
    } else if (Temporal.Instant.compare(now, sendAt) > 0) {
      warnings.push({
        code: 'send-time-passed',
        message: `The suggested time for ${name.charAt(0).toLowerCase()}${name.slice(1)} (${tell(sendAt)}) has passed: send it now, before ${tell(due)}.`,
        stepId: step.id,
      });
    }
  }

  if (abroad) {
    explainSendTimes(steps, warnings, {
      rules,
      scheduled: scheduledSend,
      employer: input.employer.name,
      employerZone: zone,
      candidateZone,
      settings,
    });
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

/** Kinds of step sent to the employer at a time the plan chooses. */
const SENT_KINDS: ReadonlySet<StepKind> = new Set([
  'thank-you',
  'linkedin-invite',
  'check-in',
  'second-check-in',
  'thank-you-check-in',
]);

/**
 * For a candidate outside the UK: shows each send time in both zones (`employerSendAt` and the
 * why), and warns where it must go by scheduled send because the hours never meet.
 */
function explainSendTimes(
  steps: PlanStep[],
  warnings: PlanWarning[],
  args: {
    rules: readonly FollowUpRule[];
    scheduled: ReadonlySet<string>;
    employer: string;
    employerZone: string;
    candidateZone: string;
    settings: FollowUpSettings;
  },
): void {
  const shared = args.rules.find((rule) => rule.id === 'abroad-send-time');
  const scheduled = args.rules.find((rule) => rule.id === 'abroad-scheduled-send');
  const clock = (instant: Temporal.Instant, zone: string) =>
    describeMoment(instant, zone).replace(', ', ' at ');
  for (const step of steps) {
    if (!SENT_KINDS.has(step.kind) || step.channel === 'handwritten') continue;
    const sendAt = Temporal.Instant.from(step.sendAt);
    step.employerSendAt = formatInstant(sendAt, args.employerZone);
    const values = {
      employer: args.employer,
      employerZone: args.employerZone,
      candidateZone: args.candidateZone,
      sendLocal: clock(sendAt, args.candidateZone),
      sendEmployer: clock(sendAt, args.employerZone),
      wakingStart: args.settings.wakingHours.start,
      wakingEnd: args.settings.wakingHours.end,
      workStart: args.settings.workingHours.start,
      workEnd: args.settings.workingHours.end,
    };
    const rule = args.scheduled.has(step.id) ? scheduled : shared;
    if (!rule) continue;
    step.why = `${step.why} ${fillTemplate(rule.why, values)}`;
    if (args.scheduled.has(step.id)) {
      warnings.push({
        code: 'scheduled-send',
        message: `${nameStep(step)}: your waking hours (${values.wakingStart} to ${values.wakingEnd}, ${values.candidateZone}) and ${args.employer}'s working hours (${values.workStart} to ${values.workEnd}, ${values.employerZone}) do not meet, so schedule it in your mail app for ${values.sendEmployer} their time (${values.sendLocal} yours).`,
        stepId: step.id,
      });
    }
  }
}

/** A step named for a warning: "The thank-you to Margaret Hale". */
function nameStep(step: PlanStep): string {
  const to = step.to ?? HIRING_TEAM_NAME;
  switch (step.kind) {
    case 'thank-you':
      if (step.channel === 'handwritten') return `The hand-written thank-you to ${to}`;
      if (step.channel === 'linkedin') return `The LinkedIn thank-you to ${to}`;
      return `The thank-you to ${to}`;
    case 'linkedin-invite':
      return `The LinkedIn invitation to ${to}`;
    case 'check-in':
      return `The check-in with ${to}`;
    case 'second-check-in':
      return `The second check-in with ${to}`;
    case 'thank-you-check-in':
      return `The thank-you and check-in to ${to}`;
    case 'debrief':
      return `The debrief with ${to}`;
    case 'ask-timeline':
      return 'Asking when they will decide';
    case 'close':
      return 'Closing the application';
  }
}

/**
 * When the main contact's thank-you email is late and the check-in falls on or before today,
 * replaces both with one `thank-you-check-in` email (id `<contactId>:thank-you-check-in:email`),
 * moving their warnings to it. Mutates `steps` and `warnings`; returns the new step's id and the
 * thank-you's old due time, or null when nothing was combined.
 */
function combineLateThankYou(
  steps: PlanStep[],
  warnings: PlanWarning[],
  args: {
    rule: FollowUpRule;
    contactId: string;
    now: Temporal.Instant;
    zone: string;
    values: Record<string, string>;
    draftContext: Omit<LateMessageContext, 'checkIn'>;
  },
): { id: string; thankYouDue: Temporal.Instant } | null {
  const thanksId = makeStepId(args.contactId, 'thank-you', 'email');
  const checkInId = makeInterviewStepId('check-in');
  const thanks = steps.find((s) => s.id === thanksId);
  const checkIn = steps.find((s) => s.id === checkInId);
  if (!thanks || !checkIn) return null;
  const thankYouDue = Temporal.Instant.from(thanks.due);
  if (Temporal.Instant.compare(args.now, thankYouDue) <= 0) return null;
  const today = args.now.toZonedDateTimeISO(args.zone).toPlainDate();
  const checkInDay = Temporal.Instant.from(checkIn.notBefore)
    .toZonedDateTimeISO(args.zone)
    .toPlainDate();
  if (Temporal.PlainDate.compare(checkInDay, today) > 0) return null;

  const id = makeStepId(args.contactId, 'thank-you-check-in', 'email');
  const sendAt = laterOf(args.now, Temporal.Instant.from(checkIn.sendAt));
  const due = laterOf(sendAt, Temporal.Instant.from(checkIn.due));
  const show = (instant: Temporal.Instant) => formatInstant(instant, args.zone);
  const step: PlanStep = {
    id,
    kind: 'thank-you-check-in',
    channel: 'email',
    ...(thanks.interviewerId !== undefined ? { interviewerId: thanks.interviewerId } : {}),
    ...(thanks.to !== undefined ? { to: thanks.to } : {}),
    notBefore: checkIn.notBefore,
    due: show(due),
    sendAt: show(sendAt),
    draft: writeLateThankYouCheckIn({ ...args.draftContext, checkIn: checkIn.draft }),
    rule: args.rule.id,
    why: fillTemplate(args.rule.why, {
      ...args.values,
      recipient: thanks.to ?? HIRING_TEAM_NAME,
      due: describeMoment(thankYouDue, args.zone).replace(', ', ' at '),
    }),
    reason: args.rule.reason,
    source: args.rule.source,
  };
  const at = steps.indexOf(thanks);
  steps.splice(at, 1, step);
  steps.splice(steps.indexOf(checkIn), 1);
  const seen = new Set<string>();
  const kept = warnings
    .map((w) => (w.stepId === thanksId || w.stepId === checkInId ? { ...w, stepId: id } : w))
    .filter((w) => {
      const key = `${w.code}|${w.stepId ?? ''}`;
      if (w.stepId === id && seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  warnings.splice(0, warnings.length, ...kept);
  return { id, thankYouDue };
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
    ...(step.employerSendAt !== undefined ? { employerSendAt: step.employerSendAt } : {}),
    ...(step.postBy !== undefined ? { postBy: step.postBy } : {}),
    ...(step.arrivesBy !== undefined ? { arrivesBy: step.arrivesBy } : {}),
    ...(step.draft !== undefined ? { draft: step.draft } : {}),
    rule: step.rule,
    why: step.why,
    reason: step.reason,
    source: step.source,
  };
}

/** Finds a step of a plan by its id. */
export function findPlanStep(plan: FollowUpPlan, stepId: string): PlanStep | undefined {
  return plan.steps.find((step) => step.id === stepId);
}
