import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

const serialized = new WeakMap<object, { body: Buffer; etag: string }>();

/** Whether the client's If-None-Match names this (weak) ETag, as RFC 9110 compares them. */
function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === bare;
  });
}

/**
 * Sends a cached, frozen answer as JSON, serializing it (and hashing its ETag) once per cached
 * object rather than once per request: the catalog's hot reads spend more time in
 * JSON.stringify and the ETag hash than anywhere else once the data comes from memory.
 * A matching If-None-Match gets 304.
 */
export function sendCachedJson(req: FastifyRequest, reply: FastifyReply, value: object): void {
  let entry = serialized.get(value);
  if (!entry) {
    const body = Buffer.from(JSON.stringify(value), 'utf8');
    entry = { body, etag: `W/"${body.length.toString(16)}-${createHash('sha1').update(body).digest('base64').slice(0, 27)}"` };
    if (Object.isFrozen(value)) serialized.set(value, entry);
  }
  reply.header('etag', entry.etag);
  if (notModified(req.headers['if-none-match'], entry.etag)) {
    reply.status(304).send();
    return;
  }
  reply.type('application/json; charset=utf-8').send(entry.body);
}
