/**
 * Two real server processes (WORKERS=1) sharing one PostgreSQL schema, as two instances behind a
 * load balancer would: sessions, rate limits, directory changes and enquiry delivery are shared.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../src/store/db.js';
import { SqlEnquiryStore } from '../src/store/enquiries.store.js';
import { runShortlist } from './cli.js';
import { TEST_DATABASE_URL } from './databases.js';
import { buildEnquiryRecord } from './enquiries.js';
import { buildBranch, buildBrand, buildListing } from './factories.js';
import {
  fixtureDirectoryJson,
  killServer,
  prepareDataDir,
  startServer,
  until,
  type ServerProcess,
} from './server-process.js';

const POLL_SECONDS = 2;
const SEARCH = '/api/agencies/search?industry=it&purpose=job&location=Leeds&pageSize=50';

describe('two instances on one PostgreSQL schema', () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const env = { DATABASE_URL: url.toString() };
  const dataDirs: string[] = [];
  let a: ServerProcess | undefined;
  let b: ServerProcess | undefined;
  const enquiry = buildEnquiryRecord({ nextAttemptAt: new Date(0).toISOString() });

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    dataDirs.push(await prepareDataDir(env));
    dataDirs.push(fs.mkdtempSync(path.join(os.tmpdir(), 'shortlist-proc-')));
    // An enquiry whose delivery is due, as if an earlier attempt had failed: both instances'
    // retry loops run as they start, and race for it.
    const db = openDb({ kind: 'postgres', url: TEST_DATABASE_URL, schema });
    await new SqlEnquiryStore(db).createEnquiry(enquiry, null);
    await db.close();
    const serverEnv = {
      ...env,
      MIGRATE_ON_START: 'false',
      DIRECTORY_POLL_SECONDS: String(POLL_SECONDS),
      AUTH_RATE_LIMIT: '3',
      COOKIE_SECRET: 'a shared secret of at least thirty-two characters',
    };
    [a, b] = await Promise.all(dataDirs.map((dir) => startServer(dir, serverEnv)));
  }, 120_000);

  afterAll(async () => {
    killServer(a);
    killServer(b);
    await Promise.all([a?.exited, b?.exited]);
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  });

  it('uses on one a session made on the other', async () => {
    const signup = await fetch(`${a!.base}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'two@example.com', password: 'a long enough passphrase' }),
    });
    expect(signup.status).toBe(201);
    const cookie = (signup.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(cookie).toMatch(/^shortlist_session=/);
    const me = await fetch(`${b!.base}/api/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe('two@example.com');
  });

  it('counts a rate limit across both', async () => {
    const signIn = (server: ServerProcess) =>
      fetch(`${server.base}/api/auth/signin`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'limited@example.com', password: 'not the password at all' }),
      }).then((r) => r.status);
    expect([await signIn(a!), await signIn(b!), await signIn(a!), await signIn(b!)]).toEqual([
      401, 401, 401, 429,
    ]);
    expect(await signIn(a!)).toBe(429);
  });

  it('delivers a due enquiry exactly once although both run the retry loop', async () => {
    const db = openDb({ kind: 'postgres', url: TEST_DATABASE_URL, schema });
    try {
      const store = new SqlEnquiryStore(db);
      const sent = await until('the enquiry to be sent', async () => {
        const found = await store.findEnquiry(enquiry.id);
        return found?.status === 'sent' ? found : null;
      });
      expect(sent.attempts).toBe(1);
    } finally {
      await db.close();
    }
    const emails = dataDirs.flatMap((dir) => {
      const outbox = path.join(dir, 'outbox');
      return fs.existsSync(outbox) ? fs.readdirSync(outbox).filter((f) => f.endsWith('.eml')) : [];
    });
    expect(emails).toHaveLength(1);
  });

  it('shows a directory imported through the CLI in both searches within the poll interval plus 5 s', async () => {
    const delta = buildBrand({
      slug: 'delta',
      listings: [
        buildListing({
          slug: 'delta-it',
          industries: ['it'],
          subsectors: [],
          coverage: ['national'],
          branches: [buildBranch({ id: 'delta-1' })],
        }),
      ],
    });
    const file = path.join(dataDirs[0]!, 'more.json');
    fs.writeFileSync(file, fixtureDirectoryJson([delta]));
    const imported = await runShortlist(['directory', 'import', file], {
      ...env,
      DATA_DIR: dataDirs[0]!,
    });
    expect(imported.status).toBe(0);
    const shows = (server: ServerProcess) => async () => {
      const body = (await (await fetch(`${server.base}${SEARCH}`)).json()) as {
        results: { slug: string }[];
      };
      return body.results.some((r) => r.slug === 'delta-it') ? true : null;
    };
    const bound = (POLL_SECONDS + 5) * 1000;
    await Promise.all([until('A', shows(a!), bound), until('B', shows(b!), bound)]);
  });
});
