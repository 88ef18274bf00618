import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';

const serialized = new WeakMap<object, { body: Buffer; etag: string }>();

/**
 * Sends a cached, frozen answer as JSON, serializing it (and hashing its ETag) once per cached
 * object rather than once per request: the catalog's hot reads spend more time in
 * JSON.stringify and the ETag hash than anywhere else once the data comes from memory.
 * The answer is what `res.json(value)` would send, including 304 for a matching If-None-Match.
 */
export function sendCachedJson(req: Request, res: Response, value: object): void {
  let entry = serialized.get(value);
  if (!entry) {
    const body = Buffer.from(JSON.stringify(value), 'utf8');
    entry = { body, etag: `W/"${body.length.toString(16)}-${createHash('sha1').update(body).digest('base64').slice(0, 27)}"` };
    if (Object.isFrozen(value)) serialized.set(value, entry);
  }
  res.setHeader('ETag', entry.etag);
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.send(entry.body);
}
