/** The sign-up and sign-in pages, and signing out. */
import { escapeHtml } from '@kitajs/html';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Problem } from '../../domain/errors.js';
import {
  clearSessionCookie,
  createCsrfToken,
  readSessionToken,
  sendSession,
} from '../../http/auth.js';
import type { AccountContext } from '../../http/context.js';
import { moveCookieFavourites } from '../../http/favourites.js';
import { signIn, signOut, signUp } from '../../services/accounts/sessions.service.js';
import type { LayoutUser } from '../shared/layout.js';
import { pageChrome, type PageDeps } from '../shared/page-context.js';
import {
  AccountLayout,
  CsrfField,
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

const SIGNIN_IDS: Record<string, string> = { email: 'email', password: 'password' };

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

export function registerSessionPages(
  scope: FastifyInstance,
  deps: PageDeps,
  context: AccountContext,
): void {
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
}
