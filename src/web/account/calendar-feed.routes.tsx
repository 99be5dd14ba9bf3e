/** The calendar feed's section of the account page, and its forms: create (or replace), turn off. */
import type { AccountContext } from '../../http/context.js';
import {
  createCalendarFeed,
  revokeCalendarFeed,
} from '../../services/accounts/calendar-feed.service.js';
import type { AccountChange } from './account-page.js';
import { writeAccountFlash } from './flash.js';
import {
  PostForm,
  ShownOnceNotice,
  TitledSection,
  formatDay,
  type SignedInRoutes,
} from './page-kit.js';

/** The calendar-subscription form of a feed's address (webcal://), which calendar apps open. */
function webcalUrl(url: string): string {
  return url.replace(/^https?:\/\//, 'webcal://');
}

export function CalendarFeedSection(props: {
  csrf: string;
  feed: { active: boolean; createdAt: string | null };
  /** The new feed's address, shown once after it was made. */
  newFeedUrl: string | null;
}): JSX.Element {
  return (
    <TitledSection id="calendar" title="Calendar feed">
      <p>
        A private address your calendar app subscribes to: it always shows the follow-up steps still
        to do. Anyone with the address can read it, so keep it to yourself.
      </p>
      <ShownOnceNotice
        intro="Your calendar address (shown only now; copy it into your calendar app as a subscription):"
        value={props.newFeedUrl}
        copyId="feed-url"
      >
        {props.newFeedUrl ? (
          <p>
            <a href={webcalUrl(props.newFeedUrl)}>Subscribe in your calendar app</a> (opens the app
            that handles calendar subscriptions on this device).
          </p>
        ) : (
          ''
        )}
      </ShownOnceNotice>
      <p>
        {props.feed.active
          ? `You have a calendar feed, created on ${formatDay(props.feed.createdAt)}.`
          : 'You have no calendar feed.'}
      </p>
      <div class="button-row">
        <PostForm
          action="/account/feed"
          csrf={props.csrf}
          submit={props.feed.active ? 'Make a new address (the old one stops)' : 'Create my feed'}
        />
        {props.feed.active ? (
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
  );
}

export function registerCalendarFeedPages(
  signedIn: SignedInRoutes,
  context: AccountContext,
  change: AccountChange,
): void {
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
}
