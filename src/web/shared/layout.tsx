/**
 * The page shell every browser page shares: one full HTML document with a skip link, the header
 * and its navigation, the demo-data notice, the main column and the footer; plus the helpers that
 * render field errors the same way everywhere (GOV.UK style: a summary at the top linking to each
 * field, and a message beside each field that the field names in aria-describedby).
 *
 * Usage (any route): a JSX expression is typed JSX.Element (string | Promise<string>), so wrap
 * it in toHtml() to get the string:
 *   reply.type('text/html; charset=utf-8').send(
 *     toHtml(<Layout title="Page title" {...pageChrome(deps, reply)} current="/follow-up">...</Layout>),
 *   );
 * pageChrome (demo data, and who is signed in for the header) is in ./page-context.js; renderErrorPage / sendErrorPage /
 * installHtmlErrorHandler (HTML 404/500 pages for a scope) are in ./error-page.js.
 * Every dynamic string must be escaped: `<p safe>{text}</p>` or `{escapeHtml(text)}`.
 * CSS classes for page content are listed at the top of src/web/public/site.css.
 */
import { escapeHtml, type Children } from '@kitajs/html';
import { assetUrl } from './assets.js';

const SITE_NAME = 'Shortlist';

/** The header navigation, in order; `current` names one of these hrefs. */
const NAV_ITEMS: readonly { href: string; label: string }[] = [
  { href: '/', label: 'Agency Search' },
  { href: '/favourites', label: 'Favourites' },
  { href: '/follow-up', label: 'Interview follow-up' },
  { href: '/advice/interview-follow-up', label: 'Advice' },
  { href: '/about', label: 'About' },
];

const DEMO_NOTICE = 'Demo data: every agency listed here is fictional.';

/** The signed-in user the header shows, with the CSRF token its sign-out form posts. */
export interface LayoutUser {
  email: string;
  csrf: string;
}

/**
 * What the shell needs to know about the request, besides the page: whether the directory is
 * demo data, and who is signed in. `user` null: signed out (the nav offers "Sign in");
 * undefined: the site has no accounts (neither). Pages get it from pageChrome (page-context.ts).
 */
export interface PageChrome {
  demo: boolean;
  user?: LayoutUser | null;
}

/** The nav's account links when signed in, after NAV_ITEMS. */
const ACCOUNT_NAV_ITEMS: readonly { href: string; label: string }[] = [
  { href: '/interviews', label: 'Your interviews' },
  { href: '/account', label: 'Account' },
];

export interface LayoutProps extends PageChrome {
  /** The page's own title; the document title becomes "title - Shortlist". */
  title: string;
  children?: Children;
  /** The nav href of the section this page belongs to (`/`, `/favourites`, `/follow-up`...). */
  current?: string;
  description?: string;
  /** Adds `noindex` for pages not worth indexing (errors, reveals, favourites). */
  noindex?: boolean;
}

/**
 * A value for an attribute: kitajs escapes only `"` in attributes, so `&` is escaped here, which
 * keeps what was typed exactly ("&amp;" stays "&amp;") and makes URLs with `&` valid HTML.
 */
export function attr(value: string): string {
  return value.replace(/&/g, '&amp;');
}

/** Turns a JSX result into a string; this site renders synchronously only. */
export function toHtml(element: JSX.Element): string {
  if (typeof element !== 'string') throw new Error('Pages are rendered synchronously');
  return element;
}

function NavLink(props: { item: { href: string; label: string }; current: string | undefined }) {
  return (
    <li>
      <a
        href={props.item.href}
        aria-current={props.current === props.item.href ? 'page' : undefined}
      >
        {escapeHtml(props.item.label)}
      </a>
    </li>
  );
}

/** Sign in; or the account's links, who is signed in, and Sign out (a form: it changes state). */
function AccountNav(props: { user: LayoutUser | null | undefined; current: string | undefined }) {
  if (props.user === undefined) return '';
  if (props.user === null) {
    return <NavLink item={{ href: '/signin', label: 'Sign in' }} current={props.current} />;
  }
  return (
    <>
      {ACCOUNT_NAV_ITEMS.map((item) => (
        <NavLink item={item} current={props.current} />
      ))}
      <li class="site-nav-signout">
        <form method="post" action="/signout">
          <input type="hidden" name="_csrf" value={props.user.csrf} />
          <span class="site-nav-user">
            <span class="visually-hidden">Signed in as </span>
            <span safe>{props.user.email}</span>
          </span>{' '}
          <button type="submit" class="site-nav-button">
            Sign out
          </button>
        </form>
      </li>
    </>
  );
}

/** A complete HTML document (with doctype) around the page content. */
export function Layout(props: LayoutProps): string {
  const fullTitle = props.title === SITE_NAME ? SITE_NAME : `${props.title} - ${SITE_NAME}`;
  const description =
    props.description ??
    'Find UK recruitment agencies that really cover your sector and area, and follow up every interview well.';
  return (
    '<!doctype html>' +
    toHtml(
      <html lang="en-GB">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{fullTitle}</title>
          <meta name="description" content={attr(description)} />
          {props.noindex ? <meta name="robots" content="noindex" /> : ''}
          <meta name="color-scheme" content="light" />
          <link rel="stylesheet" href={assetUrl('site.css')} />
          <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
          <script src={assetUrl('site.js')} defer></script>
        </head>
        <body>
          <a class="skip-link" href="#main">
            Skip to main content
          </a>
          <header class="site-header">
            <div class="container site-header-inner">
              <a class="site-name" href="/">
                <span class="site-logo" aria-hidden="true">
                  S
                </span>
                {SITE_NAME}
              </a>
              <nav class="site-nav" aria-label="Main">
                <ul>
                  {NAV_ITEMS.map((item) => (
                    <NavLink item={item} current={props.current} />
                  ))}
                  <AccountNav user={props.user} current={props.current} />
                </ul>
              </nav>
            </div>
            {props.demo ? (
              <div class="demo-banner" role="note" aria-label="Demo data">
                <div class="container">
                  <strong>{escapeHtml(DEMO_NOTICE)}</strong>{' '}
                  <a href="/about#demo-data">About the demo data</a>
                </div>
              </div>
            ) : (
              ''
            )}
          </header>
          <main id="main" class="container site-main" tabindex="-1">
            {props.children}
          </main>
          <footer class="site-footer">
            <div class="container">
              <p>
                {SITE_NAME} helps people in the UK find recruitment agencies and follow up every
                interview well.
              </p>
              <ul class="site-footer-links">
                <li>
                  <a href="/about">About {SITE_NAME}</a>
                </li>
                <li>
                  <a href="/privacy">Privacy</a>
                </li>
                <li>
                  <a href="/terms">Terms</a>
                </li>
                <li>
                  <a href="/contact">Contact</a>
                </li>
              </ul>
              <p class="site-footer-credits">
                Place names from <a href="https://www.geonames.org/">GeoNames</a>, licensed under{' '}
                <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>.
              </p>
            </div>
          </footer>
        </body>
      </html>,
    )
  );
}

/** The class of a field's group: marked when the field has an error. */
export function formGroupClass(error: string | null | undefined): string {
  return error ? 'form-group form-group-error' : 'form-group';
}

/** The id of the message shown beside the field with this id. */
export function fieldErrorId(fieldId: string): string {
  return `${fieldId}-error`;
}

/**
 * The attributes a field needs when it has an error (and its hint): spread them on the control,
 * `<input {...fieldAria('location', message, 'location-hint')} />`.
 */
export function fieldAria(
  fieldId: string,
  message: string | null | undefined,
  ...describedBy: (string | null | undefined)[]
): { 'aria-invalid'?: 'true'; 'aria-describedby'?: string } {
  const ids = [...describedBy.filter((id): id is string => !!id)];
  if (message) ids.push(fieldErrorId(fieldId));
  return {
    ...(message ? { 'aria-invalid': 'true' as const } : {}),
    ...(ids.length > 0 ? { 'aria-describedby': ids.join(' ') } : {}),
  };
}

/** The message beside a field (empty when there is none); `fieldId` is the control's id. */
export function FieldError(props: { fieldId: string; message: string | null | undefined }) {
  if (!props.message) return '';
  return (
    <p class="field-error" id={fieldErrorId(props.fieldId)}>
      <span class="visually-hidden">Error: </span>
      {escapeHtml(props.message)}
    </p>
  );
}

export interface SummaryError {
  /** The id of the control the link moves to. */
  fieldId: string;
  message: string;
}

/** "There is a problem" with a link to each field at fault; empty when there are no errors. */
export function ErrorSummary(props: { errors: readonly SummaryError[]; title?: string }) {
  if (props.errors.length === 0) return '';
  return (
    <div
      class="error-summary"
      data-error-summary
      tabindex="-1"
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title" class="error-summary-title">
        {escapeHtml(props.title ?? 'There is a problem')}
      </h2>
      <ul>
        {props.errors.map((e) => (
          <li>
            <a href={`#${e.fieldId}`}>{escapeHtml(e.message)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
