/** `shortlist db migrate` and `shortlist db status`. */
import type { Command } from 'commander';
import { listMigrationStatus, migrateToLatest, assertKnownMigrations } from '../store/migrate.js';
import { withDeps } from './context.js';
import type { CliIo } from './io.js';

export function registerDbCommands(program: Command, io: CliIo): void {
  const db = program.command('db').description('Database migrations');
  db.command('migrate')
    .description('Apply every pending migration')
    .action(() =>
      withDeps(
        io,
        async ({ db: handle }) => {
          const applied = await migrateToLatest(handle);
          io.stdout(
            applied.length === 0
              ? `${handle.describe}: already up to date.\n`
              : `${handle.describe}: applied ${applied.join(', ')}.\n`,
          );
        },
        { create: true },
      ),
    );
  db.command('status')
    .description('List migrations and whether each has run')
    .action(() =>
      withDeps(io, async ({ db: handle }) => {
        await assertKnownMigrations(handle);
        const status = await listMigrationStatus(handle);
        io.stdout(`${handle.describe}\n`);
        for (const m of status)
          io.stdout(
            `${m.executedAt ? 'applied' : 'pending'}  ${m.name}${m.executedAt ? `  (${m.executedAt})` : ''}\n`,
          );
        const pending = status.filter((m) => m.executedAt === null).length;
        io.stdout(
          pending === 0 ? 'Up to date.\n' : `${pending} pending: run "shortlist db migrate".\n`,
        );
      }),
    );
}
