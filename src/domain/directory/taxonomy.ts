/**
 * The search taxonomy: industries and their sub-sectors, purposes, employment types and result
 * orders, with case-insensitive lookups. Pure: the data is a module, the lookup maps are built once
 * at load, and every value handed out is frozen (presentTaxonomy returns a fresh copy instead).
 */
import { INDUSTRY_DATA } from './taxonomy-data.js';

/** A sub-sector of one industry; `local` marks local volume work, where distance matters. */
export interface Subsector {
  slug: string;
  name: string;
  local: boolean;
}

/** An industry of the directory with its hand-authored sub-sectors (slugs unique within it). */
export interface Industry {
  slug: string;
  name: string;
  subsectors: readonly Subsector[];
}

/** What the user wants a recruitment agency to do. */
export type Purpose = 'job' | 'staff';
/** The kinds of employment a search may be restricted to (several may be ticked). */
export type EmploymentType = 'permanent' | 'temporary' | 'contract' | 'temp-to-perm';
/** How search results are ordered; `covers` is the default. */
export type SearchOrder = 'covers' | 'specialists' | 'nearest';

/** The body of GET /api/taxonomy: plain, JSON-ready data, a fresh copy on every call. */
export interface TaxonomyView {
  industries: { slug: string; name: string; subsectors: Subsector[] }[];
  purposes: { value: Purpose; label: string }[];
  employmentTypes: { value: EmploymentType; label: string }[];
  orders: { value: SearchOrder; label: string }[];
}

/** The two purposes, in form order, with the labels that complete "I'd like a recruitment agency to...". */
export const PURPOSES: readonly { readonly value: Purpose; readonly label: string }[] = deepFreeze([
  { value: 'job', label: 'find me a job' },
  { value: 'staff', label: 'find me staff' },
]);

/** The four employment types, in form order, with their display labels. */
export const EMPLOYMENT_TYPES: readonly {
  readonly value: EmploymentType;
  readonly label: string;
}[] = deepFreeze([
  { value: 'permanent', label: 'Permanent' },
  { value: 'temporary', label: 'Temporary' },
  { value: 'contract', label: 'Contract' },
  { value: 'temp-to-perm', label: 'Temp to Perm' },
]);

/** The three result orders, default (`covers`) first, with their display labels. */
export const ORDERS: readonly { readonly value: SearchOrder; readonly label: string }[] =
  deepFreeze([
    { value: 'covers', label: 'Agencies who cover this location' },
    { value: 'specialists', label: 'Specialists (Location not important)' },
    { value: 'nearest', label: 'Agencies nearest to your location' },
  ]);

interface SubsectorEntry {
  industry: Industry;
  subsector: Subsector;
}

const INDUSTRIES: readonly Industry[] = deepFreeze(INDUSTRY_DATA);
/** Lower-cased industry slug -> industry. */
const INDUSTRY_BY_SLUG = new Map<string, Industry>();
/** Lower-cased `industry/subsector` -> entry. */
const SUBSECTOR_BY_KEY = new Map<string, SubsectorEntry>();
const PURPOSE_VALUES = new Set<unknown>(PURPOSES.map((p) => p.value));
const EMPLOYMENT_TYPE_VALUES = new Set<unknown>(EMPLOYMENT_TYPES.map((e) => e.value));
const ORDER_VALUES = new Set<unknown>(ORDERS.map((o) => o.value));

for (const industry of INDUSTRIES) {
  const industryKey = normalise(industry.slug);
  if (INDUSTRY_BY_SLUG.has(industryKey)) {
    throw new Error(`Taxonomy data: duplicate industry slug "${industry.slug}"`);
  }
  INDUSTRY_BY_SLUG.set(industryKey, industry);
  for (const subsector of industry.subsectors) {
    const key = `${industryKey}/${normalise(subsector.slug)}`;
    if (SUBSECTOR_BY_KEY.has(key)) {
      throw new Error(`Taxonomy data: duplicate sub-sector "${industry.slug}/${subsector.slug}"`);
    }
    SUBSECTOR_BY_KEY.set(key, { industry, subsector });
  }
}

/** All industries in the directory's order; the array and everything in it is frozen. */
export function listIndustries(): readonly Industry[] {
  return INDUSTRIES;
}

/** The industry whose slug matches, ignoring case and surrounding spaces (`it` finds `IT`). */
export function findIndustry(slug: string): Industry | undefined {
  if (typeof slug !== 'string') return undefined;
  return INDUSTRY_BY_SLUG.get(normalise(slug));
}

/**
 * The sub-sector of that industry named by `ref`, a bare slug (`lgv`) or a key (`driving/lgv`)
 * whose industry part must be that same industry; case-insensitive. Empty ref: undefined.
 */
export function findSubsector(industrySlug: string, ref: string): Subsector | undefined {
  const industry = findIndustry(industrySlug);
  if (!industry || typeof ref !== 'string') return undefined;
  const industryKey = normalise(industry.slug);
  const slash = ref.indexOf('/');
  let subsectorPart = ref;
  if (slash !== -1) {
    if (normalise(ref.slice(0, slash)) !== industryKey) return undefined;
    subsectorPart = ref.slice(slash + 1);
  }
  return SUBSECTOR_BY_KEY.get(`${industryKey}/${normalise(subsectorPart)}`)?.subsector;
}

/** The industry and sub-sector named by an `industry/subsector` key (case-insensitive), if both exist. */
export function parseSubsectorKey(
  key: string,
): { industry: Industry; subsector: Subsector } | undefined {
  if (typeof key !== 'string') return undefined;
  const slash = key.indexOf('/');
  if (slash === -1) return undefined;
  const entry = SUBSECTOR_BY_KEY.get(
    `${normalise(key.slice(0, slash))}/${normalise(key.slice(slash + 1))}`,
  );
  return entry ? { industry: entry.industry, subsector: entry.subsector } : undefined;
}

/**
 * The canonical `industry/subsector` key: known slugs in their canonical spelling (`it/x` ->
 * `IT/x`), unknown parts trimmed and lower-cased.
 */
export function subsectorKey(industrySlug: string, subsectorSlug: string): string {
  const industry = findIndustry(industrySlug);
  const subsector = industry ? findSubsector(industry.slug, subsectorSlug) : undefined;
  return `${industry?.slug ?? normalise(industrySlug)}/${subsector?.slug ?? normalise(subsectorSlug)}`;
}

/** True exactly for `job` and `staff`. */
export function isPurpose(v: unknown): v is Purpose {
  return PURPOSE_VALUES.has(v);
}

/** True exactly for `permanent`, `temporary`, `contract` and `temp-to-perm`. */
export function isEmploymentType(v: unknown): v is EmploymentType {
  return EMPLOYMENT_TYPE_VALUES.has(v);
}

/** True exactly for `covers`, `specialists` and `nearest`. */
export function isSearchOrder(v: unknown): v is SearchOrder {
  return ORDER_VALUES.has(v);
}

/** The whole taxonomy as GET /api/taxonomy returns it, in display order; a fresh, mutable copy. */
export function presentTaxonomy(): TaxonomyView {
  return {
    industries: INDUSTRIES.map((industry) => ({
      slug: industry.slug,
      name: industry.name,
      subsectors: industry.subsectors.map((s) => ({ slug: s.slug, name: s.name, local: s.local })),
    })),
    purposes: PURPOSES.map((p) => ({ value: p.value, label: p.label })),
    employmentTypes: EMPLOYMENT_TYPES.map((e) => ({ value: e.value, label: e.label })),
    orders: ORDERS.map((o) => ({ value: o.value, label: o.label })),
  };
}

function normalise(s: string): string {
  return s.trim().toLowerCase();
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
