/**
 * "Save this interview to your account" on the follow-up plan: POST /follow-up/save carries the
 * page's input (the same hidden fields as the plan's other forms) and the page's CSRF token.
 * Signed in, the interview is created as /interviews/new creates it and the browser goes to it.
 * Signed out, the input waits on the server for 30 minutes under a random key
 * (services/pending-saves.service.ts) that only a short-lived signed cookie holds (sent to
 * /follow-up/save only), while the visitor signs in or signs up (`next=/follow-up/save`, kept
 * through every link between those pages); GET /follow-up/save then creates the interview, deletes
 * the kept input, clears the cookie and goes to it. Registered only when the app has accounts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError } from '../../domain/errors.js';
import type { AccountContext } from '../../http/context.js';
import { createInterview } from '../../services/interviews/interviews.service.js';
import {
  PENDING_SAVE_MINUTES,
  keepInterviewForSignIn,
  takeInterviewKeptForSignIn,
} from '../../services/pending-saves.service.js';
import { requireFormCsrf, sendPage, signedInRoutes } from '../account/page-kit.js';
import { toInterviewBody } from './interview-form.js';
import { pageChrome, type PageDeps } from '../shared/page-context.js';
import { listCarriedFields, readFollowUpForm, type FormError } from '../followup/followup-form.js';
import { sortFormErrors, toFormErrors, toRawInput } from '../followup/followup-input.js';
import { renderFormPage } from '../followup/form.page.js';
import { PAGE_PATH, SAVE_PATH } from '../followup/paths.js';
const SAVE_COOKIE = 'shortlist_followup_save';
/** Long enough to sign in or sign up, short enough not to linger. */
const SAVE_COOKIE_SECONDS = PENDING_SAVE_MINUTES * 60;

const SAVE_TOO_LARGE_MESSAGE =
  'This interview has too much in it to keep while you sign in. Sign in first, then make the plan again and save it.';

/** The posted form's fields that the plan carries, by name. */
function carriedFields(body: unknown): Record<string, string> {
  return Object.fromEntries(listCarriedFields(readFollowUpForm(body)));
}

/** Registers /follow-up/save in a scope with the account hooks. */
export function registerFollowUpSave(
  scope: FastifyInstance,
  deps: PageDeps,
  context: AccountContext,
): void {
  const signedIn = signedInRoutes(scope);

  /** Creates the interview as /interviews/new does, or shows the form with its problems. */
  async function save(
    request: FastifyRequest,
    reply: FastifyReply,
    fields: Record<string, string>,
  ) {
    const form = readFollowUpForm(fields);
    const { raw, problems, rows } = toRawInput(form);
    const errors: FormError[] = [...problems];
    try {
      if (errors.length === 0) {
        const body = toInterviewBody(raw, {}, context.interviews, null);
        const saved = await createInterview(context.interviews, request.account!.user.id, body);
        return reply.redirect(`/interviews/${encodeURIComponent(saved.id)}`, 303);
      }
    } catch (error) {
      if (!isDomainError(error)) throw error;
      errors.push(...toFormErrors(error.problems, rows));
    }
    return sendPage(
      reply,
      400,
      renderFormPage({ form, errors: sortFormErrors(errors), ...pageChrome(deps, reply) }),
    );
  }

  // The token is checked signed in or not: a forged post could otherwise leave an interview in
  // the cookie for the visitor's next sign-in.
  scope.post(
    SAVE_PATH,
    { schema: { hide: true }, preHandler: requireFormCsrf(scope) },
    async (request, reply) => {
      const fields = carriedFields(request.body);
      if (request.account) return save(request, reply, fields);
      const key = await keepInterviewForSignIn(context.interviews, fields);
      if (key === null) {
        return sendPage(
          reply,
          413,
          renderFormPage({
            form: readFollowUpForm(fields),
            errors: [{ field: null, message: SAVE_TOO_LARGE_MESSAGE }],
            ...pageChrome(deps, reply),
          }),
        );
      }
      void reply.setCookie(SAVE_COOKIE, key, {
        path: SAVE_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        signed: true,
        maxAge: SAVE_COOKIE_SECONDS,
      });
      return reply.redirect(`/signin?next=${encodeURIComponent(SAVE_PATH)}`, 303);
    },
  );

  // After signing in: the input kept by the post above, once.
  signedIn.get(SAVE_PATH, async (request, reply) => {
    const stored = request.cookies[SAVE_COOKIE];
    if (stored === undefined) return reply.redirect(PAGE_PATH, 303);
    void reply.clearCookie(SAVE_COOKIE, { path: SAVE_PATH });
    const unsigned = request.unsignCookie(stored);
    const fields =
      unsigned.valid && unsigned.value !== null
        ? await takeInterviewKeptForSignIn(context.interviews, unsigned.value)
        : null;
    if (!fields) return reply.redirect(PAGE_PATH, 303);
    return save(request, reply, fields);
  });
}
