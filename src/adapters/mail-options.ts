/** The nodemailer form of an outgoing mail, shared by the SMTP and outbox mailers. */
import type Mail from 'nodemailer/lib/mailer/index.js';
import type { OutgoingMail } from '../services/ports.js';

/** Message options for nodemailer; file and URL access are off, so no field can read a file. */
export function toNodemailerOptions(mail: OutgoingMail): Mail.Options {
  return {
    from: mail.from,
    to: mail.to,
    replyTo: mail.replyTo,
    subject: mail.subject,
    text: mail.text,
    messageId: mail.messageId,
    date: mail.date,
    attachments: mail.attachments.map((a) => ({
      filename: a.fileName,
      content: a.content,
      contentType: a.contentType,
    })),
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}
