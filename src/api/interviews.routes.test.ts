import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../test/accounts.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { fixedClock } from '../../test/enquiries.js';
import { buildBrand, buildDirectory, buildListing } from '../../test/factories.js';
import { makeRawInput } from '../domain/followup/test-support.js';
import {
  expectAccountNeeded,
  expectErrors,
  UNAUTHENTICATED,
  UNKNOWN_DECISION_DATE,
} from '../../test/web-steps.js';

// Planned before the interview (15:00-16:00 London time on Thu 15 Oct 2026).
const SAVED = '2026-10-15T11:00:00.000Z';
const NOT_FOUND = {
  errors: [{ field: null, code: 'not-found', message: 'There is no such interview.' }],
};
const THANK_ANNA = 'anna-clarke:thank-you:email';

interface PlanStepBody {
  id: string;
  to?: string;
  status: string;
  doneAt: string | null;
  editedDraft?: { subject?: string; body: string };
  findings: { code: string }[];
}

describe('interview routes', () => {
  let t: TestApp;
  let clock: ReturnType<typeof fixedClock>;
  let sam: TestBrowser;
  let ann: TestBrowser;

  beforeAll(async () => {
    clock = fixedClock(SAVED);
    t = await buildTestApp(
      buildDirectory([buildBrand({ listings: [buildListing({ slug: 'acme-driving' })] })]),
      { clock },
    );
    sam = new TestBrowser(t.app, '192.0.2.1');
    ann = new TestBrowser(t.app, '192.0.2.2');
    await sam.signUp('sam@example.com');
    await ann.signUp('ann@example.com');
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(SAVED));

  async function createInterview(browser = sam, body: Record<string, unknown> = makeRawInput()) {
    const res = await browser.change({ method: 'POST', url: '/api/interviews', payload: body });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string } & Record<string, unknown>>();
  }

  async function planOf(id: string, browser = sam): Promise<PlanStepBody[]> {
    const res = await browser.request({ method: 'GET', url: `/api/interviews/${id}/plan` });
    expect(res.statusCode).toBe(200);
    return res.json<{ steps: PlanStepBody[] }>().steps;
  }

  const statusesOf = async (id: string) =>
    Object.fromEntries((await planOf(id)).map((step) => [step.id, step.status]));

  describe('POST /api/interviews', () => {
    it('saves the planner’s input with an agency and an outcome, planned now', async () => {
      const res = await sam.change({
        method: 'POST',
        url: '/api/interviews',
        payload: { ...makeRawInput(), agency: 'Acme-Driving', now: '2020-01-01T00:00:00Z' },
      });
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body).toMatchObject({
        id: expect.any(String),
        role: 'Data Analyst',
        employer: { name: 'Brightwater Analytics Ltd', style: 'fast-moving' },
        interview: { startsAt: '2026-10-15T15:00:00+01:00', timeZone: 'Europe/London' },
        agency: 'acme-driving',
        outcome: 'pending',
        outcomeAt: null,
        replies: [],
        createdAt: SAVED,
        // The client's `now` is ignored: the plan is made when the interview is saved.
        now: '2026-10-15T11:00:00Z',
      });
      const read = await sam.request({ method: 'GET', url: `/api/interviews/${body.id}` });
      expect(read.json()).toEqual(body);
    });

    it('answers 400 for an unknown key, naming it and what was meant', async () => {
      const res = await sam.change({
        method: 'POST',
        url: '/api/interviews',
        payload: { ...makeRawInput(), decisionDate: '2026-10-22' },
      });
      expectErrors(res, 400, UNKNOWN_DECISION_DATE);
    });

    it('reports every problem at once: the planner’s, the agency’s and the outcome’s', async () => {
      const res = await sam.change({
        method: 'POST',
        url: '/api/interviews',
        payload: { ...makeRawInput({ role: '' }), agency: 'no-such-agency', outcome: 'hired' },
      });
      expectErrors(
        res,
        400,
        { field: 'role', code: 'required', message: 'The role is required.' },
        {
          field: 'agency',
          code: 'unknown-agency',
          message: 'There is no agency "no-such-agency" in the directory.',
        },
        {
          field: 'outcome',
          code: 'not-in-list',
          message: 'The outcome must be one of pending, offer, rejected, withdrawn, no-reply.',
          suggestions: ['pending', 'offer', 'rejected', 'withdrawn', 'no-reply'].map((v) => ({
            label: v,
            value: v,
          })),
        },
      );
    });

    it('needs an account (401) and, with the cookie, the CSRF token (403)', async () => {
      const anonymous = await t.app.inject({
        method: 'POST',
        url: '/api/interviews',
        payload: makeRawInput(),
      });
      expectErrors(anonymous, 401, UNAUTHENTICATED);
      const noToken = await sam.request({
        method: 'POST',
        url: '/api/interviews',
        payload: makeRawInput(),
      });
      expect(noToken.statusCode).toBe(403);
      expect(noToken.json().errors[0].code).toBe('csrf');
    });
  });

  describe('GET /api/interviews', () => {
    it('lists only my interviews, soonest first, with the next step', async () => {
      const fresh = new TestBrowser(t.app, '192.0.2.3');
      await fresh.signUp('list@example.com');
      const later = await createInterview(
        fresh,
        makeRawInput({ interview: { startsAt: '2026-10-20T10:00', endsAt: '2026-10-20T11:00' } }),
      );
      const sooner = await createInterview(fresh);
      const res = await fresh.request({ method: 'GET', url: '/api/interviews' });
      const list = res.json<{ interviews: { id: string }[] }>().interviews;
      expect(list.map((i) => i.id)).toEqual([sooner.id, later.id]);
      expect(list[0]).toEqual({
        id: sooner.id,
        role: 'Data Analyst',
        employer: 'Brightwater Analytics Ltd',
        startsAt: '2026-10-15T15:00:00+01:00',
        timeZone: 'Europe/London',
        agency: null,
        outcome: 'pending',
        pendingSteps: 6,
        nextStep: {
          id: 'interview:ask-timeline',
          title: 'Ask Brightwater Analytics Ltd when they expect to decide',
          sendAt: expect.any(String),
          due: expect.any(String),
        },
        updatedAt: SAVED,
      });
      expect((await t.app.inject({ method: 'GET', url: '/api/interviews' })).statusCode).toBe(401);
    });
  });

  describe('someone else’s interview', () => {
    it('answers 404 on every route, exactly like one that does not exist, and stays as it was', async () => {
      const mine = await createInterview(sam);
      await sam.change({
        method: 'PATCH',
        url: `/api/interviews/${mine.id}/steps/${THANK_ANNA}`,
        payload: { status: 'done' },
      });
      const before = (await sam.request({ method: 'GET', url: `/api/interviews/${mine.id}/plan` }))
        .body;
      const routes: ['GET' | 'PUT' | 'PATCH' | 'POST' | 'DELETE', string, object?][] = [
        ['GET', ''],
        ['PUT', '', makeRawInput({ role: 'Stolen' })],
        ['PATCH', '', { outcome: 'rejected' }],
        ['GET', '/plan'],
        ['GET', '/plan.ics'],
        ['PATCH', `/steps/${THANK_ANNA}`, { status: 'skipped' }],
        ['GET', `/steps/${THANK_ANNA}.eml`],
        ['POST', `/steps/${THANK_ANNA}/check`, { draft: 'Hello' }],
        ['POST', '/replies', { at: '2026-10-15T10:00:00Z' }],
        ['DELETE', ''],
      ];
      for (const [method, suffix, payload] of routes) {
        for (const id of [mine.id, '00000000-0000-0000-0000-000000000000']) {
          const res = await ann.change({
            method,
            url: `/api/interviews/${id}${suffix}`,
            ...(payload === undefined ? {} : { payload }),
          });
          expect([method, suffix, res.statusCode, res.json()]).toEqual([
            method,
            suffix,
            404,
            NOT_FOUND,
          ]);
        }
      }
      const after = (await sam.request({ method: 'GET', url: `/api/interviews/${mine.id}/plan` }))
        .body;
      expect(after).toBe(before);
      expect((await ann.request({ method: 'GET', url: '/api/interviews' })).json()).toEqual({
        interviews: [],
      });
    });

    it('needs an account on every interview route (401)', async () => {
      const mine = await createInterview(sam);
      await expectAccountNeeded(t.app, [
        ['GET', '/api/interviews/agenda'],
        ['GET', `/api/interviews/${mine.id}`],
        ['PUT', `/api/interviews/${mine.id}`],
        ['PATCH', `/api/interviews/${mine.id}`],
        ['DELETE', `/api/interviews/${mine.id}`],
        ['GET', `/api/interviews/${mine.id}/plan`],
        ['GET', `/api/interviews/${mine.id}/plan.ics`],
        ['PATCH', `/api/interviews/${mine.id}/steps/${THANK_ANNA}`],
        ['GET', `/api/interviews/${mine.id}/steps/${THANK_ANNA}.eml`],
        ['POST', `/api/interviews/${mine.id}/steps/${THANK_ANNA}/check`],
        ['POST', `/api/interviews/${mine.id}/replies`],
      ] as const);
    });
  });

  describe('PUT /api/interviews/{id}', () => {
    it('keeps the plan (and its `now`) when the planner’s input is unchanged', async () => {
      const created = await createInterview(sam, { ...makeRawInput(), agency: 'acme-driving' });
      clock.set('2026-10-16T12:00:00.000Z');
      const res = await sam.change({
        method: 'PUT',
        url: `/api/interviews/${created.id}`,
        payload: { ...makeRawInput(), outcome: 'offer' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        now: '2026-10-15T11:00:00Z',
        agency: 'acme-driving',
        outcome: 'offer',
        outcomeAt: '2026-10-16T12:00:00.000Z',
        updatedAt: '2026-10-16T12:00:00.000Z',
      });
    });

    it('plans again at the time of the change when the input changed, forgetting vanished steps', async () => {
      const created = await createInterview(sam);
      for (const stepId of [THANK_ANNA, 'ben-okafor:thank-you:email']) {
        await sam.change({
          method: 'PATCH',
          url: `/api/interviews/${created.id}/steps/${stepId}`,
          payload: { status: 'done' },
        });
      }
      clock.set('2026-10-15T12:00:00.000Z');
      const raw = makeRawInput();
      const onlyAnna = { ...raw, interviewers: (raw.interviewers as unknown[]).slice(0, 1) };
      const res = await sam.change({
        method: 'PUT',
        url: `/api/interviews/${created.id}`,
        payload: onlyAnna,
      });
      expect(res.json()).toMatchObject({ now: '2026-10-15T12:00:00Z' });
      const statuses = await statusesOf(created.id);
      expect(statuses[THANK_ANNA]).toBe('done');
      expect(statuses).not.toHaveProperty('ben-okafor:thank-you:email');
      const rows = await t.db.kysely
        .selectFrom('interview_steps')
        .select('step_id')
        .where('interview_id', '=', created.id)
        .execute();
      expect(rows).toEqual([{ step_id: THANK_ANNA }]);
    });

    it('plans again when the recruiter changes, keeping the listing slug `agency` as it was', async () => {
      const created = await createInterview(sam);
      const res = await sam.change({
        method: 'PUT',
        url: `/api/interviews/${created.id}`,
        payload: {
          ...makeRawInput(),
          recruiter: { consultant: 'Priya Shah', email: 'priya@agency.example' },
        },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        agency: created.agency,
        recruiter: { consultant: 'Priya Shah', email: 'priya@agency.example' },
      });
      const steps = await planOf(created.id);
      expect(steps.map((step) => step.id)).toContain('recruiter:debrief:email');
      expect(steps.find((step) => step.id === 'interview:check-in')?.to).toBe('Priya Shah');
    });

    it('takes back the interview as GET shows it, and refuses an unknown key on PUT', async () => {
      const created = await createInterview(sam);
      const shown = (
        await sam.request({ method: 'GET', url: `/api/interviews/${created.id}` })
      ).json();
      const back = await sam.change({
        method: 'PUT',
        url: `/api/interviews/${created.id}`,
        payload: { ...shown, role: 'Senior Data Analyst' },
      });
      expect(back.statusCode).toBe(200);
      expect(back.json()).toMatchObject({ role: 'Senior Data Analyst' });
      const wrong = await sam.change({
        method: 'PUT',
        url: `/api/interviews/${created.id}`,
        payload: {
          ...makeRawInput(),
          interview: { ...(makeRawInput().interview as object), rounds: 'second' },
        },
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().errors).toEqual([
        {
          field: 'interview.rounds',
          code: 'unknown-field',
          message: '"rounds" is not a field of the input. Did you mean "round"?',
          suggestions: [{ label: 'round', value: 'round' }],
        },
      ]);
    });

    it('answers 400 with the planner’s messages', async () => {
      const created = await createInterview(sam);
      const res = await sam.change({
        method: 'PUT',
        url: `/api/interviews/${created.id}`,
        payload: makeRawInput({ interview: { timeZone: 'Mars/Olympus' } }),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0]).toMatchObject({
        field: 'interview.timeZone',
        code: 'invalid',
        message:
          '"Mars/Olympus" is not a known time zone; use a name such as Europe/London or America/New_York.',
      });
    });
  });

  describe('steps', () => {
    it('marks a step done (now, unless told when) or skipped', async () => {
      const created = await createInterview(sam);
      clock.set('2026-10-15T17:30:00.000Z');
      const done = await sam.change({
        method: 'PATCH',
        url: `/api/interviews/${created.id}/steps/${THANK_ANNA}`,
        payload: { status: 'done' },
      });
      expect(done.statusCode).toBe(200);
      expect(done.json()).toMatchObject({
        id: THANK_ANNA,
        status: 'done',
        doneAt: '2026-10-15T17:30:00Z',
        title: 'Email a thank-you to Anna Clarke',
      });
      const skipped = await sam.change({
        method: 'PATCH',
        url: `/api/interviews/${created.id}/steps/interview:ask-timeline`,
        payload: { status: 'skipped' },
      });
      expect(skipped.json()).toMatchObject({ status: 'skipped', doneAt: null });
    });

    it('keeps my edited draft beside the planner’s, checks it, and puts it in the .eml', async () => {
      const created = await createInterview(sam);
      const res = await sam.change({
        method: 'PATCH',
        url: `/api/interviews/${created.id}/steps/${THANK_ANNA}`,
        payload: { draft: { subject: 'Thanks', body: 'Hello. Please call me back soon.' } },
      });
      expect(res.statusCode).toBe(200);
      const step = res.json<PlanStepBody & { draft: { body: string } }>();
      expect(step.editedDraft).toEqual({
        subject: 'Thanks',
        body: 'Hello. Please call me back soon.',
      });
      expect(step.draft.body).toContain('Anna');
      expect(step.findings.map((f) => f.code)).toEqual(
        expect.arrayContaining(['missing-recipient-name', 'asks-for-call']),
      );
      const eml = await sam.request({
        method: 'GET',
        url: `/api/interviews/${created.id}/steps/${THANK_ANNA}.eml`,
      });
      expect(eml.statusCode).toBe(200);
      expect(eml.headers['content-type']).toBe('message/rfc822');
      expect(eml.body).toContain('Subject: Thanks');
      expect(eml.body).toContain('Hello. Please call me back soon.');
      const reverted = await sam.change({
        method: 'PATCH',
        url: `/api/interviews/${created.id}/steps/${THANK_ANNA}`,
        payload: { draft: null },
      });
      expect(reverted.json()).not.toHaveProperty('editedDraft');
    });

    it('checks a draft as typed without saving it (POST .../check)', async () => {
      const created = await createInterview(sam);
      const url = `/api/interviews/${created.id}/steps/${THANK_ANNA}/check`;
      const before = (
        await sam.request({ method: 'GET', url: `/api/interviews/${created.id}/plan` })
      ).body;
      const res = await sam.change({
        method: 'POST',
        url,
        payload: { draft: { subject: 'Thanks', body: 'Hello. Please call me back soon.' } },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      const { findings } = res.json<{ findings: { code: string; stepId: string }[] }>();
      expect(findings.map((f) => f.code)).toEqual(
        expect.arrayContaining(['missing-recipient-name', 'asks-for-call']),
      );
      expect(findings.every((f) => f.stepId === THANK_ANNA)).toBe(true);
      // Plain text is a draft too; nothing was saved.
      const text = await sam.change({
        method: 'POST',
        url,
        payload: { draft: 'Hello. Please call me back soon.' },
      });
      expect(text.statusCode).toBe(200);
      expect(text.json().findings.map((f: { code: string }) => f.code)).toContain('asks-for-call');
      const after = (
        await sam.request({ method: 'GET', url: `/api/interviews/${created.id}/plan` })
      ).body;
      expect(after).toBe(before);
      // Like the other changes made with the cookie, it takes the CSRF token.
      const noToken = await sam.request({ method: 'POST', url, payload: { draft: 'Hello' } });
      expect(noToken.statusCode).toBe(403);
      const empty = await sam.change({ method: 'POST', url, payload: { draft: { body: ' ' } } });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().errors[0]).toMatchObject({ field: 'draft.body', code: 'required' });
      const unknown = await sam.change({
        method: 'POST',
        url: `/api/interviews/${created.id}/steps/nobody:thank-you:email/check`,
        payload: { draft: 'Hello' },
      });
      expect(unknown.statusCode).toBe(404);
    });

    it('answers 400 with exact messages, and 404 for a step the plan does not have', async () => {
      const created = await createInterview(sam);
      const url = `/api/interviews/${created.id}/steps`;
      const cases: [string, unknown, number, unknown][] = [
        [
          THANK_ANNA,
          { status: 'cancelled' },
          400,
          {
            field: 'status',
            code: 'not-in-list',
            message:
              'Steps are cancelled by recording a reply or an outcome; mark the step skipped instead.',
          },
        ],
        [
          THANK_ANNA,
          { doneAt: '2026-10-15T18:00:00Z' },
          400,
          {
            field: 'doneAt',
            code: 'invalid',
            message: 'doneAt can only be given for a step that is done.',
          },
        ],
        [
          'interview:close',
          { draft: { body: 'Hello' } },
          400,
          {
            field: 'draft',
            code: 'no-draft',
            message: 'This step has no message, so it has no draft to edit.',
          },
        ],
        [
          'nobody:thank-you:email',
          { status: 'done' },
          404,
          {
            field: 'stepId',
            code: 'not-found',
            message: 'There is no step "nobody:thank-you:email" in this plan.',
          },
        ],
      ];
      for (const [stepId, payload, status, problem] of cases) {
        const res = await sam.change({
          method: 'PATCH',
          url: `${url}/${stepId}`,
          payload: payload as object,
        });
        expect([stepId, res.statusCode, res.json()]).toEqual([
          stepId,
          status,
          { errors: [problem] },
        ]);
      }
      const phone = await sam.request({ method: 'GET', url: `${url}/interview:ask-timeline.eml` });
      expect(phone.statusCode).toBe(404);
    });
  });

  describe('replies and outcomes', () => {
    it('a reply cancels the remaining check-ins and the close', async () => {
      const created = await createInterview(sam);
      clock.set('2026-10-19T10:00:00.000Z');
      const res = await sam.change({
        method: 'POST',
        url: `/api/interviews/${created.id}/replies`,
        payload: { at: '2026-10-19T10:30:00+01:00', from: 'Anna Clarke' },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toEqual({
        id: expect.any(String),
        at: '2026-10-19T09:30:00Z',
        from: 'Anna Clarke',
      });
      expect(await statusesOf(created.id)).toMatchObject({
        [THANK_ANNA]: 'pending',
        'interview:check-in': 'cancelled',
        'interview:close': 'cancelled',
      });
      const read = await sam.request({ method: 'GET', url: `/api/interviews/${created.id}` });
      expect(read.json().replies).toEqual([res.json()]);
      const bad = await sam.change({
        method: 'POST',
        url: `/api/interviews/${created.id}/replies`,
        payload: { at: '2026-10-25T10:30:00Z' },
      });
      expectErrors(bad, 400, {
        field: 'at',
        code: 'out-of-range',
        message: 'The reply cannot be in the future.',
      });
    });

    it('no-reply closes the application (done) and cancels the check-ins; pending brings them back', async () => {
      const created = await createInterview(sam);
      clock.set('2026-11-02T09:00:00.000Z');
      const res = await sam.change({
        method: 'PATCH',
        url: `/api/interviews/${created.id}`,
        payload: { outcome: 'no-reply' },
      });
      expect(res.json()).toMatchObject({
        outcome: 'no-reply',
        outcomeAt: '2026-11-02T09:00:00.000Z',
      });
      const steps = await planOf(created.id);
      expect(steps.find((s) => s.id === 'interview:close')).toMatchObject({
        status: 'done',
        doneAt: '2026-11-02T09:00:00.000Z',
      });
      expect(steps.find((s) => s.id === 'interview:check-in')?.status).toBe('cancelled');
      await sam.change({
        method: 'PATCH',
        url: `/api/interviews/${created.id}`,
        payload: { outcome: 'pending' },
      });
      expect((await statusesOf(created.id))['interview:check-in']).toBe('pending');
      const bad = await sam.change({
        method: 'PATCH',
        url: `/api/interviews/${created.id}`,
        payload: {},
      });
      expect(bad.json()).toEqual({
        errors: [{ field: null, code: 'required', message: 'Send outcome, agency or both.' }],
      });
    });
  });

  describe('files and the agenda', () => {
    it('plan.ics holds the pending steps only', async () => {
      const created = await createInterview(sam);
      await sam.change({
        method: 'PATCH',
        url: `/api/interviews/${created.id}/steps/${THANK_ANNA}`,
        payload: { status: 'done' },
      });
      const res = await sam.request({
        method: 'GET',
        url: `/api/interviews/${created.id}/plan.ics`,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(res.body).toContain('SUMMARY:Email a thank-you to Ben Okafor');
      expect(res.body).not.toContain('SUMMARY:Email a thank-you to Anna Clarke');
    });

    it('the feed merges the pending steps of all my interviews into one calendar', async () => {
      const fresh = new TestBrowser(t.app, '192.0.2.4');
      await fresh.signUp('feed@example.com');
      await createInterview(fresh);
      await createInterview(
        fresh,
        makeRawInput({ employer: { name: 'Harbour Legal LLP', style: 'traditional' } }),
      );
      const url = new URL((await fresh.change({ method: 'POST', url: '/api/me/feed' })).json().url);
      const ics = (await t.app.inject({ method: 'GET', url: url.pathname + url.search })).body;
      expect(ics.match(/^BEGIN:VCALENDAR/gm)).toHaveLength(1);
      expect(ics.match(/^END:VCALENDAR/gm)).toHaveLength(1);
      expect(ics).toContain('Ask Brightwater Analytics Ltd when they expect to decide');
      expect(ics).toContain('Ask Harbour Legal LLP when they expect to decide');
      expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    });

    it('the agenda sorts pending steps into overdue, due today and coming up', async () => {
      const fresh = new TestBrowser(t.app, '192.0.2.5');
      await fresh.signUp('agenda@example.com');
      const created = await createInterview(fresh);
      clock.set('2026-10-16T08:30:00.000Z'); // 09:30 in London, the day after the interview
      const res = await fresh.request({ method: 'GET', url: '/api/interviews/agenda' });
      const agenda = res.json<Record<string, { stepId: string; interviewId: string }[]>>();
      expect(agenda.overdue?.map((i) => i.stepId)).toEqual(['interview:ask-timeline']);
      expect(agenda.today?.map((i) => i.stepId)).toEqual(
        expect.arrayContaining([THANK_ANNA, 'ben-okafor:thank-you:email']),
      );
      expect(agenda.upcoming?.map((i) => i.stepId)).toContain('interview:check-in');
      expect(agenda.today?.[0]?.interviewId).toBe(created.id);
    });
  });

  describe('DELETE /api/interviews/{id}', () => {
    it('deletes it with its steps and replies', async () => {
      const created = await createInterview(sam);
      await sam.change({
        method: 'POST',
        url: `/api/interviews/${created.id}/replies`,
        payload: { at: '2026-10-15T10:00:00Z' },
      });
      const res = await sam.change({ method: 'DELETE', url: `/api/interviews/${created.id}` });
      expect(res.statusCode).toBe(204);
      const again = await sam.request({ method: 'GET', url: `/api/interviews/${created.id}` });
      expect(again.statusCode).toBe(404);
      expect(again.json()).toEqual(NOT_FOUND);
    });
  });

  it('works with a bearer token and no CSRF token', async () => {
    const token = (
      await sam.change({ method: 'POST', url: '/api/tokens', payload: { name: 'cli' } })
    ).json().token as string;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/interviews',
      headers: { authorization: `Bearer ${token}` },
      payload: makeRawInput(),
    });
    expect(res.statusCode).toBe(201);
  });
});
