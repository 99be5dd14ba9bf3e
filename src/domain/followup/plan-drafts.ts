/**
 * The drafts stage: every step that asked for a draft gets one, written in plan order so that the
 * variation between drafts is stable, then worded for the round and, for a panel, the pass-on.
 */
import { listNoteWarnings } from './draft-notes.js';
import { writeDrafts, type DraftContext } from './drafts.js';
import { addPassOnRequest } from './panel.js';
import type { PlanContext } from './plan-context.js';
import type { PanelEmail } from './plan-panel.js';
import type { PlanWork } from './plan-steps.js';
import { applyRoundWording } from './round-wording.js';
import { describeMissingNotes, fillNotePlaceholders, hasMissingNotes } from './upcoming.js';

/** Writes the drafts; steps that already have one (written by an earlier stage) keep it. */
export function attachDrafts(ctx: PlanContext, work: PlanWork, panel: PanelEmail | null): void {
  const { input, settings, sectorStyle } = ctx;
  const context: DraftContext = {
    input: fillNotePlaceholders(input),
    settings,
    tone:
      input.employer.style !== 'unknown'
        ? input.employer.style
        : sectorStyle === 'other'
          ? 'neutral'
          : sectorStyle,
    interviewDate: ctx.interviewDate,
    decisionDate: ctx.decisionDate,
  };
  const drafts = writeDrafts(context, work.requests);
  for (const step of work.steps) {
    const draft = step.draft ? undefined : drafts.get(step.id);
    if (!draft) continue;
    const limit =
      step.channel === 'linkedin'
        ? settings.linkedInNoteLimits[ctx.account]
        : Number.POSITIVE_INFINITY;
    step.draft = applyRoundWording(draft, step.kind, input, limit);
    if (step.id === panel?.stepId) {
      step.draft = addPassOnRequest(step.draft, panel.passOnTo, panel.toChair);
    }
  }
  if (drafts.size > 0) work.warnings.push(...listNoteWarnings(input));
  if (hasMissingNotes(input)) work.warnings.push(describeMissingNotes(input, ctx.tell(ctx.end)));
}
