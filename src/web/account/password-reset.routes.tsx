/** "Forgotten your password?": ask for an emailed link, then choose a new password with it. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Problem } from '../../domain/errors.js';
import { createCsrfToken, sendSession } from '../../http/auth.js';
import type { AccountContext } from '../../http/context.js';
import { moveCookieFavourites } from '../../http/favourites.js';
import {
  isPasswordResetLinkUsable,
  requestPasswordReset,
  resetPassword,
  RESET_MESSAGES,
} from '../../services/accounts/password-reset.service.js';
import type { LayoutUser } from '../shared/layout.js';
import { pageChrome, type PageDeps } from '../shared/page-context.js';
import {
  AccountLayout,
  CsrfField,
  DoneNotice,
  InputField,
  formText,
  messagesByField,
  nextPath,
  nextQuery,
  problemsOf,
  requireFormCsrf,
  sendPage,
  statusOf,
  toSummary,
} from './page-kit.js';

/** Where a password reset started from a sign-in page goes back to (this browser only). */
const RESET_NEXT_COOKIE = 'shortlist_reset_next';
const RESET_NEXT_PATH = '/reset-password';
/** As long as a reset link works. */
const RESET_NEXT_SECONDS = 60 * 60;

function ForgotPage(props: {
  demo: boolean;
  user?: LayoutUser | null;
  csrf: string;
  email: string;
  next: string;
  sent: string | null;
  problems: readonly Problem[];
}): JSX.Element {
  const messages = messagesByField(props.problems);
  return (
    <AccountLayout
      title="Reset your password"
      demo={props.demo}
      user={props.user}
      errors={toSummary(props.problems, { email: 'email' }, 'email')}
    >
      <h1 class="page-title">Reset your password</h1>
      <DoneNotice message={props.sent} />
      <form
        method="post"
        action={`/forgot-password${nextQuery(props.next)}`}
        novalidate
        class="section"
      >
        <CsrfField token={props.csrf} />
        <InputField
          id="email"
          name="email"
          label="Email address"
          type="email"
          value={props.email}
          autocomplete="email"
          hint="We will email you a link to choose a new password. It works once, for one hour."
          error={messages.email ?? messages['']}
        />
        <div class="form-actions">
          <button type="submit" class="button">
            Email me a link
          </button>
        </div>
      </form>
    </AccountLayout>
  );
}

function ResetPage(props: {
  demo: boolean;
  user?: LayoutUser | null;
  csrf: string;
  token: string;
  problems: readonly Problem[];
}): JSX.Element {
  const messages = messagesByField(props.problems);
  return (
    <AccountLayout
      title="Choose a new password"
      demo={props.demo}
      user={props.user}
      errors={toSummary(props.problems, { password: 'password', token: 'new-link' }, 'password')}
    >
      <h1 class="page-title">Choose a new password</h1>
      {/* A link that cannot work any more: the way to a new one, not a form that would fail. */}
      {messages.token ? (
        <p class="section">
          <a class="button" id="new-link" href="/forgot-password">
            Ask for a new link
          </a>
        </p>
      ) : (
        <form method="post" action="/reset-password" novalidate class="section">
          <CsrfField token={props.csrf} />
          <input type="hidden" name="token" value={props.token} />
          <InputField
            id="password"
            name="password"
            label="New password"
            type="password"
            autocomplete="new-password"
            hint="At least 12 characters. You will be signed out everywhere else."
            error={messages.password}
          />
          <div class="form-actions">
            <button type="submit" class="button">
              Set my new password
            </button>
          </div>
        </form>
      )}
    </AccountLayout>
  );
}

export function registerPasswordResetPages(
  scope: FastifyInstance,
  deps: PageDeps,
  context: AccountContext,
): void {
  const formCsrf = requireFormCsrf(scope);
  const chrome = (reply: FastifyReply) => pageChrome(deps, reply);

  const renderForgot = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    outcome: { sent: string | null; problems: readonly Problem[] },
  ) =>
    sendPage(
      reply,
      status,
      <ForgotPage
        {...chrome(reply)}
        csrf={createCsrfToken(request, reply)}
        email={formText(request.body, 'email')}
        next={nextPath((request.query as Record<string, unknown>).next)}
        {...outcome}
      />,
    );

  scope.get('/forgot-password', { schema: { hide: true } }, (request, reply) =>
    renderForgot(request, reply, 200, { sent: null, problems: [] }),
  );

  scope.post(
    '/forgot-password',
    { schema: { hide: true }, preHandler: formCsrf },
    async (request, reply) => {
      try {
        const { message } = await requestPasswordReset(context.accounts, request.body, {
          ip: request.ip,
        });
        const next = nextPath((request.query as Record<string, unknown>).next);
        if (nextQuery(next) !== '') {
          void reply.setCookie(RESET_NEXT_COOKIE, next, {
            path: RESET_NEXT_PATH,
            httpOnly: true,
            sameSite: 'lax',
            secure: request.protocol === 'https',
            signed: true,
            maxAge: RESET_NEXT_SECONDS,
          });
        }
        return renderForgot(request, reply, 200, { sent: message, problems: [] });
      } catch (error) {
        return renderForgot(request, reply, statusOf(error), {
          sent: null,
          problems: problemsOf(error),
        });
      }
    },
  );

  const renderReset = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    token: string,
    problems: readonly Problem[],
  ) =>
    sendPage(
      reply,
      status,
      <ResetPage
        {...chrome(reply)}
        csrf={createCsrfToken(request, reply)}
        token={token}
        problems={problems}
      />,
    );

  scope.get('/reset-password', { schema: { hide: true } }, async (request, reply) => {
    const token = formText(request.query, 'token');
    // Said before a new password is typed: the link has expired or was used.
    const usable = await isPasswordResetLinkUsable(context.accounts, token);
    return renderReset(
      request,
      reply,
      usable ? 200 : 400,
      token,
      usable
        ? []
        : [{ field: 'token', code: 'invalid-token', message: RESET_MESSAGES.resetLinkInvalid }],
    );
  });

  scope.post(
    '/reset-password',
    { schema: { hide: true }, preHandler: formCsrf },
    async (request, reply) => {
      try {
        const { user, session } = await resetPassword(context.accounts, request.body);
        sendSession(context, request, reply, session);
        await moveCookieFavourites(context.accounts, request, reply, user.id);
        const kept = request.cookies[RESET_NEXT_COOKIE];
        const unsigned = kept === undefined ? null : request.unsignCookie(kept);
        if (kept !== undefined)
          void reply.clearCookie(RESET_NEXT_COOKIE, { path: RESET_NEXT_PATH });
        const next =
          unsigned?.valid && unsigned.value !== null
            ? nextPath(unsigned.value, '/account?done=reset')
            : '/account?done=reset';
        return reply.redirect(next, 303);
      } catch (error) {
        return renderReset(
          request,
          reply,
          statusOf(error),
          formText(request.body, 'token'),
          problemsOf(error),
        );
      }
    },
  );
}
