/**
 * The benchmark's directories: the demo directory at 1x and 10x, generated once and cached as
 * JSON under `$DATA_DIR/bench/` (DATA_DIR defaults to ./data). A fingerprint of the generator
 * (a tiny directory generated the same way) is kept beside each file, so a change to the
 * generator or the place tables regenerates the cache instead of benchmarking stale data.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { generateDemoDirectory } from '../../src/domain/directory/demo-directory.js';
import { demoOutcodeForTown } from '../../src/domain/directory/demo-postcodes.js';
import type { Directory, DirectoryFile } from '../../src/domain/directory/directory.js';

export type Scale = '1x' | '10x';
export const SCALES: readonly Scale[] = ['1x', '10x'];
const SCALE_FACTOR: Record<Scale, number> = { '1x': 1, '10x': 10 };

function dataDir(): string {
  const env = process.env.DATA_DIR;
  return path.resolve(env && env.trim() !== '' ? env : 'data');
}

function benchDir(): string {
  return path.join(dataDir(), 'bench');
}

function directoryFile(scale: Scale): string {
  return path.join(benchDir(), `directory-${scale}.json`);
}

let fingerprintMemo: string | null = null;

/** A hash of a small directory made by the same generator: changes when the generator does. */
function generatorFingerprint(): string {
  fingerprintMemo ??= createHash('sha256')
    .update(
      JSON.stringify(generateDemoDirectory({ scale: 0.02, outcodeForTown: demoOutcodeForTown })),
    )
    .digest('hex')
    .slice(0, 16);
  return fingerprintMemo;
}

export function generateDirectory(scale: Scale): Directory {
  return generateDemoDirectory({ scale: SCALE_FACTOR[scale], outcodeForTown: demoOutcodeForTown });
}

/**
 * The directory at this scale: read from the cache when it was made by the current generator,
 * else generated and written there. `log` reports what happened.
 */
export function loadDirectory(scale: Scale, log: (line: string) => void = () => {}): Directory {
  const file = directoryFile(scale);
  const metaFile = `${file}.meta.json`;
  const fingerprint = generatorFingerprint();
  if (fs.existsSync(file) && fs.existsSync(metaFile)) {
    try {
      const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as { fingerprint?: string };
      if (meta.fingerprint === fingerprint) {
        const started = performance.now();
        const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as DirectoryFile;
        log(`${scale}: read ${file} (${Math.round(performance.now() - started)} ms)`);
        return { brands: parsed.brands };
      }
      log(`${scale}: cached directory was made by another generator version; regenerating`);
    } catch {
      log(`${scale}: cached directory unreadable; regenerating`);
    }
  }
  const started = performance.now();
  const directory = generateDirectory(scale);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const content: DirectoryFile = { format: 'shortlist-directory', version: 1, ...directory };
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(content));
  fs.renameSync(`${file}.tmp`, file);
  fs.writeFileSync(metaFile, JSON.stringify({ scale, fingerprint }));
  log(`${scale}: generated and cached ${file} (${Math.round(performance.now() - started)} ms)`);
  return directory;
}
