/**
 * The account pages, working without JavaScript: /signup, /signin, sign-out, /forgot-password,
 * /reset-password, and /account (API tokens, the calendar feed, password, email address, download
 * my data, delete my account). Every form carries the CSRF token; each calls the same services as
 * the API.
 */
import type { FastifyInstance } from 'fastify';
import { clearSessionCookie } from '../../http/auth.js';
import type { AccountContext } from '../../http/context.js';
import {
  changeEmail,
  changePassword,
  deleteAccount,
  exportAccount,
} from '../../services/accounts/account.service.js';
import { pageChrome, type PageDeps } from '../shared/page-context.js';
import { accountPage, DeletedPage } from './account-page.js';
import { registerApiTokenPages } from './api-tokens.routes.js';
import { registerCalendarFeedPages } from './calendar-feed.routes.js';
import { takeAccountFlash } from './flash.js';
import { formText, sendPage, signedInRoutes } from './page-kit.js';
import { registerPasswordResetPages } from './password-reset.routes.js';
import { registerSessionPages } from './sessions.routes.js';

/** Where "Delete my account" leads. */
const ACCOUNT_DELETED_PATH = '/account/deleted';

/** Registers the account pages in the scope that already has the account hooks. */
export function registerAccountPages(
  scope: FastifyInstance,
  deps: PageDeps,
  context: AccountContext,
): void {
  registerSessionPages(scope, deps, context);
  registerPasswordResetPages(scope, deps, context);
  const signedIn = signedInRoutes(scope);
  const page = accountPage(deps, context);
  const change = page.change;

  scope.get(ACCOUNT_DELETED_PATH, { schema: { hide: true } }, (_request, reply) =>
    sendPage(reply, 200, <DeletedPage {...pageChrome(deps, reply)} />),
  );

  // A new token or calendar address comes here once, after the redirect (see flash.ts).
  signedIn.get('/account', (request, reply) =>
    page.render(request, reply, 200, takeAccountFlash(request, reply, request.account!.user.id)),
  );

  registerApiTokenPages(signedIn, context, change);
  registerCalendarFeedPages(signedIn, context, change);

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
