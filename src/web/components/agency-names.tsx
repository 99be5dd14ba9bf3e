/** What follows an agency's name wherever it is shown: its badge, then its brand. */
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
