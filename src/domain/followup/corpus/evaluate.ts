/**
 * Runs the draft checker over the labelled corpus (drafts.json) and measures it: which codes
 * each draft gave, and precision and recall per code. Used by the corpus test and
 * `npm run bench:checker`; not used by the product.
 */
import { checkDraft } from '../draft-check.js';
import { planFollowUp } from '../plan.js';
import type { SpellChecker } from '../prose-checks.js';
import { makeInput, type RawInput } from '../test-support.js';
import type { DraftFindingCode, FollowUpInput, FollowUpPlan } from '../types.js';
import contexts from './contexts.json' with { type: 'json' };
import corpus from './drafts.json' with { type: 'json' };

/** One labelled draft: the codes it must give (all of them, for the measured codes). */
export interface LabelledDraft {
  id: string;
  context: string;
  step: string;
  body: string;
  must: string[];
  note?: string;
}

/** The codes measured, and the drafts. */
export const DRAFT_CORPUS = corpus as { codes: DraftFindingCode[]; drafts: LabelledDraft[] };

/** A draft with what the checker said. */
export interface CheckedDraft extends LabelledDraft {
  found: DraftFindingCode[];
}

/** Checks every draft of the corpus with the given spell checker. */
export function checkCorpus(spelling: SpellChecker): CheckedDraft[] {
  const planned = new Map<string, { input: FollowUpInput; plan: FollowUpPlan }>();
  const all = contexts as Record<string, RawInput>;
  return DRAFT_CORPUS.drafts.map((draft) => {
    let entry = planned.get(draft.context);
    if (!entry) {
      const input = makeInput(all[draft.context] ?? {});
      entry = { input, plan: planFollowUp(input) };
      planned.set(draft.context, entry);
    }
    const findings = checkDraft(draft.body, {
      input: entry.input,
      stepId: draft.step,
      plan: entry.plan,
      spelling,
    });
    return { ...draft, found: [...new Set(findings.map((f) => f.code))] };
  });
}

/** Precision and recall of one code over the corpus. */
export interface CodeScore {
  code: DraftFindingCode;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

/** Scores each measured code: a found code not in `must` is a false positive. */
export function scoreCorpus(checked: readonly CheckedDraft[]): CodeScore[] {
  return DRAFT_CORPUS.codes.map((code) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const draft of checked) {
      const wanted = draft.must.includes(code);
      const found = draft.found.includes(code);
      if (wanted && found) tp += 1;
      else if (found) fp += 1;
      else if (wanted) fn += 1;
    }
    return {
      code,
      truePositives: tp,
      falsePositives: fp,
      falseNegatives: fn,
      precision: tp + fp === 0 ? 1 : tp / (tp + fp),
      recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    };
  });
}
