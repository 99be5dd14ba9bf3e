import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { API_DOCS_CSP } from '../http/security-headers.js';

describe('/api/docs (Swagger UI)', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(() => t.close());

  it.each([
    '/api/docs',
    '/api/docs/',
    '/api/docs/static/index.html',
    '/api/docs/static/swagger-initializer.js',
  ])('GET %s has the site’s security headers, with the CSP Swagger UI needs', async (url) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBeLessThan(400);
    expect(res.headers).toMatchObject({
      'content-security-policy': API_DOCS_CSP,
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
    });
  });

  it('the page loads only scripts and styles of this site, none inline', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(res.body).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(API_DOCS_CSP).toBe(
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'; form-action 'self'",
    );
  });
});
