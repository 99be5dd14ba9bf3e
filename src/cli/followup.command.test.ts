import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeDataDir, runShortlist } from '../../test/cli.js';
import { parseFollowUpInput, planFollowUp } from '../domain/followup/index.js';
import { makeRawInput } from '../domain/followup/test-support.js';
import { parseDraftText } from './followup.command.js';

/** Plans are made as at Thu 15 Oct 2026, 12:00 in London (the interview is at 15:00). */
const NOW = '2026-10-15T12:00:00+01:00';

describe('shortlist followup', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeEach(() => {
    dir = makeDataDir();
    env = { DATA_DIR: dir, CWD: dir };
  });

  const write = (name: string, text: string) => {
    fs.writeFileSync(path.join(dir, name), text);
    return name;
  };
  const writeInput = (overrides = {}) => {
    const { now: _now, ...raw } = makeRawInput(overrides);
    return write('interview.json', JSON.stringify(raw));
  };
  const planOf = (overrides = {}) => planFollowUp(parseFollowUpInput(makeRawInput(overrides), NOW));

  describe('plan', () => {
    it('prints a readable timeline: when, how, to whom, the window and why; then warnings and the never list', async () => {
      const file = writeInput({ interviewers: [{ name: 'Anna Clarke', onLinkedIn: true }] });
      const run = await runShortlist(['followup', 'plan', file, '--now', NOW], env);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const lines = run.stdout.split('\n');
      expect(lines.slice(0, 4)).toEqual([
        'Follow-up plan: Data Analyst at Brightwater Analytics Ltd',
        'Interview: Thu 15 Oct, 15:00 to 16:00 (Europe/London). Times below are in Europe/London.',
        '',
        '1. Thu 15 Oct, 15:00  Ask Brightwater Analytics Ltd when they expect to decide',
      ]);
      expect(run.stdout).toContain(
        [
          '2. Fri 16 Oct, 09:00  Email a thank-you to Anna Clarke',
          '   How:              Email',
          '   To:               Anna Clarke',
          '   When:             Thu 15 Oct, 18:00 to Fri 16 Oct, 16:00',
          '   Why:              Brightwater Analytics Ltd moves fast, so an email reaches Anna Clarke while the interview is still fresh. Send it no earlier than Thu 15 Oct, 18:00, once you have left, and by Fri 16 Oct, 16:00, a day after the interview.',
          '   Reason:           Fast-moving employers (tech, e-commerce, start-ups, digital media) work by email and decide quickly.',
          '   Source:           Seed article "Best Ways to Follow Up After an Interview" (shared/seed/000_7a7be8ac5746e214): choosing between email and a hand-written note',
          '   Step:             anna-clarke:thank-you:email',
        ].join('\n'),
      );
      expect(run.stdout).toContain(
        '\nWarnings\n- There is no email address for Anna Clarke; the draft is ready, but find the address',
      );
      expect(run.stdout).toContain(
        '\nNever\n- Phoning: Ringing to ask how it went puts the interviewer on the spot',
      );
      expect(run.stdout).not.toContain('Dear Anna');
      const withDrafts = await runShortlist(
        ['followup', 'plan', file, '--now', NOW, '--drafts'],
        env,
      );
      expect(withDrafts.stdout).toContain('   Draft:\n     Subject: ');
      expect(withDrafts.stdout).toContain('\n     Dear Anna,\n');
    });

    it('prints the plan as JSON, and as a calendar ical.js reads', async () => {
      const file = writeInput();
      const json = await runShortlist(
        ['followup', 'plan', file, '--format', 'json', '--now', NOW],
        env,
      );
      expect(json.status).toBe(0);
      expect(JSON.parse(json.stdout)).toEqual(planOf());
      const ics = await runShortlist(
        ['followup', 'plan', file, '--format', 'ics', '--now', NOW],
        env,
      );
      expect(ics.status).toBe(0);
      const events = new ICAL.Component(ICAL.parse(ics.stdout)).getAllSubcomponents('vevent');
      expect(events).toHaveLength(planOf().steps.length);
    });

    it('exits 2 with one line per problem for a bad input', async () => {
      const file = writeInput({
        interview: { endsAt: '2026-10-15T14:00' },
        interviewers: [{ name: 'A', email: 'nope' }],
      });
      const run = await runShortlist(['followup', 'plan', file], env);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        [
          'interview.endsAt: The interview must end after it starts. [out-of-range]',
          'interviewers[0].email: "nope" is not an email address. [invalid]',
          '2 problems found.',
          '',
        ].join('\n'),
      );
    });

    it('exits 2 for an unknown key, naming it and what was meant', async () => {
      const file = writeInput({ decisionDate: '2026-10-22' });
      const run = await runShortlist(['followup', 'plan', file], env);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(
        [
          'decisionDate: "decisionDate" is not a field of the input. Did you mean "decisionExpectedOn"? [unknown-field]',
          '',
        ].join('\n'),
      );
    });

    it('exits 2 for a missing file, a file that is not JSON, a bad --now or --format', async () => {
      const missing = await runShortlist(['followup', 'plan', 'nothing.json'], env);
      expect(missing.status).toBe(2);
      expect(missing.stderr).toBe('FILE: There is no file at nothing.json [not-found]\n');
      const notJson = await runShortlist(['followup', 'plan', write('x.json', '{oops')], env);
      expect(notJson.status).toBe(2);
      expect(notJson.stderr).toMatch(/^FILE: x\.json is not valid JSON \(.+\) \[invalid\]\n$/);
      const file = writeInput();
      for (const now of ['yesterday', '2026-02-30T10:00', '2026-10-15', '15/10/2026 12:00']) {
        const run = await runShortlist(['followup', 'plan', file, '--now', now], env);
        expect(run.status).toBe(2);
        expect(run.stderr).toContain(
          `error: option '--now <iso>' argument '${now}' is invalid. must be an ISO 8601 date-time such as 2026-10-15T12:00:00+01:00`,
        );
      }
      const format = await runShortlist(['followup', 'plan', file, '--format', 'pdf'], env);
      expect(format.status).toBe(2);
      expect(format.stderr).toContain('must be text, json or ics');
    });

    it('takes --now as local time in the candidate’s zone, or with an offset', async () => {
      const file = writeInput();
      const local = await runShortlist(
        ['followup', 'plan', file, '--format', 'json', '--now', '2026-10-15T12:00'],
        env,
      );
      const utc = await runShortlist(
        ['followup', 'plan', file, '--format', 'json', '--now', '2026-10-15T11:00:00Z'],
        env,
      );
      expect(JSON.parse(local.stdout)).toEqual(planOf());
      expect(JSON.parse(utc.stdout)).toEqual(planOf());
    });
  });

  describe('check', () => {
    const stepId = 'anna-clarke:thank-you:email';
    const check = (draft: string, ...extra: string[]) =>
      runShortlist(
        [
          'followup',
          'check',
          write('draft.txt', draft),
          '--interview',
          writeInput(),
          '--step',
          stepId,
          '--now',
          NOW,
          ...extra,
        ],
        env,
      );

    it('exits 0 for a draft that reads well (the planner’s own)', async () => {
      const draft = planOf().steps.find((s) => s.id === stepId)?.draft;
      const run = await check(`Subject: ${draft?.subject}\n\n${draft?.body}\n`);
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe(
        'No findings: the draft for "Email a thank-you to Anna Clarke" reads well.\n',
      );
      expect(run.status).toBe(0);
    });

    it('exits 3 and prints one finding per line', async () => {
      const run = await check('Subject: Quick one\n\nHi Anna, can you call me ASAP?\n');
      expect(run.status).toBe(3);
      expect(run.stdout).toBe(
        [
          'The draft never says thank you; make the thanks plain and early. [missing-thanks]',
          'The draft does not mention Brightwater Analytics Ltd. [missing-employer]',
          'Nothing in the draft comes from the interview: mention something you talked about or liked. [not-specific]',
          'The draft does not say why you would fit the role. [no-fit]',
          '"call me ASAP" presses for an answer; a thank-you should not ask about the decision. [pushy]',
          '"call me" asks for a call or a visit; keep the follow-up in writing. [asks-for-call]',
          '',
        ].join('\n'),
      );
    });

    it('exits 2 for a step not in the plan, an empty draft or a missing option', async () => {
      const unknown = await runShortlist(
        [
          'followup',
          'check',
          write('draft.txt', 'Thank you'),
          '--interview',
          writeInput(),
          '--step',
          'nobody:thank-you:email',
          '--now',
          NOW,
        ],
        env,
      );
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toMatch(
        /^--step: There is no step "nobody:thank-you:email" in this plan\. \(did you mean: interview:ask-timeline; anna-clarke:thank-you:email; .*\?\) \[not-in-plan\]\n$/,
      );
      const empty = await check('Subject: Thanks\n\n  \n');
      expect(empty.status).toBe(2);
      expect(empty.stderr).toBe('DRAFT_FILE.body: The draft’s text is required. [required]\n');
      const noStep = await runShortlist(
        ['followup', 'check', write('draft.txt', 'Thank you'), '--interview', writeInput()],
        env,
      );
      expect(noStep.status).toBe(2);
      expect(noStep.stderr).toContain("error: required option '--step <id>' not specified");
    });
  });

  it('reads a draft file’s optional subject line', () => {
    expect(parseDraftText('Subject: Thanks\r\n\r\nDear Anna,\r\nThank you.\r\n')).toEqual({
      subject: 'Thanks',
      body: 'Dear Anna,\nThank you.',
    });
    expect(parseDraftText('\uFEFFsubject:Hi\nBody')).toEqual({ subject: 'Hi', body: 'Body' });
    expect(parseDraftText('Dear Anna,\n\nSubject: not a header')).toEqual({
      body: 'Dear Anna,\n\nSubject: not a header',
    });
  });
});
