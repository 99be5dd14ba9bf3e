/** What a CLI command may touch: injected so that tests capture output and exit statuses. */
import { DomainError, isDomainError, type Problem } from '../domain/errors.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal (tables and progress bars) or a pipe (plain lines). */
  isTty: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Exit statuses shared by every command. */
export const EXIT = { ok: 0, failure: 1, badInput: 2, findings: 3 } as const;

/** One readable line per problem: where, what is wrong, and the code in brackets. */
function formatProblem(problem: Problem): string {
  const where = [problem.line !== undefined ? `line ${problem.line}` : null, problem.field]
    .filter((p) => p !== null)
    .join(', ');
  const listed = problem.suggestions?.every((s) => problem.message.includes(s.label)) ?? true;
  const suggestions =
    !listed && problem.suggestions
      ? ` (did you mean: ${problem.suggestions.map((s) => s.label).join('; ')}?)`
      : '';
  return `${where ? `${where}: ` : ''}${problem.message}${suggestions} [${problem.code}]`;
}

/** Thrown by commands to stop with an exit status after printing. */
export class CliExit extends Error {
  constructor(readonly status: number) {
    super(`exit ${status}`);
  }
}

const DATABASE_FAULTS = new Set([
  'unknown-migrations',
  'database-missing',
  'database-corrupt',
  'database-unavailable',
  'server-running',
]);

/** Prints an error the way the CLI does and returns its exit status. */
export function reportError(io: CliIo, error: unknown): number {
  if (error instanceof CliExit) return error.status;
  if (isDomainError(error)) {
    // A database migrated by a newer build, missing, damaged or gone is not the input at fault.
    const status = DATABASE_FAULTS.has(error.code) ? EXIT.failure : EXIT.badInput;
    for (const problem of error.problems) io.stderr(`${formatProblem(problem)}\n`);
    if (error.problems.length > 1) io.stderr(`${error.problems.length} problems found.\n`);
    return status;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`Unexpected failure: ${message}\n`);
  return EXIT.failure;
}

export function badInput(field: string | null, message: string, code = 'invalid'): DomainError {
  return DomainError.single(code, message, field);
}
