/**
 * The account page (/account): the calendar feed, API tokens, password, email address and the
 * account's data, each a form whose problems show beside it; and the page after deletion.
 */
import { escapeHtml } from '@kitajs/html';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Problem } from '../../domain/errors.js';
import { createCsrfToken } from '../../http/auth.js';
import type { AccountContext } from '../../http/context.js';
import { getCalendarFeed } from '../../services/accounts/calendar-feed.service.js';
import {
  listApiTokens,
  type PresentedApiToken,
} from '../../services/accounts/api-tokens.service.js';
import type { LayoutUser } from '../shared/layout.js';
import { pageChrome, type PageDeps } from '../shared/page-context.js';
import { ApiTokensSection } from './api-tokens.routes.js';
import { CalendarFeedSection } from './calendar-feed.routes.js';
import {
  AccountLayout,
  DoneNotice,
  InputField,
  PostForm,
  TitledSection,
  formText,
  messagesByField,
  problemsOf,
  sendPage,
  statusOf,
  toSummary,
} from './page-kit.js';

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

interface AccountField {
  id: string;
  /** The posted field, and the field of its problems. */
  name: string;
  label: string;
  type: 'email' | 'password';
  autocomplete: string;
  hint?: string;
}

/** The fields of the forms on this page; the token's is in api-tokens.routes.tsx. */
const FIELDS: Record<'password' | 'email' | 'delete', readonly AccountField[]> = {
  password: [
    {
      id: 'current-password',
      name: 'currentPassword',
      label: 'Current password',
      type: 'password',
      autocomplete: 'current-password',
    },
    {
      id: 'new-password',
      name: 'newPassword',
      label: 'New password',
      type: 'password',
      autocomplete: 'new-password',
      hint: 'At least 12 characters. You stay signed in here and are signed out everywhere else.',
    },
  ],
  email: [
    {
      id: 'new-email',
      name: 'email',
      label: 'New email address',
      type: 'email',
      autocomplete: 'email',
    },
    {
      id: 'email-password',
      name: 'password',
      label: 'Your password',
      type: 'password',
      autocomplete: 'current-password',
    },
  ],
  delete: [
    {
      id: 'delete-password',
      name: 'password',
      label: 'Your password, to confirm',
      type: 'password',
      autocomplete: 'current-password',
    },
  ],
};

function idsOf(fields: readonly AccountField[]): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field.name, field.id]));
}

/** For each form, the id of the control of each field its problems can name. */
const ACCOUNT_IDS: Record<string, Record<string, string>> = {
  token: { name: 'token-name' },
  password: idsOf(FIELDS.password),
  email: idsOf(FIELDS.email),
  delete: idsOf(FIELDS.delete),
};

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
  const Fields = (fields: { form: keyof typeof FIELDS }) => (
    <>
      {FIELDS[fields.form].map((field) => (
        <InputField {...field} error={errorFor(fields.form, field.name)} />
      ))}
    </>
  );
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

      <CalendarFeedSection csrf={props.csrf} feed={view.feed} newFeedUrl={view.newFeedUrl} />
      <ApiTokensSection
        csrf={props.csrf}
        tokens={view.tokens}
        newToken={view.newToken}
        nameError={errorFor('token', 'name')}
      />

      <TitledSection id="password" title="Change your password">
        <PostForm action="/account/password" csrf={props.csrf} submit="Change my password">
          <Fields form="password" />
        </PostForm>
      </TitledSection>

      <TitledSection id="email-address" title="Change your email address">
        <PostForm action="/account/email" csrf={props.csrf} submit="Change my email address">
          <Fields form="email" />
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
          <Fields form="delete" />
        </PostForm>
      </TitledSection>
    </AccountLayout>
  );
}

/** After "Delete my account": says that it is done and what went (the browser is signed out). */
export function DeletedPage(props: { demo: boolean; user?: LayoutUser | null }): JSX.Element {
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

const NOTICES: Record<string, string> = {
  password: 'Your password is changed. You are signed out everywhere else.',
  reset:
    'Your password is changed. You are signed out everywhere else, and your API tokens and calendar feed no longer work: make new ones below if you need them.',
  email: 'Your email address is changed.',
  revoked: 'The token is revoked: it no longer works.',
  'feed-off': 'Your calendar feed is off: its address no longer works.',
};

/** A route handler for one of the account page's forms (see accountPage's `change`). */
export type AccountChange = (
  form: AccountView['form'],
  run: (request: FastifyRequest, reply: FastifyReply, userId: string) => Promise<string>,
) => (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;

/** Shows the account page, and runs its forms. */
export function accountPage(deps: PageDeps, context: AccountContext) {
  async function render(
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
      <AccountPage
        {...pageChrome(deps, reply)}
        csrf={createCsrfToken(request, reply)}
        view={view}
      />,
    );
  }

  /**
   * Runs a change, then redirects (Post/Redirect/Get: reloading the page never repeats the
   * change); on a problem, shows the account page with it beside the form.
   */
  const change: AccountChange = (form, run) => async (request, reply) => {
    try {
      return reply.redirect(await run(request, reply, request.account!.user.id), 303);
    } catch (error) {
      return render(request, reply, statusOf(error), { problems: problemsOf(error), form });
    }
  };

  return { render, change };
}
