/**
 * What follows an agency's name wherever it is shown: its badge, then its brand; and the head of
 * its card in a list.
 */
import { escapeHtml } from '@kitajs/html';

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
