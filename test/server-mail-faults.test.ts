/**
 * The real server (src/server.ts, WORKERS=1) while its mail server fails: refusing connections,
 * then accepting them and never greeting, then a real SMTP server. Reset requests answer 202 at
 * once throughout (they only queue); every email arrives, and none twice.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from './enquiries.js';
import { freePort, killServer, startServer, until, type ServerProcess } from './server-process.js';

const PASSWORD = 'violet kettle harbour 42';
const ACCOUNTS = ['ana@example.com', 'ben@example.com', 'cat@example.com'];

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

describe('the server while its mail server refuses, hangs, then recovers', () => {
  let dataDir: string;
  let server: ServerProcess;
  let smtpPort: number;
  let smtp: TestSmtpServer | undefined;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shortlist-mail-faults-'));
    smtpPort = await freePort();
    server = await startServer(
      dataDir,
      {
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        MAIL_FROM: 'Shortlist <accounts@shortlist.example>',
        SMTP_TIMEOUT_SECONDS: '1',
        MAIL_RETRY_SECONDS: Array.from({ length: 30 }, () => '1').join(','),
        AUTH_RATE_LIMIT: '1000',
      },
      120_000,
    );
  }, 180_000);

  afterAll(async () => {
    killServer(server);
    await smtp?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers every reset email once', async () => {
    const post = (url: string, body: object) =>
      fetch(`${server.base}${url}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    for (const email of ACCOUNTS) {
      expect((await post('/api/auth/signup', { email, password: PASSWORD })).status).toBe(201);
    }
    // 1. Nothing listens on the mail port: every request still answers 202, and is retried.
    for (const email of ACCOUNTS) {
      expect((await post('/api/auth/reset-request', { email })).status).toBe(202);
    }
    await until('refused attempts', async () =>
      count(server.output(), /ECONNREFUSED/g) >= ACCOUNTS.length ? true : null,
    );
    // 2. A server that accepts and never greets: attempts time out after SMTP_TIMEOUT_SECONDS.
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(smtpPort, '127.0.0.1', resolve));
    expect((await post('/api/auth/reset-request', { email: 'nobody@example.com' })).status).toBe(
      202,
    );
    await until('timed-out attempts', async () =>
      count(server.output(), /ETIMEDOUT/g) >= ACCOUNTS.length ? true : null,
    );
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
    // 3. A real server: every email arrives.
    smtp = await startSmtpServer({ port: smtpPort });
    const received = smtp.received;
    await until('every email', async () => (received.length >= ACCOUNTS.length ? true : null));
    // A few more rounds of the loop (MAIL_RETRY_SECONDS is 1 s): nothing is sent again.
    await new Promise((r) => setTimeout(r, 3000));
    expect(received.map((m) => m.envelope.to[0]).sort()).toEqual(ACCOUNTS);
    expect(new Set(received.map((m) => m.parsed.messageId)).size).toBe(ACCOUNTS.length);
    for (const mail of received) {
      expect(mail.parsed.text).toMatch(/reset-password\?token=slr_[A-Za-z0-9_-]{43}/);
    }
  }, 120_000);
});
