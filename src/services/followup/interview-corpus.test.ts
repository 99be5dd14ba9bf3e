import { describe, expect, it } from 'vitest';
import corpus from '../../domain/followup/corpus/interviews.json' with { type: 'json' };
import { checkDraft, planFollowUp, type Draft } from '../../domain/followup/index.js';
import { makeInput, type RawInput } from '../../domain/followup/test-support.js';
import { getBritishSpellChecker } from './spelling.js';

/** Interview inputs a careful reader went through: shorthand, long notes, accents, formats. */
const INTERVIEWS = corpus as { id: string; input: RawInput }[];
const CHECKED_KINDS = new Set(['thank-you', 'linkedin-invite', 'check-in', 'second-check-in']);
const spelling = getBritishSpellChecker();

function planOf(raw: RawInput) {
  const input = makeInput(raw);
  return { input, plan: planFollowUp(input) };
}

/** Ten interviews whose drafts are kept as snapshots, read and approved by hand. */
const SNAPSHOTS = [
  'shorthand-notes',
  'issue-examples',
  'accents-apostrophes',
  'video-format',
  'long-notes',
  'university',
  'dwp',
  'three-interviewers',
  'handwritten-traditional',
  'startup-informal',
];

describe('the interview corpus', () => {
  it('has at least 30 interviews', () => {
    expect(INTERVIEWS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(INTERVIEWS.map((entry) => [entry.id, entry.input] as const))(
    '%s: every draft passes our own checker (a gap only where one is left on purpose)',
    (_, raw) => {
      const { input, plan } = planOf(raw);
      const drafted = plan.steps.filter((step) => step.draft && CHECKED_KINDS.has(step.kind));
      expect(drafted.length).toBeGreaterThan(0);
      const gapNotes = plan.warnings.filter((warning) => warning.code === 'note-to-finish');
      for (const step of drafted) {
        const findings = checkDraft(step.draft as Draft, {
          input,
          stepId: step.id,
          plan,
          spelling,
        });
        const unexpected = findings.filter(
          (finding) => finding.code !== 'unfinished-gap' || gapNotes.length === 0,
        );
        expect({ step: step.id, findings: unexpected }).toEqual({ step: step.id, findings: [] });
      }
    },
  );

  it.each(SNAPSHOTS)('%s: the drafts read as approved', (id) => {
    const entry = INTERVIEWS.find((candidate) => candidate.id === id);
    expect(entry).toBeDefined();
    const { plan } = planOf(entry?.input ?? {});
    const texts = plan.steps
      .filter((step) => step.draft && step.kind !== 'ask-timeline')
      .map(
        (step) =>
          `# ${step.id}\n${step.draft?.subject ? `Subject: ${step.draft.subject}\n` : ''}${step.draft?.body ?? ''}`,
      )
      .join('\n\n');
    const notes = plan.warnings
      .filter((warning) => warning.code.startsWith('note-'))
      .map((warning) => `! ${warning.message}`)
      .join('\n');
    expect(`${notes}\n\n${texts}`).toMatchSnapshot();
  });
});
