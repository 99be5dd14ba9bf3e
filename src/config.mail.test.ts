import { describe, expect, it } from 'vitest';
import { configErrorOf } from '../test/config-steps.js';
import { loadConfig } from './config.js';

const load = (env: Record<string, string>) => loadConfig(env, '/srv/shortlist');

describe('configuration of enquiry emails and attachments', () => {
  it('writes to the outbox, from a local address, and keeps files 90 days by default', () => {
    expect(load({})).toMatchObject({
      smtpUrl: null,
      mailFrom: { name: 'Shortlist', address: 'enquiries@localhost' },
      attachmentRetentionDays: 90,
    });
  });

  it('reads SMTP_URL, MAIL_FROM (with or without a name) and ATTACHMENT_RETENTION_DAYS', () => {
    expect(
      load({
        SMTP_URL: 'smtps://user:secret@mail.example.com:465',
        MAIL_FROM: 'Shortlist Enquiries <enquiries@shortlist.example>',
        ATTACHMENT_RETENTION_DAYS: '30',
      }),
    ).toMatchObject({
      smtpUrl: 'smtps://user:secret@mail.example.com:465',
      mailFrom: { name: 'Shortlist Enquiries', address: 'enquiries@shortlist.example' },
      attachmentRetentionDays: 30,
    });
    expect(load({ MAIL_FROM: 'enquiries@shortlist.example' }).mailFrom).toEqual({
      address: 'enquiries@shortlist.example',
    });
  });

  it('reports every problem at once, naming each variable', () => {
    expect(
      configErrorOf(() =>
        load({
          PORT: 'eighty',
          SMTP_URL: 'http://mail.example.com',
          MAIL_FROM: 'Shortlist <not an address>',
          ATTACHMENT_RETENTION_DAYS: '0',
        }),
      ).problems,
    ).toEqual([
      'PORT must be a whole number from 0 to 65535 (it is "eighty")',
      'SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465 (leave it unset to write emails to the outbox folder)',
      'ATTACHMENT_RETENTION_DAYS must be a whole number from 1 to 3650 (it is "0")',
      'MAIL_FROM must be an email address, optionally with a name: Shortlist <enquiries@example.com> (it is "Shortlist <not an address>")',
    ]);
  });

  it('asks for MAIL_FROM when SMTP_URL is set', () => {
    expect(() => load({ SMTP_URL: 'smtp://mail.example.com:587' })).toThrow(
      'MAIL_FROM must be set when SMTP_URL is set: the address enquiry emails come from',
    );
  });

  it('reads ENQUIRY_RATE_LIMIT, SMTP_TIMEOUT_SECONDS and the test-only MAIL_RETRY_SECONDS', () => {
    expect(load({})).toMatchObject({
      enquiryRateLimit: 5,
      smtpTimeoutSeconds: 10,
      mailRetrySeconds: null,
    });
    expect(
      load({ ENQUIRY_RATE_LIMIT: '500', SMTP_TIMEOUT_SECONDS: '3', MAIL_RETRY_SECONDS: '1, 2,3' }),
    ).toMatchObject({ enquiryRateLimit: 500, smtpTimeoutSeconds: 3, mailRetrySeconds: [1, 2, 3] });
    expect(
      configErrorOf(() =>
        load({ ENQUIRY_RATE_LIMIT: '0', SMTP_TIMEOUT_SECONDS: 'ten', MAIL_RETRY_SECONDS: '1,x' }),
      ).problems,
    ).toEqual([
      'ENQUIRY_RATE_LIMIT must be a whole number from 1 to 100000 (it is "0")',
      'SMTP_TIMEOUT_SECONDS must be a whole number from 1 to 600 (it is "ten")',
      'MAIL_RETRY_SECONDS must be whole seconds from 1 to 86400 separated by commas, like 1,2,3 (it is "1,x")',
    ]);
  });

  it('erases enquiry senders after 400 days unless ENQUIRY_RETENTION_DAYS says otherwise', () => {
    expect(loadConfig({}, '/srv/shortlist').enquiryRetentionDays).toBe(400);
    expect(
      loadConfig({ ENQUIRY_RETENTION_DAYS: '30' }, '/srv/shortlist').enquiryRetentionDays,
    ).toBe(30);
    expect(() => loadConfig({ ENQUIRY_RETENTION_DAYS: '0' }, '/srv/shortlist')).toThrow(
      'ENQUIRY_RETENTION_DAYS must be a whole number from 1 to 3650 (it is "0")',
    );
  });
});
