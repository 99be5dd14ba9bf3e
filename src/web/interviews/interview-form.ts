/**
 * A saved interview in the follow-up page's form (src/web/followup/followup-form.ts): its values
 * from the saved input, for the edit page. The form has no field for the candidate's time zone,
 * the interviewers' ids or the minimum gap; a saved value of those is kept when the form is saved
 * (see mergeFormInput).
 */
import type { FollowUpInput } from '../../domain/followup/index.js';
import {
  CHECKED,
  MAX_PAGE_INTERVIEWERS,
  createEmptyForm,
  interviewerField,
  type FollowUpForm,
} from '../followup/followup-form.js';
import { formText } from '../account/page-kit.js';
import type { InterviewsDeps } from '../../services/interviews/interviews.service.js';
import { findAgencyName, findAgencySlugByName } from '../../services/interviews/agencies.js';

/** Where the agency box looks agencies up. */
type AgencyDirectory = Pick<InterviewsDeps, 'snapshot'>;

/** `YYYY-MM-DDTHH:mm` of a local time with its offset (`2026-10-15T15:00:00+01:00`). */
function toLocalInput(value: string): string {
  return value.slice(0, 16);
}

/** The follow-up form filled with a saved input. */
export function toFollowUpForm(input: FollowUpInput): FollowUpForm {
  const form = createEmptyForm();
  const values: Record<string, string> = {
    ...form.values,
    'interview.startsAt': toLocalInput(input.interview.startsAt),
    'interview.endsAt': toLocalInput(input.interview.endsAt),
    'interview.timeZone': input.interview.timeZone,
    'interview.format': input.interview.format,
    'interview.round': input.interview.round,
    'employer.name': input.employer.name,
    'employer.style': input.employer.style,
    role: input.role,
    'candidate.name': input.candidate.name,
    'candidate.linkedin': input.candidate.linkedin,
    'candidate.timeZone': input.candidate.timeZone,
    'notes.liked': input.notes.liked,
    'notes.fit': input.notes.fit,
    'notes.questions': input.notes.questions.join('\n'),
  };
  if (input.interview.nation) values['interview.nation'] = input.interview.nation;
  else delete values['interview.nation'];
  if (input.employer.sector) values['employer.sector'] = input.employer.sector;
  if (input.recruiter) {
    values['recruiter.consultant'] = input.recruiter.consultant;
    values['recruiter.email'] = input.recruiter.email;
    if (input.recruiter.phone) values['recruiter.phone'] = input.recruiter.phone;
    if (input.recruiter.listing) values['recruiter.listing'] = input.recruiter.listing;
  }
  if (input.employer.hiringTeamEmail)
    values['employer.hiringTeamEmail'] = input.employer.hiringTeamEmail;
  if (input.decisionExpectedOn) values.decisionExpectedOn = input.decisionExpectedOn;
  else values.decisionNotGiven = CHECKED;
  if (input.options.secondCheckIn) values['options.secondCheckIn'] = CHECKED;
  const interviewers = input.interviewers.slice(0, MAX_PAGE_INTERVIEWERS);
  interviewers.forEach((interviewer, index) => {
    values[interviewerField(index, 'name')] = interviewer.name;
    if (interviewer.title) values[interviewerField(index, 'title')] = interviewer.title;
    if (interviewer.email) values[interviewerField(index, 'email')] = interviewer.email;
    if (interviewer.postalAddress)
      values[interviewerField(index, 'postalAddress')] = interviewer.postalAddress;
    if (interviewer.onLinkedIn) values[interviewerField(index, 'onLinkedIn')] = CHECKED;
    if (interviewer.chair) values[interviewerField(index, 'chair')] = CHECKED;
    if (interviewer.channel) values[interviewerField(index, 'channel')] = interviewer.channel;
    if (interviewer.notes) values[interviewerField(index, 'notes')] = interviewer.notes;
    if (interviewer.contact) values.contact = String(index);
  });
  return { ...form, values, interviewerCount: Math.max(1, interviewers.length) };
}

/**
 * The form's raw input completed with what the form cannot show of the saved input: the
 * candidate's time zone, the minimum gap, and the ids of interviewers whose names did not change.
 */
function mergeFormInput(
  raw: Record<string, unknown>,
  saved: FollowUpInput,
): Record<string, unknown> {
  const candidate = (raw.candidate ?? {}) as Record<string, unknown>;
  const options = (raw.options ?? {}) as Record<string, unknown>;
  const used = new Set<string>();
  const interviewers = Array.isArray(raw.interviewers)
    ? (raw.interviewers as Record<string, unknown>[]).map((interviewer) => {
        const same = saved.interviewers.find((s) => s.name === interviewer.name && !used.has(s.id));
        if (!same) return interviewer;
        used.add(same.id);
        return { ...interviewer, id: same.id };
      })
    : raw.interviewers;
  return {
    ...raw,
    candidate: { ...candidate, timeZone: saved.candidate.timeZone },
    options: { ...options, minGapHours: saved.options.minGapHours },
    interviewers,
  };
}

/**
 * The body the interviews service saves from the form: the raw input (completed with the saved
 * interview's hidden values when editing), the agency box resolved to a listing's slug and the
 * outcome. Used by /interviews/new, /interviews/{id}/edit and /follow-up/save.
 */
export function toInterviewBody(
  raw: Record<string, unknown>,
  fields: unknown,
  directory: AgencyDirectory,
  editing: FollowUpInput | null,
): Record<string, unknown> {
  return {
    ...(editing ? mergeFormInput(raw, editing) : raw),
    agency: resolveAgency(formText(fields, 'agency'), directory),
    outcome: formText(fields, 'outcome') || 'pending',
  };
}

/**
 * What the form's agency box may hold, as a listing's slug: the slug itself, the address of the
 * agency's page on Shortlist (`https://.../agencies/acme-driving`), or its name as listed ("Acme
 * Driving", any case) when one listing has that name. Anything else comes back as typed, for the
 * service to say that there is no such agency.
 */
export function resolveAgency(text: string, directory: AgencyDirectory): string {
  const typed = text.trim();
  if (typed === '') return '';
  const fromAddress = /(?:^|\/)agencies\/([A-Za-z0-9-]+)/.exec(typed)?.[1];
  const slug = (fromAddress ?? typed).toLowerCase();
  if (findAgencyName(directory, slug) !== undefined) return slug;
  return findAgencySlugByName(directory, typed) ?? typed;
}

/** An agency's name as listed, for a saved slug (the slug when the directory no longer has it). */
export function describeAgency(slug: string, directory: AgencyDirectory): string {
  return findAgencyName(directory, slug) ?? slug;
}
