/** The directory in SQL: brands, listings with their value lists, and branches. */
import { sql, type Transaction } from 'kysely';
import type {
  Branch,
  Brand,
  Directory,
  DirectoryStats,
  Listing,
} from '../domain/directory/directory.js';
import type { EmploymentType, Purpose } from '../domain/directory/taxonomy.js';
import type {
  DirectoryState,
  DirectoryStore,
  MergeResult,
  ProgressListener,
} from '../services/ports.js';
import type { Db } from './db.js';
import type { Database } from './schema.js';
import { SqlStore } from './sql-store.js';

/** The PostgreSQL notification channel of directory changes. */
const DIRECTORY_CHANNEL = 'shortlist_directory';

const CHUNK_ROWS = 400;

async function insertChunked<T extends keyof Database>(
  trx: Transaction<Database>,
  table: T,
  rows: Database[T][],
  onChunk?: (rows: number) => void,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
    // Kysely's insert types are per table; the rows were built for this table.
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK_ROWS) as never)
      .execute();
    onChunk?.(Math.min(CHUNK_ROWS, rows.length - i));
  }
}

interface Rows {
  brands: Database['brands'][];
  listings: Database['listings'][];
  industries: Database['listing_industries'][];
  subsectors: Database['listing_subsectors'][];
  employmentTypes: Database['listing_employment_types'][];
  purposes: Database['listing_purposes'][];
  coverage: Database['listing_coverage'][];
  branches: Database['branches'][];
}

function toRows(directory: Directory): Rows {
  const rows: Rows = {
    brands: [],
    listings: [],
    industries: [],
    subsectors: [],
    employmentTypes: [],
    purposes: [],
    coverage: [],
    branches: [],
  };
  for (const brand of directory.brands) {
    rows.brands.push({ slug: brand.slug, name: brand.name });
    for (const l of brand.listings) {
      rows.listings.push({
        slug: l.slug,
        brand_slug: brand.slug,
        name: l.name,
        description: l.description,
        website: l.website,
        verified: l.verified,
        listed_since: l.listedSince,
        national: l.coverage === 'national',
      });
      for (const industry of l.industries) rows.industries.push({ listing_slug: l.slug, industry });
      for (const subsector of l.subsectors)
        rows.subsectors.push({ listing_slug: l.slug, subsector });
      for (const t of l.employmentTypes)
        rows.employmentTypes.push({ listing_slug: l.slug, employment_type: t });
      for (const purpose of l.purposes) rows.purposes.push({ listing_slug: l.slug, purpose });
      if (l.coverage !== 'national') {
        for (const place of l.coverage)
          rows.coverage.push({ listing_slug: l.slug, place_id: place });
      }
      for (const b of l.branches) {
        rows.branches.push({
          id: b.id,
          listing_slug: l.slug,
          name: b.name,
          address: b.address,
          town: b.town,
          postcode: b.postcode,
          lat: b.lat,
          lon: b.lon,
          candidate_phone: b.candidatePhone,
          candidate_email: b.candidateEmail,
          employer_phone: b.employerPhone,
          employer_email: b.employerEmail,
        });
      }
    }
  }
  return rows;
}

const VALUE_TABLES = [
  'listing_industries',
  'listing_subsectors',
  'listing_employment_types',
  'listing_purposes',
  'listing_coverage',
] as const;

export class SqlDirectoryStore extends SqlStore implements DirectoryStore {
  constructor(private readonly handle: Db) {
    super(handle);
  }

  private async insertRows(
    trx: Transaction<Database>,
    rows: Rows,
    onProgress?: ProgressListener,
  ): Promise<void> {
    const total = (Object.values(rows) as unknown[][]).reduce((sum, list) => sum + list.length, 0);
    let done = 0;
    const onChunk = (n: number) => {
      done += n;
      onProgress?.(done, total);
    };
    await insertChunked(trx, 'brands', rows.brands, onChunk);
    await insertChunked(trx, 'listings', rows.listings, onChunk);
    await insertChunked(trx, 'listing_industries', rows.industries, onChunk);
    await insertChunked(trx, 'listing_subsectors', rows.subsectors, onChunk);
    await insertChunked(trx, 'listing_employment_types', rows.employmentTypes, onChunk);
    await insertChunked(trx, 'listing_purposes', rows.purposes, onChunk);
    await insertChunked(trx, 'listing_coverage', rows.coverage, onChunk);
    await insertChunked(trx, 'branches', rows.branches, onChunk);
  }

  private async bumpState(trx: Transaction<Database>, meta: { demo: boolean; changedAt: string }) {
    await trx
      .updateTable('directory_state')
      .set((eb) => ({
        version: eb('version', '+', 1),
        demo: meta.demo,
        changed_at: meta.changedAt,
      }))
      .where('id', '=', 1)
      .execute();
    // Delivered on commit to every instance listening; the payload says which schema changed.
    if (this.handle.dialect === 'postgres')
      await sql`select pg_notify(${DIRECTORY_CHANNEL}, current_schema())`.execute(trx);
  }

  async watchChanges(onChange: () => void): Promise<(() => Promise<void>) | null> {
    if (!this.handle.listen) return null;
    const row = await sql<{ schema: string }>`select current_schema() as schema`.execute(this.db);
    const schema = row.rows[0]?.schema;
    return this.handle.listen(DIRECTORY_CHANNEL, (payload) => {
      if (payload === schema) onChange();
    });
  }

  async replaceDirectory(
    directory: Directory,
    meta: { demo: boolean; changedAt: string },
    onProgress?: ProgressListener,
  ): Promise<void> {
    const rows = toRows(directory);
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('branches').execute();
      for (const table of VALUE_TABLES) await trx.deleteFrom(table).execute();
      await trx.deleteFrom('listings').execute();
      await trx.deleteFrom('brands').execute();
      await this.insertRows(trx, rows, onProgress);
      await this.bumpState(trx, meta);
    });
  }

  async mergeDirectory(
    directory: Directory,
    meta: { demo: boolean; changedAt: string },
  ): Promise<MergeResult> {
    const rows = toRows(directory);
    await this.db.transaction().execute(async (trx) => {
      for (const brand of rows.brands) {
        await trx
          .insertInto('brands')
          .values(brand)
          .onConflict((oc) => oc.column('slug').doUpdateSet({ name: brand.name }))
          .execute();
      }
      const slugs = rows.listings.map((l) => l.slug);
      for (let i = 0; i < slugs.length; i += CHUNK_ROWS) {
        const chunk = slugs.slice(i, i + CHUNK_ROWS);
        for (const table of VALUE_TABLES)
          await trx.deleteFrom(table).where('listing_slug', 'in', chunk).execute();
      }
      for (const row of rows.listings) {
        await trx
          .insertInto('listings')
          .values(row)
          .onConflict((oc) =>
            oc.column('slug').doUpdateSet({
              brand_slug: row.brand_slug,
              name: row.name,
              description: row.description,
              website: row.website,
              verified: row.verified,
              listed_since: row.listed_since,
              national: row.national,
            }),
          )
          .execute();
      }
      await insertChunked(trx, 'listing_industries', rows.industries);
      await insertChunked(trx, 'listing_subsectors', rows.subsectors);
      await insertChunked(trx, 'listing_employment_types', rows.employmentTypes);
      await insertChunked(trx, 'listing_purposes', rows.purposes);
      await insertChunked(trx, 'listing_coverage', rows.coverage);
      for (const branch of rows.branches) {
        const { id: _id, ...rest } = branch;
        await trx
          .insertInto('branches')
          .values(branch)
          .onConflict((oc) => oc.column('id').doUpdateSet(rest))
          .execute();
      }
      // A brand left without listings by a move is removed: every brand has a listing.
      await trx
        .deleteFrom('brands')
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('listings')
                .select('slug')
                .whereRef('listings.brand_slug', '=', 'brands.slug'),
            ),
          ),
        )
        .execute();
      await trx
        .deleteFrom('listings')
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('branches')
                .select('id')
                .whereRef('branches.listing_slug', '=', 'listings.slug'),
            ),
          ),
        )
        .execute();
      await this.bumpState(trx, meta);
    });
    return {
      brands: rows.brands.length,
      listings: rows.listings.length,
      branches: rows.branches.length,
    };
  }

  async loadDirectory(): Promise<Directory> {
    const [brands, listings, industries, subsectors, types, purposes, coverage, branches] =
      await Promise.all([
        this.db.selectFrom('brands').selectAll().orderBy('slug').execute(),
        this.db.selectFrom('listings').selectAll().orderBy('slug').execute(),
        this.db
          .selectFrom('listing_industries')
          .selectAll()
          .orderBy('listing_slug')
          .orderBy('industry')
          .execute(),
        this.db
          .selectFrom('listing_subsectors')
          .selectAll()
          .orderBy('listing_slug')
          .orderBy('subsector')
          .execute(),
        this.db
          .selectFrom('listing_employment_types')
          .selectAll()
          .orderBy('listing_slug')
          .orderBy('employment_type')
          .execute(),
        this.db
          .selectFrom('listing_purposes')
          .selectAll()
          .orderBy('listing_slug')
          .orderBy('purpose')
          .execute(),
        this.db
          .selectFrom('listing_coverage')
          .selectAll()
          .orderBy('listing_slug')
          .orderBy('place_id')
          .execute(),
        this.db.selectFrom('branches').selectAll().orderBy('id').execute(),
      ]);
    const bySlug = new Map<string, Listing>();
    const byBrand = new Map<string, Brand>();
    for (const b of brands) byBrand.set(b.slug, { slug: b.slug, name: b.name, listings: [] });
    for (const l of listings) {
      const listing: Listing = {
        slug: l.slug,
        name: l.name,
        description: l.description,
        website: l.website,
        verified: l.verified,
        listedSince: l.listed_since,
        industries: [],
        subsectors: [],
        employmentTypes: [],
        purposes: [],
        coverage: l.national ? 'national' : [],
        branches: [],
      };
      bySlug.set(l.slug, listing);
      byBrand.get(l.brand_slug)?.listings.push(listing);
    }
    for (const r of industries) bySlug.get(r.listing_slug)?.industries.push(r.industry);
    for (const r of subsectors) bySlug.get(r.listing_slug)?.subsectors.push(r.subsector);
    for (const r of types)
      bySlug.get(r.listing_slug)?.employmentTypes.push(r.employment_type as EmploymentType);
    for (const r of purposes) bySlug.get(r.listing_slug)?.purposes.push(r.purpose as Purpose);
    for (const r of coverage) {
      const listing = bySlug.get(r.listing_slug);
      if (listing && listing.coverage !== 'national') listing.coverage.push(r.place_id);
    }
    for (const r of branches) {
      const branch: Branch = {
        id: r.id,
        name: r.name,
        address: r.address,
        town: r.town,
        postcode: r.postcode,
        lat: Number(r.lat),
        lon: Number(r.lon),
        candidatePhone: r.candidate_phone,
        candidateEmail: r.candidate_email,
        employerPhone: r.employer_phone,
        employerEmail: r.employer_email,
      };
      bySlug.get(r.listing_slug)?.branches.push(branch);
    }
    return { brands: [...byBrand.values()] };
  }

  async getStats(): Promise<DirectoryStats> {
    const count = async (table: 'brands' | 'listings' | 'branches') => {
      const row = await this.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };
    const [brands, listings, branches] = await Promise.all([
      count('brands'),
      count('listings'),
      count('branches'),
    ]);
    return { listings, brands, branches };
  }

  async getState(): Promise<DirectoryState> {
    const row = await this.db
      .selectFrom('directory_state')
      .selectAll()
      .where('id', '=', 1)
      .executeTakeFirst();
    if (!row) return { version: 0, demo: false, changedAt: '' };
    return { version: Number(row.version), demo: row.demo, changedAt: row.changed_at };
  }
}
