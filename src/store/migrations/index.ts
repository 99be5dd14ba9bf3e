/**
 * Every migration this build knows, by name. Names are dated and sort in the order they run.
 * Each is named by its functions, so every `up` and `down` is seen to be used.
 */
import type { Migration } from 'kysely';
import * as directory from './2026-11-26T0700-directory.js';
import * as enquiries from './2026-11-26T0800-enquiries.js';
import * as accounts from './2026-11-26T0900-accounts.js';
import * as mailQueue from './2026-12-07T0900-mail-queue.js';
import * as pendingSaves from './2026-12-07T0800-pending-saves.js';

export const MIGRATIONS: Record<string, Migration> = {
  '2026-11-26T0700-directory': { up: directory.up, down: directory.down },
  '2026-11-26T0800-enquiries': { up: enquiries.up, down: enquiries.down },
  '2026-11-26T0900-accounts': { up: accounts.up, down: accounts.down },
  '2026-12-07T0800-pending-saves': { up: pendingSaves.up, down: pendingSaves.down },
  '2026-12-07T0900-mail-queue': { up: mailQueue.up, down: mailQueue.down },
};
