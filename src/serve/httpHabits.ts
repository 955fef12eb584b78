// The HTTP habits clients and caches expect of a read API:
// - ETag on every successful GET (a hash of the body) and 304 Not Modified for a matching
//   If-None-Match, so a dashboard or a script polling an unchanged list gets no body;
// - compression (gzip, brotli, deflate, as the client accepts) of bodies over 1 KiB, exports
//   included, by @fastify/compress;
// - a cache-buster parameter (`_=1700000000000`, as jQuery and some proxies add) is ignored
//   instead of being refused as an unknown parameter.
// Errors are problem details (./problem.ts), rate limits are in ./rateLimits.ts.
import { createHash } from 'node:crypto';
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/** The query parameter names taken as cache-busters and dropped before validation. */
export const CACHE_BUSTERS = ['_'];

export function etagOf(body: string | Buffer): string {
  return `W/"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** Whether an If-None-Match header matches `etag` (weak comparison, lists and `*`). */
export function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch
    .split(',')
    .map((t) => t.trim())
    .some((t) => t === '*' || t.replace(/^W\//, '') === bare);
}

export async function installHttpHabits(app: FastifyInstance): Promise<void> {
  app.addHook('preValidation', async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return;
    const q = req.query as Record<string, unknown> | undefined;
    if (q && typeof q === 'object') for (const k of CACHE_BUSTERS) delete q[k];
  });
  // Before compression (hooks run in the order added), so the tag is the body's, whatever the encoding.
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return payload;
    if (reply.statusCode !== 200 || reply.hasHeader('etag')) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const etag = etagOf(payload);
    reply.header('etag', etag);
    if (!matches(req.headers['if-none-match'], etag)) return payload;
    reply.code(304);
    reply.removeHeader('content-length');
    return '';
  });
  await app.register(compress, { global: true, threshold: 1024 });
}
