/** A progress bar on stderr: drawn in place on a terminal, as occasional plain lines otherwise. */
import cliProgress from 'cli-progress';
import type { ProgressListener } from '../services/ports.js';
import type { CliIo } from './io.js';

export interface Progress {
  update: ProgressListener;
  stop(): void;
}

export function startProgress(io: CliIo, label: string): Progress {
  const stream = io.isTty
    ? process.stderr
    : ({
        write: (text: string) => (io.stderr(text), true),
        isTTY: false,
      } as unknown as NodeJS.WriteStream);
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} rows`,
      stream,
      noTTYOutput: true,
      notTTYSchedule: 1000,
      hideCursor: io.isTty,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.setTotal(total);
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
