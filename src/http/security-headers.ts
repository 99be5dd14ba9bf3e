/** The security headers of every page (set by the website's scope in src/web/index.ts and by app.ts for the router's own errors). */

// No third parties: every script, style, image and connection is this site. No form-action:
// Visit Website is a form whose answer redirects to the agency's own site, which form-action
// would block.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

/** Pages whose forms only ever post to this site (Email Agency) add form-action 'self'. */
export const FORMS_TO_SELF_CSP = `${CONTENT_SECURITY_POLICY}; form-action 'self'`;

export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
});

/**
 * The API's interactive docs (/api/docs, Swagger UI): the site's policy, except that Swagger UI
 * sets styles inline while it renders, so style-src also allows 'unsafe-inline'. Its scripts are
 * files from this site; nothing is fetched from elsewhere (the online validator is off).
 */
export const API_DOCS_CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
  "form-action 'self'",
].join('; ');

export const API_DOCS_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  ...SECURITY_HEADERS,
  'content-security-policy': API_DOCS_CSP,
});
