/** The security headers of every page (set by the website's scope in src/http/web.routes.ts). */

// No third parties: every script, style, image and connection is this site. No form-action:
// Visit Website is a form whose answer redirects to the agency's own site, which form-action
// would block.
export const CONTENT_SECURITY_POLICY = [
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
