/** Files sent with enquiries, in one folder (`$DATA_DIR/uploads`) under random names. */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AttachmentFiles } from '../services/ports.js';

const STORED_NAME = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class UploadFolderFiles implements AttachmentFiles {
  constructor(private readonly folder: string) {}

  private pathOf(storedName: string): string {
    // Names are ours (random UUIDs); anything else never reaches the file system.
    if (!STORED_NAME.test(storedName)) throw new Error('Not a stored attachment name');
    return path.join(this.folder, storedName);
  }

  async save(content: Uint8Array): Promise<string> {
    await fs.mkdir(this.folder, { recursive: true, mode: 0o700 });
    const storedName = randomUUID();
    await fs.writeFile(this.pathOf(storedName), content, { flag: 'wx', mode: 0o600 });
    return storedName;
  }

  read(storedName: string): Promise<Buffer> {
    return fs.readFile(this.pathOf(storedName));
  }

  async remove(storedName: string): Promise<void> {
    try {
      await fs.unlink(this.pathOf(storedName));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}
