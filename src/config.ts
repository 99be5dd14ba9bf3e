/**
 * The only reader of process.env. Every problem with the configuration is reported at once,
 * naming the variable, so an operator fixes them in one pass.
 */
import os from 'node:os';
import path from 'node:path';
import { DEMO_OPERATOR, type OperatorDetails } from './domain/site/operator.js';
import { isEmailAddress } from './domain/validation/email.js';
import { LIMITS } from './domain/validation/limits.js';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** postgres://... when set; otherwise the embedded SQLite file `${dataDir}/shortlist.db`. */
  databaseUrl: string | null;
  sqliteFile: string;
  migrateOnStart: boolean;
  /** Seconds between checks for a directory changed by another process (CLI import). */
  directoryPollSeconds: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** smtp:// or smtps:// URL of the mail server; null writes enquiries to `${dataDir}/outbox`. */
  smtpUrl: string | null;
  /** The From of enquiry emails (the sender is the Reply-To). */
  mailFrom: { name?: string; address: string };
  /** Days an enquiry's attached file is kept before it is deleted. */
  attachmentRetentionDays: number;
  /** Days before an enquiry's sender (name, email, phone, company, message) is erased. */
  enquiryRetentionDays: number;
  /** The site's public address, for links in emails and calendar feeds (no trailing slash). */
  publicUrl: string;
  /** Days without use after which a signed-in session ends. */
  sessionIdleDays: number;
  /** Sign-in, sign-up and reset attempts allowed per IP and per address in 15 minutes. */
  authRateLimit: number;
  /** Enquiries (Email Agency) accepted per IP address in 10 minutes. */
  enquiryRateLimit: number;
  /** Seconds the SMTP connection, greeting and each socket read may take. */
  smtpTimeoutSeconds: number;
  /**
   * Tests only (MAIL_RETRY_SECONDS, e.g. `1,2,3`): the waits between delivery attempts of every
   * email, replacing the real schedules; null in production.
   */
  mailRetrySeconds: number[] | null;
  /** Trust X-Forwarded-For/-Proto from a reverse proxy (client IP, https). */
  trustProxy: boolean;
  /**
   * Signs cookies (favourites, CSRF). Null: server.ts keeps a random secret in
   * `${dataDir}/cookie-secret`; set COOKIE_SECRET to the same value on every instance.
   */
  cookieSecret: string | null;
  /**
   * HTTP worker processes. 1 serves from this process; more forks that many workers sharing the
   * port, each with its own copy of the search index (WORKERS=auto: one per core, at most 4).
   */
  workers: number;
  /**
   * In a worker process, its index (0 to workers - 1) as the supervisor set it in
   * SHORTLIST_WORKER_INDEX; null in the process that starts. Worker 0 runs the background jobs.
   */
  workerIndex: number | null;
  /** Who runs the site (OPERATOR_*): shown on /contact, /privacy and /terms. */
  operator: OperatorDetails;
  /** Seconds SIGTERM waits for requests already received to be answered before exiting. */
  shutdownGraceSeconds: number;
  /**
   * The V8 old space of each HTTP worker (WORKERS > 1), in MB: a bounded heap is collected
   * earlier, so a worker's memory stays flat under steady traffic. Raise it for directories much
   * larger than the demo (each worker holds its own search index).
   */
  workerHeapMb: number;
}

/** The most workers WORKERS=auto starts, whatever the core count: each holds its own index. */
const AUTO_WORKERS_MAX = 4;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function parseBoolean(
  name: string,
  raw: string | undefined,
  fallback: boolean,
  problems: string[],
) {
  if (raw === undefined || raw === '') return fallback;
  const value = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  problems.push(`${name} must be true or false (it is "${raw}")`);
  return fallback;
}

/** A comma-separated list of whole seconds (1 to 86400), or null when unset. */
function parseSecondsList(
  name: string,
  raw: string | undefined,
  problems: string[],
): number[] | null {
  if (raw === undefined || raw.trim() === '') return null;
  const values = raw.split(',').map((part) => Number(part.trim()));
  if (values.some((value) => !Number.isInteger(value) || value < 1 || value > 86_400)) {
    problems.push(
      `${name} must be whole seconds from 1 to 86400 separated by commas, like 1,2,3 (it is "${raw}")`,
    );
    return null;
  }
  return values;
}

function parseInteger(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
) {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (it is "${raw}")`);
    return fallback;
  }
  return value;
}

/** `Name <address>` or a bare address; null when it is neither. */
function parseMailbox(raw: string): { name?: string; address: string } | null {
  const value = raw.trim();
  const named = /^(.*?)\s*<([^<>]+)>$/.exec(value);
  const name = named ? (named[1] ?? '').replace(/^"(.*)"$/, '$1').trim() : '';
  const address = named ? (named[2] ?? '').trim() : value;
  if (!isEmailAddress(address, { dotlessDomain: true }) || /[\p{Cc}"]/u.test(name)) return null;
  return name ? { name, address } : { address };
}

/** An http(s) origin, optionally with a path, without a trailing slash. */
function parsePublicUrl(raw: string | undefined, port: number, problems: string[]): string {
  if (raw === undefined || raw.trim() === '') return `http://localhost:${port}`;
  try {
    const url = new URL(raw.trim());
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.search === '') {
      return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
    }
  } catch {
    // Reported below.
  }
  problems.push(
    `PUBLIC_URL must be the site's address, such as https://shortlist.example (it is "${raw}")`,
  );
  return `http://localhost:${port}`;
}

function parseSmtpUrl(raw: string | undefined, problems: string[]): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  const value = raw.trim();
  try {
    const url = new URL(value);
    if ((url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '')
      return value;
  } catch {
    // Reported below.
  }
  problems.push(
    'SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465 (leave it unset to write emails to the outbox folder)',
  );
  return null;
}

/** OPERATOR_*: the details the contact and privacy pages show; the demo defaults when none is set. */
function parseOperator(env: NodeJS.ProcessEnv, problems: string[]): OperatorDetails {
  const read = (name: string, max: number): string | null => {
    const value = env[name]?.trim() ?? '';
    if (value === '') return null;
    if (value.length > max || /[\p{Cc}\p{Cf}]/u.test(value.replace(/\n/g, ''))) {
      problems.push(`${name} must be plain text of at most ${max} characters`);
      return null;
    }
    return value;
  };
  const name = read('OPERATOR_NAME', 200);
  const address = read('OPERATOR_ADDRESS', 500);
  const email = read('OPERATOR_EMAIL', LIMITS.email);
  const companyNumber = read('OPERATOR_COMPANY_NUMBER', 20);
  if (email !== null && !isEmailAddress(email, { dotlessDomain: true })) {
    problems.push(`OPERATOR_EMAIL must be an email address (it is "${email}")`);
  }
  if (companyNumber !== null && !/^(?:[0-9]{8}|[A-Z]{2}[0-9]{6})$/i.test(companyNumber)) {
    problems.push(
      `OPERATOR_COMPANY_NUMBER must be a Companies House number such as 01234567 or SC123456 (it is "${companyNumber}")`,
    );
  }
  const given = [name, address, email, companyNumber].some((value) => value !== null);
  return {
    name: name ?? DEMO_OPERATOR.name,
    address: address ?? DEMO_OPERATOR.address,
    email: email ?? DEMO_OPERATOR.email,
    companyNumber: companyNumber?.toUpperCase() ?? null,
    demo: !given,
  };
}

/** WORKERS: `auto` (the default: one per core, at most AUTO_WORKERS_MAX) or a number from 1 to 64. */
function parseWorkers(raw: string | undefined, cores: number, problems: string[]): number {
  const auto = Math.max(1, Math.min(cores, AUTO_WORKERS_MAX));
  if (raw === undefined || raw.trim() === '' || raw.trim().toLowerCase() === 'auto') return auto;
  const value = Number(raw.trim());
  if (!Number.isInteger(value) || value < 1 || value > 64) {
    problems.push(`WORKERS must be auto or a whole number from 1 to 64 (it is "${raw}")`);
    return auto;
  }
  return value;
}

/** Reads the configuration from an environment (process.env by default); throws ConfigError. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
  cores = os.availableParallelism(),
): Config {
  const problems: string[] = [];
  const port = parseInteger('PORT', env.PORT, 3000, 0, 65535, problems);
  const dataDir = path.resolve(
    cwd,
    env.DATA_DIR && env.DATA_DIR.trim() !== '' ? env.DATA_DIR : 'data',
  );
  let databaseUrl: string | null = null;
  if (env.DATABASE_URL && env.DATABASE_URL.trim() !== '') {
    const url = env.DATABASE_URL.trim();
    if (!/^postgres(ql)?:\/\//i.test(url)) {
      problems.push(
        'DATABASE_URL must start with postgres:// (leave it unset for the embedded SQLite database)',
      );
    } else {
      databaseUrl = url;
    }
  }
  const logLevelRaw = (env.LOG_LEVEL ?? 'info').trim().toLowerCase();
  const logLevel = (LOG_LEVELS as readonly string[]).includes(logLevelRaw)
    ? (logLevelRaw as Config['logLevel'])
    : (problems.push(
        `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (it is "${env.LOG_LEVEL}")`,
      ),
      'info' as const);
  const config: Config = {
    port,
    host: env.HOST && env.HOST.trim() !== '' ? env.HOST.trim() : '0.0.0.0',
    dataDir,
    databaseUrl,
    sqliteFile: path.join(dataDir, 'shortlist.db'),
    migrateOnStart: parseBoolean('MIGRATE_ON_START', env.MIGRATE_ON_START, true, problems),
    directoryPollSeconds: parseInteger(
      'DIRECTORY_POLL_SECONDS',
      env.DIRECTORY_POLL_SECONDS,
      2,
      1,
      3600,
      problems,
    ),
    logLevel,
    smtpUrl: parseSmtpUrl(env.SMTP_URL, problems),
    mailFrom: { name: 'Shortlist', address: 'enquiries@localhost' },
    attachmentRetentionDays: parseInteger(
      'ATTACHMENT_RETENTION_DAYS',
      env.ATTACHMENT_RETENTION_DAYS,
      90,
      1,
      3650,
      problems,
    ),
    enquiryRetentionDays: parseInteger(
      'ENQUIRY_RETENTION_DAYS',
      env.ENQUIRY_RETENTION_DAYS,
      400,
      1,
      3650,
      problems,
    ),
    publicUrl: parsePublicUrl(env.PUBLIC_URL, port, problems),
    sessionIdleDays: parseInteger('SESSION_IDLE_DAYS', env.SESSION_IDLE_DAYS, 14, 1, 365, problems),
    authRateLimit: parseInteger('AUTH_RATE_LIMIT', env.AUTH_RATE_LIMIT, 10, 1, 10_000, problems),
    enquiryRateLimit: parseInteger(
      'ENQUIRY_RATE_LIMIT',
      env.ENQUIRY_RATE_LIMIT,
      5,
      1,
      100_000,
      problems,
    ),
    smtpTimeoutSeconds: parseInteger(
      'SMTP_TIMEOUT_SECONDS',
      env.SMTP_TIMEOUT_SECONDS,
      10,
      1,
      600,
      problems,
    ),
    mailRetrySeconds: parseSecondsList('MAIL_RETRY_SECONDS', env.MAIL_RETRY_SECONDS, problems),
    trustProxy: parseBoolean('TRUST_PROXY', env.TRUST_PROXY, false, problems),
    cookieSecret: (() => {
      const secret = env.COOKIE_SECRET?.trim() ?? '';
      if (secret === '') return null;
      if (secret.length < 32) {
        problems.push('COOKIE_SECRET must be at least 32 characters (use a long random string)');
        return null;
      }
      return secret;
    })(),
    workers: parseWorkers(env.WORKERS, cores, problems),
    workerIndex: /^\d+$/.test(env.SHORTLIST_WORKER_INDEX ?? '')
      ? Number(env.SHORTLIST_WORKER_INDEX)
      : null,
    operator: parseOperator(env, problems),
    workerHeapMb: parseInteger('WORKER_HEAP_MB', env.WORKER_HEAP_MB, 768, 128, 65_536, problems),
    shutdownGraceSeconds: parseInteger(
      'SHUTDOWN_GRACE_SECONDS',
      env.SHUTDOWN_GRACE_SECONDS,
      8,
      1,
      300,
      problems,
    ),
  };
  if (env.MAIL_FROM !== undefined && env.MAIL_FROM.trim() !== '') {
    const mailbox = parseMailbox(env.MAIL_FROM);
    if (mailbox) config.mailFrom = mailbox;
    else
      problems.push(
        `MAIL_FROM must be an email address, optionally with a name: Shortlist <enquiries@example.com> (it is "${env.MAIL_FROM}")`,
      );
  } else if (env.SMTP_URL !== undefined && env.SMTP_URL.trim() !== '') {
    problems.push(
      'MAIL_FROM must be set when SMTP_URL is set: the address enquiry emails come from',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
