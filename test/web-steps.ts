/** Steps the web, API and browser specs share: form posts, CSRF tokens, API errors, a directory. */
import type { FastifyInstance, HTTPMethods, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { GOOD_PASSWORD, type TestBrowser } from './accounts.js';
import type { Listing } from '../src/domain/directory/directory.js';
import { buildBrand, buildDirectory } from './factories.js';

/** A directory of the one brand "acme", holding these listings. */
export function acmeDirectory(listings: Listing[]) {
  return buildDirectory([buildBrand({ slug: 'acme', listings })]);
}

interface ApiError {
  field: string | null;
  code: string;
  message: string;
  [more: string]: unknown;
}

/** The answer has this status and a body of exactly these errors, in this order. */
export function expectErrors(
  res: LightMyRequestResponse,
  status: number,
  ...errors: ApiError[]
): void {
  expect(res.statusCode).toBe(status);
  expect(res.json()).toEqual({ errors });
}

/** Posts `fields` the way a browser submits a form: URL-encoded, with the browser's cookies. */
export function postForm(
  browser: TestBrowser,
  url: string,
  fields: Record<string, string>,
): Promise<LightMyRequestResponse> {
  return browser.request({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
}

/** The CSRF token a page's forms carry. */
export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('The page has no CSRF field');
  return match[1];
}

/** Text or an attribute value as Kita escaped it, read back. */
export function decodeEntities(text: string): string {
  return text
    .replace(/&#34;|&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The sign-in or sign-up form as a visitor fills it in on `pageHtml`, the page that shows it. */
export function credentialsFor(email: string, pageHtml: string): Record<string, string> {
  return { email, password: GOOD_PASSWORD, _csrf: csrfOf(pageHtml) };
}

/** Submits a form the way a browser without JavaScript does: `page`'s own CSRF token included. */
export async function submitForm(
  browser: TestBrowser,
  page: string,
  url: string,
  fields: Record<string, string>,
): Promise<LightMyRequestResponse> {
  const html = (await browser.request({ method: 'GET', url: page })).body;
  return postForm(browser, url, { ...fields, _csrf: csrfOf(html) });
}

/** Fills in and submits the sign-in or sign-up form at `url` (its `next` kept) as `email`. */
export function submitCredentials(
  browser: TestBrowser,
  url: string,
  email: string,
): Promise<LightMyRequestResponse> {
  return submitForm(browser, url, url, { email, password: GOOD_PASSWORD });
}

/** The error of an API request that has neither a session nor a token. */
export const UNAUTHENTICATED: ApiError = {
  field: null,
  code: 'unauthenticated',
  message: 'Sign in first, or send a personal API token as Authorization: Bearer sl_...',
};

/** Each route answers a request without a session or token 401, naming itself when it does not. */
export async function expectAccountNeeded(
  app: FastifyInstance,
  routes: readonly (readonly [HTTPMethods, string])[],
): Promise<void> {
  for (const [method, url] of routes) {
    const res = await app.inject({ method, url });
    expect([method, url, res.statusCode, res.json()]).toEqual([
      method,
      url,
      401,
      { errors: [UNAUTHENTICATED] },
    ]);
  }
}

/** What the follow-up input answers for a mistyped `decisionExpectedOn`, in either API. */
export const UNKNOWN_DECISION_DATE: ApiError = {
  field: 'decisionDate',
  code: 'unknown-field',
  message: '"decisionDate" is not a field of the input. Did you mean "decisionExpectedOn"?',
  suggestions: [{ label: 'decisionExpectedOn', value: 'decisionExpectedOn' }],
};
