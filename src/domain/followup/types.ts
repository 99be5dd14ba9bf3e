/**
 * The shapes of the interview follow-up planner: the validated input, the plan it produces and
 * the findings of the draft checker. Everything here is plain JSON-friendly data.
 */

export type InterviewFormat = 'in-person' | 'video' | 'phone';
/** Which interview this was for the role; it changes the drafts' wording only. */
export type InterviewRound = 'first' | 'second' | 'final';
export type Nation = 'england' | 'wales' | 'scotland' | 'northern-ireland';
export type EmployerStyle = 'fast-moving' | 'traditional' | 'unknown';
export type LinkedInAccount = 'none' | 'free' | 'premium';
/** The channels a follow-up message can go by. */
export type ContactChannel = 'email' | 'handwritten' | 'linkedin';
/** The channels the planner never uses, whatever the input asks. */
export type NeverChannel = 'phone' | 'visit' | 'facebook' | 'twitter' | 'text';
export type StepKind =
  | 'thank-you'
  | 'linkedin-invite'
  | 'check-in'
  | 'second-check-in'
  | 'ask-timeline'
  | 'close'
  /** A late thank-you and a check-in due the same day, sent as one email to the main contact. */
  | 'thank-you-check-in'
  /** Through an agency: call or email the consultant the same day to debrief. */
  | 'debrief';

/** One person met at the interview, after validation (the id is always resolved). */
export interface Interviewer {
  /** The given id, else a slug of the name (`-2`, `-3` for repeats). */
  id: string;
  name: string;
  title?: string;
  email?: string;
  postalAddress?: string;
  onLinkedIn: boolean;
  contact: boolean;
  /** Chairs a panel: the one thanked for everyone when the others have no address. */
  chair?: boolean;
  channel?: ContactChannel;
  notes?: string;
}

/** The consultant at the recruitment agency that arranged the interview. */
export interface Recruiter {
  consultant: string;
  email: string;
  phone?: string;
  /** The agency's listing slug in the directory, when known (free text, not checked here). */
  listing?: string;
}

/** The validated, normalised input of the planner (what `parseFollowUpInput` returns). */
export interface FollowUpInput {
  interview: {
    /** Local start with its resolved offset, `YYYY-MM-DDTHH:mm:ss±HH:MM`, in `timeZone`. */
    startsAt: string;
    /** Local end with its resolved offset, in `timeZone`. */
    endsAt: string;
    timeZone: string;
    format: InterviewFormat;
    nation?: Nation;
    /** `first` unless the input says otherwise. */
    round: InterviewRound;
  };
  employer: {
    name: string;
    style: EmployerStyle;
    sector?: string;
    /** A shared address for the hiring team (used for a panel when nobody else has one). */
    hiringTeamEmail?: string;
  };
  role: string;
  candidate: { name: string; linkedin: LinkedInAccount; timeZone: string };
  interviewers: Interviewer[];
  /** `YYYY-MM-DD`, or null when the employer gave no date. */
  decisionExpectedOn: string | null;
  notes: { liked: string; fit: string; questions: string[] };
  /** The recruitment agency's consultant, when the interview was arranged through one. */
  recruiter?: Recruiter;
  /** The planning moment as a UTC instant, `YYYY-MM-DDTHH:mm:ssZ`. */
  now: string;
  options: { minGapHours: number; secondCheckIn: boolean };
}

export interface Draft {
  subject?: string;
  body: string;
}

/** One thing to do, with its time window, the rule that produced it and why. */
export interface PlanStep {
  id: string;
  kind: StepKind;
  channel: ContactChannel | null;
  interviewerId?: string;
  /** Who the message is for: a person's name or "the hiring team". */
  to?: string;
  notBefore: string;
  due: string;
  sendAt: string;
  /** A candidate outside the UK: `sendAt` in the employer's (the interview's) time zone. */
  employerSendAt?: string;
  /** Hand-written notes: the collection to catch. */
  postBy?: string;
  /** Hand-written notes: the likely delivery date, `YYYY-MM-DD`. */
  arrivesBy?: string;
  draft?: Draft;
  /** The id of the rule that produced the step: for machines, never shown to people. */
  rule: string;
  /** Why this step, for this interview (shown to people). */
  why: string;
  /** Why the rule exists, in general terms (shown to people). */
  reason: string;
  /** Where the rule comes from (shown to people). */
  source: string;
}

export interface PlanWarning {
  code: string;
  message: string;
  stepId?: string;
}

interface NeverEntry {
  channel: NeverChannel;
  why: string;
}

/** What `planFollowUp` returns. Instants are `YYYY-MM-DDTHH:mm:ss±HH:MM` in the candidate's zone. */
export interface FollowUpPlan {
  steps: PlanStep[];
  warnings: PlanWarning[];
  never: NeverEntry[];
}

export type DraftFindingCode =
  | 'missing-thanks'
  | 'missing-recipient-name'
  | 'missing-employer'
  | 'not-specific'
  | 'no-fit'
  | 'too-long'
  | 'duplicate'
  | 'pushy'
  | 'asks-for-call'
  | 'salary'
  | 'negative'
  | 'third-person'
  | 'unfinished-gap'
  | 'wrong-recipient'
  | 'spelling'
  | 'repeated-words'
  | 'indefinite-article'
  | 'informal';

/** One problem the draft checker found in a draft. */
export interface DraftFinding {
  code: DraftFindingCode;
  message: string;
  stepId: string;
  count?: number;
  limit?: number;
}
