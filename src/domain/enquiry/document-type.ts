/**
 * Which kind of document a file is, judged by its content and never by its name: PDF by its
 * header, Word 97-2003 by the OLE2 signature and its WordDocument stream, DOCX and ODT by the
 * entries of the ZIP container (its central directory, read here by hand).
 */

export type DocumentKind = 'pdf' | 'doc' | 'docx' | 'odt';

export interface DocumentType {
  kind: DocumentKind;
  /** The file name extension, without the dot. */
  extension: string;
  contentType: string;
  /** How people name the format in a sentence. */
  label: string;
}

export const DOCUMENT_TYPES: Readonly<Record<DocumentKind, DocumentType>> = Object.freeze({
  pdf: { kind: 'pdf', extension: 'pdf', contentType: 'application/pdf', label: 'PDF' },
  doc: { kind: 'doc', extension: 'doc', contentType: 'application/msword', label: 'Word (DOC)' },
  docx: {
    kind: 'docx',
    extension: 'docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word (DOCX)',
  },
  odt: {
    kind: 'odt',
    extension: 'odt',
    contentType: 'application/vnd.oasis.opendocument.text',
    label: 'OpenDocument text (ODT)',
  },
});

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // PK\x03\x04
const ZIP_END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP_CENTRAL_FILE_HEADER = 0x02014b50;
const ZIP_LOCAL_FILE_HEADER = 0x04034b50;
const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';
// Every Word 97-2003 document has a stream of this name; other OLE2 files (xls, msg) do not.
const WORD_STREAM_NAME = Buffer.from('WordDocument', 'utf16le');
// The central directory of a CV never needs more; a bound keeps a crafted file cheap to read.
const MAX_ZIP_ENTRIES = 10_000;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((byte, i) => bytes[i] === byte);
}

function contains(bytes: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) !== -1;
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

/** The entries of a ZIP file's central directory, or null when it is not a readable ZIP. */
function readZipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= lowest; at -= 1) {
    if (view.getUint32(at, true) === ZIP_END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (count > MAX_ZIP_ENTRIES || offset + size > end) return null;
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > end || view.getUint32(at, true) !== ZIP_CENTRAL_FILE_HEADER) return null;
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localHeaderOffset = view.getUint32(at + 42, true);
    if (at + 46 + nameLength > end) return null;
    const name = Buffer.from(bytes.buffer, bytes.byteOffset + at + 46, nameLength).toString('utf8');
    entries.push({ name, method, compressedSize, localHeaderOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The bytes of an entry stored without compression, or null. */
function readStoredEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array | null {
  if (entry.method !== 0) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== ZIP_LOCAL_FILE_HEADER) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const stop = start + entry.compressedSize;
  if (stop > bytes.length) return null;
  return bytes.subarray(start, stop);
}

function detectZipDocument(bytes: Uint8Array): DocumentKind | null {
  const entries = readZipEntries(bytes);
  if (!entries) return null;
  const names = new Set(entries.map((e) => e.name));
  if (names.has('[Content_Types].xml') && entries.some((e) => e.name.startsWith('word/'))) {
    return 'docx';
  }
  // OpenDocument requires the `mimetype` entry to be stored uncompressed.
  const mimetype = entries.find((e) => e.name === 'mimetype');
  if (mimetype) {
    const content = readStoredEntry(bytes, mimetype);
    if (content && Buffer.from(content).toString('ascii').trim() === ODT_MIMETYPE) return 'odt';
  }
  return null;
}

/** The document type of a file's content, or null when it is none of PDF, DOC, DOCX or ODT. */
export function detectDocumentType(bytes: Uint8Array): DocumentType | null {
  if (startsWith(bytes, PDF_MAGIC)) return DOCUMENT_TYPES.pdf;
  if (startsWith(bytes, OLE2_MAGIC)) {
    return contains(bytes, WORD_STREAM_NAME) ? DOCUMENT_TYPES.doc : null;
  }
  if (startsWith(bytes, ZIP_LOCAL_MAGIC)) {
    const kind = detectZipDocument(bytes);
    return kind ? DOCUMENT_TYPES[kind] : null;
  }
  return null;
}
