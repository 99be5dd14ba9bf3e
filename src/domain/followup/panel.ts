/**
 * Panels: when some panel members have no address at all, one email thanks the whole panel
 * through the chair (when the chair has an email address) or the hiring team's shared address,
 * and asks for the thanks to be passed on. Their own thank-you steps go.
 */
import type { Draft, FollowUpInput, Interviewer, PlanStep } from './types.js';

/** Who carries a panel's thanks, and for whom. */
export interface PanelThanks {
  /** The chair (with an email address), or null for the hiring team's address. */
  chair: Interviewer | null;
  /** The panel members thanked through it. */
  passOnTo: Interviewer[];
}

/**
 * Finds who carries a panel's thanks: members (not the chair) with neither an email nor a postal
 * address, whose thank-you would be an email, are thanked through the chair or the hiring team.
 * Null when the interview has no panel, nobody lacks an address, or there is no one to write to.
 */
export function findPanelThanks(
  input: FollowUpInput,
  steps: readonly PlanStep[],
): PanelThanks | null {
  if (input.interviewers.length < 2) return null;
  const chair = input.interviewers.find((interviewer) => interviewer.chair === true);
  const thanksByEmail = (interviewer: Interviewer) => {
    const own = steps.filter((s) => s.kind === 'thank-you' && s.interviewerId === interviewer.id);
    return own.length > 0 && own.every((s) => s.channel === 'email');
  };
  const passOnTo = input.interviewers.filter(
    (interviewer) =>
      interviewer !== chair &&
      !interviewer.email &&
      !interviewer.postalAddress &&
      thanksByEmail(interviewer),
  );
  if (passOnTo.length === 0) return null;
  const chairCanCarry =
    chair?.email !== undefined &&
    steps.some(
      (s) => s.kind === 'thank-you' && s.channel === 'email' && s.interviewerId === chair.id,
    );
  if (chairCanCarry && chair) return { chair, passOnTo };
  if (!input.employer.hiringTeamEmail) return null;
  // Through the hiring team's address, a chair without an address of their own is thanked too.
  const unreachableChair =
    chair && !chair.email && !chair.postalAddress && thanksByEmail(chair) ? [chair] : [];
  return { chair: null, passOnTo: [...unreachableChair, ...passOnTo] };
}

/** "Tom Reed", "Tom Reed and Aisha Khan", "Tom Reed, Aisha Khan and Ben Okafor". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/** The draft with a paragraph asking for the thanks to be passed on, before the sign-off. */
export function addPassOnRequest(draft: Draft, names: readonly string[], toChair: boolean): Draft {
  const paragraphs = draft.body.split('\n\n');
  const ask = toChair
    ? `I would be grateful if you could pass my thanks on to ${listNames(names)} as well.`
    : `I would be grateful if you could pass my thanks on to everyone on the panel: ${listNames(names)}.`;
  // Before the closing line and the sign-off.
  const at = Math.max(1, paragraphs.length - 2);
  paragraphs.splice(at, 0, ask);
  return { ...draft, body: paragraphs.join('\n\n') };
}

/** The thank-you steps of the members thanked through the panel email. */
export function listPassedOnSteps(
  steps: readonly PlanStep[],
  passOnTo: readonly Interviewer[],
): Set<string> {
  return new Set(
    steps
      .filter((s) => s.kind === 'thank-you' && passOnTo.some((i) => i.id === s.interviewerId))
      .map((s) => s.id),
  );
}
