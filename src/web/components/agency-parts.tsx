/**
 * What an agency's profile and its cards in a list show alike: the badge and brand after its name,
 * the head of a card, and the website's button.
 */
import { escapeHtml } from '@kitajs/html';
import { RevealAction, agencyPath } from '../shared/agency-links.js';

/** After the name, inside its heading ('' for an agency that is not verified). */
export function VerifiedBadge(props: { verified: boolean }) {
  return props.verified ? <span class="badge badge-verified">Verified</span> : '';
}

/** Under the heading: the brand, only when it is not the agency's own name. */
export function BrandLine(props: { brand: string; name: string }) {
  return props.brand !== props.name ? (
    <p class="card-meta">Part of {escapeHtml(props.brand)}</p>
  ) : (
    ''
  );
}

/** An agency's name as the title of its card, linked, then its brand and description. */
export function AgencyCardHead(props: {
  heading: 'h2' | 'h3';
  /** The title link's id, which names the card. */
  id: string;
  href: string;
  name: string;
  verified: boolean;
  brand: string;
  description: string;
}) {
  const Title = props.heading;
  return (
    <>
      <Title class="card-title">
        <a id={props.id} href={props.href}>
          {escapeHtml(props.name)}
        </a>{' '}
        <VerifiedBadge verified={props.verified} />
      </Title>
      <BrandLine brand={props.brand} name={props.name} />
      <p>{escapeHtml(props.description)}</p>
    </>
  );
}

/** The button to an agency's website, through the reveal ('' for an agency without one). */
export function WebsiteAction(props: {
  slug: string;
  website: string | null | undefined;
  purpose: string | null;
  class: string;
  /** Said to screen readers after "Visit Website". */
  context: string;
}) {
  return props.website ? (
    <RevealAction
      class={props.class}
      href={`${agencyPath(props.slug)}/website`}
      purpose={props.purpose}
      label="Visit Website"
      context={props.context}
    />
  ) : (
    ''
  );
}
