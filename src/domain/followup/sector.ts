/** An employer's sector, matched against the directory's taxonomy to suggest a style. */
import { findIndustry, listIndustries, type Industry } from '../directory/taxonomy.js';
import type { SectorStyle } from './rule-types.js';
import { DEFAULT_SETTINGS, type FollowUpSettings } from './settings.js';
import { toKey } from './text.js';

/**
 * The taxonomy industry a sector names: its slug (`legal`, `IT`), an `industry/subsector` key,
 * or the industry's display name ("Government / Public Sector"), ignoring case.
 */
export function findSectorIndustry(sector: string): Industry | undefined {
  const slug = sector.split('/')[0] ?? sector;
  const bySlug = findIndustry(slug);
  if (bySlug) return bySlug;
  const key = toKey(sector);
  return listIndustries().find((industry) => toKey(industry.name) === key);
}

/**
 * The style a sector suggests. Taxonomy slugs and names are matched case-insensitively; free
 * text is compared with the slugs ignoring case, spaces and punctuation ("Media & PR").
 */
export function classifySector(
  sector: string | undefined,
  settings: FollowUpSettings = DEFAULT_SETTINGS,
): SectorStyle {
  if (!sector) return 'other';
  const key = toKey(findSectorIndustry(sector)?.slug ?? sector);
  if (settings.sectorStyles.traditional.some((slug) => toKey(slug) === key)) return 'traditional';
  if (settings.sectorStyles.fastMoving.some((slug) => toKey(slug) === key)) return 'fast-moving';
  return 'other';
}
