/**
 * Validation of a directory as it arrives from an import (JSON or CSV turned into the nested
 * shape). Every problem is collected with its path (`brands[3].listings[0].branches[2].postcode`)
 * and reported at once; nothing partial is ever returned.
 */
import { isValid as isValidPostcode, toNormalised } from 'postcode';
import { DomainError } from '../errors.js';
import { isObject, type JsonObject } from '../validation/text.js';
import { Checker, isCalendarDate, LIMIT, parseBoolean } from './directory-fields.js';
import type { Branch, Brand, Coverage, Directory, Listing } from './directory.js';
import { findPlaceById } from './places.js';
import {
  findIndustry,
  findSubsector,
  isEmploymentType,
  isPurpose,
  type EmploymentType,
  type Purpose,
} from './taxonomy.js';

/**
 * What brands, listings and branches all start with: an object, a key unique across the file
 * ("Branch id", "Listing slug") and a name ("Branch name").
 */
function readRecord(
  c: Checker,
  raw: unknown,
  path: string,
  what: 'Brand' | 'Listing' | 'Branch',
  key: 'slug' | 'id',
  seen: Map<string, string>,
): { raw: JsonObject; key: string | null; name: string | null } | null {
  if (!isObject(raw)) {
    c.problems.add(path, 'invalid', `Each ${what.toLowerCase()} must be an object`);
    return null;
  }
  return {
    raw,
    key: c.slug(raw, key, path, `${what} ${key}`, seen),
    name: c.text(raw, 'name', path, { max: LIMIT.name, required: true, label: `${what} name` }),
  };
}

function parseBranch(c: Checker, item: unknown, path: string): Branch | null {
  const record = readRecord(c, item, path, 'Branch', 'id', c.branchIds);
  if (!record) return null;
  const { raw, key: id, name } = record;
  const address = c.text(raw, 'address', path, {
    max: LIMIT.address,
    required: true,
    label: 'Address',
  });
  const townRaw = c.text(raw, 'town', path, { max: LIMIT.town, required: true, label: 'Town' });
  let town: string | null = null;
  if (townRaw !== null) {
    const place = findPlaceById(townRaw);
    if (place?.kind !== 'town') {
      c.problems.add(
        `${path}.town`,
        'not-in-list',
        `Town "${townRaw}" is not a town id from the gazetteer (e.g. town:leeds)`,
      );
    } else town = place.id;
  }
  const postcodeRaw = c.text(raw, 'postcode', path, {
    max: LIMIT.postcode,
    required: true,
    label: 'Postcode',
  });
  let postcode: string | null = null;
  if (postcodeRaw !== null) {
    if (!isValidPostcode(postcodeRaw)) {
      c.problems.add(
        `${path}.postcode`,
        'invalid',
        `Postcode "${postcodeRaw}" is not a valid UK postcode`,
      );
    } else postcode = toNormalised(postcodeRaw);
  }
  const lat = c.coordinate(raw, 'lat', path, 'Latitude', 49, 61);
  const lon = c.coordinate(raw, 'lon', path, 'Longitude', -9, 2.5);
  const candidatePhone = c.phone(raw, 'candidatePhone', path, 'Candidate phone');
  const candidateEmail = c.email(raw, 'candidateEmail', path, 'Candidate email');
  const employerPhone = c.phone(raw, 'employerPhone', path, 'Employer phone');
  const employerEmail = c.email(raw, 'employerEmail', path, 'Employer email');
  if (
    id === null ||
    name === null ||
    address === null ||
    town === null ||
    postcode === null ||
    lat === null ||
    lon === null
  ) {
    return null;
  }
  return {
    id,
    name,
    address,
    town,
    postcode,
    lat,
    lon,
    candidatePhone,
    candidateEmail,
    employerPhone,
    employerEmail,
  };
}

function parseCoverage(c: Checker, raw: unknown, path: string): Coverage | null {
  const field = `${path}.coverage`;
  if (raw === 'national') return 'national';
  if (!Array.isArray(raw) || raw.length === 0) {
    c.problems.add(
      field,
      raw === undefined || raw === null ? 'required' : 'invalid',
      'Coverage must be "national" or a list of place ids',
    );
    return null;
  }
  if (raw.length === 1 && raw[0] === 'national') return 'national';
  return c.list({ coverage: raw }, 'coverage', path, 'Coverage', (value, f) => {
    const place = typeof value === 'string' ? findPlaceById(value.trim()) : undefined;
    if (!place) {
      c.problems.add(
        f,
        'not-in-list',
        `Coverage "${String(value)}" is not a place id (town:..., county:..., region:... or nation:...)`,
      );
      return null;
    }
    return place.id;
  });
}

function parseListing(c: Checker, item: unknown, path: string): Listing | null {
  const record = readRecord(c, item, path, 'Listing', 'slug', c.listingSlugs);
  if (!record) return null;
  const { raw, key: slug, name } = record;
  const description =
    c.text(raw, 'description', path, {
      max: LIMIT.description,
      required: false,
      label: 'Description',
    }) ?? '';
  const website = c.text(raw, 'website', path, {
    max: LIMIT.website,
    required: false,
    label: 'Website',
  });
  let websiteOk = true;
  if (website !== null) {
    let url: URL | null = null;
    try {
      url = new URL(website);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      c.problems.add(
        `${path}.website`,
        'invalid',
        `Website "${website}" must be an http:// or https:// address`,
      );
      websiteOk = false;
    }
  }
  const verified = parseBoolean(raw.verified ?? false);
  if (verified === null)
    c.problems.add(`${path}.verified`, 'invalid', 'Verified must be true or false');
  const listedSince = c.text(raw, 'listedSince', path, {
    max: LIMIT.date,
    required: true,
    label: 'Listed since',
  });
  if (listedSince !== null && !isCalendarDate(listedSince)) {
    c.problems.add(
      `${path}.listedSince`,
      'invalid',
      `Listed since "${listedSince}" must be a date written YYYY-MM-DD`,
    );
  }
  const industries = c.list(raw, 'industries', path, 'Industries', (value, f) => {
    const industry = typeof value === 'string' ? findIndustry(value) : undefined;
    if (!industry) {
      c.problems.add(
        f,
        'not-in-list',
        `Industry "${String(value)}" is not in the list of industries`,
      );
      return null;
    }
    return industry.slug;
  });
  const subsectorsRaw = raw.subsectors ?? [];
  let subsectors: string[] | null = [];
  if (!Array.isArray(subsectorsRaw)) {
    c.problems.add(
      `${path}.subsectors`,
      'invalid',
      'Sub-sectors must be a list of industry/subsector values',
    );
    subsectors = null;
  } else if (subsectorsRaw.length > 0) {
    subsectors = c.list(
      { subsectors: subsectorsRaw },
      'subsectors',
      path,
      'Sub-sectors',
      (value, f) => {
        if (typeof value !== 'string' || !value.includes('/')) {
          c.problems.add(
            f,
            'invalid',
            `Sub-sector "${String(value)}" must be written industry/subsector`,
          );
          return null;
        }
        const [industryPart = ''] = value.trim().split('/');
        const industry = findIndustry(industryPart);
        const subsector = industry ? findSubsector(industry.slug, value.trim()) : undefined;
        if (!industry || !subsector) {
          c.problems.add(
            f,
            'not-in-list',
            `Sub-sector "${value}" is not in the list of sub-sectors`,
          );
          return null;
        }
        if (industries && !industries.includes(industry.slug)) {
          c.problems.add(
            f,
            'invalid',
            `Sub-sector "${value}" belongs to ${industry.name}, which the listing does not cover`,
          );
          return null;
        }
        return `${industry.slug}/${subsector.slug}`;
      },
    );
  }
  const employmentTypes = c.list(raw, 'employmentTypes', path, 'Employment types', (value, f) => {
    if (!isEmploymentType(value)) {
      c.problems.add(
        f,
        'not-in-list',
        `Employment type "${String(value)}" must be permanent, temporary, contract or temp-to-perm`,
      );
      return null;
    }
    return value satisfies EmploymentType;
  });
  const purposes = c.list(raw, 'purposes', path, 'Purposes', (value, f) => {
    if (!isPurpose(value)) {
      c.problems.add(f, 'not-in-list', `Purpose "${String(value)}" must be job or staff`);
      return null;
    }
    return value satisfies Purpose;
  });
  const coverage = parseCoverage(c, raw.coverage, path);
  const branches = c.list(raw, 'branches', path, 'Branches', (value, f) =>
    parseBranch(c, value, f),
  );
  if (
    slug === null ||
    name === null ||
    !websiteOk ||
    verified === null ||
    listedSince === null ||
    !isCalendarDate(listedSince) ||
    industries === null ||
    subsectors === null ||
    employmentTypes === null ||
    purposes === null ||
    coverage === null ||
    branches === null
  ) {
    return null;
  }
  return {
    slug,
    name,
    description,
    website,
    verified,
    listedSince,
    industries,
    subsectors,
    employmentTypes,
    purposes,
    coverage,
    branches,
  };
}

function parseBrand(c: Checker, item: unknown, path: string): Brand | null {
  const record = readRecord(c, item, path, 'Brand', 'slug', c.brandSlugs);
  if (!record) return null;
  const { raw, key: slug, name } = record;
  const listings = c.list(raw, 'listings', path, 'Listings', (value, f) =>
    parseListing(c, value, f),
  );
  if (slug === null || name === null || listings === null) return null;
  return { slug, name, listings };
}

/**
 * Checks a whole directory (the parsed JSON export format) and returns it normalised, or throws
 * one DomainError listing every problem with its JSON path.
 */
export function parseDirectory(raw: unknown): Directory {
  const c = new Checker();
  if (!isObject(raw)) {
    throw DomainError.single(
      'invalid',
      'A directory file must be a JSON object with a "brands" list',
      null,
    );
  }
  if (raw.format !== undefined && raw.format !== 'shortlist-directory') {
    c.problems.add('format', 'invalid', 'format must be "shortlist-directory"');
  }
  if (raw.version !== undefined && raw.version !== 1) {
    c.problems.add('version', 'invalid', 'version must be 1; this build reads version 1 files');
  }
  if (!Array.isArray(raw.brands)) {
    c.problems.add('brands', 'required', 'brands must be a list of brands');
    c.problems.throwIfAny();
    return { brands: [] };
  }
  const brands: Brand[] = [];
  raw.brands.forEach((value, i) => {
    const brand = parseBrand(c, value, `brands[${i}]`);
    if (brand) brands.push(brand);
  });
  c.problems.throwIfAny();
  return { brands };
}
