import { describe, expect, it } from 'vitest';
import { JANE_ASKS, SAM_HIRES } from '../../../test/enquiry-bodies.js';
import { buildBranch, buildListing } from '../../../test/factories.js';
import { DOCUMENTS } from '../../../test/enquiries.js';
import type { DomainError } from '../errors.js';
import { MAX_DELIVERY_ATTEMPTS, nextAttemptAt } from './delivery-schedule.js';
import {
  normaliseRevealCompanyName,
  safeAttachmentName,
  validateEnquiry,
  type RawEnquiry,
  type RawFile,
} from './enquiry.js';
import { DOCUMENT_TYPES } from './document-type.js';

const leeds = buildBranch({ id: 'leeds', name: 'Leeds office', postcode: 'LS1 5AB' });
const york = buildBranch({
  id: 'york',
  name: 'York office',
  postcode: 'YO1 7HH',
  candidateEmail: null,
  employerEmail: 'clients.york@agency.example',
});
const listing = buildListing({ slug: 'acme', name: 'Acme Driving', branches: [leeds, york] });

const candidate: RawEnquiry = { ...JANE_ASKS, branchId: 'leeds' };
const employer: RawEnquiry = { ...SAM_HIRES, branchId: 'york' };
const pdf: RawFile = {
  fileName: 'C:\\Users\\jane\\My CV.pdf',
  content: DOCUMENTS.pdf,
  truncated: false,
};

function problemsOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    return (error as DomainError).problems.map((p) => [p.field, p.code, p.message]);
  }
  throw new Error('expected a DomainError');
}

describe('validateEnquiry', () => {
  it('accepts a candidate message, sent to the office for job seekers', () => {
    const valid = validateEnquiry(listing, candidate, null);
    expect(valid).toMatchObject({
      audience: 'candidate',
      branch: { id: 'leeds' },
      recipient: 'jobs@agency.example',
      name: 'Jane Doe',
      phone: null,
      company: null,
      file: null,
      consent: false,
    });
  });

  it('accepts an employer job specification, sent to the office for employers', () => {
    const valid = validateEnquiry(listing, employer, { ...pdf, fileName: 'spec.docx' });
    expect(valid).toMatchObject({
      audience: 'employer',
      recipient: 'clients.york@agency.example',
      company: 'Bright Foods Ltd',
      jobTitle: 'Warehouse operative',
      employmentType: 'temporary',
      // Named by its real type, not by the name it came with.
      file: { fileName: 'spec.pdf', type: { kind: 'pdf' } },
    });
  });

  it('reports every missing candidate field at once, naming each', () => {
    expect(
      problemsOf(() =>
        validateEnquiry(listing, { audience: 'candidate', branchId: 'leeds' }, null),
      ),
    ).toEqual([
      ['name', 'required', 'Enter your name'],
      ['email', 'required', 'Enter your email address'],
      ['message', 'required', 'Enter your message'],
    ]);
  });

  it('reports every missing employer field at once, naming each', () => {
    expect(
      problemsOf(() => validateEnquiry(listing, { audience: 'employer', branchId: 'york' }, null)),
    ).toEqual([
      ['name', 'required', 'Enter the name of the person to contact'],
      ['email', 'required', 'Enter your email address'],
      ['phone', 'required', 'Enter a telephone number'],
      ['company', 'required', 'Enter your company name'],
      ['jobTitle', 'required', 'Enter the job title'],
      [
        'employmentType',
        'required',
        'Choose the employment type: Permanent, Temporary, Contract, Temp to Perm',
      ],
      ['message', 'required', 'Enter a message describing the job'],
    ]);
  });

  it('says who is writing is missing, or not one of the two', () => {
    expect(
      problemsOf(() => validateEnquiry(listing, { ...candidate, audience: undefined }, null))[0],
    ).toEqual([
      'audience',
      'required',
      'Choose whether you are looking for a job or looking to hire staff',
    ]);
    expect(
      problemsOf(() => validateEnquiry(listing, { ...candidate, audience: 'agency' }, null))[0],
    ).toEqual([
      'audience',
      'not-in-list',
      'Choose whether you are looking for a job or looking to hire staff',
    ]);
  });

  it('picks the only office taking this audience, and asks when there are several', () => {
    expect(validateEnquiry(listing, { ...candidate, branchId: undefined }, null).branch.id).toBe(
      'leeds',
    );
    expect(problemsOf(() => validateEnquiry(listing, { ...employer, branchId: '' }, null))).toEqual(
      [['branchId', 'required', 'Choose the office you want to contact']],
    );
    expect(
      problemsOf(() => validateEnquiry(listing, { ...employer, branchId: 'hull' }, null)),
    ).toEqual([['branchId', 'not-in-list', 'Choose one of the offices listed']]);
    expect(
      problemsOf(() => validateEnquiry(listing, { ...candidate, branchId: 'york' }, null)),
    ).toEqual([
      [
        'branchId',
        'no-email',
        'York office (YO1 7HH) does not take emails from job seekers: choose another office',
      ],
    ]);
    const noEmail = buildListing({
      name: 'Quiet Ltd',
      branches: [buildBranch({ candidateEmail: null })],
    });
    expect(
      problemsOf(() => validateEnquiry(noEmail, { ...candidate, branchId: undefined }, null)),
    ).toEqual([['audience', 'no-email', 'Quiet Ltd does not take emails from job seekers']]);
  });

  it('refuses malformed email addresses and telephone numbers', () => {
    expect(
      problemsOf(() =>
        validateEnquiry(
          listing,
          { ...candidate, email: 'jane at example', phone: 'call me' },
          null,
        ),
      ),
    ).toEqual([
      ['email', 'invalid', 'Enter an email address in the correct format, like name@example.com'],
      [
        'phone',
        'invalid',
        'Enter a telephone number using digits, like 01632 960 001 or +44 7700 900 982',
      ],
    ]);
  });

  it('refuses an email address carrying a header on a new line', () => {
    expect(
      problemsOf(() =>
        validateEnquiry(
          listing,
          { ...candidate, email: 'jane@example.com\r\nBcc: x@evil.example' },
          null,
        ),
      ),
    ).toEqual([
      ['email', 'invalid', 'Enter an email address in the correct format, like name@example.com'],
    ]);
  });

  it('keeps names on one line, so no field can start a header', () => {
    const valid = validateEnquiry(
      listing,
      { ...employer, name: 'Sam\r\nBcc: victim@evil.example', jobTitle: 'Driver\n\nX-Evil: 1' },
      null,
    );
    expect(valid.name).toBe('Sam Bcc: victim@evil.example');
    expect(valid.jobTitle).toBe('Driver X-Evil: 1');
  });

  it('limits lengths, counting characters, and says by how much a message is over', () => {
    const long = 'é'.repeat(5001);
    expect(
      problemsOf(() =>
        validateEnquiry(listing, { ...candidate, name: 'n'.repeat(101), message: long }, null),
      ),
    ).toEqual([
      ['name', 'too-long', 'Your name must be 100 characters or fewer'],
      ['message', 'too-long', 'Message must be 5,000 characters or fewer (it has 5,001)'],
    ]);
    expect(
      validateEnquiry(listing, { ...candidate, message: 'é'.repeat(5000) }, null).message,
    ).toHaveLength(5000);
  });

  it('asks a candidate sending a CV to tick the consent box', () => {
    expect(problemsOf(() => validateEnquiry(listing, candidate, pdf))).toEqual([
      [
        'consent',
        'required',
        'Tick the box to agree to share your CV with Acme Driving only, or send your message without a CV',
      ],
    ]);
    const valid = validateEnquiry(listing, { ...candidate, consent: 'yes' }, pdf);
    expect(valid.consent).toBe(true);
    expect(valid.file?.fileName).toBe('My CV.pdf');
    // Consent without a CV records nothing.
    expect(validateEnquiry(listing, { ...candidate, consent: 'yes' }, null).consent).toBe(false);
  });

  it.each([
    [{ ...pdf, truncated: true }, 'too-large', 'The file must be 5 MB or smaller'],
    [
      { ...pdf, content: Buffer.alloc(0) },
      'invalid',
      'The file is empty: choose the document again',
    ],
    [
      { fileName: 'cv.pdf', content: DOCUMENTS.exe, truncated: false },
      'unsupported-file',
      'The file must be a PDF, Word (DOC or DOCX) or OpenDocument text (ODT) document; this file is none of those, whatever its name',
    ],
  ])('refuses a file on field "file": %#', (file, code, message) => {
    expect(
      problemsOf(() => validateEnquiry(listing, { ...candidate, consent: 'on' }, file)),
    ).toEqual([['file', code, message]]);
  });
});

describe('text cleaning', () => {
  it('normalises a reveal company name', () => {
    expect(normaliseRevealCompanyName('  Bright   Foods ')).toBe('Bright Foods');
    expect(normaliseRevealCompanyName('   ')).toBeNull();
    expect(normaliseRevealCompanyName(null)).toBeNull();
    expect(() => normaliseRevealCompanyName('x'.repeat(201))).toThrow(
      'Company name must be 200 characters or fewer',
    );
  });

  it('names attachments safely, with the extension of their real type', () => {
    expect(safeAttachmentName('../../etc/passwd', DOCUMENT_TYPES.pdf)).toBe('passwd.pdf');
    expect(safeAttachmentName('CV "final".exe', DOCUMENT_TYPES.docx)).toBe('CV final.docx');
    expect(safeAttachmentName('', DOCUMENT_TYPES.odt)).toBe('attachment.odt');
    expect(safeAttachmentName('...', DOCUMENT_TYPES.doc)).toBe('attachment.doc');
  });
});

describe('delivery schedule', () => {
  const now = new Date('2026-11-26T09:00:00.000Z');
  it('waits longer after each failed attempt, then gives up', () => {
    expect(nextAttemptAt(1, now)?.toISOString()).toBe('2026-11-26T09:01:00.000Z');
    expect(nextAttemptAt(2, now)?.toISOString()).toBe('2026-11-26T09:05:00.000Z');
    expect(nextAttemptAt(MAX_DELIVERY_ATTEMPTS - 1, now)?.toISOString()).toBe(
      '2026-11-27T09:00:00.000Z',
    );
    expect(nextAttemptAt(MAX_DELIVERY_ATTEMPTS, now)).toBeNull();
  });
});
