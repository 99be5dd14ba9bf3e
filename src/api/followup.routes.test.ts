import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { parseFollowUpInput, planFollowUp, NEVER_CHANNELS } from '../domain/followup/index.js';
import { makeRawInput, type RawInput } from '../domain/followup/test-support.js';
import { expectErrors, UNKNOWN_DECISION_DATE } from '../../test/web-steps.js';

/** The fixed server clock: Thu 15 Oct 2026, 12:00 in London, three hours before the interview. */
const NOW = new Date('2026-10-15T11:00:00Z');

/** The raw input without `now`, so the server clock decides. */
function rawInput(overrides: RawInput = {}): RawInput {
  const { now: _now, ...raw } = makeRawInput(overrides);
  return raw;
}

function expectedPlan(raw: RawInput) {
  return planFollowUp(parseFollowUpInput(raw, NOW.toISOString()));
}

const PHONE_WHY = NEVER_CHANNELS.find((entry) => entry.channel === 'phone')?.why;

/** One bad input per problem the issue names, with the exact answer expected. */
const PROBLEMS: { name: string; raw: RawInput; field: string; code: string; message: string }[] = [
  {
    name: 'an interview that ends before it starts',
    raw: rawInput({ interview: { endsAt: '2026-10-15T14:00' } }),
    field: 'interview.endsAt',
    code: 'out-of-range',
    message: 'The interview must end after it starts.',
  },
  {
    name: 'an unknown time zone',
    raw: rawInput({ interview: { timeZone: 'Mars/Olympus' } }),
    field: 'interview.timeZone',
    code: 'invalid',
    message:
      '"Mars/Olympus" is not a known time zone; use a name such as Europe/London or America/New_York.',
  },
  {
    name: 'an offset that disagrees with the zone',
    raw: rawInput({ interview: { startsAt: '2026-10-15T15:00+00:00' } }),
    field: 'interview.startsAt',
    code: 'offset-mismatch',
    message:
      'The offset +00:00 does not match Europe/London at that time (+01:00); leave it out or correct it.',
  },
  {
    name: 'a decision date before the interview',
    raw: rawInput({ decisionExpectedOn: '2026-10-14' }),
    field: 'decisionExpectedOn',
    code: 'out-of-range',
    message: 'The decision date is before the interview; check it, or leave it empty.',
  },
  {
    name: 'more than 20 interviewers',
    raw: rawInput({
      interviewers: Array.from({ length: 21 }, (_, i) => ({ name: `Person ${i + 1}` })),
    }),
    field: 'interviewers',
    code: 'too-many',
    message: 'There are 21 interviewers; at most 20 are planned for.',
  },
  {
    name: 'a bad email address',
    raw: rawInput({
      interviewers: [{ name: 'A' }, { name: 'B' }, { name: 'C', email: 'c at example.org' }],
    }),
    field: 'interviewers[2].email',
    code: 'invalid',
    message: '"c at example.org" is not an email address.',
  },
  {
    name: 'an empty name',
    raw: rawInput({ interviewers: [{ name: ' \r\n\t' }] }),
    field: 'interviewers[0].name',
    code: 'required',
    message: 'The interviewer’s name is required.',
  },
  {
    name: 'an overlong name',
    raw: rawInput({ interviewers: [{ name: 'Anna' }, { name: 'n'.repeat(201) }] }),
    field: 'interviewers[1].name',
    code: 'too-long',
    message: 'The interviewer’s name has 201 characters; keep it to 200.',
  },
  {
    name: 'a refused channel',
    raw: rawInput({ interviewers: [{ name: 'Anna', channel: 'phone' }] }),
    field: 'interviewers[0].channel',
    code: 'refused-channel',
    message: `Shortlist never plans a follow-up by phone: ${PHONE_WHY}`,
  },
];

/** Names and notes that have broken files and pages elsewhere. */
const HOSTILE = rawInput({
  employer: { name: 'Acme, Inc; "Widgets" <b>&amp;</b> Co\r\nBcc: evil@example.org 🚀' },
  role: 'Analyst;\r\nBEGIN:VEVENT\r\nUID:evil',
  candidate: { name: '<script>alert("x")</script> Sam 😀' },
  interviewers: [
    {
      name: `Anna\r\nEND:VCALENDAR\r\nSubject: hi, Clarke; \\n 👩‍💻`,
      email: 'anna@brightwater.example',
      contact: true,
      notes: '<img src=x onerror=alert(1)> dbt\r\nand Snowflake',
    },
    { name: `${'Ñ'.repeat(150)} ${'x'.repeat(49)}`, email: 'long@brightwater.example' },
  ],
});

describe('follow-up API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(undefined, { clock: { now: () => NOW } });
  });
  afterAll(() => t.close());

  const post = (url: string, payload: unknown) =>
    t.app.inject({ method: 'POST', url, payload: payload as object });

  describe('POST /api/followup/plan', () => {
    it('answers the plan, steps in the planner’s own field order', async () => {
      const raw = rawInput();
      const res = await post('/api/followup/plan', raw);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      const expected = expectedPlan(raw);
      expect(res.json()).toEqual(expected);
      expect(res.body).toBe(JSON.stringify(expected));
      expect(Object.keys(res.json())).toEqual(['steps', 'warnings', 'never']);
    });

    it('plans from the server clock when the input gives no `now`, and from `now` when it does', async () => {
      const fromClock = (await post('/api/followup/plan', rawInput())).json();
      expect(fromClock.steps[0]).toMatchObject({
        id: 'interview:ask-timeline',
        notBefore: '2026-10-15T12:00:00+01:00',
      });
      const given = (
        await post('/api/followup/plan', { ...rawInput(), now: '2026-10-14T09:00:00+01:00' })
      ).json();
      expect(given.steps[0].notBefore).toBe('2026-10-14T09:00:00+01:00');
    });

    it.each(PROBLEMS)('answers 400 naming the field for $name', async (problem) => {
      const res = await post('/api/followup/plan', problem.raw);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toContainEqual(
        expect.objectContaining({
          field: problem.field,
          code: problem.code,
          message: problem.message,
        }),
      );
    });

    it('answers 400 for an unknown key, naming it and what was meant', async () => {
      const res = await post('/api/followup/plan', { ...rawInput(), decisionDate: '2026-10-22' });
      expectErrors(res, 400, UNKNOWN_DECISION_DATE);
    });

    it('reports every problem at once', async () => {
      const res = await post(
        '/api/followup/plan',
        rawInput({
          interview: { endsAt: '2026-10-15T14:00' },
          interviewers: [{ name: '' }, { name: 'B', email: 'nope', channel: 'facebook' }],
        }),
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
        'interview.endsAt',
        'interviewers[0].name',
        'interviewers[1].email',
        'interviewers[1].channel',
      ]);
    });

    it('answers a missing, non-JSON or malformed body with 400 in the shared shape', async () => {
      const none = await t.app.inject({ method: 'POST', url: '/api/followup/plan' });
      expectErrors(none, 400, {
        field: null,
        code: 'required',
        message:
          'The request has no body: send the follow-up input as JSON, with content-type: application/json.',
      });
      const text = await t.app.inject({
        method: 'POST',
        url: '/api/followup/plan',
        headers: { 'content-type': 'text/plain' },
        payload: JSON.stringify(rawInput()),
      });
      expectErrors(text, 400, {
        field: null,
        code: 'not-json',
        message: 'The body must be JSON, sent with content-type: application/json.',
      });
      const form = await t.app.inject({
        method: 'POST',
        url: '/api/followup/plan',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'role=Analyst',
      });
      expect(form.json().errors[0].code).toBe('not-json');
      const list = await post('/api/followup/plan', [rawInput()]);
      expectErrors(list, 400, {
        field: null,
        code: 'invalid',
        message: 'The follow-up input must be a JSON object, not a list.',
      });
    });

    it('passes Fastify’s own body errors through the shared shape', async () => {
      const send = (contentType: string, payload: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/followup/plan',
          headers: { 'content-type': contentType },
          payload,
        });
      const malformed = await send('application/json', '{"interview": ');
      expectErrors(malformed, 400, {
        field: null,
        code: 'invalid',
        message: "Body is not valid JSON but content-type is set to 'application/json'",
      });
      const empty = await send('application/json', '');
      expectErrors(empty, 400, {
        field: null,
        code: 'invalid',
        message: "Body cannot be empty when content-type is set to 'application/json'",
      });
      const proto = await send('application/json', '{"__proto__": {"role": "x"}}');
      expect(proto.statusCode).toBe(400);
      expect(proto.json().errors[0].field).toBeNull();
      const xml = await send('application/xml', '<interview/>');
      expectErrors(xml, 415, {
        field: null,
        code: 'unsupported-media-type',
        message: 'This content type is not accepted here',
      });
    });
  });

  describe('POST /api/followup/plan.ics', () => {
    it('answers the plan as a calendar attachment that ical.js reads, one event per step', async () => {
      const raw = rawInput();
      const res = await post('/api/followup/plan.ics', raw);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="follow-up-plan.ics"');
      expect(res.headers['cache-control']).toBe('no-store');
      const events = new ICAL.Component(ICAL.parse(res.body)).getAllSubcomponents('vevent');
      const plan = expectedPlan(raw);
      expect(events.map((e) => e.getFirstPropertyValue('summary'))).toHaveLength(plan.steps.length);
      expect(events[1]?.getFirstPropertyValue('summary')).toBe('Email a thank-you to Anna Clarke');
    });

    it('answers the planner’s problems like /plan', async () => {
      const problem = PROBLEMS[0]!;
      const res = await post('/api/followup/plan.ics', problem.raw);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.json().errors[0]).toMatchObject({
        field: problem.field,
        message: problem.message,
      });
    });
  });

  describe('POST /api/followup/draft.eml', () => {
    it('answers an email step’s draft as an unsent message that mailparser reads', async () => {
      const raw = rawInput();
      const res = await post('/api/followup/draft.eml?step=anna-clarke:thank-you:email', raw);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('message/rfc822');
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="follow-up-anna-clarke-thank-you-email.eml"',
      );
      const step = expectedPlan(raw).steps.find((s) => s.id === 'anna-clarke:thank-you:email');
      const mail = await simpleParser(res.rawPayload);
      expect(mail.subject).toBe(step?.draft?.subject);
      expect(mail.text?.trim()).toBe(step?.draft?.body);
      expect(mail.headers.get('x-unsent')).toBe('1');
    });

    it('answers 400 on field `step` for a step not in the plan, not an email, or missing', async () => {
      const raw = rawInput();
      const unknown = await post('/api/followup/draft.eml?step=nobody:thank-you:email', raw);
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().errors).toEqual([
        expect.objectContaining({
          field: 'step',
          code: 'not-in-plan',
          message: 'There is no step "nobody:thank-you:email" in this plan.',
        }),
      ]);
      expect(unknown.json().errors[0].suggestions).toContainEqual({
        label: 'anna-clarke:thank-you:email',
      });
      const notEmail = await post('/api/followup/draft.eml?step=interview:close', raw);
      expect(notEmail.statusCode).toBe(400);
      expect(notEmail.json().errors[0]).toMatchObject({
        field: 'step',
        code: 'not-an-email',
        message: 'Step "interview:close" is not an email, so it has no .eml draft.',
      });
      const missing = await post('/api/followup/draft.eml', raw);
      expect(missing.statusCode).toBe(400);
      expect(missing.json().errors[0]).toMatchObject({ field: 'step', code: 'required' });
    });

    it('reports the input’s problems before the step', async () => {
      const res = await post('/api/followup/draft.eml?step=x', PROBLEMS[5]!.raw);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([
        expect.objectContaining({ field: 'interviewers[2].email' }),
      ]);
    });
  });

  describe('POST /api/followup/check-draft', () => {
    const context = (stepId = 'anna-clarke:thank-you:email', input: unknown = rawInput()) => ({
      input,
      stepId,
    });

    it('finds nothing wrong with the planner’s own draft', async () => {
      const draft = expectedPlan(rawInput()).steps.find(
        (s) => s.id === 'anna-clarke:thank-you:email',
      )?.draft;
      const res = await post('/api/followup/check-draft', { draft, context: context() });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ findings: [] });
    });

    it('answers every finding for a pushy draft given as text', async () => {
      const res = await post('/api/followup/check-draft', {
        draft: 'Dear Anna, thanks. Have you made a decision? Call me ASAP.',
        context: context(),
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().findings.map((f: { code: string }) => f.code)).toEqual([
        'missing-employer',
        'not-specific',
        'no-fit',
        'pushy',
        'asks-for-call',
      ]);
      expect(res.json().findings[3]).toEqual({
        code: 'pushy',
        message:
          '"Call me ASAP" presses for an answer; a thank-you should not ask about the decision.',
        stepId: 'anna-clarke:thank-you:email',
      });
    });

    it('reports the input’s problems under context.input', async () => {
      const res = await post('/api/followup/check-draft', {
        draft: { subject: 'Thanks', body: 'Thank you' },
        context: context('anna-clarke:thank-you:email', PROBLEMS[0]!.raw),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([
        {
          field: 'context.input.interview.endsAt',
          code: 'out-of-range',
          message: 'The interview must end after it starts.',
        },
      ]);
    });

    it('answers 400 on context.stepId for a step not in the plan', async () => {
      const res = await post('/api/followup/check-draft', {
        draft: 'Thank you',
        context: context('ben-okafor:thank-you:handwritten'),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0]).toMatchObject({
        field: 'context.stepId',
        code: 'not-in-plan',
        message: 'There is no step "ben-okafor:thank-you:handwritten" in this plan.',
      });
    });

    it('reports a missing or malformed draft and context, all at once', async () => {
      const res = await post('/api/followup/check-draft', {
        draft: { subject: 42, body: '' },
        context: { input: { ...rawInput(), role: '' } },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([
        { field: 'draft.body', code: 'required', message: 'The draft’s text is required.' },
        { field: 'draft.subject', code: 'invalid', message: 'The subject must be text.' },
        { field: 'context.input.role', code: 'required', message: 'The role is required.' },
        {
          field: 'context.stepId',
          code: 'required',
          message: 'The id of the step the draft is for is required.',
        },
      ]);
      const bare = await post('/api/followup/check-draft', { draft: 'Thank you' });
      expect(bare.json().errors).toEqual([
        {
          field: 'context',
          code: 'required',
          message:
            'The context is required: {input, stepId}, the interview and the step the draft is for.',
        },
      ]);
      const long = await post('/api/followup/check-draft', {
        draft: 'x'.repeat(10_001),
        context: context(),
      });
      expect(long.json().errors[0]).toMatchObject({ field: 'draft.body', code: 'too-long' });
    });
  });

  describe('hostile input: CR/LF, HTML, emoji and long names', () => {
    it('plans it, with every name on one line', async () => {
      const res = await post('/api/followup/plan', HOSTILE);
      expect(res.statusCode).toBe(200);
      const plan = res.json();
      for (const step of plan.steps) expect(step.to ?? '').not.toMatch(/[\r\n]/);
      expect(plan.steps.map((s: { to?: string }) => s.to)).toContain(
        'Anna END:VCALENDAR Subject: hi, Clarke; \\n 👩‍💻',
      );
    });

    it('writes a calendar that still parses, one event per step, text intact', async () => {
      const res = await post('/api/followup/plan.ics', HOSTILE);
      expect(res.statusCode).toBe(200);
      const calendar = new ICAL.Component(ICAL.parse(res.body));
      const events = calendar.getAllSubcomponents('vevent');
      expect(events).toHaveLength(expectedPlan(HOSTILE).steps.length);
      expect(events[0]?.getFirstPropertyValue('summary')).toBe(
        'Ask Acme, Inc; "Widgets" <b>&amp;</b> Co Bcc: evil@example.org 🚀 when they expect to decide',
      );
      expect(String(events[1]?.getFirstPropertyValue('description'))).toContain(
        '<img src=x onerror=alert(1)> dbt',
      );
      for (const line of res.body.split('\r\n')) {
        expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      }
    });

    it('writes an .eml whose headers hold no injected line', async () => {
      const plan = expectedPlan(HOSTILE);
      const step = plan.steps.find((s) => s.channel === 'email' && s.to?.startsWith('Ñ'));
      const res = await post(
        `/api/followup/draft.eml?step=${encodeURIComponent(step!.id)}`,
        HOSTILE,
      );
      expect(res.statusCode).toBe(200);
      const mail = await simpleParser(res.rawPayload);
      expect(mail.headers.has('bcc')).toBe(false);
      expect(mail.subject).toBe(step?.draft?.subject);
      expect(mail.text?.trim()).toBe(step?.draft?.body);
      expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.name : '').toBe(step?.to);
    });

    it('answers an overlong step id with a bounded message', async () => {
      const res = await post(`/api/followup/draft.eml?step=${'a\r\n'.repeat(300)}`, rawInput());
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].message.length).toBeLessThan(130);
      expect(res.json().errors[0].message).not.toMatch(/[\r\n]/);
    });
  });

  it('describes every route in the OpenAPI document, with an example input', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/followup/plan',
      '/api/followup/plan.ics',
      '/api/followup/draft.eml',
      '/api/followup/check-draft',
    ]) {
      expect(doc.paths[path]?.post?.tags).toEqual(['follow-up']);
      expect(doc.paths[path].post.requestBody.content['application/json']).toBeDefined();
    }
    expect(
      doc.paths['/api/followup/plan'].post.requestBody.content['application/json'].example.role,
    ).toBe('Data Analyst');
    expect(Object.keys(doc.paths['/api/followup/plan.ics'].post.responses['200'].content)).toEqual([
      'text/calendar',
    ]);
    expect(Object.keys(doc.paths['/api/followup/draft.eml'].post.responses['200'].content)).toEqual(
      ['message/rfc822'],
    );
    expect(doc.paths['/api/followup/draft.eml'].post.parameters).toContainEqual(
      expect.objectContaining({ name: 'step', in: 'query' }),
    );
  });
});
