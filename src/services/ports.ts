/** Interfaces the adapters (src/store, mailers, clocks) implement for the services. */
import type { Directory, DirectoryStats } from '../domain/directory/directory.js';

export interface DirectoryState {
  /** Bumped by every change; a process that sees a new version reloads its index. */
  version: number;
  /** True while the directory is the generated demo directory. */
  demo: boolean;
  changedAt: string;
}

/** Called as work advances: `done` of `total` units. */
export type ProgressListener = (done: number, total: number) => void;

export interface MergeResult {
  brands: number;
  listings: number;
  branches: number;
}

export interface DirectoryStore {
  /** Replaces the whole directory in one transaction, reporting rows written so far. */
  replaceDirectory(
    directory: Directory,
    meta: { demo: boolean; changedAt: string },
    onProgress?: ProgressListener,
  ): Promise<void>;
  /** Upserts brands by slug, listings by slug and branches by id, in one transaction. */
  mergeDirectory(
    directory: Directory,
    meta: { demo: boolean; changedAt: string },
  ): Promise<MergeResult>;
  loadDirectory(): Promise<Directory>;
  getStats(): Promise<DirectoryStats>;
  getState(): Promise<DirectoryState>;
}

export interface Clock {
  now(): Date;
}
