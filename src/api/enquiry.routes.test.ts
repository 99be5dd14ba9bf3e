import fs from 'node:fs';
import { JANE_ASKS } from '../../test/enquiry-bodies.js';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { DOCUMENTS, fixedClock, multipartBody } from '../../test/enquiries.js';
import { buildBranch, buildListing } from '../../test/factories.js';
import { acmeDirectory } from '../../test/web-steps.js';
import type { Mailer } from '../services/ports.js';

interface Body {
  errors?: { field: string | null; code: string; message: string }[];
  [key: string]: unknown;
}

const directory = acmeDirectory([
  buildListing({
    slug: 'acme-driving',
    name: 'Acme Driving',
    website: 'https://acme.example/',
    branches: [
      buildBranch({ id: 'acme-leeds', name: 'Leeds office' }),
      buildBranch({
        id: 'acme-york',
        name: 'York office',
        candidatePhone: null,
        employerPhone: null,
        candidateEmail: 'york.jobs@acme.example',
      }),
    ],
  }),
  buildListing({
    slug: 'acme-quiet',
    website: null,
    branches: [buildBranch({ candidatePhone: null, employerPhone: null })],
  }),
]);

const candidate = { ...JANE_ASKS, branchId: 'acme-york' };

describe('POST /api/agencies/{slug}/enquiries', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(directory, { clock: fixedClock('2026-11-26T09:00:00.000Z') });
  });
  afterEach(() => t.close());

  const post = async (payload: object) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/agencies/acme-driving/enquiries',
      payload,
    });
    return { status: res.statusCode, body: res.json<Body>(), headers: res.headers };
  };
  const postMultipart = (...body: Parameters<typeof multipartBody>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/agencies/acme-driving/enquiries',
      ...multipartBody(...body),
    });

  it('stores and sends a JSON enquiry: 201 {id, status}', async () => {
    const { status, body } = await post(candidate);
    expect(status).toBe(201);
    expect(body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 'sent' });
    const stored = await t.enquiryStore.findEnquiry(body.id as string);
    expect(stored).toMatchObject({ recipient: 'york.jobs@acme.example', status: 'sent' });
    const outbox = fs.readdirSync(path.join(t.dataDir, 'outbox'));
    expect(outbox).toHaveLength(1);
  });

  it('accepts multipart with a CV, checked by content', async () => {
    const res = await postMultipart(
      { ...candidate, consent: 'on' },
      { fileName: 'my-cv.pdf', content: DOCUMENTS.docx },
    );
    expect(res.statusCode).toBe(201);
    const [eml] = fs.readdirSync(path.join(t.dataDir, 'outbox'));
    const parsed = await simpleParser(fs.readFileSync(path.join(t.dataDir, 'outbox', eml!)));
    expect(parsed.attachments[0]).toMatchObject({
      filename: 'my-cv.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect(fs.readdirSync(path.join(t.dataDir, 'uploads'))).toHaveLength(1);
  });

  it('refuses a file that is not a document, whatever its name, on field "file"', async () => {
    const res = await postMultipart(
      { ...candidate, consent: 'on' },
      { fileName: 'cv.pdf', content: DOCUMENTS.exe, contentType: 'application/pdf' },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json<Body>().errors).toEqual([
      {
        field: 'file',
        code: 'unsupported-file',
        message:
          'The file must be a PDF, Word (DOC or DOCX) or OpenDocument text (ODT) document; this file is none of those, whatever its name',
      },
    ]);
    expect(fs.existsSync(path.join(t.dataDir, 'uploads'))).toBe(false);
  });

  it('refuses a file over 5 MB on field "file", with the other fields checked too', async () => {
    const big = Buffer.concat([DOCUMENTS.pdf, Buffer.alloc(5 * 1024 * 1024)]);
    const res = await postMultipart(
      { ...candidate, name: '' },
      { fileName: 'cv.pdf', content: big },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json<Body>().errors?.map((e) => [e.field, e.message])).toEqual([
      ['name', 'Enter your name'],
      ['file', 'The file must be 5 MB or smaller'],
      [
        'consent',
        'Tick the box to agree to share your CV with Acme Driving only, or send your message without a CV',
      ],
    ]);
  });

  it('answers 400 with every problem, each naming its field', async () => {
    const { status, body } = await post({
      audience: 'employer',
      branchId: 'acme-leeds',
      email: 'x',
    });
    expect(status).toBe(400);
    expect(body.errors?.map((e) => e.field)).toEqual([
      'name',
      'email',
      'phone',
      'company',
      'jobTitle',
      'employmentType',
      'message',
    ]);
    expect(body.errors?.[1]).toEqual({
      field: 'email',
      code: 'invalid',
      message: 'Enter an email address in the correct format, like name@example.com',
    });
  });

  it('answers 404 for an unknown listing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/agencies/nobody/enquiries',
      payload: candidate,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json<Body>().errors?.[0]).toEqual({
      field: null,
      code: 'not-found',
      message: 'There is no agency listing "nobody"',
    });
  });

  it('accepts 5 enquiries per 10 minutes from one address, then answers 429 in the shared shape', async () => {
    for (let i = 0; i < 5; i += 1) expect((await post(candidate)).status).toBe(201);
    // An invalid enquiry is not counted, and still gets its 400.
    expect((await post({ ...candidate, message: '' })).status).toBe(400);
    const { status, body, headers } = await post(candidate);
    expect(status).toBe(429);
    expect(headers['retry-after']).toBe('600');
    expect(body.errors).toEqual([
      {
        field: null,
        code: 'rate-limited',
        message:
          'You have sent 5 messages in 10 minutes, the most we accept from one connection: please wait 10 minutes and try again',
      },
    ]);
    expect(fs.readdirSync(path.join(t.dataDir, 'outbox'))).toHaveLength(5);
  });

  it('answers 201 with status "retrying" when the mail server fails, and keeps the enquiry', async () => {
    const failing: Mailer = {
      describe: 'failing',
      send: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:25')),
    };
    const app = await buildTestApp(directory, { mailer: failing });
    try {
      const res = await app.app.inject({
        method: 'POST',
        url: '/api/agencies/acme-driving/enquiries',
        payload: candidate,
      });
      expect(res.statusCode).toBe(201);
      const body = res.json<{ id: string; status: string }>();
      expect(body.status).toBe('retrying');
      expect(await app.enquiryStore.findEnquiry(body.id)).toMatchObject({
        status: 'retrying',
        attempts: 1,
        lastError: 'connect ECONNREFUSED 127.0.0.1:25',
      });
    } finally {
      await app.close();
    }
  });
});

describe('POST /api/agencies/{slug}/reveals', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(directory);
  });
  afterEach(() => t.close());

  const reveal = async (slug: string, payload: object) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/agencies/${slug}/reveals`,
      payload,
    });
    return { status: res.statusCode, body: res.json<Body>() };
  };

  it('reveals the phone numbers of the first office with one, and counts it', async () => {
    expect(await reveal('acme-driving', { kind: 'phone', companyName: ' Bright Foods ' })).toEqual({
      status: 200,
      body: {
        branchId: 'acme-leeds',
        phone: { candidate: '0113 496 0001', employer: '0113 496 0002' },
      },
    });
    expect(await t.enquiryStore.countReveals('acme-driving')).toEqual({ phone: 1, website: 0 });
    const row = await t.db.kysely.selectFrom('reveals').selectAll().executeTakeFirst();
    expect(row).toMatchObject({ company_name: 'Bright Foods', branch_id: 'acme-leeds' });
  });

  it('reveals the website', async () => {
    expect(await reveal('acme-driving', { kind: 'website' })).toEqual({
      status: 200,
      body: { website: 'https://acme.example/' },
    });
    expect(await t.enquiryStore.countReveals('acme-driving')).toEqual({ phone: 0, website: 1 });
  });

  it('answers 404, recording nothing, when there is nothing to reveal', async () => {
    expect(await reveal('acme-quiet', { kind: 'website' })).toMatchObject({
      status: 404,
      body: { errors: [{ field: 'kind', code: 'not-found' }] },
    });
    expect(await reveal('acme-driving', { kind: 'phone', branchId: 'acme-york' })).toMatchObject({
      status: 404,
      body: {
        errors: [
          {
            field: 'branchId',
            message: 'York office (LS1 5AB) of Acme Driving has no telephone number listed',
          },
        ],
      },
    });
    expect((await reveal('nobody', { kind: 'phone' })).status).toBe(404);
    expect(await t.enquiryStore.countReveals('acme-quiet')).toEqual({ phone: 0, website: 0 });
  });

  it('answers 400 for a company name over 200 characters or an unknown kind', async () => {
    expect(await reveal('acme-driving', { kind: 'phone', companyName: 'x'.repeat(201) })).toEqual({
      status: 400,
      body: {
        errors: [
          {
            field: 'companyName',
            code: 'too-long',
            message: 'Company name must be 200 characters or fewer',
          },
        ],
      },
    });
    const { status, body } = await reveal('acme-driving', { kind: 'email' });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.field).toBe('kind');
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, { post?: { requestBody?: { content: Record<string, unknown> } } }>;
    }>();
    expect(doc.paths['/api/agencies/{slug}/reveals']?.post).toBeDefined();
    expect(
      Object.keys(doc.paths['/api/agencies/{slug}/enquiries']?.post?.requestBody?.content ?? {}),
    ).toEqual(['application/json', 'multipart/form-data']);
  });
});
