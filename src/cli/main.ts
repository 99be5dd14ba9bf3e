/** The CLI's composition root: `npx shortlist <command>`. Exit 0 done, 1 failure, 2 bad input, 3 findings. */
import { Command, CommanderError } from 'commander';
import { registerDbCommands } from './db.command.js';
import { registerDirectoryCommands } from './directory.command.js';
import { registerFollowUpCommands } from './followup.command.js';
import { registerSearchCommands } from './search.command.js';
import { EXIT, reportError, type CliIo } from './io.js';

function buildProgram(io: CliIo): Command {
  const program = new Command('shortlist')
    .description('Shortlist: find UK recruitment agencies and follow up every interview.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .showHelpAfterError();
  registerDbCommands(program, io);
  registerDirectoryCommands(program, io);
  registerSearchCommands(program, io);
  registerFollowUpCommands(program, io);
  for (const command of program.commands) {
    command
      .exitOverride()
      .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
    for (const sub of command.commands)
      sub
        .exitOverride()
        .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
  }
  return program;
}

/** Runs the CLI with these arguments (without node and script) and returns the exit status. */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(args, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.help' ||
        error.code === 'commander.version'
      )
        return EXIT.ok;
      // Commander has already printed its message (unknown option, missing argument...).
      return EXIT.badInput;
    }
    return reportError(io, error);
  }
}

/** Runs the CLI for this process's arguments and sets its exit status. */
export async function runFromProcess(): Promise<void> {
  const io: CliIo = {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTty: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
  process.exitCode = await runCli(process.argv.slice(2), io);
}
