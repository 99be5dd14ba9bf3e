/**
 * The email an enquiry becomes: who it is from (Shortlist's address, with Reply-To the sender),
 * its subject and plain-text body, and the CV or job specification attached. Every header value
 * is reduced to one clean line here, so no field can add a header; the Mailer port delivers it.
 */
import { EMPLOYMENT_TYPES } from '../domain/directory/taxonomy.js';
import { normaliseLine } from '../domain/validation/text.js';
import type { AttachmentRecord, EnquiryRecord, MailAddress, OutgoingMail } from './ports.js';

/** A header-safe address: names on one line, the address without spaces or line breaks. */
function cleanAddress(address: MailAddress): MailAddress {
  const name = address.name === undefined ? '' : normaliseLine(address.name);
  return {
    ...(name !== '' ? { name } : {}),
    address: address.address.replace(/[\s\p{Cc}<>,;"]/gu, ''),
  };
}

function employmentTypeLabel(value: string | null): string | null {
  if (value === null) return null;
  return EMPLOYMENT_TYPES.find((t) => t.value === value)?.label ?? value;
}

function subjectFor(enquiry: EnquiryRecord): string {
  if (enquiry.audience === 'employer') {
    return normaliseLine(
      `Job specification: ${enquiry.jobTitle ?? 'a vacancy'} at ${enquiry.companyName ?? 'an employer'} (via Shortlist)`,
    );
  }
  return normaliseLine(`Enquiry from a job seeker: ${enquiry.senderName} (via Shortlist)`);
}

function bodyFor(enquiry: EnquiryRecord, attachment: AttachmentRecord | null): string {
  const lines: string[] = [];
  const field = (label: string, value: string | null) => {
    if (value !== null && value !== '') lines.push(`${label}: ${value}`);
  };
  if (enquiry.audience === 'employer') {
    lines.push(
      `An employer sent ${enquiry.agencyName} this job specification through Shortlist.`,
      '',
    );
    field('Company', enquiry.companyName);
    field('Contact', enquiry.senderName);
    field('Job title', enquiry.jobTitle);
    field('Employment type', employmentTypeLabel(enquiry.employmentType));
  } else {
    lines.push(`A job seeker sent ${enquiry.agencyName} this message through Shortlist.`, '');
    field('Name', enquiry.senderName);
  }
  field('Email', enquiry.senderEmail);
  field('Telephone', enquiry.senderPhone);
  lines.push('', enquiry.message, '');
  if (attachment) {
    lines.push(
      enquiry.audience === 'candidate'
        ? `Attached: the candidate's CV (${attachment.fileName}). They agreed to share it with ${enquiry.agencyName} only: please do not pass it on without asking them.`
        : `Attached: ${attachment.fileName}.`,
    );
  }
  lines.push(
    'Reply to this email to answer them directly.',
    '',
    '--',
    'Sent through Shortlist, a directory of UK recruitment agencies.',
  );
  return lines.join('\n');
}

/** Builds the email for an enquiry; `attachment` null when it has none. */
export function composeEnquiryMail(
  enquiry: EnquiryRecord,
  options: {
    from: MailAddress;
    messageId: string;
    attachment: { record: AttachmentRecord; content: Buffer } | null;
  },
): OutgoingMail {
  const attachment = options.attachment;
  return {
    from: cleanAddress(options.from),
    to: cleanAddress({ name: enquiry.agencyName, address: enquiry.recipient }),
    replyTo: cleanAddress({ name: enquiry.senderName, address: enquiry.senderEmail }),
    subject: subjectFor(enquiry),
    text: bodyFor(enquiry, attachment?.record ?? null),
    messageId: options.messageId,
    date: new Date(enquiry.createdAt),
    attachments: attachment
      ? [
          {
            fileName: normaliseLine(attachment.record.fileName),
            contentType: attachment.record.contentType,
            content: attachment.content,
          },
        ]
      : [],
  };
}
