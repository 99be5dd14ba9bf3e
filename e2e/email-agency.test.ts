/**
 * Email Agency in real Chromium: step 1 -> the form -> errors beside each
 * field (what was typed kept, the file asked for again) -> a CV attached -> "Your message has been
 * sent"; the email, with the CV, arrives at a real SMTP server; axe-core on every page.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { SmtpMailer } from '../src/adapters/smtp.mailer.js';
import { composeApp } from '../src/compose.js';
import { openDb, type Db } from '../src/store/db.js';
import { SqlDirectoryStore } from '../src/store/directory.store.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { testConfig } from '../test/app.js';
import { DOCUMENTS, startSmtpServer, type TestSmtpServer } from '../test/enquiries.js';
import { buildBranch, buildListing } from '../test/factories.js';
import { acmeDirectory } from '../test/web-steps.js';
import { expectAccessible, launchBrowser, listenLocally, type E2eBrowser } from './support.js';

let app: FastifyInstance;
let db: Db;
let smtp: TestSmtpServer;
let mailer: SmtpMailer;
let chrome: E2eBrowser;
let baseUrl: string;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shortlist-e2e-email-'));
  db = openDb({ kind: 'sqlite', file: ':memory:' });
  await migrateToLatest(db);
  const directoryStore = new SqlDirectoryStore(db);
  await directoryStore.replaceDirectory(
    acmeDirectory([
      buildListing({
        slug: 'acme-driving',
        name: 'Acme Driving',
        branches: [
          buildBranch({
            id: 'acme-leeds',
            name: 'Leeds office',
            candidateEmail: 'jobs@acme.example',
          }),
          buildBranch({ id: 'acme-york', name: 'York office', postcode: 'YO1 7HH' }),
        ],
      }),
    ]),
    { demo: false, changedAt: '2026-11-26T07:00:00.000Z' },
  );
  smtp = await startSmtpServer();
  mailer = new SmtpMailer(smtp.url);
  ({ app } = await composeApp(testConfig(dir), {
    db,
    accounts: null,
    deps: {
      logger: false,
      mailer,
      mailFrom: { name: 'Shortlist', address: 'enquiries@shortlist.example' },
      cookieSecret: 'e2e-cookie-secret-with-enough-length-0123456789',
    },
  }));
  baseUrl = await listenLocally(app);
  chrome = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await chrome?.close();
  await app?.close();
  mailer?.close();
  await smtp?.close();
  await db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('Email Agency', () => {
  it('sends a message with a CV to the chosen office', async () => {
    const context = await chrome.browser.newContext({ baseURL: baseUrl, javaScriptEnabled: true });
    const page = await context.newPage();
    page.setDefaultTimeout(5000);
    try {
      await page.goto('/agencies/acme-driving/email');
      await expectAccessible(page, 'step 1');
      await page.getByRole('button', { name: 'Continue' }).click();
      expect(await page.locator('.error-summary').innerText()).toContain(
        'Choose whether you are looking for a job or looking to hire staff',
      );
      await expectAccessible(page, 'step 1 with errors');
      await page.getByLabel('I am looking for a job').check();
      await page.getByLabel(/^Leeds office/).check();
      await page.getByRole('button', { name: 'Continue' }).click();
      expect(await page.locator('h1').innerText()).toBe('Email Acme Driving');
      await expectAccessible(page, 'candidate form');

      const cv = path.join(dir, 'Jane CV.pdf');
      fs.writeFileSync(cv, DOCUMENTS.pdf);
      await page.getByLabel('Your name').fill('Jane Doe');
      await page.getByLabel('Your email address').fill('jane@');
      await page.getByLabel('Your message').fill('I drive LGV class 1.');
      await page.getByLabel('Your CV (optional)').setInputFiles(cv);
      await page.getByRole('button', { name: 'Send message' }).click();
      expect(await page.locator('.error-summary').innerText()).toContain(
        'Enter an email address in the correct format, like name@example.com',
      );
      expect(await page.getByLabel('Your name').inputValue()).toBe('Jane Doe');
      expect(await page.getByLabel('Your message').inputValue()).toBe('I drive LGV class 1.');
      expect(await page.locator('#file-again').innerText()).toContain(
        'You chose "Jane CV.pdf" before',
      );
      await expectAccessible(page, 'candidate form with errors');

      await page.getByLabel('Your email address').fill('jane@example.com');
      await page.getByLabel('Your CV (optional)').setInputFiles(cv);
      await page.getByLabel(/I agree that Shortlist shares my CV/).check();
      await page.getByRole('button', { name: 'Send message' }).click();
      expect(await page.locator('h1').innerText()).toBe(
        'Your message has been sent to Acme Driving - Leeds office',
      );
      await expectAccessible(page, 'sent');

      expect(smtp.received).toHaveLength(1);
      const mail = smtp.received[0]!;
      expect(mail.envelope.to).toEqual(['jobs@acme.example']);
      expect(mail.parsed.replyTo?.value[0]?.address).toBe('jane@example.com');
      expect(mail.parsed.attachments[0]?.filename).toBe('Jane CV.pdf');
    } finally {
      await context.close();
    }
  });
});
