/**
 * The app for website specs: like buildTestApp, and also with the enquiry store (reveals are
 * recorded), a fixed clock, a cookie secret, and the choice of marking the directory as demo data.
 */
import type { FastifyInstance } from 'fastify';
import { HtmlValidate } from 'html-validate';
import type { Directory } from '../src/domain/directory/directory.js';
import { createApp, type AppDeps } from '../src/http/app.js';
import { DirectorySnapshot } from '../src/services/directory-snapshot.service.js';
import { buildSearchIndexes, type SearchIndexes } from '../src/services/search.service.js';
import { openDb, type Db } from '../src/store/db.js';
import { SqlDirectoryStore } from '../src/store/directory.store.js';
import { SqlRateLimitStore } from '../src/store/accounts.store.js';
import { SqlMailQueueStore } from '../src/store/mail-queue.store.js';
import { SqlEnquiryStore } from '../src/store/enquiries.store.js';
import { migrateToLatest } from '../src/store/migrate.js';

export interface WebTestApp {
  app: FastifyInstance;
  db: Db;
  enquiryStore: SqlEnquiryStore;
  close(): Promise<void>;
}

export async function buildWebTestApp(
  directory: Directory,
  options: {
    demo?: boolean;
    operator?: AppDeps['operator'];
    attachmentRetentionDays?: number;
  } = {},
): Promise<WebTestApp> {
  const db = openDb({ kind: 'sqlite', file: ':memory:' });
  await migrateToLatest(db);
  const directoryStore = new SqlDirectoryStore(db);
  await directoryStore.replaceDirectory(directory, {
    demo: options.demo ?? false,
    changedAt: '2026-11-26T07:00:00.000Z',
  });
  const snapshot = new DirectorySnapshot<SearchIndexes>({ directoryStore }, buildSearchIndexes);
  await snapshot.refresh();
  const enquiryStore = new SqlEnquiryStore(db);
  const app = await createApp({
    directoryStore,
    snapshot,
    rateLimitStore: new SqlRateLimitStore(db),
    mailQueue: new SqlMailQueueStore(db),
    enquiryStore,
    clock: { now: () => new Date('2026-11-26T10:00:00.000Z') },
    cookieSecret: 'web-test-cookie-secret-0123456789abcdef',
    ...(options.operator ? { operator: options.operator } : {}),
    ...(options.attachmentRetentionDays
      ? { attachmentRetentionDays: options.attachmentRetentionDays }
      : {}),
  });
  return {
    app,
    db,
    enquiryStore,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

/** The visible text of an HTML fragment: tags removed, entities decoded, spaces collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#34;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

let validator: HtmlValidate | null = null;

/**
 * Problems html-validate finds against the HTML standard (its "standard" preset, the nearest
 * offline stand-in for the Nu HTML Checker, plus labels for every control and explicit button
 * types), as readable lines; [] for a valid document.
 */
export async function findHtmlProblems(html: string): Promise<string[]> {
  validator ??= new HtmlValidate({
    extends: ['html-validate:standard'],
    rules: {
      'input-missing-label': 'error',
      'no-implicit-button-type': 'error',
      'unique-landmark': 'error',
      'no-redundant-for': 'off',
    },
  });
  const report = await validator.validateString(html);
  return report.results.flatMap((r) =>
    r.messages.map((m) => `${m.ruleId}: ${m.message} (${m.selector ?? `line ${m.line}`})`),
  );
}
