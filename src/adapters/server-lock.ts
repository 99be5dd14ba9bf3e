/**
 * The server's lock file in DATA_DIR (`server.lock`, holding the pid of the process that
 * serves): `shortlist db restore` refuses to replace the database while it names a live process.
 */
import fs from 'node:fs';
import path from 'node:path';

export const SERVER_LOCK_FILE = 'server.lock';

/** Writes this process's pid into the lock file; returns a function that removes it. */
export function takeServerLock(dataDir: string, pid = process.pid): () => void {
  const file = path.join(dataDir, SERVER_LOCK_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${pid}\n`);
  return () => {
    try {
      if (fs.readFileSync(file, 'utf8').trim() === String(pid)) fs.rmSync(file);
    } catch {
      // Already gone.
    }
  };
}

/** The pid of a running server holding the lock in `dataDir`, or null (none, or a stale file). */
export function findServerLockHolder(dataDir: string): number | null {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(dataDir, SERVER_LOCK_FILE), 'utf8').trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as { code?: string }).code === 'EPERM' ? pid : null;
  }
}
