/**
 * The Agency Search query: parsed from loose input (a query string, CLI options), validated with
 * the form's exact messages, every bad field at once. Unknown parameters are ignored.
 */
import { ProblemList } from '../errors.js';
import { LIMITS } from '../validation/limits.js';
import { firstValue } from '../validation/text.js';
import {
  findIndustry,
  findSubsector,
  isEmploymentType,
  isPurpose,
  isSearchOrder,
  type EmploymentType,
  type Industry,
  type Purpose,
  type SearchOrder,
  type Subsector,
} from './taxonomy.js';

export const SEARCH_MESSAGES = {
  industry: 'You must select an industry from the list',
  purpose: 'You must select a status from the list',
  location: 'You must enter a location',
} as const;

const SEARCH_LIMITS = LIMITS.search;

export interface SearchQuery {
  industry: Industry;
  subsector: Subsector | null;
  purpose: Purpose;
  location: string;
  employmentTypes: EmploymentType[];
  /** The order asked for; null lets the engine choose (nearest for local sub-sectors, else covers). */
  order: SearchOrder | null;
  radiusMiles: number | null;
  /** Only verified listings (`verified=true`). */
  verified: boolean;
  /**
   * The website's rule for facet counts: an order asked for counts for a sub-sector only where
   * the website offers it (see isOrderOffered); the API (false) keeps it for every sub-sector.
   */
  offeredOrdersOnly?: boolean;
  /** Normalised words of the free-text filter; the last one matches as a prefix. */
  words: string[];
  q: string;
  page: number;
  pageSize: number;
}

/** Raw parameters as a query string gives them: a value, a repeated list, or nothing. */
export type RawSearchParams = Record<string, unknown>;

function many(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list
    .flatMap((v) =>
      typeof v === 'string' ? v.split(',') : typeof v === 'number' ? [String(v)] : [],
    )
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** Splits text into lower-case words without accents, as the index stores them. */
export function normaliseWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

function parseInteger(
  problems: ProblemList,
  field: string,
  raw: string | undefined,
  limits: { min: number; max: number },
  label: string,
): number | null {
  if (raw === undefined || raw.trim() === '') return null;
  const value = Number(raw.trim());
  if (!/^[+]?\d+(\.\d+)?$/.test(raw.trim()) || !Number.isFinite(value)) {
    problems.add(field, 'invalid', `${label} must be a number from ${limits.min} to ${limits.max}`);
    return null;
  }
  if (value < limits.min || value > limits.max) {
    problems.add(field, 'out-of-range', `${label} must be from ${limits.min} to ${limits.max}`);
    return null;
  }
  return value;
}

/**
 * Validates search parameters. Throws a DomainError naming every bad field, with the seed's
 * exact messages for the three required fields.
 */
export function parseSearchQuery(raw: RawSearchParams): SearchQuery {
  const problems = new ProblemList();
  const industryRaw = firstValue(raw.industry)?.trim() ?? '';
  const industry = industryRaw === '' ? undefined : findIndustry(industryRaw);
  if (!industry)
    problems.add(
      'industry',
      industryRaw === '' ? 'required' : 'not-in-list',
      SEARCH_MESSAGES.industry,
    );

  const purposeRaw = firstValue(raw.purpose)?.trim().toLowerCase() ?? '';
  if (!isPurpose(purposeRaw))
    problems.add(
      'purpose',
      purposeRaw === '' ? 'required' : 'not-in-list',
      SEARCH_MESSAGES.purpose,
    );

  const location = (firstValue(raw.location) ?? '').trim().replace(/\s+/g, ' ');
  if (location === '') problems.add('location', 'required', SEARCH_MESSAGES.location);
  else if (location.length > SEARCH_LIMITS.locationLength) {
    problems.add(
      'location',
      'too-long',
      `Location must be at most ${SEARCH_LIMITS.locationLength} characters`,
    );
  }

  let subsector: Subsector | null = null;
  const subsectorRaw = firstValue(raw.subsector)?.trim() ?? '';
  if (subsectorRaw !== '' && industry) {
    const found = findSubsector(industry.slug, subsectorRaw);
    if (!found) {
      problems.add(
        'subsector',
        'not-in-list',
        `Choose a sub-sector of ${industry.name} from the list, or leave it empty for the whole industry`,
      );
    } else subsector = found;
  }

  const employmentTypes: EmploymentType[] = [];
  for (const value of many(raw.employmentType)) {
    const v = value.toLowerCase();
    if (!isEmploymentType(v)) {
      problems.add(
        'employmentType',
        'not-in-list',
        'Employment type must be permanent, temporary, contract or temp-to-perm',
      );
      break;
    }
    if (!employmentTypes.includes(v)) employmentTypes.push(v);
  }

  const orderRaw = firstValue(raw.order)?.trim().toLowerCase() ?? '';
  let order: SearchOrder | null = null;
  if (orderRaw !== '') {
    if (isSearchOrder(orderRaw)) order = orderRaw;
    else problems.add('order', 'not-in-list', 'Order must be covers, specialists or nearest');
  }

  const radiusMiles = parseInteger(
    problems,
    'radiusMiles',
    firstValue(raw.radiusMiles),
    SEARCH_LIMITS.radiusMiles,
    'Radius in miles',
  );

  const verifiedRaw = firstValue(raw.verified)?.trim().toLowerCase() ?? '';
  let verified = false;
  if (verifiedRaw === 'true' || verifiedRaw === 'on' || verifiedRaw === '1') verified = true;
  else if (verifiedRaw !== '' && verifiedRaw !== 'false' && verifiedRaw !== '0')
    problems.add('verified', 'invalid', 'Verified must be true or false');

  const q = (firstValue(raw.q) ?? '').trim();
  let words: string[] = [];
  if (q.length > SEARCH_LIMITS.qLength)
    problems.add('q', 'too-long', `Keywords must be at most ${SEARCH_LIMITS.qLength} characters`);
  else {
    words = normaliseWords(q);
    if (words.length > SEARCH_LIMITS.qWords)
      problems.add('q', 'too-long', `Use at most ${SEARCH_LIMITS.qWords} keywords`);
  }

  const pageRaw = parseInteger(problems, 'page', firstValue(raw.page), SEARCH_LIMITS.page, 'Page');
  const pageSizeRaw = parseInteger(
    problems,
    'pageSize',
    firstValue(raw.pageSize),
    SEARCH_LIMITS.pageSize,
    'Page size',
  );
  if (pageRaw !== null && !Number.isInteger(pageRaw))
    problems.add('page', 'invalid', 'Page must be a whole number');
  if (pageSizeRaw !== null && !Number.isInteger(pageSizeRaw))
    problems.add('pageSize', 'invalid', 'Page size must be a whole number');

  problems.throwIfAny();
  return {
    industry: industry!,
    subsector,
    purpose: purposeRaw as Purpose,
    location,
    employmentTypes,
    order,
    radiusMiles,
    verified,
    words,
    q,
    page: pageRaw ?? 1,
    pageSize: pageSizeRaw ?? SEARCH_LIMITS.pageSize.default,
  };
}
