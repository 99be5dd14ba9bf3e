/**
 * The concrete parts built from the configuration, shared by the two composition roots: the
 * server's (compose.ts, server.ts) and the CLI's (cli/context.ts).
 */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { OutboxMailer } from './adapters/outbox.mailer.js';
import { SmtpMailer } from './adapters/smtp.mailer.js';
import type { Config } from './config.js';
import type { Mailer } from './services/ports.js';
import { openDb, type Db } from './store/db.js';

/** A random secret kept in a file of the data folder, created on first start (mode 0600). */
export function loadOrCreateSecret(file: string): string {
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch {
    // No secret yet: create one below.
  }
  const secret = randomBytes(32).toString('base64url');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export function cookieSecretOf(config: Config): string {
  return config.cookieSecret ?? loadOrCreateSecret(path.join(config.dataDir, 'cookie-secret'));
}

/**
 * Opens the configured database; `quickCheck` runs `PRAGMA quick_check` on SQLite; without
 * `create` a missing SQLite file is refused.
 */
export function openConfiguredDb(
  config: Config,
  options: { quickCheck?: boolean; create?: boolean },
): Db {
  return openDb(
    config.databaseUrl
      ? { kind: 'postgres', url: config.databaseUrl }
      : { kind: 'sqlite', file: config.sqliteFile },
    options,
  );
}

/** SMTP when SMTP_URL is set; otherwise .eml files in the data folder's outbox. */
export function mailerFor(config: Config): Mailer {
  return config.smtpUrl
    ? new SmtpMailer(config.smtpUrl, { timeoutSeconds: config.smtpTimeoutSeconds })
    : new OutboxMailer(path.join(config.dataDir, 'outbox'));
}
