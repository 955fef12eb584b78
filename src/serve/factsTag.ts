// Answers that read only the facts table (/api/countries, /api/timeseries, /api/facts/points)
// are tagged with the facts' version (store migration 016, bumped on every fact written or
// removed) before they are computed, so a client that sends the tag back while no fact changed
// gets a 304 without the server reading, serialising or compressing the answer again (the
// generic ETag of httpHabits.ts hashes a body that has already been computed). The version is
// read first: a write landing in between makes the tag older than the answer, never newer.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { VERSION } from '../version.js';
import type { ServeContext } from './context.js';
import { matches } from './httpHabits.js';

/** Sets the answer's ETag (package version, facts' version, the URL); true if the client has it. */
export async function notModified(
  ctx: ServeContext,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<boolean> {
  const url = createHash('sha1').update(req.url).digest('base64url').slice(0, 12);
  const etag = `W/"a-${VERSION}-${await ctx.store.summaries.version()}-${url}"`;
  reply.header('etag', etag);
  if (!matches(req.headers['if-none-match'], etag)) return false;
  reply.code(304);
  return true;
}
