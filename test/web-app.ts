/**
 * The app for website specs: like buildTestApp, and also with the enquiry store (reveals are
 * recorded), a fixed clock, a cookie secret, and the choice of marking the directory as demo data.
 */
import type { FastifyInstance } from 'fastify';
import { HtmlValidate } from 'html-validate';
import { composeApp } from '../src/compose.js';
import type { Directory } from '../src/domain/directory/directory.js';
import type { AppDeps } from '../src/http/context.js';
import { openDb, type Db } from '../src/store/db.js';
import { SqlDirectoryStore } from '../src/store/directory.store.js';
import type { SqlEnquiryStore } from '../src/store/enquiries.store.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { testConfig } from './app.js';

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
  // No accounts, no mailer and no attachment folder: the pages of a directory without them.
  const composed = await composeApp(testConfig('/nonexistent/shortlist-web-test'), {
    db,
    clock: { now: () => new Date('2026-11-26T10:00:00.000Z') },
    accounts: null,
    deps: {
      logger: false,
      mailer: undefined,
      attachmentFiles: undefined,
      cookieSecret: 'web-test-cookie-secret-0123456789abcdef',
      ...(options.operator ? { operator: options.operator } : {}),
      ...(options.attachmentRetentionDays
        ? { attachmentRetentionDays: options.attachmentRetentionDays }
        : {}),
    },
  });
  const { app } = composed;
  const enquiryStore = composed.stores.enquiries;
  return {
    app,
    db,
    enquiryStore,
    close: async () => {
      await composed.close();
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
