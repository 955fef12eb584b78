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

/** Sets the answer's ETag (package version, facts' version, the URL) and returns it. */
async function tag(ctx: ServeContext, req: FastifyRequest, reply: FastifyReply): Promise<string> {
  const url = createHash('sha1').update(req.url).digest('base64url').slice(0, 12);
  const etag = `W/"a-${VERSION}-${await ctx.store.summaries.version()}-${url}"`;
  reply.header('etag', etag);
  return etag;
}

/** Sets the answer's ETag; true (and a 304) if the client has it. */
export async function notModified(
  ctx: ServeContext,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<boolean> {
  if (!matches(req.headers['if-none-match'], await tag(ctx, req, reply))) return false;
  reply.code(304);
  return true;
}

/**
 * Serialised answers kept per URL while the facts' version stays, for clients that send no
 * If-None-Match (scripts, load balancers, a second browser): a country's monthly time series is
 * 3,088 points, 360 kB of JSON, and serialising it again cost more than reading it from the
 * aggregate cache (7-9 ms of CPU a request at 1 M facts, under load). Bounded by total size.
 */
export class KeptAnswers {
  private readonly entries = new Map<string, { etag: string; body: string }>();
  private bytes = 0;

  constructor(private readonly maxBytes = 16 * 1024 * 1024) {}

  /** Answers the request: a 304, the kept body, or `compute`'s answer serialised by the route's
   * response schema (then kept). */
  async send(
    ctx: ServeContext,
    req: FastifyRequest,
    reply: FastifyReply,
    compute: () => Promise<unknown>,
  ): Promise<FastifyReply> {
    const etag = await tag(ctx, req, reply);
    if (matches(req.headers['if-none-match'], etag)) return reply.code(304).send();
    const hit = this.entries.get(req.url);
    let body: string;
    if (hit && hit.etag === etag) {
      body = hit.body;
      this.entries.delete(req.url);
      this.entries.set(req.url, hit);
    } else {
      body = String(reply.serialize(await compute()));
      this.put(req.url, { etag, body });
    }
    return reply.type('application/json; charset=utf-8').send(body);
  }

  private put(url: string, entry: { etag: string; body: string }): void {
    const had = this.entries.get(url);
    if (had) {
      this.bytes -= had.body.length;
      this.entries.delete(url);
    }
    if (entry.body.length > this.maxBytes / 4) return;
    this.entries.set(url, entry);
    this.bytes += entry.body.length;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.body.length;
    }
  }
}
