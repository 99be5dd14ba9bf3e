/**
 * What the account and interview pages share: sending a page, the CSRF field every form carries,
 * a form that posts with it, a labelled input with its error, notices, problems turned into the
 * error summary, and the routes that send visitors without an account to the sign-in page.
 */
import { escapeHtml, type Children } from '@kitajs/html';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  HookHandlerDoneFunction,
  RouteHandlerMethod,
} from 'fastify';
import { isDomainError, type Problem } from '../../domain/errors.js';
import {
  ErrorSummary,
  FieldError,
  Layout,
  fieldAria,
  toHtml,
  type LayoutUser,
  type SummaryError,
} from '../shared/layout.js';
import { safeReturnPath } from '../../http/favourites.js';

/** Sends a full page (never cached: it shows an account's data). */
export function sendPage(reply: FastifyReply, status: number, page: JSX.Element): FastifyReply {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(toHtml(page));
}

/** A page in the site's layout. */
export function AccountLayout(props: {
  title: string;
  demo: boolean;
  user?: LayoutUser | null;
  current?: string;
  errors?: readonly SummaryError[];
  children?: Children;
}): JSX.Element {
  const failed = (props.errors?.length ?? 0) > 0;
  return (
    <Layout
      title={failed ? `Error: ${props.title}` : props.title}
      demo={props.demo}
      user={props.user}
      {...(props.current ? { current: props.current } : {})}
      noindex
    >
      <ErrorSummary errors={props.errors ?? []} />
      {props.children}
    </Layout>
  );
}

/** The hidden CSRF field of a form that changes something. */
export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

/** A section of a page with its h2 (the section is named by it). */
export function TitledSection(props: { id: string; title: string; children?: Children }) {
  return (
    <section class="section" aria-labelledby={props.id}>
      <h2 id={props.id}>{escapeHtml(props.title)}</h2>
      {props.children}
    </section>
  );
}

/** A form that changes something: the CSRF token, its fields, then one submit button. */
export function PostForm(props: {
  action: string;
  csrf: string;
  /** The submit button's text. */
  submit: string;
  /** The submit button's classes; `button` by default. */
  buttonClass?: string;
  children?: Children;
}) {
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField token={props.csrf} />
      {props.children}
      <button type="submit" class={props.buttonClass ?? 'button'}>
        {escapeHtml(props.submit)}
      </button>
    </form>
  );
}

/** A message saying that something is done ('' when there is none). */
export function DoneNotice(props: { message: string | null | undefined }) {
  return props.message ? (
    <div class="notice notice-success" role="status">
      <p>{escapeHtml(props.message)}</p>
    </div>
  ) : (
    ''
  );
}

/** A secret shown this once, such as a new API token ('' when there is none). */
export function ShownOnceNotice(props: {
  intro: string;
  value: string | null | undefined;
  /** An id for the value: adds a Copy button (with JavaScript). */
  copyId?: string;
  /** Shown after the value: a link or a hint. */
  children?: Children;
}) {
  return props.value ? (
    <div class="notice notice-info">
      <p>{escapeHtml(props.intro)}</p>
      <p>
        <code id={props.copyId} safe>
          {props.value}
        </code>
        {props.copyId ? (
          <>
            {' '}
            <button type="button" class="button button-secondary" data-copy={props.copyId} hidden>
              Copy
            </button>
            <span id={`${props.copyId}-status`} role="status" aria-live="polite"></span>
          </>
        ) : (
          ''
        )}
      </p>
      {props.children}
    </div>
  ) : (
    ''
  );
}

/** A day as the account page shows it ('never' for none). */
export function formatDay(iso: string | null): string {
  return iso ? iso.slice(0, 10) : 'never';
}

/** A labelled single-line input with its hint and error. */
export function InputField(props: {
  id: string;
  name: string;
  label: string;
  type?: string;
  value?: string;
  hint?: string;
  error?: string | undefined;
  autocomplete?: string;
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  return (
    <div class={props.error ? 'form-group form-group-error' : 'form-group'}>
      <label class="label" for={props.id}>
        {escapeHtml(props.label)}
      </label>
      {props.hint ? (
        <p class="hint" id={hintId}>
          {escapeHtml(props.hint)}
        </p>
      ) : (
        ''
      )}
      <FieldError fieldId={props.id} message={props.error} />
      <input
        class="input"
        id={props.id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        autocomplete={props.autocomplete}
        {...fieldAria(props.id, props.error, hintId)}
      />
    </div>
  );
}

/** Problems as the error summary's entries; `ids` maps a problem's field to a control's id. */
export function toSummary(
  problems: readonly Problem[],
  ids: Readonly<Record<string, string>>,
  fallbackId: string,
): SummaryError[] {
  return problems.map((problem) => ({
    fieldId: (problem.field !== null ? ids[problem.field] : undefined) ?? fallbackId,
    message: problem.message,
  }));
}

/** The first message for each field. */
export function messagesByField(problems: readonly Problem[]): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const problem of problems) {
    const key = problem.field ?? '';
    messages[key] ??= problem.message;
  }
  return messages;
}

/** A posted form's text field ('' when missing). */
export function formText(body: unknown, name: string): string {
  if (typeof body !== 'object' || body === null) return '';
  const value = (body as Record<string, unknown>)[name];
  const first = Array.isArray(value) ? (value[0] as unknown) : value;
  return typeof first === 'string' ? first : '';
}

/** True when a posted form has the field at all (even empty). */
export function formHas(body: unknown, name: string): boolean {
  return typeof body === 'object' && body !== null && Object.hasOwn(body, name);
}

/** Where to go after signing in: a path on this site only. */
export function nextPath(raw: unknown, fallback = '/interviews'): string {
  return safeReturnPath(raw, fallback);
}

/**
 * The `?next=` to carry between sign-in, sign-up and password reset, so that a visitor who was
 * sent to sign in (to save an interview, say) comes back to it whichever way they get in.
 */
export function nextQuery(next: string): string {
  return next === nextPath(undefined) ? '' : `?next=${encodeURIComponent(next)}`;
}

/** A service's problems, to show beside the form; anything else is not the visitor's to fix. */
export function problemsOf(error: unknown): Problem[] {
  if (isDomainError(error)) return error.problems;
  throw error;
}

/** The status of a page showing a service's error, as the API would answer it. */
export function statusOf(error: unknown): number {
  if (!isDomainError(error)) return 500;
  if (error.code === 'rate-limited') return 429;
  if (error.code === 'invalid-credentials') return 401;
  if (error.code === 'email-taken') return 409;
  return 400;
}

/**
 * Route hooks for pages that need an account: without one, the browser goes to the sign-in page
 * (and back here afterwards); form posts need the CSRF token (403 page without).
 */
function requirePageAccount(scope: FastifyInstance) {
  return {
    preValidation: (
      request: FastifyRequest,
      reply: FastifyReply,
      done: HookHandlerDoneFunction,
    ): void => {
      if (request.account) {
        done();
        return;
      }
      const back = request.method === 'GET' ? request.url : '/interviews';
      void reply.redirect(`/signin?next=${encodeURIComponent(back)}`, 303);
    },
    preHandler: (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
      if (request.method === 'POST') {
        scope.csrfProtection(request, reply, done);
        return;
      }
      done();
    },
  };
}

/**
 * GET and POST routes of pages that need an account, hidden from the API docs: without an account
 * the browser goes to the sign-in page first; posts need the form's CSRF token.
 */
export function signedInRoutes(scope: FastifyInstance) {
  const options = { schema: { hide: true }, ...requirePageAccount(scope) };
  return {
    get: (url: string, handler: RouteHandlerMethod) => scope.get(url, options, handler),
    post: (url: string, handler: RouteHandlerMethod) => scope.post(url, options, handler),
  };
}

export type SignedInRoutes = ReturnType<typeof signedInRoutes>;

/** preHandler for the forms that work without an account (sign-in, sign-up, reset). */
export function requireFormCsrf(scope: FastifyInstance) {
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    scope.csrfProtection(request, reply, done);
  };
}
