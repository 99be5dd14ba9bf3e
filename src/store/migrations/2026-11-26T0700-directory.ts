// Frozen in time: this migration never imports application code.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('brands')
    .addColumn('slug', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('listings')
    .addColumn('slug', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('brand_slug', 'varchar(100)', (c) =>
      c.notNull().references('brands.slug').onDelete('cascade'),
    )
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('website', 'varchar(500)')
    .addColumn('verified', 'boolean', (c) => c.notNull())
    .addColumn('listed_since', 'varchar(10)', (c) => c.notNull())
    .addColumn('national', 'boolean', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('listings_brand_idx').on('listings').column('brand_slug').execute();

  for (const [table, column, type] of [
    ['listing_industries', 'industry', 'varchar(40)'],
    ['listing_subsectors', 'subsector', 'varchar(120)'],
    ['listing_employment_types', 'employment_type', 'varchar(20)'],
    ['listing_purposes', 'purpose', 'varchar(10)'],
    ['listing_coverage', 'place_id', 'varchar(120)'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('listing_slug', 'varchar(100)', (c) =>
        c.notNull().references('listings.slug').onDelete('cascade'),
      )
      .addColumn(column, type, (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['listing_slug', column])
      .execute();
    await db.schema.createIndex(`${table}_value_idx`).on(table).column(column).execute();
  }

  await db.schema
    .createTable('branches')
    .addColumn('id', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('listing_slug', 'varchar(100)', (c) =>
      c.notNull().references('listings.slug').onDelete('cascade'),
    )
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('address', 'varchar(500)', (c) => c.notNull())
    .addColumn('town', 'varchar(120)', (c) => c.notNull())
    .addColumn('postcode', 'varchar(10)', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lon', 'double precision', (c) => c.notNull())
    .addColumn('candidate_phone', 'varchar(30)')
    .addColumn('candidate_email', 'varchar(254)')
    .addColumn('employer_phone', 'varchar(30)')
    .addColumn('employer_email', 'varchar(254)')
    .execute();
  await db.schema
    .createIndex('branches_listing_idx')
    .on('branches')
    .column('listing_slug')
    .execute();

  // One row per directory: a version bumped by every change, which every process polls to
  // notice a change made by another process (the CLI import) within seconds.
  await db.schema
    .createTable('directory_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('demo', 'boolean', (c) => c.notNull())
    .addColumn('changed_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await sql`insert into directory_state (id, version, demo, changed_at) values (1, 0, ${sql.lit(false)}, '')`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'directory_state',
    'branches',
    'listing_coverage',
    'listing_purposes',
    'listing_employment_types',
    'listing_subsectors',
    'listing_industries',
    'listings',
    'brands',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
