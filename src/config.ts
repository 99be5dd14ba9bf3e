/**
 * The only reader of process.env. Every problem with the configuration is reported at once,
 * naming the variable, so an operator fixes them in one pass.
 */
import path from 'node:path';

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
}

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

/** Reads the configuration from an environment (process.env by default); throws ConfigError. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
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
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
