#!/usr/bin/env node
// The one test command: type, lint, format and XSS checks, then every Vitest spec (unit, store on
// SQLite and PostgreSQL, HTTP, CLI, e2e in Chromium), ending with the line CI reads:
// "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

let checksFailed = 0;
const checks = [
  ['typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']],
  ['lint', 'npx', ['eslint', '.']],
  ['format', 'npx', ['prettier', '--check', '.']],
  // Every JSX expression escaped or known safe (@kitajs/ts-html-plugin); warnings fail too.
  ['xss', 'npm', ['run', '--silent', 'xss']],
  // No file, export or dependency that nothing uses (knip.json).
  ['knip', 'npm', ['run', '--silent', 'knip']],
];
for (const [name, cmd, args] of checks) {
  console.log(`\n> ${name}`);
  if (run(cmd, args) !== 0) {
    console.log(`${name} failed`);
    checksFailed += 1;
  }
}

const results = '.vitest-results.json';
fs.rmSync(results, { force: true });
const extra = process.argv.slice(2);
const status = run(
  'npx',
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${results}`,
    ...extra,
  ],
  { TZ: process.env.TZ ?? 'UTC' },
);
let passed = 0;
let failed = 0;
try {
  const report = JSON.parse(fs.readFileSync(results, 'utf8'));
  passed = report.numPassedTests ?? 0;
  failed = (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
} catch {
  failed += 1;
}
if (status !== 0 && failed === 0) failed = 1;
passed += checks.length - checksFailed;
failed += checksFailed;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
