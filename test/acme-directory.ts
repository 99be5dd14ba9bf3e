import type { Directory, Listing } from '../src/domain/directory/directory.js';
import { buildBranch, buildBrand, buildDirectory, buildListing } from './factories.js';

/**
 * The smallest directory an enquiry can be sent through: brand `acme`, listing `acme-driving`,
 * one branch `acme-york` that takes candidate email.
 */
export function acmeYorkDirectory(listing: Partial<Listing> = {}): Directory {
  return buildDirectory([
    buildBrand({
      slug: 'acme',
      listings: [
        buildListing({
          slug: 'acme-driving',
          ...listing,
          branches: [buildBranch({ id: 'acme-york', candidateEmail: 'york.jobs@acme.example' })],
        }),
      ],
    }),
  ]);
}
