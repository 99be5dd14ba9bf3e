import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { FOLLOW_UP_FORM_FIELDS } from '../../../test/followup-form.js';
import { parseFollowUpInput, planFollowUp } from '../../domain/followup/index.js';
import { readFollowUpForm } from './followup-form.js';
import { toFormErrors, toRawInput } from './followup-input.js';
import { decodeEntities, expectErrors } from '../../../test/web-steps.js';

/** The fixed server clock: Thu 15 Oct 2026, 12:00 in London, three hours before the interview. */
const NOW = new Date('2026-10-15T11:00:00Z');

// The shared form with a decision date instead of "They did not give a date".
const { decisionNotGiven: _noDate, ...SHARED_FORM } = FOLLOW_UP_FORM_FIELDS;

/** What a visitor types for a two-person interview at a traditional employer. */
const FORM: Record<string, string> = {
  ...SHARED_FORM,
  'employer.style': 'traditional',
  interviewerCount: '2',
  'interviewers[0].title': 'Head of Data',
  'interviewers[0].postalAddress': 'Brightwater Analytics Ltd\r\n1 Park Row\r\nLeeds LS1 5AB',
  'interviewers[0].onLinkedIn': 'yes',
  'interviewers[0].notes': 'the move of the reporting stack to dbt and Snowflake',
  'interviewers[1].name': 'Ben Okafor',
  'interviewers[1].email': 'ben@brightwater.example',
  decisionExpectedOn: '2026-10-22',
  'notes.questions':
    'How do analysts split their time?\r\n\r\nWhat does the first month look like?',
};

function planOf(form: Record<string, string>) {
  const input = parseFollowUpInput(toRawInput(readFollowUpForm(form)).raw, NOW.toISOString());
  return { input, plan: planFollowUp(input) };
}

// Reading the HTML back: Kita writes every attribute double-quoted, with `"` escaped inside.
const TAG = /<(input|select|textarea|button|option|a|label)((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*\/?>/g;

interface Tag {
  name: string;
  attrs: Record<string, string>;
  index: number;
  end: number;
}

function listTags(html: string, name?: string): Tag[] {
  const tags: Tag[] = [];
  for (const match of html.matchAll(TAG)) {
    if (name && match[1] !== name) continue;
    const attrs: Record<string, string> = {};
    for (const attr of (match[2] ?? '').matchAll(/\s([\w:-]+)(?:="([^"]*)")?/g)) {
      attrs[attr[1] ?? ''] = decodeEntities(attr[2] ?? '');
    }
    tags.push({
      name: match[1] ?? '',
      attrs,
      index: match.index,
      end: match.index + match[0].length,
    });
  }
  return tags;
}

/** The control named `name` (the first, for radios), optionally of one kind. */
function control(html: string, name: string, kind?: string): Tag | undefined {
  return listTags(html).find(
    (tag) =>
      ['input', 'select', 'textarea'].includes(tag.name) &&
      tag.attrs.name === name &&
      (kind === undefined || tag.attrs.type === kind || tag.name === kind),
  );
}

/** What a control holds: an input's value, a textarea's text, a select's selected option. */
function valueOf(html: string, name: string, kind?: string): string | undefined {
  const tag = control(html, name, kind);
  if (!tag) return undefined;
  if (tag.name === 'textarea') {
    const close = html.indexOf('</textarea>', tag.end);
    return decodeEntities(html.slice(tag.end, close).replace(/^\n/, ''));
  }
  if (tag.name === 'select') {
    const close = html.indexOf('</select>', tag.end);
    const selected = listTags(html.slice(tag.end, close), 'option').find(
      (option) => 'selected' in option.attrs,
    );
    return selected?.attrs.value;
  }
  return tag.attrs.value;
}

/** Every id on the page (typed text cannot hold one: its quotes are escaped). */
function idsOf(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1] ?? '');
}

/** Every id named by an aria-describedby or a summary link that the page lacks. */
function listMissingReferences(html: string): string[] {
  const ids = new Set(idsOf(html));
  const named = [
    ...[...html.matchAll(/aria-describedby="([^"]*)"/g)].flatMap((m) => (m[1] ?? '').split(' ')),
    ...summaryOf(html).map((link) => link.href.slice(1)),
  ];
  return named.filter((id) => !ids.has(id));
}

/** The page's text, tags removed, entities decoded, spaces collapsed. */
function textOf(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ');
}

/** The messages of the error summary, in order, with the id each links to. */
function summaryOf(html: string): { href: string; message: string }[] {
  const start = html.indexOf('class="error-summary"');
  if (start < 0) return [];
  const list = html.slice(start, html.indexOf('</ul>', start));
  return [...list.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((m) => ({
    href: m[1] ?? '',
    message: decodeEntities(m[2] ?? ''),
  }));
}

/** The message shown beside the control with this id. */
function fieldErrorOf(html: string, id: string): string | undefined {
  const match = new RegExp(
    `<p class="field-error" id="${id}-error"><span class="visually-hidden">Error: </span>([^<]*)</p>`,
  ).exec(html);
  return match ? decodeEntities(match[1] ?? '') : undefined;
}

describe('the follow-up page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(undefined, { clock: { now: () => NOW } });
  });
  afterAll(() => t.close());

  const post = (url: string, fields: Record<string, string> | [string, string][]) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });

  /** The hidden fields and drafts of the plan page's drafts form, as a browser would post them. */
  function draftsFormOf(html: string): [string, string][] {
    const start = html.indexOf(
      '<form method="post" action="/follow-up#drafts-title" novalidate id="drafts-form"',
    );
    const form = html.slice(start, html.indexOf('</form>', start));
    const fields: [string, string][] = [];
    for (const tag of listTags(form)) {
      if (tag.name === 'input' && tag.attrs.name) {
        fields.push([tag.attrs.name, tag.attrs.value ?? '']);
      } else if (tag.name === 'textarea' && tag.attrs.name) {
        fields.push([tag.attrs.name, valueOf(form, tag.attrs.name) ?? '']);
      }
    }
    return fields;
  }

  const edit = (fields: [string, string][], name: string, value: string) =>
    fields.map(([n, v]): [string, string] => [n, n === name ? value : v]);

  it('GET /follow-up shows an empty form, every control labelled, Europe/London chosen', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/follow-up' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    const html = res.body;
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<h1 class="page-title">Plan your interview follow-up</h1>');
    expect(html).toContain(
      '<form method="post" action="/follow-up" novalidate id="follow-up-form"',
    );
    expect(valueOf(html, 'interview.timeZone')).toBe('Europe/London');
    expect(control(html, 'interviewers[0].name')).toBeDefined();
    expect(control(html, 'interviewers[1].name')).toBeUndefined();
    const ids = idsOf(html);
    expect(new Set(ids).size).toBe(ids.length);
    for (const tag of listTags(html)) {
      if (!['input', 'select', 'textarea'].includes(tag.name) || tag.attrs.type === 'hidden')
        continue;
      const id = tag.attrs.id ?? '';
      const labelled =
        html.includes(`<label class="label" for="${id}">`) ||
        html.lastIndexOf('<label', tag.index) > html.lastIndexOf('</label>', tag.index);
      expect(labelled, `control ${tag.attrs.name} has a label`).toBe(true);
    }
    expect(html).not.toContain('aria-invalid');
  });

  it('adds and removes interviewer fieldsets without JavaScript, keeping what was typed', async () => {
    const added = await post('/follow-up', { ...FORM, action: 'add-interviewer' });
    expect(added.statusCode).toBe(200);
    expect(valueOf(added.body, 'interviewerCount')).toBe('3');
    expect(valueOf(added.body, 'interviewers[2].name')).toBe('');
    expect(valueOf(added.body, 'interviewers[1].name')).toBe('Ben Okafor');
    expect(valueOf(added.body, 'interviewers[0].postalAddress')).toBe(
      'Brightwater Analytics Ltd\n1 Park Row\nLeeds LS1 5AB',
    );
    expect(valueOf(added.body, 'notes.liked')).toBe(FORM['notes.liked']);
    expect(added.body).not.toContain('class="error-summary"');

    const removed = await post('/follow-up', {
      ...FORM,
      contact: '1',
      action: 'remove-interviewer-0',
    });
    expect(valueOf(removed.body, 'interviewerCount')).toBe('1');
    expect(valueOf(removed.body, 'interviewers[0].name')).toBe('Ben Okafor');
    expect(control(removed.body, 'contact')?.attrs.checked).toBe('');
  });

  it('comes back to the new interviewer after “Add another interviewer”, not the top of the page', async () => {
    const page = (await post('/follow-up', FORM)).body;
    // FORM has two fieldsets: the new one is the third.
    expect(page).toContain(
      'value="add-interviewer" formaction="/follow-up#interviewer-3" class="button button-secondary"',
    );
    expect(page).toContain(
      'value="remove-interviewer-1" formaction="/follow-up#interviewers-title"',
    );
    const added = (await post('/follow-up', { ...FORM, action: 'add-interviewer' })).body;
    expect(added).toContain('id="interviewer-3"');
    expect(added).toContain('formaction="/follow-up#interviewer-4"');
    expect(added).toContain('id="interviewers-title"');
  });

  it('shows each problem beside its field and in a summary in page order, keeping every value', async () => {
    const res = await post('/follow-up', {
      ...FORM,
      'interview.endsAt': '2026-10-15T14:00',
      interviewerCount: '3',
      'interviewers[1].name': '',
      'interviewers[1].email': '',
      'interviewers[2].name': 'Cara Diaz',
      'interviewers[2].email': 'cara at example',
      decisionExpectedOn: '',
      'candidate.name': 'n'.repeat(201),
    });
    expect(res.statusCode).toBe(400);
    const html = res.body;
    expect(html).toContain('<title>Error: Plan your interview follow-up - Shortlist</title>');
    expect(summaryOf(html)).toEqual([
      { href: '#f-interview-endsAt', message: 'The interview must end after it starts.' },
      { href: '#f-candidate-name', message: 'Your name has 201 characters; keep it to 200.' },
      {
        href: '#f-interviewers-2-email',
        message: 'Interviewer 3: "cara at example" is not an email address.',
      },
      {
        href: '#f-decisionExpectedOn',
        message: 'Enter the date they expect to decide, or tick “They did not give a date”.',
      },
    ]);
    expect(fieldErrorOf(html, 'f-interview-endsAt')).toBe(
      'The interview must end after it starts.',
    );
    expect(fieldErrorOf(html, 'f-interviewers-2-email')).toBe(
      'Interviewer 3: "cara at example" is not an email address.',
    );
    const email = control(html, 'interviewers[2].email');
    expect(email?.attrs['aria-invalid']).toBe('true');
    expect(email?.attrs['aria-describedby']).toContain('f-interviewers-2-email-error');
    expect(control(html, 'interviewers[0].email')?.attrs['aria-invalid']).toBeUndefined();
    expect(listMissingReferences(html)).toEqual([]);
    expect(valueOf(html, 'interview.endsAt')).toBe('2026-10-15T14:00');
    expect(valueOf(html, 'interviewers[2].email')).toBe('cara at example');
    expect(valueOf(html, 'candidate.name')).toBe('n'.repeat(201));
    expect(valueOf(html, 'employer.style', 'radio')).toBe('fast-moving');
    expect(control(html, 'employer.style', 'radio')?.attrs.checked).toBeUndefined();
    expect(html).toContain(
      'id="f-employer-style-traditional" name="employer.style" value="traditional" checked',
    );
  });

  it('answers how each note will read as JSON for site.js, from the same form', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/follow-up' });
    expect(page.body).toContain('data-note-preview-url="/follow-up/notes-preview"');
    const res = await post('/follow-up/notes-preview', {
      ...FORM,
      'notes.liked': 'Flexible hours, mentoring scheme',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().previews[0]).toEqual({
      field: 'notes.liked',
      note: 'Flexible hours, mentoring scheme',
      status: 'sentence',
      text: 'I especially liked the flexible hours and the mentoring scheme.',
    });
    const bad = await post('/follow-up/notes-preview', { ...FORM, 'employer.name': '' });
    expect(bad.statusCode).toBe(400);
  });

  it('shows the sentence each note becomes, the gaps and the notes left out, without JavaScript', async () => {
    const res = await post('/follow-up', {
      ...FORM,
      'notes.liked': 'Flexible hours, good pension',
      'interviewers[0].notes': 'asked why I left my last job after only 18 months',
    });
    expect(res.statusCode).toBe(200);
    const text = textOf(res.body);
    expect(text).toContain('How your notes will read');
    expect(text).toContain(
      'Left out: it is about pay, benefits, holiday or notice: leave that until they make you an offer.',
    );
    expect(text).toContain('You asked why I left my last job after only 18 months.');
    expect(text).toContain(
      'I believe my three years building retail dashboards in SQL and Python would make me a good fit for the team.',
    );
  });

  it('shows the plan: timeline with windows and reasons, warnings, the never list and the drafts', async () => {
    const res = await post('/follow-up', FORM);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    const text = textOf(html);
    const { plan } = planOf(FORM);
    expect(text).toContain(
      'For the Data Analyst interview at Brightwater Analytics Ltd, Thu 15 Oct, 15:00 to 16:00 (Europe/London).',
    );
    // A note is written the same evening and posted by Friday's last collection.
    expect(text).toContain('Thu 15 Oct, 18:00: Write and post a thank-you note to Anna Clarke');
    expect(text).toContain('When From Thu 15 Oct, 18:00 to Fri 16 Oct, 17:00');
    expect(text).toContain('Post by Fri 16 Oct, 17:00, first class');
    for (const step of plan.steps) {
      expect(text).toContain(step.why);
      expect(text).toContain(`Reason ${step.reason}`);
      expect(text).toContain(`Source ${step.source}`);
      expect(text).not.toContain(step.rule);
    }
    expect(text).not.toContain('Rule');
    for (const warning of plan.warnings) expect(text).toContain(warning.message);
    expect(text).toContain(
      'X (Twitter): Following up on X (Twitter) comes across as over-eager, even intrusive, and may be public.',
    );
    const note = plan.steps.find((s) => s.id === 'anna-clarke:thank-you:handwritten');
    const email = plan.steps.find((s) => s.id === 'ben-okafor:thank-you:email');
    const fields = draftsFormOf(html);
    const drafts = new Map(
      fields.filter(([n]) => n.endsWith('.stepId')).map(([n, v]) => [v, n.replace('.stepId', '')]),
    );
    expect(valueOf(html, `${drafts.get(note!.id)}.body`)).toBe(note?.draft?.body);
    expect(valueOf(html, `${drafts.get(email!.id)}.subject`)).toBe(email?.draft?.subject);
    expect(text).toContain('The checker found nothing to change.');
    expect(textOf(html)).not.toContain('The checker found one thing');
    // The drafts form carries the whole input, line breaks included.
    expect(fields).toContainEqual([
      'interviewers[0].postalAddress',
      'Brightwater Analytics Ltd\n1 Park Row\nLeeds LS1 5AB',
    ]);
    expect(html).toContain('formaction="/follow-up/plan.ics#drafts-title"');
    expect(html).toContain(
      `formaction="/follow-up/draft.eml?step=${encodeURIComponent(email!.id)}#drafts-title"`,
    );
    expect(html).toContain('formaction="/follow-up/notes#drafts-title"');
    const ids = idsOf(html);
    expect(new Set(ids).size).toBe(ids.length);
    expect(listMissingReferences(html)).toEqual([]);
  });

  it.each<{
    name: string;
    fields: Record<string, string>;
    texts: string[];
    absentTexts: string[];
    markup: string[];
  }>([
    {
      name: 'plans a second interview for a candidate abroad, showing both times and no note',
      fields: { 'interview.round': 'second', 'candidate.timeZone': 'America/New_York' },
      texts: [
        'Email a thank-you to Anna Clarke',
        'Their time Fri 16 Oct, 13:00 (Europe/London)',
        'You are outside the UK, so a first-class note to Anna Clarke is not possible',
      ],
      absentTexts: ['Write and post a thank-you note'],
      markup: ['for seeing me again', '<option value="America/New_York" selected'],
    },
    {
      name: 'thanks a panel through the hiring team’s address from the form’s chair and team fields',
      fields: {
        'employer.hiringTeamEmail': 'jobs@brightwater.example',
        'interviewers[0].email': '',
        'interviewers[0].postalAddress': '',
        'interviewers[0].chair': 'yes',
        'interviewers[1].email': '',
      },
      texts: [
        'Email a thank-you to the hiring team',
        'I would be grateful if you could pass my thanks on to everyone on the panel: Anna Clarke and Ben Okafor.',
        'They chaired the panel',
      ],
      absentTexts: [],
      markup: ['value="jobs@brightwater.example"'],
    },
    {
      name: 'plans through a recruitment agency from the form’s recruiter fields',
      fields: {
        'recruiter.consultant': 'Priya Shah',
        'recruiter.email': 'priya@agency.example',
        'recruiter.phone': '0113 496 0000',
        'interviewers[1].email': '',
      },
      texts: [
        'Call or email Priya Shah at the agency to debrief',
        'phoning your own consultant is expected',
        'so Priya Shah at the agency passes your thanks on',
      ],
      absentTexts: [],
      markup: ['value="priya@agency.example"'],
    },
  ])('$name', async ({ fields, texts, absentTexts, markup }) => {
    const res = await post('/follow-up', { ...FORM, ...fields });
    expect(res.statusCode).toBe(200);
    const text = textOf(res.body);
    for (const shown of texts) expect(text).toContain(shown);
    for (const absent of absentTexts) expect(text).not.toContain(absent);
    for (const fragment of markup) expect(res.body).toContain(fragment);
  });

  it('asks for the consultant’s email address when only the name is given', async () => {
    const missing = await post('/follow-up', { ...FORM, 'recruiter.consultant': 'Priya Shah' });
    expect(textOf(missing.body)).toContain('The consultant’s email address is required.');
  });

  it('plans an interview that has not happened yet without notes, and says to add them after', async () => {
    const res = await post('/follow-up', { ...FORM, 'notes.liked': '', 'notes.fit': '' });
    expect(res.statusCode).toBe(200);
    const text = textOf(res.body);
    expect(text).toContain(
      'The interview has not happened yet. Once it ends (Thu 15 Oct, 16:00), add what you liked and why you would fit and plan again',
    );
    expect(res.body).toContain('[after the interview: what you liked]');
  });

  it('checks edited drafts again on “Check my edits”, keeping the edits and the input', async () => {
    const page = (await post('/follow-up', FORM)).body;
    const fields = draftsFormOf(page);
    const at = fields
      .find(([, v]) => v === 'ben-okafor:thank-you:email')?.[0]
      .replace('.stepId', '');
    const edited = edit(
      fields,
      `${at}.body`,
      'Hi Ben,\n\nThanks for meeting me. Have you made a decision yet? Call me ASAP.\n\nSam',
    );
    const res = await post('/follow-up', [...edited, ['action', 'check']]);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(valueOf(html, `${at}.body`)).toBe(
      'Hi Ben,\n\nThanks for meeting me. Have you made a decision yet? Call me ASAP.\n\nSam',
    );
    const text = textOf(html);
    expect(text).toContain('We checked your edits: the checker found 5 things to look at.');
    expect(text).toContain('The checker found 5 things to look at:');
    expect(text).toContain(
      '"Call me ASAP" presses for an answer; a thank-you should not ask about the decision.',
    );
    expect(text).toContain('"Call me" asks for a call or a visit; keep the follow-up in writing.');
    expect(text).toContain('The draft does not mention Brightwater Analytics Ltd.');
    expect(valueOf(html, 'notes.liked')).toBe(FORM['notes.liked']);
    const findingsId = control(html, `${at}.body`)?.attrs['aria-describedby'] ?? '';
    const box = html.indexOf(`<div id="${findingsId}" aria-live="polite"`);
    expect(box).toBeGreaterThan(0);
    expect(html.indexOf('<div class="notice notice-warning">', box)).toBeGreaterThan(box);
  });

  it('checks one draft as JSON for site.js, from the same form as “Check my edits”', async () => {
    const page = (await post('/follow-up', FORM)).body;
    const fields = draftsFormOf(page);
    const at = fields
      .find(([, v]) => v === 'ben-okafor:thank-you:email')?.[0]
      .replace('.stepId', '');
    const textarea = control(page, `${at}.body`)?.attrs ?? {};
    expect(textarea['data-live-check']).toBe(
      '/follow-up/check?step=ben-okafor%3Athank-you%3Aemail',
    );
    expect(textarea['data-live-findings']).toBe(textarea['aria-describedby']);
    const check = (form: [string, string][], step = 'ben-okafor:thank-you:email') =>
      post(`/follow-up/check?step=${encodeURIComponent(step)}`, form);

    const fine = await check(fields);
    expect(fine.statusCode).toBe(200);
    expect(fine.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(fine.json()).toEqual({ findings: [] });

    const hasty = await check(
      edit(fields, `${at}.body`, 'Hi Ben,\n\nHave you made a decision yet? Call me ASAP.\n\nSam'),
    );
    const messages = hasty
      .json<{ findings: { message: string }[] }>()
      .findings.map((f) => f.message);
    expect(messages).toContain(
      '"Call me ASAP" presses for an answer; a thank-you should not ask about the decision.',
    );
    expect(messages).toContain(
      '"Call me" asks for a call or a visit; keep the follow-up in writing.',
    );

    const unknown = await check(fields, 'nobody:thank-you:email');
    expectErrors(unknown, 400, {
      field: 'step',
      code: 'not-in-plan',
      message: 'There is no such draft in this plan.',
    });
    const broken = await check(edit(fields, 'role', ''));
    expect(broken.statusCode).toBe(400);
    expect(broken.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain(
      'role',
    );
  });

  it('brings the visitor back to the drafts after “Check my edits”, with the result there', async () => {
    const fields = draftsFormOf((await post('/follow-up', FORM)).body);
    const html = (await post('/follow-up', [...fields, ['action', 'check']])).body;
    // The drafts' form posts to the drafts' heading, not the top of a page of many screens.
    expect(html).toContain('action="/follow-up#drafts-title" novalidate id="drafts-form"');
    const drafts = html.indexOf('<h2 id="drafts-title">');
    const status = html.indexOf('We checked your edits: the checker found nothing to change.');
    expect(drafts).toBeGreaterThan(0);
    expect(status).toBeGreaterThan(drafts);
    expect(status).toBeLessThan(html.indexOf('id="drafts-form"'));
    // A draft's problem is summed up there too.
    const body = fields.find(([n]) => n.endsWith('.body'))?.[0] ?? '';
    const failed = (await post('/follow-up', [...edit(fields, body, ' '), ['action', 'check']]))
      .body;
    const summary = failed.indexOf('data-error-summary');
    expect(summary).toBeGreaterThan(failed.indexOf('<h2 id="drafts-title">'));
    expect(summary).toBeLessThan(failed.indexOf('id="drafts-form"'));
    // The downloads come back there too when a draft has a problem.
    expect(html).toContain('formaction="/follow-up/plan.ics#drafts-title"');
    expect(html).toMatch(/formaction="\/follow-up\/draft\.eml\?step=[^"#]+#drafts-title"/);
  });

  it('shows an emptied draft as an error beside it', async () => {
    const fields = draftsFormOf((await post('/follow-up', FORM)).body);
    const name = fields.find(([n]) => n.endsWith('.body'))?.[0] ?? '';
    const res = await post('/follow-up', [...edit(fields, name, '  '), ['action', 'check']]);
    expect(res.statusCode).toBe(400);
    const id = `f-${name.replace(/[^A-Za-z0-9]+/g, '-')}`;
    expect(summaryOf(res.body)).toEqual([
      { href: `#${id}`, message: 'The draft’s text is required.' },
    ]);
    expect(fieldErrorOf(res.body, id)).toBe('The draft’s text is required.');
  });

  describe('downloads', () => {
    it('gives the plan as a calendar file', async () => {
      const fields = draftsFormOf((await post('/follow-up', FORM)).body);
      const res = await post('/follow-up/plan.ics', fields);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="follow-up-plan.ics"');
      const events = new ICAL.Component(ICAL.parse(res.body)).getAllSubcomponents('vevent');
      expect(events).toHaveLength(planOf(FORM).plan.steps.length);
    });

    it('gives an email draft as .eml with the visitor’s edits', async () => {
      const fields = draftsFormOf((await post('/follow-up', FORM)).body);
      const at = fields
        .find(([, v]) => v === 'ben-okafor:thank-you:email')?.[0]
        .replace('.stepId', '');
      const edited = edit(
        edit(fields, `${at}.body`, 'Dear Ben,\n\nThank you! 😀'),
        `${at}.subject`,
        'Thanks, Ben',
      );
      const res = await post('/follow-up/draft.eml?step=ben-okafor%3Athank-you%3Aemail', edited);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="follow-up-ben-okafor-thank-you-email.eml"',
      );
      const mail = await simpleParser(res.rawPayload);
      expect(mail.subject).toBe('Thanks, Ben');
      expect(mail.text?.trim()).toBe('Dear Ben,\n\nThank you! 😀');
    });

    it('warns about a gap left to finish, and still downloads that draft as .eml', async () => {
      // A decision within 3 working days: Anna gets an email as well as the hand-written note.
      const withGap = {
        ...FORM,
        decisionExpectedOn: '2026-10-19',
        'interviewers[0].notes': 'Ben said the audit is growing',
      };
      const page = await post('/follow-up', withGap);
      expect(textOf(page.body)).toContain(
        'The draft still has a gap marked "[Finish this: …]"; write that sentence in your own words before you send it.',
      );
      const fields = draftsFormOf(page.body);
      const stepId = fields.find(
        ([, v]) => v.endsWith(':thank-you:email') && v.startsWith('anna'),
      )?.[1];
      expect(stepId).toBeDefined();
      const res = await post(
        `/follow-up/draft.eml?step=${encodeURIComponent(stepId ?? '')}`,
        fields,
      );
      expect(res.statusCode).toBe(200);
      const mail = await simpleParser(res.rawPayload);
      expect(mail.text).toContain('[Finish this: Ben said the audit is growing]');
    });

    it('answers a step not in the plan with an HTML page', async () => {
      const fields = draftsFormOf((await post('/follow-up', FORM)).body);
      const res = await post('/follow-up/draft.eml?step=nobody', fields);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(textOf(res.body)).toContain('There is no step "nobody" in this plan.');
    });

    it('gives a printable page of the hand-written notes', async () => {
      const fields = draftsFormOf((await post('/follow-up', FORM)).body);
      const res = await post('/follow-up/notes', fields);
      expect(res.statusCode).toBe(200);
      const { plan } = planOf(FORM);
      const note = plan.steps.find((s) => s.id === 'anna-clarke:thank-you:handwritten');
      const html = res.body;
      expect(html).toContain('<h1 class="page-title">Notes to write by hand</h1>');
      expect(html).toContain('<h2>To Anna Clarke</h2>');
      expect(html).toContain(
        '<address class="section">Brightwater Analytics Ltd<br />1 Park Row<br />Leeds LS1 5AB</address>',
      );
      expect(textOf(html)).toContain('Post by Fri 16 Oct, 17:00, first class');
      expect(textOf(html)).toContain('Likely to arrive Saturday 17 October');
      expect(textOf(html)).toContain(textOf(note!.draft!.body));
      expect(html).toContain('<meta name="robots" content="noindex"/>');
    });

    it('shows the form with its errors when the carried input is wrong', async () => {
      const res = await post('/follow-up/plan.ics', { ...FORM, role: '' });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(summaryOf(res.body)).toEqual([{ href: '#f-role', message: 'The role is required.' }]);
    });
  });

  describe('hostile input', () => {
    const HOSTILE: Record<string, string> = {
      ...FORM,
      'employer.name': '<script>alert("employer")</script> & Sons',
      'candidate.name': 'Sam <b>Patel</b> 😀',
      'interviewers[0].name': 'Anna\r\n<script>alert(1)</script>\r\nClarke',
      'interviewers[0].notes': '"><img src=x onerror=alert(2)> dbt',
      'interviewers[1].name': 'Tom &amp; Jerry &lt;3',
      'notes.liked': '</textarea><script>alert(3)</script>',
    };

    it('escapes everything typed on the plan page and keeps it exactly', async () => {
      const res = await post('/follow-up', HOSTILE);
      expect(res.statusCode).toBe(200);
      const html = res.body;
      expect(html).not.toMatch(/<script>alert/);
      expect(html).not.toMatch(/<img src=x/);
      expect(html).not.toContain('<b>Patel</b>');
      expect(html).toContain('&lt;script>alert(&#34;employer&#34;)&lt;/script> &amp; Sons');
      expect(textOf(html)).toContain('Email a thank-you to Tom &amp; Jerry &lt;3');
      for (const name of [
        'employer.name',
        'candidate.name',
        'interviewers[1].name',
        'notes.liked',
      ]) {
        expect(valueOf(html, name)).toBe(HOSTILE[name]);
      }
      const carried = draftsFormOf(html);
      expect(carried).toContainEqual(['interviewers[1].name', 'Tom &amp; Jerry &lt;3']);
      expect(carried).toContainEqual([
        'interviewers[0].name',
        'Anna\n<script>alert(1)</script>\nClarke',
      ]);
      expect(textOf(html)).toContain('Anna <script>alert(1)</script> Clarke');
    });

    it('escapes everything typed on a page with errors', async () => {
      const res = await post('/follow-up', {
        ...HOSTILE,
        'interviewers[1].email': '<script>alert(4)</script>',
      });
      expect(res.statusCode).toBe(400);
      expect(res.body).not.toMatch(/<script>alert/);
      expect(summaryOf(res.body)[0]?.message).toBe(
        'Interviewer 2: "<script>alert(4)</script>" is not an email address.',
      );
    });

    it('keeps files and the notes page whole', async () => {
      const fields = draftsFormOf((await post('/follow-up', HOSTILE)).body);
      const ics = await post('/follow-up/plan.ics', fields);
      expect(new ICAL.Component(ICAL.parse(ics.body)).getAllSubcomponents('vevent')).toHaveLength(
        planOf(HOSTILE).plan.steps.length,
      );
      const notes = await post('/follow-up/notes', fields);
      expect(notes.statusCode).toBe(200);
      expect(notes.body).not.toMatch(/<script>alert/);
      expect(notes.body).toContain('<h2>To Anna &lt;script>alert(1)&lt;/script> Clarke</h2>');
    });
  });
});

describe('the follow-up form', () => {
  it('says “choose” for a missing choice, in the words the page shows, not the API’s values', () => {
    const errors = toFormErrors(
      [
        {
          field: 'candidate.linkedin',
          code: 'required',
          message: 'Your LinkedIn account is required: none, free, premium.',
        },
        { field: 'interview.format', code: 'not-in-list', message: 'must be one of ...' },
        { field: 'employer.name', code: 'required', message: 'The employer’s name is required.' },
      ],
      [],
    );
    expect(errors).toEqual([
      {
        field: 'candidate.linkedin',
        message: 'Choose your LinkedIn account, or “I am not on LinkedIn”.',
      },
      { field: 'interview.format', message: 'Choose how the interview was held.' },
      { field: 'employer.name', message: 'The employer’s name is required.' },
    ]);
  });

  it('becomes the planner’s input: blank fieldsets skipped, questions one per line', () => {
    const form = readFollowUpForm({
      ...FORM,
      interviewerCount: '3',
      'interviewers[1].name': '',
      'interviewers[1].email': '',
      'interviewers[2].name': 'Cara Diaz',
      'interviewers[2].channel': 'linkedin',
      contact: '2',
    });
    const { raw, problems, rows } = toRawInput(form);
    expect(problems).toEqual([]);
    expect(rows).toEqual([0, 2]);
    expect(raw).toMatchObject({
      interview: { startsAt: '2026-10-15T15:00', timeZone: 'Europe/London', nation: 'england' },
      decisionExpectedOn: '2026-10-22',
      notes: {
        questions: ['How do analysts split their time?', 'What does the first month look like?'],
      },
      options: { secondCheckIn: false },
    });
    expect(raw.interviewers).toEqual([
      expect.objectContaining({ name: 'Anna Clarke', onLinkedIn: true, contact: false }),
      expect.objectContaining({ name: 'Cara Diaz', channel: 'linkedin', contact: true }),
    ]);
  });

  it('needs a decision date or “not given”, not both', () => {
    const neither = toRawInput(readFollowUpForm({ ...FORM, decisionExpectedOn: '' }));
    expect(neither.problems.map((p) => p.field)).toEqual(['decisionExpectedOn']);
    const both = toRawInput(readFollowUpForm({ ...FORM, decisionNotGiven: 'yes' }));
    expect(both.problems).toEqual([
      {
        field: 'decisionExpectedOn',
        message: 'Enter the date they gave, or tick “They did not give a date”, not both.',
      },
    ]);
    const notGiven = toRawInput(
      readFollowUpForm({ ...FORM, decisionExpectedOn: '', decisionNotGiven: 'yes' }),
    );
    expect(notGiven.problems).toEqual([]);
    expect(notGiven.raw.decisionExpectedOn).toBeNull();
  });

  it('ignores unknown fields, arrays and absurd counts', () => {
    const form = readFollowUpForm({
      interviewerCount: '999',
      role: ['Analyst', 'Other'],
      'interviewers[50].name': 'Nobody',
      __proto__: 'x',
    });
    expect(form.interviewerCount).toBe(10);
    expect(form.values).toEqual({ role: 'Analyst' });
    expect(readFollowUpForm('not an object').interviewerCount).toBe(1);
  });
});
