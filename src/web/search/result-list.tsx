/**
 * The results of a page as cards, with several divisions of one brand grouped under the brand's
 * first card ("and 2 more divisions of X"), in a <details> that works without JavaScript.
 */
import { escapeHtml } from '@kitajs/html';
import type { SearchResult } from '../../domain/directory/search-outcome.js';
import type { Listing } from '../../domain/directory/directory.js';
import { AgencyCard, type CardProps } from './agency-card.js';
import { plural } from '../shared/format.js';
import { attr } from '../shared/layout.js';

export interface ResultEntry {
  result: SearchResult;
  listing: Listing;
  brand: { slug: string; name: string };
}

export interface ResultGroup {
  brand: { slug: string; name: string };
  lead: ResultEntry;
  /** The brand's other divisions on this page, in the page's order. */
  more: ResultEntry[];
}

/**
 * Groups a page's results by brand, each group where its first result stands: the order of the
 * page is kept for the leads, and a brand's later divisions move up under its lead.
 */
export function groupByBrand(entries: readonly ResultEntry[]): ResultGroup[] {
  const groups: ResultGroup[] = [];
  const byBrand = new Map<string, ResultGroup>();
  for (const entry of entries) {
    const group = byBrand.get(entry.brand.slug);
    if (group) group.more.push(entry);
    else {
      const created: ResultGroup = { brand: entry.brand, lead: entry, more: [] };
      byBrand.set(entry.brand.slug, created);
      groups.push(created);
    }
  }
  return groups;
}

/** "and 2 more divisions of Pennine Recruitment Group". */
export function moreDivisionsText(group: ResultGroup): string {
  return `and ${plural(group.more.length, 'more division')} of ${group.brand.name}`;
}

type SharedCardProps = Omit<CardProps, 'result' | 'listing' | 'isFavourite' | 'nested'>;

export function ResultList(props: {
  entries: readonly ResultEntry[];
  favourites: ReadonlySet<string>;
  card: SharedCardProps;
  labelledBy: string;
}) {
  const card = (entry: ResultEntry, nested: boolean) => (
    <AgencyCard
      {...props.card}
      result={entry.result}
      listing={entry.listing}
      isFavourite={props.favourites.has(entry.result.slug)}
      nested={nested}
    />
  );
  return (
    <ul class="card-list" aria-labelledby={props.labelledBy}>
      {groupByBrand(props.entries).map((group) => (
        <li>
          {card(group.lead, false)}
          {group.more.length > 0 ? (
            <details class="brand-divisions">
              <summary>{escapeHtml(moreDivisionsText(group))}</summary>
              <ul class="card-list" aria-label={attr(`More divisions of ${group.brand.name}`)}>
                {group.more.map((entry) => (
                  <li>{card(entry, true)}</li>
                ))}
              </ul>
            </details>
          ) : (
            ''
          )}
        </li>
      ))}
    </ul>
  );
}
