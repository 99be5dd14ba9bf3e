import { describe, expect, it } from 'vitest';
import { DOCUMENTS, buildZip } from '../../../test/enquiries.js';
import { detectDocumentType } from './document-type.js';

describe('detectDocumentType (by content, never by name)', () => {
  it.each([
    ['a PDF', DOCUMENTS.pdf, 'pdf', 'application/pdf'],
    ['a Word 97-2003 document', DOCUMENTS.doc, 'doc', 'application/msword'],
    [
      'a DOCX',
      DOCUMENTS.docx,
      'docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    ['an ODT', DOCUMENTS.odt, 'odt', 'application/vnd.oasis.opendocument.text'],
  ])('knows %s', (_label, bytes, kind, contentType) => {
    expect(detectDocumentType(bytes)).toMatchObject({ kind, contentType });
  });

  it.each([
    ['an Excel 97-2003 workbook (OLE2 without a WordDocument stream)', DOCUMENTS.xls],
    ['an OpenDocument spreadsheet', DOCUMENTS.ods],
    ['an XLSX (ZIP without word/)', DOCUMENTS.xlsx],
    ['a plain ZIP', DOCUMENTS.zip],
    ['a Windows program', DOCUMENTS.exe],
    ['text', DOCUMENTS.text],
    ['nothing at all', Buffer.alloc(0)],
    ['a PDF header not at the start', Buffer.concat([Buffer.from(' '), DOCUMENTS.pdf])],
    ['the ZIP signature alone', Buffer.from('PK\x03\x04', 'latin1')],
    ['a DOCX cut short (no central directory)', DOCUMENTS.docx.subarray(0, 60)],
  ])('refuses %s', (_label, bytes) => {
    expect(detectDocumentType(bytes)).toBeNull();
  });

  it('reads a ZIP with an archive comment after the central directory', () => {
    const zip = buildZip([
      { name: '[Content_Types].xml', content: '<Types/>' },
      { name: 'word/document.xml', content: '<w:document/>' },
    ]);
    const comment = Buffer.from('written by a test');
    zip.writeUInt16LE(comment.length, zip.length - 2);
    expect(detectDocumentType(Buffer.concat([zip, comment]))?.kind).toBe('docx');
  });

  it('refuses a ZIP whose central directory points outside the file', () => {
    const zip = Buffer.from(DOCUMENTS.docx);
    zip.writeUInt32LE(0xfffffff0, zip.length - 6);
    expect(detectDocumentType(zip)).toBeNull();
  });

  it('refuses an ODT whose mimetype entry is compressed (OpenDocument stores it plain)', () => {
    const odt = Buffer.from(DOCUMENTS.odt);
    // Mark the first entry as deflated in the central directory.
    const central = odt.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    odt.writeUInt16LE(8, central + 10);
    expect(detectDocumentType(odt)).toBeNull();
  });

  it('looks at a Uint8Array view with an offset into a larger buffer', () => {
    const big = Buffer.concat([Buffer.alloc(16, 0x41), DOCUMENTS.odt]);
    expect(detectDocumentType(big.subarray(16))?.kind).toBe('odt');
  });
});
