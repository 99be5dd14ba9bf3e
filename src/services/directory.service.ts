/** Use-cases over the directory: import, export, statistics and the demo directory on first start. */
import {
  canonicalDirectory,
  countDirectory,
  isDemoDirectory,
  type Directory,
  type DirectoryFile,
  type DirectoryStats,
} from '../domain/directory/directory.js';
import { parseDirectory } from '../domain/directory/directory-validation.js';
import { DomainError, isDomainError } from '../domain/errors.js';
import { formatDirectoryCsv, locateCsvProblems, readDirectoryCsv } from './directory-csv.js';
import type { Clock, DirectoryStore, MergeResult, ProgressListener } from './ports.js';

export type DirectoryFormat = 'json' | 'csv';

export interface DirectoryDeps {
  directoryStore: DirectoryStore;
  clock: Clock;
}

/** Serialises a directory in the JSON export format (nested, canonical order, 2-space indent). */
export function formatDirectoryJson(directory: Directory): string {
  const file: DirectoryFile = {
    format: 'shortlist-directory',
    version: 1,
    ...canonicalDirectory(directory),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Reads and validates directory file content; throws a DomainError listing every problem. */
function parseDirectoryContent(content: string, format: DirectoryFormat): Directory {
  if (format === 'json') {
    let raw: unknown;
    try {
      raw = JSON.parse(content.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw DomainError.single(
        'invalid',
        `The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return canonicalDirectory(parseDirectory(raw));
  }
  const csv = readDirectoryCsv(content);
  try {
    return canonicalDirectory(parseDirectory(csv.raw));
  } catch (error) {
    if (isDomainError(error)) throw new DomainError(locateCsvProblems(error.problems, csv.lines));
    throw error;
  }
}

export interface ImportResult extends DirectoryStats {
  mode: 'replace' | 'merge';
  merged?: MergeResult;
}

/**
 * Imports a directory file: replaces the directory, or with `merge` upserts listings by slug and
 * branches by id. Loads nothing when anything is wrong (validation first, then one transaction).
 */
export async function importDirectory(
  deps: DirectoryDeps,
  input: { content: string; format: DirectoryFormat; merge: boolean },
  onProgress?: ProgressListener,
): Promise<ImportResult> {
  const directory = parseDirectoryContent(input.content, input.format);
  const changedAt = deps.clock.now().toISOString();
  if (input.merge) {
    const merged = await deps.directoryStore.mergeDirectory(directory, {
      demo: isDemoDirectory(directory) && (await deps.directoryStore.getState()).demo,
      changedAt,
    });
    return { mode: 'merge', merged, ...(await deps.directoryStore.getStats()) };
  }
  await deps.directoryStore.replaceDirectory(
    directory,
    { demo: isDemoDirectory(directory), changedAt },
    onProgress,
  );
  return { mode: 'replace', ...countDirectory(directory) };
}

/** Exports the whole directory in the given format. */
export async function exportDirectory(
  deps: Pick<DirectoryDeps, 'directoryStore'>,
  format: DirectoryFormat,
): Promise<string> {
  const directory = canonicalDirectory(await deps.directoryStore.loadDirectory());
  return format === 'json' ? formatDirectoryJson(directory) : formatDirectoryCsv(directory);
}

/** Counts of brands, listings and branches. */
export function getDirectoryStats(
  deps: Pick<DirectoryDeps, 'directoryStore'>,
): Promise<DirectoryStats> {
  return deps.directoryStore.getStats();
}

/**
 * Loads the demo directory when the directory is empty (first start). Returns true when it did.
 */
export async function ensureDirectoryLoaded(
  deps: DirectoryDeps,
  generate: () => Directory,
): Promise<boolean> {
  const stats = await deps.directoryStore.getStats();
  if (stats.listings > 0) return false;
  await loadDemoDirectory(deps, generate);
  return true;
}

/** Replaces the directory with the demo directory (synthetic data, marked as demo). */
export async function loadDemoDirectory(
  deps: DirectoryDeps,
  generate: () => Directory,
  onProgress?: ProgressListener,
): Promise<DirectoryStats> {
  const directory = canonicalDirectory(generate());
  await deps.directoryStore.replaceDirectory(
    directory,
    { demo: true, changedAt: deps.clock.now().toISOString() },
    onProgress,
  );
  return countDirectory(directory);
}
