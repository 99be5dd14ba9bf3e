/** Every migration this build knows, by name. Names are dated and sort in the order they run. */
import type { Migration } from 'kysely';
import * as directory from './2026-11-26T0700-directory.js';
import * as enquiries from './2026-11-26T0800-enquiries.js';
import * as accounts from './2026-11-26T0900-accounts.js';
import * as mailQueue from './2026-12-07T0900-mail-queue.js';
import * as pendingSaves from './2026-12-07T0800-pending-saves.js';

export const MIGRATIONS: Record<string, Migration> = {
  '2026-11-26T0700-directory': directory,
  '2026-11-26T0800-enquiries': enquiries,
  '2026-11-26T0900-accounts': accounts,
  '2026-12-07T0800-pending-saves': pendingSaves,
  '2026-12-07T0900-mail-queue': mailQueue,
};
