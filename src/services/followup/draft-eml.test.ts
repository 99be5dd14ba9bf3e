import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.js';
import { planFollowUp, type FollowUpInput } from '../../domain/followup/index.js';
import { makeInput } from '../../domain/followup/test-support.js';
import { buildDraftEml } from './draft-eml.js';

describe('buildDraftEml', () => {
  it('builds an unsent draft that parses with mailparser', async () => {
    const input = makeInput();
    const plan = planFollowUp(input);
    const step = plan.steps.find((s) => s.id === 'anna-clarke:thank-you:email');
    const eml = await buildDraftEml(plan, input, 'anna-clarke:thank-you:email');
    const mail = await simpleParser(eml);
    expect(mail.subject).toBe(step?.draft?.subject);
    expect(mail.text?.trim()).toBe(step?.draft?.body);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0] : undefined).toMatchObject({
      address: 'anna.clarke@brightwater.example',
      name: 'Anna Clarke',
    });
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.date?.toISOString()).toBe(new Date(step?.sendAt ?? '').toISOString());
    expect(mail.messageId).toMatch(
      /^<anna-clarke-thank-you-email\.[0-9a-f]{12}@shortlist\.example>$/,
    );
    expect(mail.from).toBeUndefined();
    // Deterministic: same bytes every time.
    expect((await buildDraftEml(plan, input, 'anna-clarke:thank-you:email')).equals(eml)).toBe(
      true,
    );
  });

  it('addresses a panel’s thank-you to the hiring team’s address, with no rule id in it', async () => {
    const input = makeInput({
      employer: { hiringTeamEmail: 'jobs@brightwater.example' },
      interviewers: [{ name: 'Margaret Hale', chair: true }, { name: 'Tom Reed' }],
    });
    const plan = planFollowUp(input);
    const eml = await buildDraftEml(plan, input, 'hiring-team:thank-you:email');
    const mail = await simpleParser(eml);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0] : undefined).toMatchObject({
      address: 'jobs@brightwater.example',
      name: 'the hiring team',
    });
    expect(eml.toString()).not.toContain('thank-you-panel');
  });

  it('builds check-ins too, and takes an optional sender', async () => {
    const input = makeInput();
    const plan = planFollowUp(input);
    const eml = await buildDraftEml(plan, input, 'interview:check-in', {
      from: { address: 'sam@example.org' },
    });
    const mail = await simpleParser(eml);
    expect(mail.from?.value[0]).toMatchObject({ address: 'sam@example.org', name: 'Sam Patel' });
    expect(mail.subject).toContain('checking in');
  });

  it('leaves out To when the interviewer has no address', async () => {
    const input = makeInput({ interviewers: [{ name: 'Anna Clarke' }] });
    const plan = planFollowUp(input);
    const mail = await simpleParser(
      await buildDraftEml(plan, input, 'anna-clarke:thank-you:email'),
    );
    expect(mail.to).toBeUndefined();
    expect(mail.text).toContain('Anna');
  });

  it('lets no header be injected through any field', async () => {
    const base = makeInput();
    const input: FollowUpInput = {
      ...base,
      role: 'Analyst\r\nBcc: evil@attacker.example',
      employer: { ...base.employer, name: 'Acme\nX-Evil: 1' },
      candidate: { ...base.candidate, name: 'Sam\r\nReply-To: evil@attacker.example' },
      interviewers: [
        {
          id: 'anna',
          name: 'Anna\r\nBcc: evil@attacker.example\r\n\r\nInjected body',
          email: 'anna@x.example\r\nCc: evil@attacker.example',
          onLinkedIn: false,
          contact: true,
        },
      ],
    };
    const plan = planFollowUp(input);
    const emailSteps = plan.steps.filter((s) => s.channel === 'email');
    expect(emailSteps.length).toBeGreaterThan(0);
    for (const step of emailSteps) {
      // Make the subject itself hostile as well.
      const hostilePlan = {
        ...plan,
        steps: plan.steps.map((s) =>
          s.id === step.id && s.draft
            ? {
                ...s,
                draft: { ...s.draft, subject: 'Hi\r\nBcc: evil@attacker.example\n\rX-Evil: 2' },
              }
            : s,
        ),
      };
      const eml = await buildDraftEml(hostilePlan, input, step.id, {
        from: { name: 'Me\r\nBcc: evil@attacker.example', address: 'me@example.org' },
      });
      const [head] = eml.toString('utf8').split('\r\n\r\n');
      const names = (head ?? '')
        .split('\r\n')
        .filter((line) => !/^\s/.test(line))
        .map((line) => line.slice(0, line.indexOf(':')).toLowerCase());
      expect(names.sort()).toEqual(
        [
          'content-transfer-encoding',
          'content-type',
          'date',
          'from',
          'message-id',
          'mime-version',
          'subject',
          'x-unsent',
        ]
          .concat(names.includes('to') ? ['to'] : [])
          .sort(),
      );
      const mail = await simpleParser(eml);
      expect(mail.headers.has('bcc')).toBe(false);
      expect(mail.headers.has('cc')).toBe(false);
      expect(mail.headers.has('reply-to')).toBe(false);
      expect(mail.headers.has('x-evil')).toBe(false);
      expect(mail.subject).not.toMatch(/[\r\n]/);
      // The address with a line break inside is not an address: no To at all.
      expect(mail.to).toBeUndefined();
    }
  });

  it('refuses unknown and non-email steps with a not-found DomainError on `step`', async () => {
    const input = makeInput({
      employer: { style: 'traditional' },
      interviewers: [{ name: 'Anna Clarke', postalAddress: '1 High St', onLinkedIn: true }],
      interview: { startsAt: '2026-10-15T11:00', endsAt: '2026-10-15T12:00' },
    });
    const plan = planFollowUp(input);
    for (const stepId of [
      'nope',
      'anna-clarke:thank-you:handwritten',
      'anna-clarke:linkedin-invite:linkedin',
      'interview:close',
    ]) {
      const error = await buildDraftEml(plan, input, stepId).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).problems[0]).toMatchObject({
        code: 'not-found',
        field: 'step',
      });
    }
  });
});
