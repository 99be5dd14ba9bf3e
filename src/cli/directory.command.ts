/** `shortlist directory import|export|stats` and `shortlist demo generate|load`. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { generateDemoDirectory } from '../domain/directory/demo-directory.js';
import { demoOutcodeForTown } from '../domain/directory/demo-postcodes.js';
import {
  exportDirectory,
  formatDirectoryJson,
  getDirectoryStats,
  importDirectory,
  loadDemoDirectory,
  type DirectoryFormat,
} from '../services/directory.service.js';
import { countDirectory } from '../domain/directory/directory.js';
import { migrateToLatest } from '../store/migrate.js';
import { withDeps, type CliDeps } from './context.js';
import { badInput, CliExit, reportError, type CliIo } from './io.js';
import { isDomainError } from '../domain/errors.js';
import { startProgress } from './progress.js';

function parseFormat(value: string): DirectoryFormat {
  const v = value.trim().toLowerCase();
  if (v !== 'json' && v !== 'csv') throw new InvalidArgumentError('must be csv or json');
  return v;
}

function parseScale(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100)
    throw new InvalidArgumentError('must be a whole number from 1 to 100');
  return n;
}

function formatFromName(file: string): DirectoryFormat | null {
  const ext = path.extname(file).toLowerCase();
  return ext === '.csv' ? 'csv' : ext === '.json' ? 'json' : null;
}

async function readInputFile(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw badInput(
      'FILE',
      code === 'ENOENT'
        ? `There is no file at ${file}`
        : `The file ${file} could not be read (${code ?? 'error'})`,
      code === 'ENOENT' ? 'not-found' : 'invalid',
    );
  }
}

export function registerDirectoryCommands(program: Command, io: CliIo): void {
  // These commands bring an older database up to date before they read or write the directory.
  const withMigrated = <T>(fn: (deps: CliDeps) => Promise<T>): Promise<T> =>
    withDeps(io, async (deps) => {
      await migrateToLatest(deps.db);
      return fn(deps);
    });
  const directory = program
    .command('directory')
    .description('Import, export and count the agency directory');
  directory
    .command('import')
    .argument('<file>', 'a .json or .csv directory file')
    .option(
      '--merge',
      'upsert listings by slug and branches by id instead of replacing the directory',
    )
    .option('--format <format>', 'csv or json (default: from the file name)', parseFormat)
    .description(
      'Replace (or merge into) the directory from a file; loads nothing if any row is wrong',
    )
    .action(async (file: string, options: { merge?: boolean; format?: DirectoryFormat }) => {
      const format = options.format ?? formatFromName(file);
      if (!format)
        throw badInput(
          '--format',
          'Say --format csv or --format json: the file name does not end in .csv or .json',
        );
      const content = await readInputFile(file);
      await withMigrated(async (deps) => {
        const progress = startProgress(io, 'Importing');
        try {
          const result = await importDirectory(
            deps,
            { content, format, merge: options.merge === true },
            progress.update,
          );
          progress.stop();
          io.stdout(
            result.mode === 'merge'
              ? `Merged ${result.merged?.listings ?? 0} listings and ${result.merged?.branches ?? 0} branches. The directory now holds ${result.listings} listings, ${result.brands} brands and ${result.branches} branches.\n`
              : `Imported ${result.listings} listings, ${result.brands} brands and ${result.branches} branches.\n`,
          );
        } catch (error) {
          progress.stop();
          if (!isDomainError(error)) throw error;
          const status = reportError(io, error);
          io.stderr('Nothing was imported: the directory is unchanged.\n');
          throw new CliExit(status);
        } finally {
          progress.stop();
        }
      });
    });
  directory
    .command('export')
    .requiredOption('--format <format>', 'csv or json', parseFormat)
    .option('--out <file>', 'write to a file instead of standard output')
    .description('Write the whole directory as CSV (one row per branch) or nested JSON')
    .action(async (options: { format: DirectoryFormat; out?: string }) => {
      const text = await withMigrated(async (deps) => {
        return exportDirectory(deps, options.format);
      });
      if (options.out) {
        await fs.writeFile(options.out, text, 'utf8');
        io.stderr(`Wrote ${options.out}\n`);
      } else io.stdout(text);
    });
  directory
    .command('stats')
    .description('Count listings, brands and branches')
    .action(() =>
      withMigrated(async (deps) => {
        const stats = await getDirectoryStats(deps);
        io.stdout(
          `${stats.listings} listings, ${stats.brands} brands, ${stats.branches} branches\n`,
        );
      }),
    );

  const demo = program.command('demo').description('The synthetic demo directory');
  demo
    .command('generate')
    .option(
      '--scale <n>',
      'size as a multiple of the demo directory (1 = about 8,300 listings)',
      parseScale,
      1,
    )
    .requiredOption('--out <file>', 'the JSON file to write (never the app database)')
    .description('Write a generated directory, in the JSON export format, to its own file')
    .action(async (options: { scale: number; out: string }) => {
      const generated = generateDemoDirectory({
        scale: options.scale,
        outcodeForTown: demoOutcodeForTown,
      });
      await fs.mkdir(path.dirname(path.resolve(io.cwd, options.out)), { recursive: true });
      await fs.writeFile(path.resolve(io.cwd, options.out), formatDirectoryJson(generated), 'utf8');
      const stats = countDirectory(generated);
      io.stdout(
        `Wrote ${options.out}: ${stats.listings} listings, ${stats.brands} brands, ${stats.branches} branches (demo data).\n`,
      );
    });
  demo
    .command('load')
    .description('Replace the directory in the database with the demo directory')
    .action(() =>
      withMigrated(async (deps) => {
        const progress = startProgress(io, 'Loading demo');
        try {
          const stats = await loadDemoDirectory(
            deps,
            () => generateDemoDirectory({ outcodeForTown: demoOutcodeForTown }),
            progress.update,
          );
          progress.stop();
          io.stdout(
            `Loaded the demo directory: ${stats.listings} listings, ${stats.brands} brands, ${stats.branches} branches.\n`,
          );
        } finally {
          progress.stop();
        }
      }),
    );
}
