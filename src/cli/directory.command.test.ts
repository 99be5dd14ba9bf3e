import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildBranch, buildBrand, buildDirectory, buildListing } from '../../test/factories.js';
import { makeDataDir, runShortlist } from '../../test/cli.js';
import { formatDirectoryJson } from '../services/directory.service.js';

describe('shortlist directory and db commands', () => {
  let dataDir: string;
  let env: Record<string, string>;
  beforeEach(async () => {
    dataDir = makeDataDir();
    env = { DATA_DIR: dataDir };
    expect((await runShortlist(['db', 'migrate'], env)).status).toBe(0);
  });

  const write = (name: string, text: string) => {
    const file = path.join(dataDir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it('migrates, reports status, and refuses nothing on a fresh database', async () => {
    const fresh = { DATA_DIR: makeDataDir() };
    const migrate = await runShortlist(['db', 'migrate'], fresh);
    expect(migrate.status).toBe(0);
    expect(migrate.stdout).toContain('applied 2026-11-26T0700-directory');
    expect((await runShortlist(['db', 'migrate'], fresh)).stdout).toContain('already up to date.');
    const status = await runShortlist(['db', 'status'], fresh);
    expect(status.stdout).toMatch(/applied {2}2026-11-26T0700-directory/);
    expect(status.stdout).toContain('Up to date.');
  });

  it('refuses to create a database anywhere but db migrate, saying where it looked and how', async () => {
    const empty = makeDataDir();
    const file = path.join(empty, 'shortlist.db');
    for (const args of [
      ['directory', 'stats'],
      ['db', 'status'],
      ['directory', 'export', '--format', 'json'],
      ['demo', 'load'],
      ['agencies', 'search', '--industry', 'it', '--purpose', 'job', '--location', 'Leeds'],
    ]) {
      const result = await runShortlist(args, { DATA_DIR: empty });
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        `There is no database at ${file} (DATA_DIR is ${empty}). Create one by starting the server (npm start), or with "shortlist db migrate" and then "shortlist demo load". [database-missing]\n`,
      );
    }
    expect(fs.readdirSync(empty)).toEqual([]);
  });

  it('imports a JSON file, exports it as CSV, and imports that CSV back to the same directory', async () => {
    const directory = buildDirectory([
      buildBrand({
        slug: 'acme',
        listings: [
          buildListing({ slug: 'acme-driving', branches: [buildBranch({ id: 'acme-1' })] }),
        ],
      }),
    ]);
    const json = write('in.json', formatDirectoryJson(directory));
    const imported = await runShortlist(['directory', 'import', json], env);
    expect(imported.stderr).not.toContain('Unexpected');
    expect(imported.status).toBe(0);
    expect(imported.stdout).toBe('Imported 1 listings, 1 brands and 1 branches.\n');
    const csv = await runShortlist(['directory', 'export', '--format', 'csv'], env);
    expect(csv.stdout.split('\n')[0]).toBe(
      'brand_slug,brand_name,listing_slug,listing_name,description,website,verified,listed_since,industries,subsectors,employment_types,purposes,coverage,branch_id,branch_name,address,town,postcode,lat,lon,candidate_phone,candidate_email,employer_phone,employer_email',
    );
    const csvFile = write('out.csv', csv.stdout);
    expect((await runShortlist(['directory', 'import', csvFile], env)).status).toBe(0);
    const again = await runShortlist(['directory', 'export', '--format', 'json'], env);
    expect(again.stdout).toBe(formatDirectoryJson(directory));
  });

  it('exits 2 and reports every problem with its line when a CSV row is broken, loading nothing', async () => {
    const directory = buildDirectory([buildBrand({ slug: 'acme' })]);
    const json = write('in.json', formatDirectoryJson(directory));
    await runShortlist(['directory', 'import', json], env);
    const header =
      'brand_slug,brand_name,listing_slug,listing_name,description,website,verified,listed_since,industries,subsectors,employment_types,purposes,coverage,branch_id,branch_name,address,town,postcode,lat,lon,candidate_phone,candidate_email,employer_phone,employer_email';
    const good =
      'b,B,l,L,desc,https://l.example/,true,2020-01-01,IT,,permanent,job,national,l-1,Office,1 Road,town:leeds,LS1 1AA,53.8,-1.5,,,,';
    const bad =
      'b,B,l2,L2,desc,ftp://x,true,2020-01-01,IT,IT/nosuch,permanent,job,national,l-2,Office,1 Road,town:leeds,XX,53.8,-1.5,,not-an-email,,';
    const file = write('bad.csv', [header, good, bad].join('\n'));
    const result = await runShortlist(['directory', 'import', file], env);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'line 3, website: Website "ftp://x" must be an http:// or https:// address [invalid]',
    );
    expect(result.stderr).toContain(
      'line 3, subsectors: Sub-sector "IT/nosuch" is not in the list of sub-sectors [not-in-list]',
    );
    expect(result.stderr).toContain(
      'line 3, postcode: Postcode "XX" is not a valid UK postcode [invalid]',
    );
    expect(result.stderr).toContain(
      'line 3, candidate_email: Candidate email "not-an-email" is not an email address [invalid]',
    );
    expect(result.stderr).toContain(
      '4 problems found.\nNothing was imported: the directory is unchanged.',
    );
    const stats = await runShortlist(['directory', 'stats'], env);
    expect(stats.stdout).toBe('1 listings, 1 brands, 1 branches\n');
  });

  it('exits 2 with a clear message for a missing file or an unknown format', async () => {
    const missing = await runShortlist(
      ['directory', 'import', path.join(dataDir, 'nope.json')],
      env,
    );
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('There is no file at');
    const format = await runShortlist(['directory', 'export', '--format', 'xml'], env);
    expect(format.status).toBe(2);
    expect(format.stderr).toContain(
      "option '--format <format>' argument 'xml' is invalid. must be csv or json",
    );
  });

  it('generates a scaled demo directory into its own file, never the database', async () => {
    const empty = makeDataDir();
    const out = path.join(empty, 'demo-2x.json');
    const result = await runShortlist(['demo', 'generate', '--scale', '2', '--out', out], {
      DATA_DIR: empty,
    });
    expect(result.status).toBe(0);
    const file = JSON.parse(fs.readFileSync(out, 'utf8'));
    const listings = file.brands.reduce(
      (n: number, b: { listings: unknown[] }) => n + b.listings.length,
      0,
    );
    expect(listings).toBeGreaterThanOrEqual(16000);
    expect(fs.existsSync(path.join(empty, 'shortlist.db'))).toBe(false);
  });
});
