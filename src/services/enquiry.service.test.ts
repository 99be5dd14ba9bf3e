import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutboxMailer } from '../adapters/outbox.mailer.js';
import { SmtpMailer } from '../adapters/smtp.mailer.js';
import { UploadFolderFiles } from '../adapters/upload-folder.files.js';
import { MAX_DELIVERY_ATTEMPTS } from '../domain/enquiry/delivery-schedule.js';
import { openDb, type Db } from '../store/db.js';
import { SqlMailQueueStore } from '../store/mail-queue.store.js';
import { SqlEnquiryStore } from '../store/enquiries.store.js';
import { migrateToLatest } from '../store/migrate.js';
import { buildBranch, buildListing } from '../../test/factories.js';
import {
  DOCUMENTS,
  fixedClock,
  startSmtpServer,
  type TestSmtpServer,
} from '../../test/enquiries.js';
import {
  deliverDueEnquiries,
  purgeExpiredAttachments,
  submitEnquiry,
  type DeliveryDeps,
} from './enquiry.service.js';
import type { Mailer } from './ports.js';

const listing = buildListing({
  slug: 'acme-driving',
  name: 'Acme Driving',
  branches: [
    buildBranch({
      id: 'acme-leeds',
      name: 'Leeds office',
      candidateEmail: 'jobs.leeds@acme.example',
      employerEmail: 'clients.leeds@acme.example',
    }),
    buildBranch({ id: 'acme-york', name: 'York office' }),
  ],
});

const candidate = {
  audience: 'candidate',
  branchId: 'acme-leeds',
  name: 'Jane Doe',
  email: 'jane@example.com',
  phone: '07700 900 982',
  message: 'Hello,\nI hold a class 1 licence and can start on Monday.',
  consent: 'yes',
};

describe('enquiries: stored first, then delivered', () => {
  let db: Db;
  let dir: string;
  let smtp: TestSmtpServer;
  let clock: ReturnType<typeof fixedClock>;
  let deps: DeliveryDeps & { enquiryStore: SqlEnquiryStore };
  let mailer: SmtpMailer;

  beforeEach(async () => {
    db = openDb({ kind: 'sqlite', file: ':memory:' });
    await migrateToLatest(db);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shortlist-enquiry-'));
    smtp = await startSmtpServer();
    clock = fixedClock('2026-11-26T09:00:00.000Z');
    mailer = new SmtpMailer(smtp.url);
    deps = {
      enquiryStore: new SqlEnquiryStore(db),
      mailQueue: new SqlMailQueueStore(db),
      attachmentFiles: new UploadFolderFiles(path.join(dir, 'uploads')),
      mailer,
      clock,
      mailFrom: { name: 'Shortlist', address: 'enquiries@shortlist.example' },
    };
  });
  afterEach(async () => {
    mailer.close();
    await smtp.close();
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('delivers a candidate message with the CV over SMTP, Reply-To the sender', async () => {
    const result = await submitEnquiry(deps, {
      listing,
      raw: candidate,
      file: { fileName: 'Jane Doe CV.docx', content: DOCUMENTS.pdf, truncated: false },
    });
    expect(result).toMatchObject({ status: 'sent', agencyName: 'Acme Driving - Leeds office' });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.envelope).toEqual({
      from: 'enquiries@shortlist.example',
      to: ['jobs.leeds@acme.example'],
    });
    expect(mail.parsed.from?.value).toEqual([
      { name: 'Shortlist', address: 'enquiries@shortlist.example' },
    ]);
    expect(mail.parsed.replyTo?.value).toEqual([{ name: 'Jane Doe', address: 'jane@example.com' }]);
    expect(mail.parsed.subject).toBe('Enquiry from a job seeker: Jane Doe (via Shortlist)');
    expect(mail.parsed.messageId).toBe(`<enquiry-${result.id}@shortlist.example>`);
    expect(mail.parsed.text).toContain('I hold a class 1 licence and can start on Monday.');
    expect(mail.parsed.text).toContain('Telephone: 07700 900 982');
    expect(mail.parsed.text).toContain(
      'They agreed to share it with Acme Driving - Leeds office only',
    );
    expect(mail.parsed.attachments).toHaveLength(1);
    const cv = mail.parsed.attachments[0]!;
    // Named and typed by its content (a PDF), whatever name it was uploaded with.
    expect(cv.filename).toBe('Jane Doe CV.pdf');
    expect(cv.contentType).toBe('application/pdf');
    expect(Buffer.compare(cv.content, DOCUMENTS.pdf)).toBe(0);

    const stored = await deps.enquiryStore.findEnquiry(result.id);
    expect(stored).toMatchObject({
      status: 'sent',
      attempts: 1,
      createdAt: '2026-11-26T09:00:00.000Z',
      sentAt: '2026-11-26T09:00:00.000Z',
      lastAttemptAt: '2026-11-26T09:00:00.000Z',
      nextAttemptAt: null,
      consentAt: '2026-11-26T09:00:00.000Z',
      recipient: 'jobs.leeds@acme.example',
      messageId: `<enquiry-${result.id}@shortlist.example>`,
    });
    const attachment = await deps.enquiryStore.findAttachment(stored!.attachmentId!);
    expect(attachment).toMatchObject({
      kind: 'pdf',
      fileName: 'Jane Doe CV.pdf',
      sizeBytes: DOCUMENTS.pdf.length,
    });
    expect(fs.readdirSync(path.join(dir, 'uploads'))).toEqual([attachment!.storedName]);
  });

  it('sends an employer job specification to the office for employers', async () => {
    await submitEnquiry(deps, {
      listing,
      raw: {
        audience: 'employer',
        branchId: 'acme-leeds',
        name: 'Sam Lee',
        email: 'sam@brightfoods.example',
        phone: '01632 960 001',
        company: 'Bright Foods Ltd',
        jobTitle: 'Warehouse operative',
        employmentType: 'temp-to-perm',
        message: 'Two operatives for nights.',
      },
      file: { fileName: 'spec.odt', content: DOCUMENTS.odt, truncated: false },
    });
    const mail = smtp.received[0]!;
    expect(mail.envelope.to).toEqual(['clients.leeds@acme.example']);
    expect(mail.parsed.subject).toBe(
      'Job specification: Warehouse operative at Bright Foods Ltd (via Shortlist)',
    );
    expect(mail.parsed.text).toContain('Employment type: Temp to Perm');
    expect(mail.parsed.attachments[0]?.contentType).toBe('application/vnd.oasis.opendocument.text');
  });

  it('lets no field add a header or a recipient', async () => {
    await submitEnquiry(deps, {
      listing,
      raw: {
        ...candidate,
        name: 'Eve\r\nBcc: victim@evil.example\r\nX-Injected: yes',
        message: 'Hi\r\n\r\nBcc: victim@evil.example',
      },
      file: null,
    });
    const mail = smtp.received[0]!;
    expect(mail.envelope.to).toEqual(['jobs.leeds@acme.example']);
    expect(mail.parsed.headers.has('bcc')).toBe(false);
    expect(mail.parsed.headers.has('x-injected')).toBe(false);
    const head = mail.raw.toString('latin1').split('\r\n\r\n')[0]!;
    expect(head).not.toMatch(/^(Bcc|X-Injected):/im);
    expect(mail.parsed.replyTo?.value[0]?.name).toBe(
      'Eve Bcc: victim@evil.example X-Injected: yes',
    );
  });

  it('stores the enquiry before anything is sent', async () => {
    const seen: string[] = [];
    const spy: Mailer = {
      describe: 'spy',
      send: async (mail) => {
        const id = /enquiry-([0-9a-f-]+)@/.exec(mail.messageId)?.[1] ?? '';
        seen.push((await deps.enquiryStore.findEnquiry(id))?.status ?? 'missing');
      },
    };
    await submitEnquiry({ ...deps, mailer: spy }, { listing, raw: candidate, file: null });
    expect(seen).toEqual(['pending']);
  });

  it('stores nothing and sends nothing when the enquiry is not valid', async () => {
    await expect(
      submitEnquiry(deps, { listing, raw: { ...candidate, email: '' }, file: null }),
    ).rejects.toThrow('Enter your email address');
    expect(
      await deps.mailQueue.listDueMailIds('2030-01-01T00:00:00.000Z', 10, ['enquiry']),
    ).toEqual([]);
    expect(smtp.received).toHaveLength(0);
  });

  it('is admitted (rate limit) only when valid, and stores nothing when refused', async () => {
    let admitted = 0;
    await expect(
      submitEnquiry(deps, {
        listing,
        raw: { ...candidate, message: '' },
        file: null,
        admit: async () => {
          admitted += 1;
        },
      }),
    ).rejects.toThrow();
    expect(admitted).toBe(0);
    await expect(
      submitEnquiry(deps, {
        listing,
        raw: candidate,
        file: { fileName: 'cv.pdf', content: DOCUMENTS.pdf, truncated: false },
        admit: () => Promise.reject(new Error('too many')),
      }),
    ).rejects.toThrow('too many');
    expect(fs.existsSync(path.join(dir, 'uploads'))).toBe(false);
    expect(smtp.received).toHaveLength(0);
  });

  it('retries a failed delivery with back-off, counting attempts, until it is sent', async () => {
    smtp.failNext(2);
    const result = await submitEnquiry(deps, { listing, raw: candidate, file: null });
    expect(result.status).toBe('retrying');
    expect(await deps.enquiryStore.findEnquiry(result.id)).toMatchObject({
      status: 'retrying',
      attempts: 1,
      lastAttemptAt: '2026-11-26T09:00:00.000Z',
      nextAttemptAt: '2026-11-26T09:01:00.000Z',
      sentAt: null,
      lastError: expect.stringContaining('451'),
    });

    // Not due yet: nothing happens.
    clock.set('2026-11-26T09:00:30.000Z');
    expect(await deliverDueEnquiries(deps)).toEqual({ sent: 0, retrying: 0, failed: 0 });

    clock.set('2026-11-26T09:01:00.000Z');
    expect(await deliverDueEnquiries(deps)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await deps.enquiryStore.findEnquiry(result.id)).toMatchObject({
      attempts: 2,
      nextAttemptAt: '2026-11-26T09:06:00.000Z',
    });

    clock.set('2026-11-26T09:06:00.000Z');
    expect(await deliverDueEnquiries(deps)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await deps.enquiryStore.findEnquiry(result.id)).toMatchObject({
      status: 'sent',
      attempts: 3,
      sentAt: '2026-11-26T09:06:00.000Z',
      nextAttemptAt: null,
    });
    expect(smtp.received).toHaveLength(1);
    // Sent once, with the same Message-ID it would have had on the first attempt.
    expect(smtp.received[0]?.parsed.messageId).toBe(`<enquiry-${result.id}@shortlist.example>`);
  });

  it('keeps a failed enquiry, marked failed, when every attempt fails', async () => {
    await smtp.close();
    const result = await submitEnquiry(deps, { listing, raw: candidate, file: null });
    expect(result.status).toBe('retrying');
    for (let i = 1; i < MAX_DELIVERY_ATTEMPTS; i += 1) {
      clock.advance(24 * 60 * 60_000);
      await deliverDueEnquiries(deps);
    }
    const stored = await deps.enquiryStore.findEnquiry(result.id);
    expect(stored).toMatchObject({
      status: 'failed',
      attempts: MAX_DELIVERY_ATTEMPTS,
      nextAttemptAt: null,
      lastError: expect.stringContaining('ECONNREFUSED'),
    });
    expect(stored?.failedAt).toBe(stored?.lastAttemptAt);
    expect(stored?.message).toBe(candidate.message);
    clock.advance(24 * 60 * 60_000);
    expect(await deliverDueEnquiries(deps)).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it('writes an .eml file to the outbox folder when there is no SMTP server', async () => {
    const outbox = path.join(dir, 'outbox');
    const result = await submitEnquiry(
      { ...deps, mailer: new OutboxMailer(outbox) },
      {
        listing,
        raw: candidate,
        file: { fileName: 'cv.doc', content: DOCUMENTS.doc, truncated: false },
      },
    );
    expect(result.status).toBe('sent');
    const files = fs.readdirSync(outbox);
    expect(files).toEqual([`20261126T090000Z-enquiry-${result.id}.eml`]);
    const parsed = await simpleParser(fs.readFileSync(path.join(outbox, files[0]!)));
    expect(parsed.to).toMatchObject({ value: [{ address: 'jobs.leeds@acme.example' }] });
    expect(parsed.replyTo?.value[0]?.address).toBe('jane@example.com');
    expect(parsed.attachments[0]).toMatchObject({
      filename: 'cv.doc',
      contentType: 'application/msword',
    });
  });

  it('deletes attached files after the retention period, keeping the records', async () => {
    const result = await submitEnquiry(deps, {
      listing,
      raw: candidate,
      file: { fileName: 'cv.pdf', content: DOCUMENTS.pdf, truncated: false },
    });
    const purgeDeps = { ...deps, retentionDays: 90 };
    const uploads = path.join(dir, 'uploads');
    expect(await purgeExpiredAttachments(purgeDeps, new Date('2027-02-23T09:00:00.000Z'))).toBe(0);
    expect(fs.readdirSync(uploads)).toHaveLength(1);
    expect(await purgeExpiredAttachments(purgeDeps, new Date('2027-02-24T09:00:01.000Z'))).toBe(1);
    expect(fs.readdirSync(uploads)).toEqual([]);
    const stored = await deps.enquiryStore.findEnquiry(result.id);
    expect(await deps.enquiryStore.findAttachment(stored!.attachmentId!)).toMatchObject({
      fileName: 'cv.pdf',
      deletedAt: '2027-02-24T09:00:01.000Z',
    });
    expect(await purgeExpiredAttachments(purgeDeps, new Date('2027-03-01T00:00:00.000Z'))).toBe(0);
  });
});
