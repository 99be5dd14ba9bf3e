/**
 * Validation of a directory as it arrives from an import (JSON or CSV turned into the nested
 * shape). Every problem is collected with its path (`brands[3].listings[0].branches[2].postcode`)
 * and reported at once; nothing partial is ever returned.
 */
import { isValid as isValidPostcode, toNormalised } from 'postcode';
import { DomainError, ProblemList } from '../errors.js';
import { isEmailAddress } from '../validation/email.js';
import { FieldReader, type TextStyle } from '../validation/field-reader.js';
import { LIMITS } from '../validation/limits.js';
import { isObject, type JsonObject } from '../validation/text.js';
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

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const PHONE_PATTERN = /^\+?[0-9][0-9 ()-]{5,22}[0-9]$/;

const LIMIT = LIMITS.directory;

type Obj = JsonObject;

/** An import's wording: trimmed text, control characters refused, no full stops. */
const DIRECTORY_STYLE: TextStyle = {
  clean: (raw) => raw.trim(),
  length: (text) => text.length,
  required: (label) => `${label} is required`,
  notText: (label) => `${label} must be text`,
  tooLong: (label, max, length) => `${label} must be at most ${max} characters (it has ${length})`,
  controlCharacters: (label) => `${label} contains control characters`,
};

/** True for a real calendar date written YYYY-MM-DD. */
function isCalendarDate(value: string): boolean {
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

class Checker {
  readonly problems = new ProblemList();
  readonly listingSlugs = new Map<string, string>();
  readonly branchIds = new Map<string, string>();
  readonly brandSlugs = new Map<string, string>();

  text(
    obj: Obj,
    key: string,
    path: string,
    opts: { max: number; required: boolean; label: string },
  ): string | null {
    return new FieldReader(this.problems, obj, path, DIRECTORY_STYLE).text(key, opts) ?? null;
  }

  slug(
    obj: Obj,
    key: string,
    path: string,
    label: string,
    seen: Map<string, string>,
  ): string | null {
    const value = this.text(obj, key, path, { max: LIMIT.slug, required: true, label });
    if (value === null) return null;
    if (!SLUG_PATTERN.test(value)) {
      this.problems.add(
        `${path}.${key}`,
        'invalid',
        `${label} "${value}" must be lower-case letters, digits and single hyphens`,
      );
      return null;
    }
    const previous = seen.get(value);
    if (previous !== undefined) {
      this.problems.add(
        `${path}.${key}`,
        'duplicate',
        `${label} "${value}" is already used at ${previous}`,
      );
      return null;
    }
    seen.set(value, path);
    return value;
  }

  list<T>(
    obj: Obj,
    key: string,
    path: string,
    label: string,
    each: (value: unknown, field: string) => T | null,
  ): T[] | null {
    const value = obj[key];
    const field = `${path}.${key}`;
    if (!Array.isArray(value) || value.length === 0) {
      this.problems.add(
        field,
        value === undefined || value === null || (Array.isArray(value) && value.length === 0)
          ? 'required'
          : 'invalid',
        `${label} must list at least one value`,
      );
      return null;
    }
    const out: T[] = [];
    let ok = true;
    const seen = new Set<unknown>();
    value.forEach((item, i) => {
      const parsed = each(item, `${field}[${i}]`);
      if (parsed === null) ok = false;
      else if (!seen.has(parsed)) {
        seen.add(parsed);
        out.push(parsed);
      }
    });
    return ok ? out : null;
  }

  email(obj: Obj, key: string, path: string, label: string): string | null {
    const value = this.text(obj, key, path, { max: LIMITS.email, required: false, label });
    if (value === null) return null;
    if (!isEmailAddress(value)) {
      this.problems.add(`${path}.${key}`, 'invalid', `${label} "${value}" is not an email address`);
      return null;
    }
    return value;
  }

  phone(obj: Obj, key: string, path: string, label: string): string | null {
    const value = this.text(obj, key, path, { max: LIMIT.phone, required: false, label });
    if (value === null) return null;
    if (!PHONE_PATTERN.test(value)) {
      this.problems.add(
        `${path}.${key}`,
        'invalid',
        `${label} "${value}" is not a telephone number`,
      );
      return null;
    }
    return value;
  }

  coordinate(
    obj: Obj,
    key: string,
    path: string,
    label: string,
    min: number,
    max: number,
  ): number | null {
    const raw = obj[key];
    const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
    if (value === undefined || value === null || raw === '') {
      this.problems.add(`${path}.${key}`, 'required', `${label} is required`);
      return null;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.problems.add(`${path}.${key}`, 'invalid', `${label} must be a number`);
      return null;
    }
    if (value < min || value > max) {
      this.problems.add(
        `${path}.${key}`,
        'out-of-range',
        `${label} must be between ${min} and ${max} to lie in the UK (it is ${value})`,
      );
      return null;
    }
    return value;
  }
}

function parseBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (['true', 'yes', '1'].includes(v)) return true;
    if (['false', 'no', '0', ''].includes(v)) return false;
  }
  return null;
}

function parseBranch(c: Checker, raw: unknown, path: string): Branch | null {
  if (!isObject(raw)) {
    c.problems.add(path, 'invalid', 'Each branch must be an object');
    return null;
  }
  const id = c.slug(raw, 'id', path, 'Branch id', c.branchIds);
  const name = c.text(raw, 'name', path, {
    max: LIMIT.name,
    required: true,
    label: 'Branch name',
  });
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

function parseListing(c: Checker, raw: unknown, path: string): Listing | null {
  if (!isObject(raw)) {
    c.problems.add(path, 'invalid', 'Each listing must be an object');
    return null;
  }
  const slug = c.slug(raw, 'slug', path, 'Listing slug', c.listingSlugs);
  const name = c.text(raw, 'name', path, {
    max: LIMIT.name,
    required: true,
    label: 'Listing name',
  });
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

function parseBrand(c: Checker, raw: unknown, path: string): Brand | null {
  if (!isObject(raw)) {
    c.problems.add(path, 'invalid', 'Each brand must be an object');
    return null;
  }
  const slug = c.slug(raw, 'slug', path, 'Brand slug', c.brandSlugs);
  const name = c.text(raw, 'name', path, { max: LIMIT.name, required: true, label: 'Brand name' });
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

/** Like parseDirectory, for a single brand (the merge import and agency self-service). */
export function parseBrandInput(raw: unknown, path = 'brand'): Brand {
  const c = new Checker();
  const brand = parseBrand(c, raw, path);
  c.problems.throwIfAny();
  if (!brand) throw DomainError.single('invalid', 'The brand is not valid', path);
  return brand;
}
