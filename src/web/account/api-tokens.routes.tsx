/** The API tokens' section of the account page, and its forms: create a token, revoke one. */
import type { AccountContext } from '../../http/context.js';
import {
  createApiToken,
  revokeApiToken,
  type PresentedApiToken,
} from '../../services/accounts/api-tokens.service.js';
import type { AccountChange } from './account-page.js';
import { writeAccountFlash } from './flash.js';
import {
  CsrfField,
  InputField,
  PostForm,
  ShownOnceNotice,
  TitledSection,
  formText,
  formatDay,
  type SignedInRoutes,
} from './page-kit.js';

export function ApiTokensSection(props: {
  csrf: string;
  tokens: readonly PresentedApiToken[];
  /** A token just created, shown this once. */
  newToken: string | null;
  nameError: string | undefined;
}): JSX.Element {
  return (
    <TitledSection id="tokens" title="API tokens">
      <p>
        For your own programs: send a token as <code>Authorization: Bearer sl_...</code>. A token
        can do everything you can, so revoke one you no longer use.
      </p>
      <ShownOnceNotice
        intro="Your new token (shown only now; copy it somewhere safe):"
        value={props.newToken}
      />
      {props.tokens.length > 0 ? (
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
              {props.tokens.map((token) => (
                <tr>
                  <td safe>{token.name}</td>
                  <td>
                    <code safe>{token.prefix}</code>
                  </td>
                  <td safe>{formatDay(token.createdAt)}</td>
                  <td safe>{formatDay(token.lastUsedAt)}</td>
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
          error={props.nameError}
        />
      </PostForm>
    </TitledSection>
  );
}

export function registerApiTokenPages(
  signedIn: SignedInRoutes,
  context: AccountContext,
  change: AccountChange,
): void {
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
}
