/**
 * Draft messages for the plan's steps, written from the interview notes, the interviewer's own
 * notes, name and title, the role and the employer. Every draft is run through the checker
 * while it is written; phrasing is varied until no two interviewers get near-identical notes.
 */
import type { Temporal } from 'temporal-polyfill';
import { findDraftProblems, type DraftSubject, type OtherDraft } from './draft-findings.js';
import { collectNameWords, measureDraftSimilarity } from './draft-text.js';
import type { Variant } from './draft-phrasing.js';
import {
  writeAskTimeline,
  writeCheckIn,
  writeLinkedInNote,
  writeThankYouEmail,
  writeThankYouNote,
} from './draft-writers.js';
import type { FollowUpSettings } from './settings.js';
import type {
  ContactChannel,
  Draft,
  DraftFinding,
  EmployerStyle,
  FollowUpInput,
  Interviewer,
  StepKind,
} from './types.js';

/** Who a draft is for: an interviewer, or the hiring team when nobody was named. */
export interface DraftRecipient {
  interviewer?: Interviewer;
  name: string;
  isHiringTeam: boolean;
}

/** A step that needs a draft. */
export interface DraftRequest {
  stepId: string;
  kind: StepKind;
  channel: ContactChannel | null;
  recipient: DraftRecipient;
}

/** What the writer knows about the interview beyond the input. */
export interface DraftContext {
  input: FollowUpInput;
  settings: FollowUpSettings;
  /** The employer's style after applying the sector (for the tone of greetings). */
  tone: Exclude<EmployerStyle, 'unknown'> | 'neutral';
  interviewDate: Temporal.PlainDate;
  decisionDate: Temporal.PlainDate | null;
}

/** The hiring team, as a recipient. */
export const HIRING_TEAM_NAME = 'the hiring team';

const MAX_ATTEMPTS = 32;
/** The writer aims well below the checker's duplicate threshold, so notes read differently. */
const TARGET_SIMILARITY = 0.6;

/** The checker's view of a step (what it is, who it is for, what the notes say). */
export function describeDraftSubject(
  input: FollowUpInput,
  settings: FollowUpSettings,
  request: DraftRequest,
): DraftSubject {
  const limits = settings.linkedInNoteLimits;
  return {
    stepId: request.stepId,
    kind: request.kind,
    channel: request.channel,
    recipientName: request.recipient.name,
    isHiringTeam: request.recipient.isHiringTeam,
    employerName: input.employer.name,
    role: input.role,
    specificSources: [
      input.notes.liked,
      ...input.notes.questions,
      request.recipient.interviewer?.notes ?? '',
    ],
    fitSource: input.notes.fit,
    linkedInLimit: input.candidate.linkedin === 'premium' ? limits.premium : limits.free,
    ...(request.recipient.interviewer?.title
      ? { recipientTitle: request.recipient.interviewer.title }
      : {}),
    otherInterviewers: input.interviewers
      .filter((other) => other.id !== request.recipient.interviewer?.id)
      .map((other) => ({
        name: other.name,
        ...(other.title ? { title: other.title } : {}),
        ...(other.notes ? { notes: other.notes } : {}),
      })),
    properNames: [input.candidate.name, input.employer.name, input.role],
  };
}

/** The name words masked when comparing drafts: every interviewer's name. */
export function collectInterviewerNameWords(input: FollowUpInput): Set<string> {
  return collectNameWords(input.interviewers.map((interviewer) => interviewer.name));
}

/** Kinds whose drafts are compared across interviewers for duplicates. */
export function isComparedKind(kind: StepKind): boolean {
  return kind === 'thank-you' || kind === 'linkedin-invite';
}

function writeOne(
  context: DraftContext,
  request: DraftRequest,
  variant: Variant,
  subject: DraftSubject,
): Draft | null {
  const recipient = request.recipient;
  switch (request.kind) {
    case 'thank-you':
    case 'linkedin-invite':
      if (request.channel === 'linkedin') {
        return writeLinkedInNote(context, recipient, variant, subject.linkedInLimit);
      }
      if (request.channel === 'handwritten') return writeThankYouNote(context, recipient, variant);
      return writeThankYouEmail(context, recipient, variant);
    case 'check-in':
      return writeCheckIn(context, recipient, false);
    case 'second-check-in':
      return writeCheckIn(context, recipient, true);
    case 'ask-timeline':
      return writeAskTimeline(context);
    case 'close':
    case 'thank-you-check-in': // written by late-wording.ts from the check-in draft
    case 'debrief': // written by recruiter.ts
      return null;
  }
}

/**
 * Writes the drafts for all requests, in order. Thank-you and LinkedIn drafts are compared
 * with the drafts already written for other interviewers on the same channel, and the
 * phrasing is varied until the checker finds nothing (or the fewest problems).
 */
export function writeDrafts(
  context: DraftContext,
  requests: readonly DraftRequest[],
): Map<string, Draft> {
  const drafts = new Map<string, Draft>();
  const written: { channel: ContactChannel | null; recipient: DraftRecipient; draft: Draft }[] = [];
  const nameWords = collectInterviewerNameWords(context.input);
  const indexByChannel = new Map<string, number>();
  for (const request of requests) {
    const subject = describeDraftSubject(context.input, context.settings, request);
    const compared = isComparedKind(request.kind);
    const others: OtherDraft[] = compared
      ? written
          .filter(
            (entry) =>
              entry.channel === request.channel &&
              entry.recipient.interviewer?.id !== request.recipient.interviewer?.id,
          )
          .map((entry) => ({ recipientName: entry.recipient.name, draft: entry.draft }))
      : [];
    const key = String(request.channel);
    const index = indexByChannel.get(key) ?? 0;
    if (compared) indexByChannel.set(key, index + 1);

    let best: { draft: Draft; findings: DraftFinding[]; closeness: number } | null = null;
    for (let attempt = 0; attempt < (compared ? MAX_ATTEMPTS : 1); attempt += 1) {
      const draft = writeOne(context, request, { index, attempt }, subject);
      if (!draft) break;
      const findings = findDraftProblems(draft, subject, others, nameWords, context.settings);
      const closeness = Math.max(
        0,
        ...others.map((other) => measureDraftSimilarity(draft, other.draft, nameWords)),
      );
      if (
        !best ||
        findings.length < best.findings.length ||
        (findings.length === best.findings.length && closeness < best.closeness)
      ) {
        best = { draft, findings, closeness };
      }
      if (findings.length === 0 && closeness < TARGET_SIMILARITY) break;
    }
    if (best) {
      drafts.set(request.stepId, best.draft);
      if (compared) {
        written.push({ channel: request.channel, recipient: request.recipient, draft: best.draft });
      }
    }
  }
  return drafts;
}
