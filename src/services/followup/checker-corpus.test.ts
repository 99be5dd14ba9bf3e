import { describe, expect, it } from 'vitest';
import { DRAFT_CORPUS, checkCorpus, scoreCorpus } from '../../domain/followup/corpus/evaluate.js';
import { getBritishSpellChecker } from './spelling.js';

const checked = checkCorpus(getBritishSpellChecker());

describe('the labelled draft corpus', () => {
  it('has at least 80 drafts, every label a known code', () => {
    expect(DRAFT_CORPUS.drafts.length).toBeGreaterThanOrEqual(80);
    for (const draft of DRAFT_CORPUS.drafts) {
      for (const code of draft.must) expect(DRAFT_CORPUS.codes).toContain(code);
    }
  });

  it.each(checked.map((draft) => [draft.id, draft] as const))(
    '%s gives exactly the findings it is labelled with',
    (_, draft) => {
      const measured = draft.found.filter((code) => DRAFT_CORPUS.codes.includes(code));
      expect([...measured].sort()).toEqual([...draft.must].sort());
    },
  );

  it('meets the targets: precision at least 0.9 and recall at least 0.8 for every code', () => {
    for (const score of scoreCorpus(checked)) {
      expect({ code: score.code, ok: score.precision >= 0.9 && score.recall >= 0.8 }).toEqual({
        code: score.code,
        ok: true,
      });
    }
  });
});
