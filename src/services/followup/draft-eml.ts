/**
 * An email step's draft as an .eml message (RFC 5322) built with nodemailer's MailComposer,
 * marked unsent so mail programs open it as a draft. Nothing is sent; no I/O.
 */
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { DomainError } from '../../domain/errors.js';
import { isEmailAddress } from '../../domain/validation/email.js';
import { replaceLoneSurrogates } from '../../domain/validation/text.js';
import type { FollowUpInput, FollowUpPlan } from '../../domain/followup/index.js';
import { makePlanKey, SHORTLIST_ID_DOMAIN } from './plan-key.js';

/** Makes a header value safe: no CR, LF or other control characters, spaces collapsed. */
export function cleanHeaderValue(value: string): string {
  return replaceLoneSurrogates(value)
    .replace(/[\s\p{Cc}\u2028\u2029]+/gu, ' ')
    .trim();
}

export interface DraftEmlOptions {
  /** The sender; left out by default so the mail program fills in the user's account. */
  from?: { name?: string; address: string };
}

/**
 * Builds the .eml for an email step of the plan. Throws a DomainError `not-found` (field
 * `step`) when the step is unknown, is not an email, or has no draft.
 */
export async function buildDraftEml(
  plan: FollowUpPlan,
  input: FollowUpInput,
  stepId: string,
  options: DraftEmlOptions = {},
): Promise<Buffer> {
  const step = plan.steps.find((candidate) => candidate.id === stepId);
  if (!step || step.channel !== 'email' || !step.draft) {
    throw DomainError.single(
      'not-found',
      step
        ? `Step "${cleanHeaderValue(stepId)}" is not an email, so it has no .eml draft.`
        : `There is no step "${cleanHeaderValue(stepId)}" in this plan.`,
      'step',
      plan.steps
        .filter((candidate) => candidate.channel === 'email' && candidate.draft)
        .map((candidate) => ({ label: candidate.id })),
    );
  }
  const interviewer = input.interviewers.find((candidate) => candidate.id === step.interviewerId);
  const teamAddress = step.interviewerId === undefined ? input.employer.hiringTeamEmail : undefined;
  const address = interviewer?.email
    ? cleanHeaderValue(interviewer.email)
    : teamAddress
      ? cleanHeaderValue(teamAddress)
      : '';
  const name = cleanHeaderValue(step.to ?? interviewer?.name ?? '');
  const idLeft = `${step.id}.${makePlanKey(input)}`
    .replace(/[^A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^\.|\.$/g, '');
  const from =
    options.from && isEmailAddress(cleanHeaderValue(options.from.address))
      ? {
          name: cleanHeaderValue(options.from.name ?? input.candidate.name),
          address: cleanHeaderValue(options.from.address),
        }
      : undefined;

  const composer = new MailComposer({
    ...(from ? { from } : {}),
    ...(address && isEmailAddress(address) ? { to: { name, address } } : {}),
    subject: cleanHeaderValue(step.draft.subject ?? `${input.role} at ${input.employer.name}`),
    text: step.draft.body.replace(/\r\n?/g, '\n'),
    date: new Date(step.sendAt),
    messageId: `<${idLeft}@${SHORTLIST_ID_DOMAIN}>`,
    headers: { 'X-Unsent': '1' },
  });
  return composer.compile().build();
}
