import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { DOCUMENTS, multipartBody } from '../../../test/enquiries.js';
import { buildBranch, buildListing } from '../../../test/factories.js';
import { acmeDirectory } from '../../../test/web-steps.js';
import type { Mailer } from '../../services/ports.js';

const directory = acmeDirectory([
  buildListing({
    slug: 'acme-driving',
    name: 'Acme <Driving> & Co',
    branches: [
      buildBranch({ id: 'acme-leeds', name: 'Leeds office', postcode: 'LS1 5AB' }),
      buildBranch({
        id: 'acme-york',
        name: 'York office',
        postcode: 'YO1 7HH',
        candidateEmail: null,
      }),
    ],
  }),
  buildListing({ slug: 'acme-solo', name: 'Acme Solo', branches: [buildBranch()] }),
  buildListing({
    slug: 'acme-silent',
    name: 'Acme Silent',
    branches: [buildBranch({ candidateEmail: null, employerEmail: null })],
  }),
]);

/** The text of the page's <main>, tags removed, for readable assertions. */
function mainText(html: string): string {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  return main
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(lt|gt|quot|#34|#39|amp);/g, (_m, name: string) =>
      name === 'lt'
        ? '<'
        : name === 'gt'
          ? '>'
          : name === 'quot' || name === '#34'
            ? '"'
            : name === '#39'
              ? "'"
              : '&',
    )
    .replace(/\s+/g, ' ')
    .trim();
}

interface OpenForm {
  token: string;
  cookie: string;
  html: string;
}

describe('Email Agency pages', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(directory);
  });
  afterEach(() => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  async function openForm(url: string): Promise<OpenForm> {
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1] ?? '';
    const setCookie = res.headers['set-cookie'];
    const cookie = ((Array.isArray(setCookie) ? setCookie[0] : setCookie) ?? '').split(';')[0]!;
    return { token, cookie, html: res.body };
  }

  async function send(
    form: OpenForm,
    fields: Record<string, string>,
    file?: { fileName: string; content: Buffer },
    slug = 'acme-driving',
  ) {
    const { payload, headers } = multipartBody({ _csrf: form.token, ...fields }, file);
    return t.app.inject({
      method: 'POST',
      url: `/agencies/${slug}/email`,
      payload,
      headers: { ...headers, cookie: form.cookie },
    });
  }

  const candidate = {
    audience: 'candidate',
    branchId: 'acme-leeds',
    name: 'Jane Doe',
    email: 'jane@example.com',
    phone: '',
    message: 'I drive LGV class 1.',
  };

  it('step 1 asks who you are and which office, when several take emails', async () => {
    const res = await get('/agencies/acme-driving/email');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain("form-action 'self'");
    const text = mainText(res.body);
    expect(text).toContain('Who are you? I am looking for a job I am looking to hire staff');
    expect(text).toContain('Which office do you want to email?');
    expect(text).toContain('York office, 2');
    expect(text).toContain('(Takes emails from employers only)');
    // Escaped, never markup.
    expect(res.body).toContain('Email Acme &lt;Driving> &amp; Co');
    expect(res.body).not.toContain('<Driving>');
  });

  it('step 1 names what is missing when continued without a choice', async () => {
    const res = await get('/agencies/acme-driving/email?step=1');
    expect(res.statusCode).toBe(400);
    const text = mainText(res.body);
    expect(text).toContain(
      'There is a problem Choose whether you are looking for a job or looking to hire staff Choose the office you want to email',
    );
    expect(res.body).toMatch(/<fieldset class="fieldset" aria-describedby="purpose-error">/);
  });

  it('step 1 refuses an office that does not take emails from this audience', async () => {
    const res = await get('/agencies/acme-driving/email?step=1&purpose=job&branch=acme-york');
    expect(res.statusCode).toBe(400);
    expect(mainText(res.body)).toContain(
      'York office (YO1 7HH) does not take emails from job seekers: choose another office',
    );
  });

  it('goes straight to the form when the purpose is known and one office fits', async () => {
    const form = await openForm('/agencies/acme-solo/email?purpose=job');
    expect(mainText(form.html)).toContain('Your name');
    expect(form.token).not.toBe('');
    // The site's one CSRF secret cookie, shared with the account forms.
    expect(form.cookie).toMatch(/^shortlist_csrf=/);
    const employer = await openForm('/agencies/acme-driving/email?purpose=staff&branch=acme-york');
    const text = mainText(employer.html);
    expect(text).toContain('Send Acme <Driving> & Co a job specification');
    expect(text).toContain('To: York office');
    for (const label of [
      'Company name',
      'Contact name',
      'Job title',
      'Employment type',
      'About the job',
      'Job specification file (optional)',
    ]) {
      expect(text).toContain(label);
    }
    expect(employer.html).toContain('enctype="multipart/form-data"');
  });

  it('says so when no office takes email', async () => {
    const res = await get('/agencies/acme-silent/email');
    expect(mainText(res.body)).toContain('Acme Silent has no email address listed');
  });

  it('answers 404 with a page for an unknown agency', async () => {
    const res = await get('/agencies/nobody/email');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it('sends a message with a CV, then shows "Your message has been sent to ..."', async () => {
    const form = await openForm('/agencies/acme-driving/email?purpose=job&branch=acme-leeds');
    const res = await send(
      form,
      { ...candidate, consent: 'yes' },
      {
        fileName: 'cv.odt',
        content: DOCUMENTS.odt,
      },
    );
    expect(res.statusCode).toBe(303);
    const location = res.headers.location ?? '';
    expect(location).toMatch(/^\/agencies\/acme-driving\/email\/sent\/[0-9a-f-]{36}$/);
    const page = await get(location);
    expect(page.statusCode).toBe(200);
    expect(mainText(page.body)).toContain(
      'Your message has been sent to Acme <Driving> & Co - Leeds office',
    );
    expect(fs.readdirSync(path.join(t.dataDir, 'outbox'))).toHaveLength(1);
  });

  it('keeps everything typed beside each error, and asks for the file again', async () => {
    const form = await openForm('/agencies/acme-driving/email?purpose=job&branch=acme-leeds');
    const res = await send(
      form,
      {
        ...candidate,
        email: 'jane@',
        message: 'Line one\n<script>alert(1)</script>',
        name: 'Jane "JD" Doe',
      },
      { fileName: 'My CV.pdf', content: DOCUMENTS.pdf },
    );
    expect(res.statusCode).toBe(400);
    const html = res.body;
    const text = mainText(html);
    expect(text).toContain(
      'There is a problem Enter an email address in the correct format, like name@example.com Tick the box to agree to share your CV with Acme <Driving> & Co only, or send your message without a CV',
    );
    expect(html).toContain('value="jane@"');
    expect(html).toContain('value="Jane &#34;JD&#34; Doe"');
    expect(html).toContain('Line one\n&lt;script>alert(1)&lt;/script></textarea>');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toMatch(/id="email"[^>]*aria-invalid="true"/);
    expect(html).toContain('<a href="#email">');
    expect(text).toContain(
      'You chose "My CV.pdf" before. Files are not kept when a form has a problem, so choose it again before you send.',
    );
    expect(html).toContain('<title>Error: Email Acme &lt;Driving> &amp; Co - Shortlist</title>');
    expect(fs.existsSync(path.join(t.dataDir, 'outbox'))).toBe(false);
  });

  it('refuses a post without the form token, keeping what was typed', async () => {
    const form = await openForm('/agencies/acme-driving/email?purpose=job&branch=acme-leeds');
    const res = await send({ ...form, token: 'forged' }, candidate);
    expect(res.statusCode).toBe(403);
    expect(mainText(res.body)).toContain(
      'This form had expired, so nothing was sent. Check your details and send it again.',
    );
    expect(res.body).toContain('value="Jane Doe"');
    const noCookie = await send({ ...form, cookie: '' }, candidate);
    expect(noCookie.statusCode).toBe(403);
    expect(fs.existsSync(path.join(t.dataDir, 'outbox'))).toBe(false);
  });

  it('says "is queued" when delivery is being retried', async () => {
    await t.close();
    const failing: Mailer = {
      describe: 'failing',
      send: () => Promise.reject(new Error('451 try later')),
    };
    t = await buildTestApp(directory, { mailer: failing });
    const form = await openForm('/agencies/acme-solo/email?purpose=staff');
    const res = await send(
      form,
      {
        audience: 'employer',
        name: 'Sam Lee',
        email: 'sam@brightfoods.example',
        phone: '01632 960 001',
        company: 'Bright Foods',
        jobTitle: 'Driver',
        employmentType: 'contract',
        message: 'Two drivers.',
      },
      undefined,
      'acme-solo',
    );
    expect(res.statusCode).toBe(303);
    const page = await get(res.headers.location ?? '');
    expect(mainText(page.body)).toContain('Your message to Acme Solo is queued');
  });

  it('shows a friendly page, keeping the text, after 5 messages in 10 minutes', async () => {
    const form = await openForm('/agencies/acme-driving/email?purpose=job&branch=acme-leeds');
    for (let i = 0; i < 5; i += 1) expect((await send(form, candidate)).statusCode).toBe(303);
    const res = await send(form, { ...candidate, message: 'My sixth message' });
    expect(res.statusCode).toBe(429);
    expect(res.headers['content-type']).toContain('text/html');
    expect(mainText(res.body)).toContain(
      'You have sent 5 messages in 10 minutes, the most we accept from one connection: please wait 10 minutes and try again. Nothing was sent; what you typed is kept below.',
    );
    expect(res.body).toContain('My sixth message</textarea>');
  });

  it('shows the confirmation only for its own agency', async () => {
    const form = await openForm('/agencies/acme-driving/email?purpose=job&branch=acme-leeds');
    const location = (await send(form, candidate)).headers.location ?? '';
    const other = await get(location.replace('acme-driving', 'acme-solo'));
    expect(other.statusCode).toBe(404);
    expect((await get('/agencies/acme-driving/email/sent/not-an-id')).statusCode).toBe(404);
  });
});
