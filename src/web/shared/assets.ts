/**
 * The site's static assets (src/web/public), served at /assets/. Each URL carries a short hash
 * of the file's content so browsers may cache it for a year and still see every change.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder served at /assets/. */
export const PUBLIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'public');
export const ASSET_PREFIX = '/assets/';

const versions = new Map<string, string>();

/** `/assets/site.css?v=1a2b3c4d`: the URL of a file in src/web/public, versioned by content. */
export function assetUrl(file: string): string {
  let version = versions.get(file);
  if (version === undefined) {
    try {
      version = createHash('sha256')
        .update(readFileSync(path.join(PUBLIC_DIR, file)))
        .digest('hex')
        .slice(0, 10);
    } catch {
      version = 'missing';
    }
    versions.set(file, version);
  }
  return `${ASSET_PREFIX}${file}?v=${version}`;
}
