/**
 * Keeps an in-memory snapshot of the directory, built from the store at start and rebuilt when
 * the directory's version changes, including a change made by another process (the CLI import),
 * noticed by polling the version every few seconds. Readers never touch the database.
 */
import type { Directory } from '../domain/directory/directory.js';
import type { DirectoryState, DirectoryStore } from './ports.js';

export interface Snapshot<T> {
  version: number;
  demo: boolean;
  directory: Directory;
  derived: T;
}

export interface SnapshotLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export class DirectorySnapshot<T = undefined> {
  private current: Snapshot<T> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private refreshing: Promise<boolean> | null = null;
  private refreshAgain: Promise<boolean> | null = null;

  constructor(
    private readonly deps: { directoryStore: DirectoryStore; logger?: SnapshotLogger },
    /** Builds what readers need (the search index) from a directory; runs once per version. */
    private readonly derive: (directory: Directory, state: DirectoryState) => T,
  ) {}

  /** The snapshot; throws when load() has not completed. */
  get(): Snapshot<T> {
    if (!this.current) throw new Error('The directory snapshot has not been loaded yet');
    return this.current;
  }

  /** Loads the directory when its version differs from the snapshot's; true when it reloaded. */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /**
   * Refreshes after a change was committed: when a refresh is already running (it may have read
   * the version before the change), another one follows it.
   */
  refreshAfterChange(): Promise<boolean> {
    if (!this.refreshing) return this.refresh();
    this.refreshAgain ??= this.refreshing
      .catch(() => false)
      .then(() => {
        this.refreshAgain = null;
        return this.refresh();
      });
    return this.refreshAgain;
  }

  private async doRefresh(): Promise<boolean> {
    const state = await this.deps.directoryStore.getState();
    if (this.current && this.current.version === state.version) return false;
    const directory = await this.deps.directoryStore.loadDirectory();
    // Read the state again: a change that landed while loading is picked up next time.
    this.current = {
      version: state.version,
      demo: state.demo,
      directory,
      derived: this.derive(directory, state),
    };
    this.deps.logger?.info({ version: state.version }, 'directory snapshot loaded');
    return true;
  }

  /** Polls for changes every `seconds`; the timer does not keep the process alive. */
  watch(seconds: number): void {
    this.stop();
    this.timer = setInterval(() => {
      this.refresh().catch((error: unknown) =>
        this.deps.logger?.error({ err: error }, 'directory refresh failed'),
      );
    }, seconds * 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
