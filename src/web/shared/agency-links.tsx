/**
 * What every page about a listing shows the same way: its address, the breadcrumbs, the
 * favourite button, the Phone Number / Visit Website actions and the coverage sentence.
 */
import { escapeHtml } from '@kitajs/html';
import type { Branch } from '../../domain/directory/directory.js';
import { joinList, plural } from './format.js';
import { attr } from './layout.js';

export function agencyPath(slug: string): string {
  return `/agencies/${encodeURIComponent(slug)}`;
}

/** "Leeds office, 1 Park Row, LS1 5AB". */
export function officeText(branch: Pick<Branch, 'name' | 'address' | 'postcode'>): string {
  return `${branch.name}, ${branch.address}, ${branch.postcode}`;
}

/** The query string that carries the visitor's purpose to agency pages. */
export function purposeQuery(purpose: string | null | undefined): string {
  return purpose === 'job' || purpose === 'staff' ? `?purpose=${purpose}` : '';
}

/** Agency Search › the listing (› `here`, a page of the listing's). */
export function AgencyBreadcrumbs(props: {
  listing: { slug: string; name: string };
  here?: string;
}) {
  return (
    <nav class="breadcrumbs" aria-label="Breadcrumb">
      <a href="/">Agency Search</a> <span aria-hidden="true">›</span>{' '}
      {props.here ? (
        <>
          <a href={agencyPath(props.listing.slug)}>{escapeHtml(props.listing.name)}</a>{' '}
          <span aria-hidden="true">›</span>{' '}
          <span aria-current="page">{escapeHtml(props.here)}</span>
        </>
      ) : (
        <span aria-current="page">{escapeHtml(props.listing.name)}</span>
      )}
    </nav>
  );
}

/** "National (the whole UK)" or "Leeds, West Yorkshire and 3 more places". */
export function coverageText(coverage: 'national' | readonly { name: string }[], max = 4): string {
  if (coverage === 'national') return 'The whole UK';
  const names = coverage.map((c) => c.name);
  if (names.length <= max) return joinList(names);
  return `${names.slice(0, max).join(', ')} and ${plural(names.length - max, 'more place')}`;
}

/**
 * Add to / remove from favourites: a POST form that works without JavaScript. Signed in, the
 * favourites are the account's, so the form carries the CSRF token (`csrf`).
 */
export function FavouriteButton(props: {
  slug: string;
  name: string;
  isFavourite: boolean;
  returnTo: string;
  small?: boolean;
  csrf?: string | null | undefined;
}) {
  return (
    <form method="post" action="/favourites" class="favourite-form">
      {props.csrf ? <input type="hidden" name="_csrf" value={props.csrf} /> : ''}
      <input type="hidden" name="slug" value={props.slug} />
      <input type="hidden" name="action" value={props.isFavourite ? 'remove' : 'add'} />
      <input type="hidden" name="return" value={attr(props.returnTo)} />
      <button
        type="submit"
        class={
          props.small === false ? 'button button-secondary' : 'button button-secondary button-small'
        }
      >
        {props.isFavourite ? 'Remove from favourites' : 'Add to favourites'}
        <span class="visually-hidden">: {escapeHtml(props.name)}</span>
      </button>
    </form>
  );
}

/**
 * Phone Number / Visit Website. A job seeker is never asked for a company name, so for them the
 * action is a one-click form that posts straight past that step (the reveal is still counted);
 * an employer, or a visitor whose purpose is unknown, goes to the step, where the name is
 * optional.
 */
export function RevealAction(props: {
  href: string;
  purpose: string | null | undefined;
  label: string;
  /** Said to screen readers after the label (which agency, which office). */
  context: string;
  class: string;
}) {
  if (props.purpose === 'job') {
    return (
      <form method="post" action={attr(props.href)} class="reveal-form">
        <input type="hidden" name="skip" value="yes" />
        <button type="submit" class={props.class}>
          {escapeHtml(props.label)}
          <span class="visually-hidden">{escapeHtml(props.context)}</span>
        </button>
      </form>
    );
  }
  return (
    <a class={props.class} href={attr(props.href)}>
      {escapeHtml(props.label)}
      <span class="visually-hidden">{escapeHtml(props.context)}</span>
    </a>
  );
}
