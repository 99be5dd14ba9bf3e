/**
 * The account pages, working without JavaScript: /signup, /signin, sign-out, /forgot-password,
 * /reset-password, and /account (API tokens, the calendar feed, password, email address, download
 * my data, delete my account). Every form carries the CSRF token; each calls the same services as
 * the API.
 */
import { escapeHtml } from '@kitajs/html';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError, type Problem } from '../../domain/errors.js';
import {
  ACCOUNT_MESSAGES,
  changeEmail,
  changePassword,
  createApiToken,
  createCalendarFeed,
  deleteAccount,
  exportAccount,
  getCalendarFeed,
  isPasswordResetLinkUsable,
  listApiTokens,
  requestPasswordReset,
  resetPassword,
  revokeApiToken,
  revokeCalendarFeed,
  signIn,
  signOut,
  signUp,
  type PresentedApiToken,
} from '../../services/accounts.service.js';
import {
  clearSessionCookie,
  createCsrfToken,
  readSessionToken,
  sendSession,
} from '../../http/auth.js';
import type { AccountContext } from '../../http/context.js';
import { moveCookieFavourites } from '../../http/favourites.js';
import type { LayoutUser } from '../layout.js';
import { pageChrome, type PageDeps } from '../page-context.js';
import { takeAccountFlash, writeAccountFlash } from './flash.js';
import {
  AccountLayout,
  CsrfField,
  DoneNotice,
  InputField,
  PostForm,
  TitledSection,
  ShownOnceNotice,
  formText,
  messagesByField,
  nextPath,
  requireFormCsrf,
  sendPage,
  signedInRoutes,
  toSummary,
  webcalUrl,
} from './page-kit.js';

const SIGNIN_IDS: Record<string, string> = { email: 'email', password: 'password' };

/** Where a password reset started from a sign-in page goes back to (this browser only). */
const RESET_NEXT_COOKIE = 'shortlist_reset_next';
const RESET_NEXT_PATH = '/reset-password';
/** As long as a reset link works. */
const RESET_NEXT_SECONDS = 60 * 60;

/**
 * The `?next=` to carry between sign-in, sign-up and password reset, so that a visitor who was
 * sent to sign in (to save an interview, say) comes back to it whichever way they get in.
 */
function nextQuery(next: string): string {
  return next === nextPath(undefined) ? '' : `?next=${encodeURIComponent(next)}`;
}

function problemsOf(error: unknown): Problem[] {
  if (isDomainError(error)) return error.problems;
  throw error;
}

function statusOf(error: unknown): number {
  if (!isDomainError(error)) return 500;
  if (error.code === 'rate-limited') return 429;
  if (error.code === 'invalid-credentials') return 401;
  if (error.code === 'email-taken') return 409;
  return 400;
}

function CredentialsPage(props: {
  kind: 'signup' | 'signin';
  demo: boolean;
  user?: LayoutUser | null;
  csrf: string;
  email: string;
  next: string;
  problems: readonly Problem[];
}): JSX.Element {
  const signup = props.kind === 'signup';
  const title = signup ? 'Create an account' : 'Sign in';
  const messages = messagesByField(props.problems);
  const action = `/${props.kind}${nextQuery(props.next)}`;
  return (
    <AccountLayout
      title={title}
      demo={props.demo}
      user={props.user}
      errors={toSummary(props.problems, SIGNIN_IDS, 'email')}
    >
      <h1 class="page-title">{escapeHtml(title)}</h1>
      <p class="lede">
        {signup
          ? 'Keep your interviews and their follow-up plans, and see what is due in your calendar. You can download or delete everything at any time.'
          : 'Sign in to see your interviews and what is due.'}
      </p>
      <form method="post" action={action} novalidate class="section">
        <CsrfField token={props.csrf} />
        <InputField
          id="email"
          name="email"
          label="Email address"
          type="email"
          value={props.email}
          autocomplete="email"
          error={messages.email}
        />
        <InputField
          id="password"
          name="password"
          label="Password"
          type="password"
          autocomplete={signup ? 'new-password' : 'current-password'}
          {...(signup
            ? {
                hint: 'At least 12 characters. Three or four random words make a strong password that is easy to remember.',
              }
            : {})}
          error={messages.password ?? messages['']}
        />
        <div class="form-actions">
          <button type="submit" class="button">
            {escapeHtml(signup ? 'Create my account' : 'Sign in')}
          </button>
        </div>
      </form>
      {signup ? (
        <p>
          The <a href="/privacy">privacy notice</a> says what an account keeps, and why.
        </p>
      ) : (
        ''
      )}
      {signup ? (
        <p>
          Already have an account? <a href={`/signin${nextQuery(props.next)}`}>Sign in</a>.
        </p>
      ) : (
        <p>
          <a href={`/forgot-password${nextQuery(props.next)}`}>Forgotten your password?</a> No
          account yet? <a href={`/signup${nextQuery(props.next)}`}>Create one</a>.
        </p>
      )}
    </AccountLayout>
  );
}

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

interface AccountView {
  email: string;
  tokens: PresentedApiToken[];
  newToken: string | null;
  feed: { active: boolean; createdAt: string | null };
  newFeedUrl: string | null;
  notice: string | null;
  problems: readonly Problem[];
  /** Which form the problems belong to. */
  form: 'token' | 'password' | 'email' | 'delete' | null;
}

const ACCOUNT_IDS: Record<string, Record<string, string>> = {
  token: { name: 'token-name' },
  password: { currentPassword: 'current-password', newPassword: 'new-password' },
  email: { email: 'new-email', password: 'email-password' },
  delete: { password: 'delete-password' },
};

function formatDate(iso: string | null): string {
  return iso ? iso.slice(0, 10) : 'never';
}

function AccountPage(props: {
  demo: boolean;
  user?: LayoutUser | null;
  csrf: string;
  view: AccountView;
}): JSX.Element {
  const view = props.view;
  const ids = view.form ? (ACCOUNT_IDS[view.form] ?? {}) : {};
  const first = Object.values(ids)[0] ?? 'main';
  const messages = messagesByField(view.problems);
  const errorFor = (form: AccountView['form'], field: string) =>
    view.form === form ? messages[field] : undefined;
  const pageError = view.form ? messages[''] : undefined;
  return (
    <AccountLayout
      title="Your account"
      demo={props.demo}
      user={props.user}
      errors={toSummary(view.problems, ids, first)}
    >
      <h1 class="page-title">Your account</h1>
      <p class="lede">
        Signed in as <strong>{escapeHtml(view.email)}</strong>.
      </p>
      <DoneNotice message={view.notice} />
      {pageError ? (
        <div class="notice notice-warning" role="alert">
          <p>{escapeHtml(pageError)}</p>
        </div>
      ) : (
        ''
      )}
      <p>
        <a href="/interviews">Your interviews</a>
      </p>

      <TitledSection id="calendar" title="Calendar feed">
        <p>
          A private address your calendar app subscribes to: it always shows the follow-up steps
          still to do. Anyone with the address can read it, so keep it to yourself.
        </p>
        <ShownOnceNotice
          intro="Your calendar address (shown only now; copy it into your calendar app as a subscription):"
          value={view.newFeedUrl}
          copyId="feed-url"
        >
          {view.newFeedUrl ? (
            <p>
              <a href={webcalUrl(view.newFeedUrl)}>Subscribe in your calendar app</a> (opens the app
              that handles calendar subscriptions on this device).
            </p>
          ) : (
            ''
          )}
        </ShownOnceNotice>
        <p>
          {view.feed.active
            ? `You have a calendar feed, created on ${formatDate(view.feed.createdAt)}.`
            : 'You have no calendar feed.'}
        </p>
        <div class="button-row">
          <PostForm
            action="/account/feed"
            csrf={props.csrf}
            submit={view.feed.active ? 'Make a new address (the old one stops)' : 'Create my feed'}
          />
          {view.feed.active ? (
            <PostForm
              action="/account/feed/revoke"
              csrf={props.csrf}
              submit="Turn off the feed"
              buttonClass="button button-secondary"
            />
          ) : (
            ''
          )}
        </div>
      </TitledSection>

      <TitledSection id="tokens" title="API tokens">
        <p>
          For your own programs: send a token as <code>Authorization: Bearer sl_...</code>. A token
          can do everything you can, so revoke one you no longer use.
        </p>
        <ShownOnceNotice
          intro="Your new token (shown only now; copy it somewhere safe):"
          value={view.newToken}
        />
        {view.tokens.length > 0 ? (
          <div class="table-wrap">
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Starts with</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">
                    <span class="visually-hidden">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {view.tokens.map((token) => (
                  <tr>
                    <td safe>{token.name}</td>
                    <td>
                      <code safe>{token.prefix}</code>
                    </td>
                    <td safe>{formatDate(token.createdAt)}</td>
                    <td safe>{formatDate(token.lastUsedAt)}</td>
                    <td>
                      <form
                        method="post"
                        action={`/account/tokens/${encodeURIComponent(token.id)}/revoke`}
                      >
                        <CsrfField token={props.csrf} />
                        <button type="submit" class="button button-secondary button-small">
                          Revoke{' '}
                          <span class="visually-hidden" safe>
                            {token.name}
                          </span>
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>You have no API tokens.</p>
        )}
        <PostForm action="/account/tokens" csrf={props.csrf} submit="Create a token">
          <InputField
            id="token-name"
            name="name"
            label="Name of a new token"
            hint="Say what will use it, such as “My spreadsheet”."
            error={errorFor('token', 'name')}
          />
        </PostForm>
      </TitledSection>

      <TitledSection id="password" title="Change your password">
        <PostForm action="/account/password" csrf={props.csrf} submit="Change my password">
          <InputField
            id="current-password"
            name="currentPassword"
            label="Current password"
            type="password"
            autocomplete="current-password"
            error={errorFor('password', 'currentPassword')}
          />
          <InputField
            id="new-password"
            name="newPassword"
            label="New password"
            type="password"
            autocomplete="new-password"
            hint="At least 12 characters. You stay signed in here and are signed out everywhere else."
            error={errorFor('password', 'newPassword')}
          />
        </PostForm>
      </TitledSection>

      <TitledSection id="email-address" title="Change your email address">
        <PostForm action="/account/email" csrf={props.csrf} submit="Change my email address">
          <InputField
            id="new-email"
            name="email"
            label="New email address"
            type="email"
            autocomplete="email"
            error={errorFor('email', 'email')}
          />
          <InputField
            id="email-password"
            name="password"
            label="Your password"
            type="password"
            autocomplete="current-password"
            error={errorFor('email', 'password')}
          />
        </PostForm>
      </TitledSection>

      <TitledSection id="your-data" title="Your data">
        <p>
          <a href="/account/export">Download my data</a> (one JSON file with your account,
          interviews, plans, tokens and favourites; never the secrets).
        </p>
        <PostForm
          action="/account/delete"
          csrf={props.csrf}
          submit="Delete my account and everything in it"
          buttonClass="button button-secondary"
        >
          <h3>Delete my account</h3>
          <p>
            Everything goes at once: your account, interviews, drafts, tokens, calendar feed and
            favourites. This cannot be undone.
          </p>
          <InputField
            id="delete-password"
            name="password"
            label="Your password, to confirm"
            type="password"
            autocomplete="current-password"
            error={errorFor('delete', 'password')}
          />
        </PostForm>
      </TitledSection>
    </AccountLayout>
  );
}

/** After "Delete my account": says that it is done and what went (the browser is signed out). */
function DeletedPage(props: { demo: boolean; user?: LayoutUser | null }): JSX.Element {
  return (
    <AccountLayout title="Your account is deleted" demo={props.demo} user={props.user}>
      <h1 class="page-title">Your account is deleted</h1>
      <DoneNotice message="Your account and everything in it are gone: your interviews, drafts, API tokens, calendar feed and favourites. You are signed out." />
      <p>
        You can still <a href="/">search for agencies</a> and{' '}
        <a href="/follow-up">plan an interview follow-up</a> without an account.
      </p>
    </AccountLayout>
  );
}

/** Where "Delete my account" leads. */
export const ACCOUNT_DELETED_PATH = '/account/deleted';

/** Registers the account pages in the scope that already has the account hooks. */
export function registerAccountPages(
  scope: FastifyInstance,
  deps: PageDeps,
  context: AccountContext,
): void {
  const signedIn = signedInRoutes(scope);
  const formCsrf = requireFormCsrf(scope);
  const chrome = (reply: FastifyReply) => pageChrome(deps, reply);

  for (const kind of ['signup', 'signin'] as const) {
    const renderCredentials = (
      request: FastifyRequest,
      reply: FastifyReply,
      status: number,
      problems: readonly Problem[],
    ) =>
      sendPage(
        reply,
        status,
        <CredentialsPage
          kind={kind}
          {...chrome(reply)}
          csrf={createCsrfToken(request, reply)}
          email={formText(request.body, 'email')}
          next={nextPath((request.query as Record<string, unknown>).next)}
          problems={problems}
        />,
      );

    scope.get(`/${kind}`, { schema: { hide: true } }, (request, reply) => {
      const next = nextPath((request.query as Record<string, unknown>).next);
      if (request.account) return reply.redirect(next, 303);
      return renderCredentials(request, reply, 200, []);
    });

    scope.post(
      `/${kind}`,
      { schema: { hide: true }, preHandler: formCsrf },
      async (request, reply) => {
        try {
          const { user, session } =
            kind === 'signup'
              ? await signUp(context.accounts, request.body, { ip: request.ip })
              : await signIn(context.accounts, request.body, {
                  ip: request.ip,
                  previousSessionToken: readSessionToken(request),
                });
          sendSession(context, request, reply, session);
          await moveCookieFavourites(context.accounts, request, reply, user.id);
          return reply.redirect(nextPath((request.query as Record<string, unknown>).next), 303);
        } catch (error) {
          return renderCredentials(request, reply, statusOf(error), problemsOf(error));
        }
      },
    );
  }

  scope.post(
    '/signout',
    { schema: { hide: true }, preHandler: formCsrf },
    async (request, reply) => {
      const token = readSessionToken(request);
      if (token) await signOut(context.accounts, token);
      clearSessionCookie(request, reply);
      return reply.redirect('/', 303);
    },
  );

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
        : [{ field: 'token', code: 'invalid-token', message: ACCOUNT_MESSAGES.resetLinkInvalid }],
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

  const NOTICES: Record<string, string> = {
    password: 'Your password is changed. You are signed out everywhere else.',
    reset:
      'Your password is changed. You are signed out everywhere else, and your API tokens and calendar feed no longer work: make new ones below if you need them.',
    email: 'Your email address is changed.',
    revoked: 'The token is revoked: it no longer works.',
    'feed-off': 'Your calendar feed is off: its address no longer works.',
  };

  async function renderAccount(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    extra: Partial<AccountView> = {},
  ) {
    const account = request.account!;
    const view: AccountView = {
      email: account.user.email,
      tokens: await listApiTokens(context.accounts, account.user.id),
      newToken: null,
      feed: await getCalendarFeed(context.accounts, account.user.id),
      newFeedUrl: null,
      notice: NOTICES[formText(request.query, 'done')] ?? null,
      problems: [],
      form: null,
      ...extra,
    };
    return sendPage(
      reply,
      status,
      <AccountPage {...chrome(reply)} csrf={createCsrfToken(request, reply)} view={view} />,
    );
  }

  scope.get(ACCOUNT_DELETED_PATH, { schema: { hide: true } }, (_request, reply) =>
    sendPage(reply, 200, <DeletedPage {...chrome(reply)} />),
  );

  // A new token or calendar address comes here once, after the redirect (see flash.ts).
  signedIn.get('/account', (request, reply) =>
    renderAccount(request, reply, 200, takeAccountFlash(request, reply, request.account!.user.id)),
  );

  /**
   * Runs a change, then redirects (Post/Redirect/Get: reloading the page never repeats the
   * change); on a problem, shows the account page with it beside the form.
   */
  function change(
    form: AccountView['form'],
    run: (request: FastifyRequest, reply: FastifyReply, userId: string) => Promise<string>,
  ) {
    return async (request: FastifyRequest, reply: FastifyReply) => {
      try {
        return reply.redirect(await run(request, reply, request.account!.user.id), 303);
      } catch (error) {
        return renderAccount(request, reply, statusOf(error), {
          problems: problemsOf(error),
          form,
        });
      }
    };
  }

  signedIn.post(
    '/account/tokens',
    change('token', async (request, reply, userId) => {
      const created = await createApiToken(context.accounts, userId, {
        name: formText(request.body, 'name'),
      });
      writeAccountFlash(request, reply, userId, { newToken: created.token });
      return '/account';
    }),
  );

  signedIn.post(
    '/account/tokens/:id/revoke',
    change(null, async (request, _reply, userId) => {
      const { id } = request.params as { id: string };
      await revokeApiToken(context.accounts, userId, id);
      return '/account?done=revoked';
    }),
  );

  signedIn.post(
    '/account/feed',
    change(null, async (request, reply, userId) => {
      const feed = await createCalendarFeed(context.accounts, userId);
      writeAccountFlash(request, reply, userId, { newFeedUrl: feed.url });
      return '/account';
    }),
  );

  signedIn.post(
    '/account/feed/revoke',
    change(null, async (_request, _reply, userId) => {
      await revokeCalendarFeed(context.accounts, userId);
      return '/account?done=feed-off';
    }),
  );

  signedIn.post(
    '/account/password',
    change('password', async (request) => {
      await changePassword(context.accounts, request.account!, {
        currentPassword: formText(request.body, 'currentPassword'),
        newPassword: formText(request.body, 'newPassword'),
      });
      return '/account?done=password';
    }),
  );

  signedIn.post(
    '/account/email',
    change('email', async (request) => {
      await changeEmail(context.accounts, request.account!, {
        email: formText(request.body, 'email'),
        password: formText(request.body, 'password'),
      });
      return '/account?done=email';
    }),
  );

  signedIn.get('/account/export', async (request, reply) => {
    const data = await exportAccount(context.exports, request.account!.user.id);
    const day = context.accounts.clock.now().toISOString().slice(0, 10);
    return reply
      .header('cache-control', 'no-store')
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="shortlist-my-data-${day}.json"`)
      .send(JSON.stringify(data, null, 2));
  });

  signedIn.post(
    '/account/delete',
    change('delete', async (request, reply, userId) => {
      await deleteAccount(context.accounts, userId, {
        password: formText(request.body, 'password'),
      });
      clearSessionCookie(request, reply);
      return ACCOUNT_DELETED_PATH;
    }),
  );
}
