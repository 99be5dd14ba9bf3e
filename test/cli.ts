/** Runs the CLI in-process with captured output, against a data folder of the test's own. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../src/cli/main.js';

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

export function makeDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'shortlist-cli-'));
}

export async function runShortlist(
  args: string[],
  env: Record<string, string> = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    isTty: false,
    env: { ...env, DATABASE_URL: env.DATABASE_URL ?? '' },
    cwd: env.CWD ?? process.cwd(),
  });
  return { status, stdout, stderr };
}
