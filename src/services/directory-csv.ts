/**
 * The CSV form of the directory: one row per branch, carrying its listing's and brand's columns;
 * multi-valued fields separated by ";". Problems found by validation are reported by CSV line
 * (the header is line 1) and column.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Directory } from '../domain/directory/directory.js';
import { DomainError, type Problem } from '../domain/errors.js';

const CSV_COLUMNS = [
  'brand_slug',
  'brand_name',
  'listing_slug',
  'listing_name',
  'description',
  'website',
  'verified',
  'listed_since',
  'industries',
  'subsectors',
  'employment_types',
  'purposes',
  'coverage',
  'branch_id',
  'branch_name',
  'address',
  'town',
  'postcode',
  'lat',
  'lon',
  'candidate_phone',
  'candidate_email',
  'employer_phone',
  'employer_email',
] as const;

type Column = (typeof CSV_COLUMNS)[number];

const LISTING_COLUMNS: Record<string, Column> = {
  slug: 'listing_slug',
  name: 'listing_name',
  description: 'description',
  website: 'website',
  verified: 'verified',
  listedSince: 'listed_since',
  industries: 'industries',
  subsectors: 'subsectors',
  employmentTypes: 'employment_types',
  purposes: 'purposes',
  coverage: 'coverage',
  branches: 'branch_id',
};
const BRANCH_COLUMNS: Record<string, Column> = {
  id: 'branch_id',
  name: 'branch_name',
  address: 'address',
  town: 'town',
  postcode: 'postcode',
  lat: 'lat',
  lon: 'lon',
  candidatePhone: 'candidate_phone',
  candidateEmail: 'candidate_email',
  employerPhone: 'employer_phone',
  employerEmail: 'employer_email',
};
const BRAND_COLUMNS: Record<string, Column> = {
  slug: 'brand_slug',
  name: 'brand_name',
  listings: 'listing_slug',
};

const joinList = (values: readonly string[]) => values.join(';');
const splitList = (value: string) =>
  value
    .split(';')
    .map((v) => v.trim())
    .filter((v) => v !== '');

/** Writes a directory as CSV text with a header row. */
export function formatDirectoryCsv(directory: Directory): string {
  const rows: string[][] = [];
  for (const brand of directory.brands) {
    for (const l of brand.listings) {
      for (const b of l.branches) {
        rows.push([
          brand.slug,
          brand.name,
          l.slug,
          l.name,
          l.description,
          l.website ?? '',
          l.verified ? 'true' : 'false',
          l.listedSince,
          joinList(l.industries),
          joinList(l.subsectors),
          joinList(l.employmentTypes),
          joinList(l.purposes),
          l.coverage === 'national' ? 'national' : joinList(l.coverage),
          b.id,
          b.name,
          b.address,
          b.town,
          b.postcode,
          String(b.lat),
          String(b.lon),
          b.candidatePhone ?? '',
          b.candidateEmail ?? '',
          b.employerPhone ?? '',
          b.employerEmail ?? '',
        ]);
      }
    }
  }
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS], record_delimiter: '\n' });
}

export interface CsvDirectory {
  /** The nested shape, ready for parseDirectory; raw strings still to be validated. */
  raw: { brands: unknown[] };
  /** Maps a JSON path (`brands[0].listings[1].branches[2]`) to its CSV line. */
  lines: Map<string, number>;
}

/** The brand's and listing's columns, repeated on every row of a listing (the slugs group rows). */
const LISTING_FIELDS_CHECKED: Column[] = CSV_COLUMNS.slice(
  0,
  CSV_COLUMNS.indexOf('branch_id'),
).filter((column) => !column.endsWith('_slug'));

/**
 * Reads CSV text into the nested directory shape, grouping rows by brand and listing. Structural
 * problems (missing columns, a listing whose rows disagree) are thrown at once, by line.
 */
export function readDirectoryCsv(text: string): CsvDirectory {
  let records: { record: Record<string, string>; raw: string; info: { lines: number } }[];
  try {
    type CsvRecord = { record: Record<string, string>; raw: string; info: { lines: number } };
    records = parse<CsvRecord>(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      bom: true,
      info: true,
      raw: true,
      relax_column_count: false,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const lineMatch = /line (\d+)/i.exec(message);
    throw new DomainError([
      {
        field: null,
        code: 'invalid',
        message: `The CSV file could not be read: ${message}`,
        ...(lineMatch ? { line: Number(lineMatch[1]) } : {}),
      },
    ]);
  }
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const present = new Set(
    header.split(',').map((h) => h.trim().toLowerCase().replace(/^"|"$/g, '')),
  );
  const missing = CSV_COLUMNS.filter((c) => !present.has(c));
  if (missing.length > 0) {
    throw new DomainError(
      missing.map((column) => ({
        field: column,
        code: 'required',
        message: `The CSV header has no "${column}" column`,
        line: 1,
      })),
    );
  }
  const problems: Problem[] = [];
  const brands: { slug: string; name: string; listings: Record<string, unknown>[] }[] = [];
  const brandIndex = new Map<string, number>();
  const listingIndex = new Map<
    string,
    { brand: number; listing: number; line: number; record: Record<string, string> }
  >();
  const lines = new Map<string, number>();
  for (const { record, raw, info } of records) {
    // Report the line where the row starts: a quoted value may span several lines.
    const line = info.lines - (raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0);
    const brandSlug = (record.brand_slug ?? '').trim();
    const listingSlug = (record.listing_slug ?? '').trim();
    let bi = brandIndex.get(brandSlug);
    if (bi === undefined) {
      bi = brands.length;
      brandIndex.set(brandSlug, bi);
      brands.push({ slug: brandSlug, name: record.brand_name ?? '', listings: [] });
      lines.set(`brands[${bi}]`, line);
    }
    const brand = brands[bi]!;
    let entry = listingIndex.get(listingSlug);
    if (entry === undefined) {
      entry = { brand: bi, listing: brand.listings.length, line, record };
      listingIndex.set(listingSlug, entry);
      brand.listings.push({
        slug: listingSlug,
        name: record.listing_name,
        description: record.description,
        website: record.website === '' ? null : record.website,
        verified: record.verified,
        listedSince: record.listed_since,
        industries: splitList(record.industries ?? ''),
        subsectors: splitList(record.subsectors ?? ''),
        employmentTypes: splitList(record.employment_types ?? ''),
        purposes: splitList(record.purposes ?? ''),
        coverage:
          (record.coverage ?? '').trim() === 'national'
            ? 'national'
            : splitList(record.coverage ?? ''),
        branches: [],
      });
      lines.set(`brands[${bi}].listings[${entry.listing}]`, line);
    } else {
      if (entry.brand !== bi) {
        problems.push({
          field: 'brand_slug',
          code: 'invalid',
          message: `Listing "${listingSlug}" is under brand "${brands[entry.brand]!.slug}" on line ${entry.line}; one listing belongs to one brand`,
          line,
        });
        continue;
      }
      for (const column of LISTING_FIELDS_CHECKED) {
        if ((record[column] ?? '') !== (entry.record[column] ?? '')) {
          problems.push({
            field: column,
            code: 'invalid',
            message: `${column} of listing "${listingSlug}" differs from line ${entry.line}; every row of a listing must repeat the same listing values`,
            line,
          });
        }
      }
    }
    const listing = brands[entry.brand]!.listings[entry.listing]!;
    const branches = listing.branches as unknown[];
    lines.set(
      `brands[${entry.brand}].listings[${entry.listing}].branches[${branches.length}]`,
      line,
    );
    branches.push({
      id: record.branch_id,
      name: record.branch_name,
      address: record.address,
      town: record.town,
      postcode: record.postcode,
      lat: record.lat,
      lon: record.lon,
      candidatePhone: record.candidate_phone === '' ? null : record.candidate_phone,
      candidateEmail: record.candidate_email === '' ? null : record.candidate_email,
      employerPhone: record.employer_phone === '' ? null : record.employer_phone,
      employerEmail: record.employer_email === '' ? null : record.employer_email,
    });
  }
  if (records.length === 0) {
    problems.push({
      field: null,
      code: 'required',
      message: 'The CSV file has no rows after its header',
      line: 2,
    });
  }
  if (problems.length > 0) throw new DomainError(problems);
  return { raw: { brands }, lines };
}

/**
 * Turns problems named by JSON path into problems named by CSV line and column, using the line
 * map built by readDirectoryCsv.
 */
export function locateCsvProblems(problems: Problem[], lines: Map<string, number>): Problem[] {
  return problems.map((problem) => {
    if (problem.field === null) return problem;
    const match =
      /^brands\[(\d+)\](?:\.listings\[(\d+)\](?:\.branches\[(\d+)\])?)?(?:\.([A-Za-z]+))?/.exec(
        problem.field,
      );
    if (!match) return problem;
    const [, b, l, br, key] = match;
    let path = `brands[${b}]`;
    let table = BRAND_COLUMNS;
    if (l !== undefined) {
      path += `.listings[${l}]`;
      table = LISTING_COLUMNS;
    }
    if (br !== undefined) {
      path += `.branches[${br}]`;
      table = BRANCH_COLUMNS;
    }
    const line = lines.get(path);
    const column = key !== undefined ? (table[key] ?? key) : null;
    return { ...problem, field: column, ...(line !== undefined ? { line } : {}) };
  });
}
