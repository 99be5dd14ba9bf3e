import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecordingMailer } from '../../test/accounts.js';
import { TEST_DATABASES } from '../../test/databases.js';
import { fixedClock, startSmtpServer, type TestSmtpServer } from '../../test/enquiries.js';
import { SmtpMailer } from '../adapters/smtp.mailer.js';
import { sqlAccountStores } from '../store/accounts.store.js';
import type { Db } from '../store/db.js';
import { SqlMailQueueStore } from '../store/mail-queue.store.js';
import {
  passwordResetMailHandler,
  requestPasswordReset,
} from './accounts/password-reset.service.js';
import type { AccountStores, UserRecord } from './accounts/ports.js';
import { hashToken } from './accounts/secrets.js';
import {
  deliverDueMail,
  deliverMail,
  nextMailAttemptAt,
  queuedMessageId,
  type MailQueueDeps,
} from './mail-queue.service.js';
import type { Mailer, OutgoingMail } from './ports.js';

const T0 = '2026-12-07T09:00:00.000Z';
const FROM = { name: 'Shortlist', address: 'accounts@shortlist.example' };

function buildUser(id: string, email: string): UserRecord {
  return { id, email, passwordHash: 'x', createdAt: T0, passwordChangedAt: T0 };
}

/** A mailer that fails while `failing` is true, and otherwise keeps what it sends. */
class SwitchMailer implements Mailer {
  readonly describe = 'switch mailer';
  readonly sent: OutgoingMail[] = [];
  readonly tried: string[] = [];
  failing = true;

  async send(mail: OutgoingMail): Promise<void> {
    this.tried.push(mail.messageId);
    if (this.failing) {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), {
        code: 'ECONNREFUSED',
      });
    }
    this.sent.push(mail);
  }
}

describe('the retry schedules', () => {
  it('retries reset emails after 1, 5 and 15 minutes, enquiries for about two days', () => {
    const at = new Date(T0);
    const minutesAfter = (kind: 'enquiry' | 'password-reset', attempts: number) => {
      const next = nextMailAttemptAt(kind, attempts, at);
      return next ? (next.getTime() - at.getTime()) / 60_000 : null;
    };
    expect([1, 2, 3, 4].map((n) => minutesAfter('password-reset', n))).toEqual([1, 5, 15, null]);
    expect([1, 2, 8, 9].map((n) => minutesAfter('enquiry', n))).toEqual([1, 5, 1440, null]);
    // MAIL_RETRY_SECONDS (tests only) replaces both.
    expect(nextMailAttemptAt('enquiry', 2, at, [1, 2, 3])?.toISOString()).toBe(
      '2026-12-07T09:00:02.000Z',
    );
    expect(nextMailAttemptAt('enquiry', 4, at, [1, 2, 3])).toBeNull();
  });
});

describe.each(TEST_DATABASES)('password-reset emails through the queue on $name', (database) => {
  let db: Db;
  let accounts: AccountStores;
  let mailQueue: SqlMailQueueStore;
  let clock: ReturnType<typeof fixedClock>;
  const settings = {
    publicUrl: 'http://shortlist.test',
    mailFrom: FROM,
    sessionIdleDays: 14,
    rateLimit: { attempts: 100, windowMinutes: 15 },
  };

  beforeEach(async () => {
    db = await database.open();
    accounts = sqlAccountStores(db);
    mailQueue = new SqlMailQueueStore(db);
    clock = fixedClock(T0);
    await accounts.userStore.createUser(buildUser('user-1', 'sam@example.com'));
  });
  afterEach(() => db.close());

  const queueDeps = (mailer: Mailer): MailQueueDeps => ({
    mailQueue,
    mailer,
    clock,
    mailFrom: FROM,
    handlers: { 'password-reset': passwordResetMailHandler({ ...accounts, clock, settings }) },
  });

  const request = (mailer: Mailer, email: string, kicked: string[]) =>
    requestPasswordReset(
      {
        ...accounts,
        rateLimitStore: {
          hit: async () => ({ count: 1, resetAt: T0 }),
          deleteExpired: async () => 0,
        },
        clock,
        mailer,
        mailQueue,
        sendQueuedMail: (id) => kicked.push(id),
        settings,
      },
      { email },
      { ip: '192.0.2.1' },
    );

  it('a request queues the account id only; the token is made and stored when the email is sent', async () => {
    const mailer = new RecordingMailer();
    const kicked: string[] = [];
    await request(mailer, 'nobody@example.com', kicked);
    await request(mailer, 'Sam@Example.com', kicked);
    expect(kicked).toHaveLength(1);
    const queued = await mailQueue.findMail(kicked[0]!);
    expect(queued).toMatchObject({
      kind: 'password-reset',
      subjectId: 'user-1',
      status: 'pending',
    });
    expect(await db.kysely.selectFrom('password_resets').selectAll().execute()).toEqual([]);

    expect(await deliverMail(queueDeps(mailer), kicked[0]!)).toBe('sent');
    const token = mailer.lastResetToken();
    expect(mailer.sent[0]).toMatchObject({
      to: { address: 'sam@example.com' },
      messageId: `<password-reset-${kicked[0]}@shortlist.example>`,
    });
    const resets = await db.kysely.selectFrom('password_resets').selectAll().execute();
    expect(resets.map((r) => r.token_hash)).toEqual([hashToken(token)]);
    expect(await mailQueue.findMail(kicked[0]!)).toMatchObject({ status: 'sent', attempts: 1 });
    // Sent is final: no round sends it again.
    clock.advance(24 * 3600_000);
    expect(await deliverDueMail(queueDeps(mailer))).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
      expired: 0,
    });
    expect(mailer.sent).toHaveLength(1);
  });

  it('retries after 1, 5 and 15 minutes with the same Message-ID, then expires', async () => {
    const mailer = new SwitchMailer();
    const kicked: string[] = [];
    await request(mailer, 'sam@example.com', kicked);
    const id = kicked[0]!;
    const deps = queueDeps(mailer);
    const statuses: (string | null)[] = [await deliverMail(deps, id)];
    for (const minutes of [1, 5, 15]) {
      clock.advance(minutes * 60_000 - 1);
      // Not due a millisecond early.
      expect(await deliverDueMail(deps)).toMatchObject({ retrying: 0, expired: 0 });
      clock.advance(1);
      statuses.push(await deliverMail(deps, id));
    }
    expect(statuses).toEqual(['retrying', 'retrying', 'retrying', 'expired']);
    expect(new Set(mailer.tried)).toEqual(
      new Set([queuedMessageId({ id, kind: 'password-reset' }, FROM)]),
    );
    expect(mailer.tried).toHaveLength(4);
    expect(await mailQueue.findMail(id)).toMatchObject({
      status: 'expired',
      attempts: 4,
      lastError: 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:25',
    });
  });

  it('records a sent email even when the first write after the 250 fails', async () => {
    const mailer = new RecordingMailer();
    const kicked: string[] = [];
    await request(mailer, 'sam@example.com', kicked);
    let failures = 1;
    const flaky = Object.create(mailQueue) as SqlMailQueueStore;
    flaky.recordMailSent = async (...args) => {
      if (failures-- > 0) throw Object.assign(new Error('Connection terminated'), {});
      return mailQueue.recordMailSent(...args);
    };
    expect(await deliverMail({ ...queueDeps(mailer), mailQueue: flaky }, kicked[0]!)).toBe('sent');
    expect(mailer.sent).toHaveLength(1);
    expect(await mailQueue.findMail(kicked[0]!)).toMatchObject({ status: 'sent' });
  });

  it('expires a queued reset whose account was deleted, sending nothing', async () => {
    const mailer = new RecordingMailer();
    const kicked: string[] = [];
    await request(mailer, 'sam@example.com', kicked);
    await accounts.userStore.deleteUser('user-1');
    expect(await deliverMail(queueDeps(mailer), kicked[0]!)).toBe('expired');
    expect(mailer.sent).toEqual([]);
  });
});

/** A port nothing listens on, then a server that accepts and never greets, then real SMTP. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe.each(TEST_DATABASES)(
  'SMTP refusing, then hanging, then recovering on $name',
  (database) => {
    let db: Db;
    let smtp: TestSmtpServer | undefined;
    let silent: net.Server | undefined;
    const sockets = new Set<net.Socket>();
    beforeEach(async () => {
      db = await database.open();
    });
    afterEach(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => (silent ? silent.close(() => resolve()) : resolve()));
      await smtp?.close();
      await db.close();
    });

    it('delivers every queued email once: none twice after the server accepted it', async () => {
      const port = await freePort();
      const accounts = sqlAccountStores(db);
      const mailQueue = new SqlMailQueueStore(db);
      const clock = fixedClock(T0);
      const settings = {
        publicUrl: 'http://shortlist.test',
        mailFrom: FROM,
        sessionIdleDays: 14,
        rateLimit: { attempts: 100, windowMinutes: 15 },
      };
      const mailer = new SmtpMailer(`smtp://127.0.0.1:${port}`, { timeoutSeconds: 1 });
      const deps: MailQueueDeps = {
        mailQueue,
        mailer,
        clock,
        mailFrom: FROM,
        retrySeconds: [1, 2, 3, 4, 5],
        handlers: { 'password-reset': passwordResetMailHandler({ ...accounts, clock, settings }) },
      };
      const ids = ['a', 'b', 'c'].map((n) => `00000000-0000-4000-8000-00000000000${n}`);
      for (const [i, id] of ids.entries()) {
        await accounts.userStore.createUser(buildUser(`user-${i}`, `user${i}@example.com`));
        await mailQueue.enqueueMail({
          id,
          kind: 'password-reset',
          subjectId: `user-${i}`,
          createdAt: T0,
        });
      }
      try {
        // 1. Nothing listens: refused.
        expect(await deliverDueMail(deps)).toEqual({ sent: 0, retrying: 3, failed: 0, expired: 0 });
        // 2. A server that accepts the connection and never greets: the greeting times out.
        silent = net.createServer((socket) => sockets.add(socket));
        await new Promise<void>((resolve) => silent!.listen(port, '127.0.0.1', resolve));
        clock.advance(1000);
        expect(await deliverDueMail(deps)).toEqual({ sent: 0, retrying: 3, failed: 0, expired: 0 });
        for (const socket of sockets) socket.destroy();
        await new Promise<void>((resolve) => silent!.close(() => resolve()));
        silent = undefined;
        // 3. A real server: each email is accepted once; later rounds send nothing again.
        smtp = await startSmtpServer({ port });
        clock.advance(2000);
        expect(await deliverDueMail(deps)).toEqual({ sent: 3, retrying: 0, failed: 0, expired: 0 });
        clock.advance(3600_000);
        expect(await deliverDueMail(deps)).toEqual({ sent: 0, retrying: 0, failed: 0, expired: 0 });
      } finally {
        mailer.close();
      }
      const messageIds = smtp.received.map((m) => m.parsed.messageId).sort();
      expect(messageIds).toEqual(
        ids.map((id) => `<password-reset-${id}@shortlist.example>`).sort(),
      );
      for (const id of ids) {
        expect(await mailQueue.findMail(id)).toMatchObject({ status: 'sent', attempts: 3 });
      }
      const errors = await db.kysely.selectFrom('mail_queue').select('last_error').execute();
      expect(errors.map((e) => e.last_error?.split(':')[0]).sort()).toEqual([
        'ETIMEDOUT',
        'ETIMEDOUT',
        'ETIMEDOUT',
      ]);
    });
  },
);
