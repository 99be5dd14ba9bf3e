/** Delivers email through an SMTP server (SMTP_URL), with nodemailer. */
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { Mailer, OutgoingMail } from '../services/ports.js';
import { toNodemailerOptions } from './mail-options.js';

export class SmtpMailer implements Mailer {
  readonly describe: string;
  private readonly transport: Transporter<SMTPTransport.SentMessageInfo>;

  /** `timeoutSeconds` (SMTP_TIMEOUT_SECONDS, default 10) bounds connecting, the greeting and
   * every wait on the socket. */
  constructor(smtpUrl: string, options: { timeoutSeconds?: number } = {}) {
    const timeoutMs = (options.timeoutSeconds ?? 10) * 1000;
    const url = new URL(smtpUrl);
    this.describe = `SMTP ${url.hostname}:${url.port || (url.protocol === 'smtps:' ? '465' : '587')}`;
    // Bounded waits: one attempt never holds a request or the retry loop for long.
    // The URL is taken apart here: given `url`, nodemailer's createTransport keeps only what the
    // URL says and drops every other option, the timeouts included (a silent server then held a
    // request for 30 s).
    const secure = url.protocol === 'smtps:';
    this.transport = nodemailer.createTransport({
      host: url.hostname,
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      ...(url.username
        ? {
            auth: {
              user: decodeURIComponent(url.username),
              pass: decodeURIComponent(url.password),
            },
          }
        : {}),
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
      dnsTimeout: timeoutMs,
    } satisfies SMTPTransport.Options);
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail(toNodemailerOptions(mail));
  }

  close(): void {
    this.transport.close();
  }
}
