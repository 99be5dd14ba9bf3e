/** A file sent to be saved, not shown: the follow-up's calendar and email files, from the API and the pages alike. */
import type { FastifyReply } from 'fastify';
import type { FollowUpFile } from '../services/followup.service.js';

/** Never cached: the file holds what the visitor typed. */
export function sendFile(reply: FastifyReply, file: FollowUpFile): FastifyReply {
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .send(file.content);
}
