/**
 * "Delivers" email by writing each message as an .eml file into an outbox folder
 * (`$DATA_DIR/outbox`), for installations without a mail server: an operator or another program
 * sends them on. Files appear whole (written aside, then renamed).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { Mailer, OutgoingMail } from '../services/ports.js';
import { toNodemailerOptions } from './mail-options.js';

export class OutboxMailer implements Mailer {
  readonly describe: string;

  constructor(private readonly folder: string) {
    this.describe = `outbox folder ${folder}`;
  }

  async send(mail: OutgoingMail): Promise<void> {
    const eml = await new MailComposer(toNodemailerOptions(mail)).compile().build();
    await fs.mkdir(this.folder, { recursive: true });
    const stamp = mail.date.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
    const id = mail.messageId.replace(/^<|@.*$/g, '').replace(/[^A-Za-z0-9-]/g, '') || 'message';
    const name = `${stamp}-${id}`;
    const temporary = path.join(this.folder, `.${name}.${randomBytes(4).toString('hex')}.tmp`);
    await fs.writeFile(temporary, eml, { mode: 0o600 });
    await fs.rename(temporary, path.join(this.folder, `${name}.eml`));
  }
}
