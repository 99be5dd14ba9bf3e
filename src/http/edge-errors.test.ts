import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { DOCUMENTS, fixedClock, multipartBody } from '../../test/enquiries.js';
import { acmeYorkDirectory } from '../../test/acme-directory.js';
import { createToken } from '../services/accounts/secrets.js';
import { sqlAccountStores } from '../store/accounts.store.js';
import { SqlRateLimitStore } from '../store/rate-limits.store.js';
import { openDb } from '../store/db.js';
import { EDGE_MESSAGES, isDatabaseUnavailable } from './errors.js';

const directory = acmeYorkDirectory();

const LONG = 'x'.repeat(101);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const URI_TOO_LONG = {
  errors: [{ field: null, code: 'uri-too-long', message: EDGE_MESSAGES.uriTooLong }],
};

/** A multipart body with several files and any number of fields. */
function multipartWith(
  fields: [string, string][],
  files: number,
): ReturnType<typeof multipartBody> {
  const boundary = `----shortlist-test-${randomUUID()}`;
  const parts: Buffer[] = fields.map(([name, value]) =>
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    ),
  );
  for (let i = 0; i < files; i += 1) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cv${i}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      DOCUMENTS.pdf,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const CANDIDATE: [string, string][] = [
  ['audience', 'candidate'],
  ['branchId', 'acme-york'],
  ['name', 'Jane Doe'],
  ['email', 'jane@example.com'],
  ['message', 'Hello'],
  ['consent', 'on'],
];

describe('errors from outside our code, in the shared shape', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(directory, { clock: fixedClock('2026-11-26T09:00:00.000Z') });
  });
  afterEach(() => t.close());
  const post = (url: string, body: ReturnType<typeof multipartBody>) =>
    t.app.inject({ method: 'POST', url, ...body });

  it('a route parameter over 100 characters is a 414 in the JSON shape on every API route', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const combinations = Object.entries(doc.paths).flatMap(([path, operations]) =>
      path.includes('{')
        ? METHODS.filter((m) => m in operations).map((method) => ({
            method,
            url: path.replace(/\{[^}]+\}/g, LONG),
          }))
        : [],
    );
    expect(combinations.length).toBeGreaterThanOrEqual(14);
    for (const { method, url } of combinations) {
      const res = await t.app.inject({ method, url });
      expect({ method, url, status: res.statusCode, body: res.json<unknown>() }).toEqual({
        method,
        url,
        status: 414,
        body: URI_TOO_LONG,
      });
    }
  });

  it('a page with a parameter over 100 characters is an HTML 414 page with the site headers', async () => {
    for (const url of [`/agencies/${LONG}`, `/agencies/${LONG}/email`, `/interviews/${LONG}`]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(414);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.body).toContain('That web address is too long');
      expect(res.body).toContain(EDGE_MESSAGES.uriTooLong);
    }
  });

  it('a broken %-escape is a 400 in the shared shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/agencies/%E0%A4%A' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      errors: [{ field: null, code: 'invalid', message: EDGE_MESSAGES.badUrl }],
    });
  });

  const OVER_30_FIELDS = Array.from({ length: 30 }, (_, i): [string, string] => [`extra${i}`, 'x']);

  it.each([
    {
      name: 'with 2 files is a 413 too-many-files',
      fields: CANDIDATE,
      files: 2,
      code: 'too-many-files',
      message: EDGE_MESSAGES.tooManyFiles,
    },
    {
      name: 'with over 30 fields is a 413 too-many-fields',
      fields: [...CANDIDATE, ...OVER_30_FIELDS],
      files: 0,
      code: 'too-many-fields',
      message: EDGE_MESSAGES.tooManyFields,
    },
  ])('a multipart enquiry $name', async ({ fields, files, code, message }) => {
    const res = await post('/api/agencies/acme-driving/enquiries', multipartWith(fields, files));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ errors: [{ field: null, code, message }] });
  });

  it('the Email Agency page answers 2 files with an HTML 413 saying why', async () => {
    const res = await post('/agencies/acme-driving/email', multipartWith(CANDIDATE, 2));
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain(EDGE_MESSAGES.tooManyFiles);
  });

  it('multipart text fields obey the NUL rule; a file part with NUL bytes does not', async () => {
    const withNul = multipartBody({
      audience: 'candidate',
      branchId: 'acme-york',
      name: 'Jane\u0000Doe',
      email: 'jane@example.com',
      message: 'Hello',
    });
    const refused = await post('/api/agencies/acme-driving/enquiries', withNul);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toEqual({
      errors: [
        {
          field: 'name',
          code: 'invalid-character',
          message: 'name contains a NUL character (U+0000), which is never accepted',
        },
      ],
    });
    const pdf = Buffer.concat([DOCUMENTS.pdf, Buffer.alloc(64)]);
    const accepted = await post(
      '/api/agencies/acme-driving/enquiries',
      multipartBody(Object.fromEntries(CANDIDATE), { fileName: 'cv.pdf', content: pdf }),
    );
    expect(accepted.statusCode).toBe(201);
  });
});

describe('an unreachable database', () => {
  it('answers 503 database-unavailable on the API and an HTML 503 page', async () => {
    // Nothing listens on port 1: every query is a refused connection.
    const broken = openDb({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:1/test' });
    const t = await buildTestApp(
      directory,
      {},
      { ...sqlAccountStores(broken), rateLimitStore: new SqlRateLimitStore(broken) },
    );
    try {
      const api = await t.app.inject({
        method: 'POST',
        url: '/api/auth/signin',
        payload: { email: 'sam@example.com', password: 'violet kettle harbour 42' },
      });
      expect(api.statusCode).toBe(503);
      expect(api.json()).toEqual({
        errors: [
          { field: null, code: 'database-unavailable', message: EDGE_MESSAGES.databaseUnavailable },
        ],
      });
      const page = await t.app.inject({
        method: 'GET',
        url: '/account',
        headers: { cookie: `shortlist_session=${createToken('session')}` },
      });
      expect(page.statusCode).toBe(503);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.body).toContain(EDGE_MESSAGES.databaseUnavailable);
    } finally {
      await t.close();
      await broken.close();
    }
  });

  it.each([
    [{ code: 'ECONNREFUSED' }, true],
    [{ code: '08006' }, true],
    [{ code: '57P01' }, true],
    [{ code: 'SQLITE_IOERR_SHORT_READ' }, true],
    [{ message: 'timeout exceeded when trying to connect' }, true],
    [{ errors: [{ code: 'ECONNREFUSED' }] }, true],
    [{ code: '23505' }, false],
    [{ code: 'SQLITE_CONSTRAINT_UNIQUE' }, false],
    [new Error('boom'), false],
  ])('isDatabaseUnavailable(%j) is %s', (error, expected) => {
    expect(isDatabaseUnavailable(error)).toBe(expected);
  });
});
