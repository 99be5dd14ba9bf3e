/**
 * Reading an enquiry from a multipart/form-data request: text fields become the body (strings,
 * the first value of each name), the one file goes to `request.uploadedFile`, cut off at the
 * size limit (so the form can say "5 MB or smaller" beside the field instead of failing whole).
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ENQUIRY_LIMITS, type RawFile } from '../domain/enquiry/enquiry.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The file of a multipart enquiry, or null when none was chosen. */
    uploadedFile: RawFile | null;
  }
}

const MULTIPART_LIMITS = {
  fileSize: ENQUIRY_LIMITS.fileBytes,
  files: 1,
  fields: 30,
  fieldSize: 64 * 1024,
  parts: 32,
};

async function readParts(request: FastifyRequest): Promise<Record<string, string>> {
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  for await (const part of request.parts({ limits: MULTIPART_LIMITS })) {
    if (part.type === 'file') {
      const content = await part.toBuffer();
      // A file input left empty still sends a part, with no name and no bytes.
      if (request.uploadedFile === null && (part.filename !== '' || content.byteLength > 0)) {
        request.uploadedFile = {
          fileName: part.filename,
          content,
          truncated: part.file.truncated,
        };
      }
    } else if (!(part.fieldname in fields) && typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  return fields;
}

/**
 * Accepts multipart/form-data in this (encapsulated) scope: the fields are parsed before
 * validation, so schemas, CSRF checks and handlers all see them in `request.body`.
 */
export async function acceptMultipartEnquiries(scope: FastifyInstance): Promise<void> {
  // A file over the limit is cut off and marked truncated rather than failing the request.
  await scope.register(multipart, { limits: MULTIPART_LIMITS, throwFileSizeLimit: false });
  scope.decorateRequest('uploadedFile', null);
  scope.addHook('preValidation', async (request) => {
    if (request.isMultipart()) request.body = { ...(await readParts(request)) };
  });
}
