import { describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../../test/databases.js';
import { freshDatabaseEach } from '../../test/store-steps.js';
import { buildAttachmentRecord, buildEnquiryRecord, fixedClock } from '../../test/enquiries.js';
import { countReveals, recordReveal } from '../services/enquiry.service.js';
import { SqlEnquiryStore } from './enquiries.store.js';

describe.each(TEST_DATABASES)('enquiry store on $name', (database) => {
  let store: SqlEnquiryStore;
  const db = freshDatabaseEach(database, (opened) => {
    store = new SqlEnquiryStore(opened);
  });

  describe('reveals', () => {
    it('counts reveals per listing and kind, zero when there are none', async () => {
      const clock = fixedClock('2026-11-26T09:00:00.000Z');
      expect(await countReveals({ enquiryStore: store }, 'acme')).toEqual({ phone: 0, website: 0 });
      for (const kind of ['phone', 'phone', 'website'] as const) {
        await recordReveal(
          { enquiryStore: store, clock },
          { listingSlug: 'acme', branchId: 'acme-leeds', kind, companyName: null },
        );
      }
      await recordReveal(
        { enquiryStore: store, clock },
        { listingSlug: 'other', branchId: null, kind: 'website', companyName: null },
      );
      expect(await countReveals({ enquiryStore: store }, 'acme')).toEqual({ phone: 2, website: 1 });
      expect(await store.countReveals('other')).toEqual({ phone: 0, website: 1 });
    });

    it('stores the company name trimmed, an empty one as null, with the time', async () => {
      const clock = fixedClock('2026-11-26T09:30:00.000Z');
      await recordReveal(
        { enquiryStore: store, clock },
        { listingSlug: 'acme', branchId: null, kind: 'phone', companyName: '  Bright\nFoods Ltd ' },
      );
      await recordReveal(
        { enquiryStore: store, clock },
        { listingSlug: 'acme', branchId: 'b1', kind: 'website', companyName: '   ' },
      );
      const { kysely } = db();
      const rows = await kysely
        .selectFrom('reveals')
        .select(['listing_slug', 'branch_id', 'kind', 'company_name', 'created_at'])
        .orderBy('kind')
        .execute();
      expect(rows).toEqual([
        {
          listing_slug: 'acme',
          branch_id: null,
          kind: 'phone',
          company_name: 'Bright Foods Ltd',
          created_at: '2026-11-26T09:30:00.000Z',
        },
        {
          listing_slug: 'acme',
          branch_id: 'b1',
          kind: 'website',
          company_name: null,
          created_at: '2026-11-26T09:30:00.000Z',
        },
      ]);
    });

    it('refuses a company name over 200 characters, naming the field, and records nothing', async () => {
      const error = await recordReveal(
        { enquiryStore: store, clock: fixedClock('2026-11-26T09:00:00.000Z') },
        { listingSlug: 'acme', branchId: null, kind: 'phone', companyName: 'x'.repeat(201) },
      ).catch((e: unknown) => e);
      expect(error).toMatchObject({
        problems: [
          {
            field: 'companyName',
            code: 'too-long',
            message: 'Company name must be 200 characters or fewer',
          },
        ],
      });
      expect(await store.countReveals('acme')).toEqual({ phone: 0, website: 0 });
    });

    it('keeps a 200-character company name whole', async () => {
      const name = 'é'.repeat(200);
      await recordReveal(
        { enquiryStore: store, clock: fixedClock('2026-11-26T09:00:00.000Z') },
        { listingSlug: 'acme', branchId: null, kind: 'phone', companyName: name },
      );
      const row = await db().kysely.selectFrom('reveals').select('company_name').executeTakeFirst();
      expect(row?.company_name).toBe(name);
    });
  });

  describe('enquiries', () => {
    it('stores an enquiry with its attachment and gives back exactly what it was given', async () => {
      const attachment = buildAttachmentRecord();
      const enquiry = buildEnquiryRecord({
        attachmentId: attachment.id,
        consentAt: attachment.createdAt,
      });
      await store.createEnquiry(enquiry, attachment);
      expect(await store.findEnquiry(enquiry.id)).toEqual(enquiry);
      expect(await store.findAttachment(attachment.id)).toEqual(attachment);
      expect(await store.findEnquiry('00000000-0000-4000-8000-000000000000')).toBeUndefined();
    });

    it('stores nothing when the enquiry cannot be stored (one transaction)', async () => {
      const first = buildEnquiryRecord();
      await store.createEnquiry(first, null);
      const attachment = buildAttachmentRecord();
      await expect(
        store.createEnquiry(
          buildEnquiryRecord({ id: first.id, attachmentId: attachment.id }),
          attachment,
        ),
      ).rejects.toThrow();
      expect(await store.findAttachment(attachment.id)).toBeUndefined();
    });

    it('records a sent attempt with its time and message id', async () => {
      const e = buildEnquiryRecord();
      await store.createEnquiry(e, null);
      await store.recordSent(e.id, '2026-11-26T09:00:05.000Z', '<enquiry-1@shortlist.example>');
      expect(await store.findEnquiry(e.id)).toMatchObject({
        status: 'sent',
        attempts: 1,
        lastAttemptAt: '2026-11-26T09:00:05.000Z',
        sentAt: '2026-11-26T09:00:05.000Z',
        nextAttemptAt: null,
        messageId: '<enquiry-1@shortlist.example>',
        failedAt: null,
      });
    });

    it('records failed attempts: retrying while another is due, then failed', async () => {
      const e = buildEnquiryRecord();
      await store.createEnquiry(e, null);
      await store.recordFailedAttempt(e.id, {
        at: '2026-11-26T09:00:05.000Z',
        error: 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:25',
        nextAttemptAt: '2026-11-26T09:01:05.000Z',
      });
      expect(await store.findEnquiry(e.id)).toMatchObject({
        status: 'retrying',
        attempts: 1,
        lastAttemptAt: '2026-11-26T09:00:05.000Z',
        nextAttemptAt: '2026-11-26T09:01:05.000Z',
        lastError: 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:25',
        failedAt: null,
        sentAt: null,
      });
      await store.recordFailedAttempt(e.id, {
        at: '2026-11-26T09:01:06.000Z',
        error: 'x'.repeat(800),
        nextAttemptAt: null,
      });
      const failed = await store.findEnquiry(e.id);
      expect(failed).toMatchObject({
        status: 'failed',
        attempts: 2,
        failedAt: '2026-11-26T09:01:06.000Z',
        nextAttemptAt: null,
      });
      expect(failed?.lastError).toHaveLength(500);
    });

    it('erases the senders of old enquiries whose delivery has ended, keeping dates and outcome', async () => {
      const oldSent = buildEnquiryRecord({
        createdAt: '2025-01-10T09:00:00.000Z',
        status: 'sent',
        sentAt: '2025-01-10T09:00:01.000Z',
        senderPhone: '01632 960123',
        companyName: 'Acme Ltd',
      });
      const oldRetrying = buildEnquiryRecord({
        createdAt: '2025-01-10T09:00:00.000Z',
        status: 'retrying',
      });
      const recent = buildEnquiryRecord({ createdAt: '2026-11-01T09:00:00.000Z', status: 'sent' });
      for (const e of [oldSent, oldRetrying, recent]) await store.createEnquiry(e, null);
      const cutoff = '2025-10-22T00:00:00.000Z';
      expect(await store.eraseSendersBefore(cutoff)).toBe(1);
      expect(await store.findEnquiry(oldSent.id)).toMatchObject({
        senderName: '',
        senderEmail: '',
        senderPhone: null,
        companyName: null,
        jobTitle: null,
        message: '',
        status: 'sent',
        createdAt: '2025-01-10T09:00:00.000Z',
        sentAt: '2025-01-10T09:00:01.000Z',
        agencyName: oldSent.agencyName,
      });
      // Still to be delivered, and too recent: untouched.
      expect((await store.findEnquiry(oldRetrying.id))?.senderEmail).toBe(oldRetrying.senderEmail);
      expect((await store.findEnquiry(recent.id))?.message).toBe(recent.message);
      // Already erased: not counted again.
      expect(await store.eraseSendersBefore(cutoff)).toBe(0);
    });

    it('lists attachments older than a time whose files are not deleted yet, then marks them', async () => {
      const old = buildAttachmentRecord({ createdAt: '2026-08-01T00:00:00.000Z' });
      const recent = buildAttachmentRecord({ createdAt: '2026-11-01T00:00:00.000Z' });
      await store.createEnquiry(buildEnquiryRecord({ attachmentId: old.id }), old);
      await store.createEnquiry(buildEnquiryRecord({ attachmentId: recent.id }), recent);
      const cutoff = '2026-08-28T00:00:00.000Z';
      expect(await store.listExpiredAttachments(cutoff, 10)).toEqual([old]);
      await store.markAttachmentDeleted(old.id, '2026-11-26T09:00:00.000Z');
      expect(await store.listExpiredAttachments(cutoff, 10)).toEqual([]);
      expect((await store.findAttachment(old.id))?.deletedAt).toBe('2026-11-26T09:00:00.000Z');
    });
  });
});
