/**
 * The `why` sentences of a search result, from facts the presentation has worked out. Texts that
 * repeat across results (a listing's coverage, "Offers ... work", names in prose) are built once
 * and kept.
 */
import { TYPE_BITS, type IndexedListing } from './search-index.js';
import { EMPLOYMENT_TYPES } from './taxonomy.js';

function joinWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const PROSE_NAMES = new Map<string, string>();
/** "Yorkshire and The Humber" reads "Yorkshire and the Humber" inside a sentence. */
export function proseName(name: string): string {
  let prose = PROSE_NAMES.get(name);
  if (prose === undefined) {
    prose = name.replace(/(?<=\S )The\b/g, 'the');
    if (PROSE_NAMES.size < 10_000) PROSE_NAMES.set(name, prose);
  }
  return prose;
}

/** "Offers temporary and contract work" by employment-type mask, built once per mask. */
const OFFERS_TEXT: (string | null)[] = [];
export function offersText(mask: number): string | null {
  if (mask === 0) return null;
  let text = OFFERS_TEXT[mask];
  if (text === undefined) {
    const labels = EMPLOYMENT_TYPES.filter((t) => (mask & TYPE_BITS[t.value]) !== 0).map((t) =>
      t.label.toLowerCase(),
    );
    text = `Offers ${joinWords(labels)} work`;
    OFFERS_TEXT[mask] = text;
  }
  return text;
}

/** "Greater London", "Greater London, Kent and 3 more": a listing's coverage in a sentence. */
function coveredText(listing: IndexedListing): string {
  if (listing.coveredText === undefined) {
    if (listing.presentedCoverage === 'national') listing.coveredText = 'the whole UK';
    else {
      const names = listing.presentedCoverage.map((e) => proseName(e.name));
      listing.coveredText =
        names.length > 3
          ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`
          : joinWords(names);
    }
  }
  return listing.coveredText;
}

/** Whole miles for a sentence: "less than a mile", "1 mile", "20 miles". */
function wholeMilesText(miles: number): string {
  const rounded = Math.round(miles);
  if (rounded === 0) return 'less than a mile';
  return rounded === 1 ? '1 mile' : `${rounded} miles`;
}

/**
 * Tiers 1 and 2: the coverage entry `name` behind the tier, said as lying inside the searched
 * place (`within`, an area search) or as including it (`including`), else on its own.
 */
export function coversWhy(
  name: string,
  relation: 'within' | 'including' | null,
  placeName: string,
): string {
  if (relation === 'within') return `Covers ${name}, in ${placeName}`;
  if (relation === 'including') return `Covers ${name}, including ${placeName}`;
  return `Covers ${name}`;
}

export const NATIONAL_WHY = 'Covers the whole UK';

/** Tier 4: the nearest office on the place's side of the Irish Sea, and the listing's coverage. */
export function nearbyOfficeWhy(
  listing: IndexedListing,
  townName: string,
  miles: number,
  isArea: boolean,
  placeName: string,
): string {
  const office =
    isArea && miles === 0
      ? `Office in ${townName}, inside ${placeName}`
      : `Office ${wholeMilesText(miles)} away in ${townName}`;
  return `${office}; covers ${coveredText(listing)}, not ${placeName}`;
}

/** Tier 5: what the listing covers, which is not the place. */
export function notCoveredWhy(listing: IndexedListing, placeName: string): string {
  return `Covers ${coveredText(listing)}, not ${placeName}`;
}

/** The named sub-sector (when the listing names the one searched), else the industry. */
export function specialismWhy(
  namedSubsector: string | null,
  industryName: string,
  industryCount: number,
): string {
  if (namedSubsector !== null) return `Specialises in ${namedSubsector}`;
  if (industryCount === 1) return `Specialises in ${industryName}`;
  return `Covers ${industryName} among ${industryCount} industries`;
}

/** The nearest office, at `tenths` of a mile (rounded) or, for an area, inside or outside it. */
export function nearestOfficeWhy(
  tenths: number,
  miles: number,
  townName: string,
  isArea: boolean,
  placeName: string,
): string {
  // tenths/10 formatted with one decimal, as toFixed(1) would (and much faster).
  const distanceText =
    tenths === 0
      ? 'less than 0.1 miles'
      : `${Math.floor(tenths / 10)}.${tenths % 10} ${tenths === 10 ? 'mile' : 'miles'}`;
  if (isArea && miles === 0) return `Office in ${townName}, inside ${placeName}`;
  if (isArea) return `Nearest office ${distanceText} away in ${townName}, outside ${placeName}`;
  return `Nearest office ${distanceText} away in ${townName}`;
}
