/** The favourites to take away: a CSV file, and an unsent email (.eml) to send to oneself. */
import { stringify } from 'csv-stringify/sync';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { ListingEntry } from '../../services/search.service.js';
import { audienceText, employmentTypeLabels, plural } from '../shared/format.js';
import { coverageOf, industriesOf, townsOf } from './favourite-texts.js';

/** Spreadsheets run cells that start with = + - @: such text is prefixed with an apostrophe. */
function csvCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The favourites as CSV, one row per listing, its profile linked at `origin`. */
export function favouritesCsv(entries: readonly ListingEntry[], origin: string): string {
  const rows = entries.map(({ listing, brand }) =>
    [
      listing.name,
      brand.name,
      `${origin}/agencies/${listing.slug}`,
      listing.verified ? 'yes' : 'no',
      industriesOf(listing),
      employmentTypeLabels(listing.employmentTypes).join('; '),
      audienceText(listing.purposes),
      coverageOf(listing),
      townsOf(listing).join('; '),
      listing.listedSince,
    ].map(csvCell),
  );
  return stringify(rows, {
    header: true,
    columns: [
      'Agency',
      'Brand',
      'Profile',
      'Verified',
      'Industries',
      'Employment types',
      'Works with',
      'Coverage',
      'Offices',
      'Listed since',
    ],
  });
}

/** The favourites as an unsent email (.eml) to open in a mail program and send to oneself. */
export async function buildFavouritesEml(
  entries: readonly ListingEntry[],
  origin: string,
  to: string | null,
): Promise<Buffer> {
  const lines = entries.map(({ listing }, i) =>
    [
      `${i + 1}. ${listing.name}${listing.verified ? ' (Verified)' : ''}`,
      `   ${listing.description}`,
      `   Offices: ${townsOf(listing).join(', ')}`,
      `   ${origin}/agencies/${listing.slug}`,
    ].join('\n'),
  );
  const text = [
    entries.length === 0
      ? 'My shortlist of recruitment agencies is empty.'
      : `My shortlist of ${plural(entries.length, 'recruitment agency', 'recruitment agencies')}:`,
    '',
    lines.join('\n\n'),
    '',
    `Saved from Shortlist: ${origin}/favourites`,
    '',
  ].join('\n');
  const composer = new MailComposer({
    // The address was checked against a strict pattern; MailComposer encodes it as one header.
    ...(to ? { to: { name: '', address: to } } : {}),
    subject: 'My shortlist of recruitment agencies',
    text,
    headers: { 'X-Unsent': '1' },
  });
  return composer.compile().build();
}
