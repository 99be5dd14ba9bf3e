import { describe, expect, it } from 'vitest';
import type { EnquiryStore } from './ports.js';
import { eraseExpiredEnquirySenders } from './enquiry.service.js';

describe('erasing the senders of old enquiries', () => {
  it('erases what is older than the retention period, counted from now', async () => {
    const cutoffs: string[] = [];
    const enquiryStore = {
      eraseSendersBefore: async (createdBefore: string) => {
        cutoffs.push(createdBefore);
        return 3;
      },
    } as unknown as EnquiryStore;
    const erased = await eraseExpiredEnquirySenders(
      { enquiryStore, retentionDays: 400 },
      new Date('2026-12-07T10:00:00.000Z'),
    );
    expect(erased).toBe(3);
    expect(cutoffs).toEqual(['2025-11-02T10:00:00.000Z']);
  });
});
