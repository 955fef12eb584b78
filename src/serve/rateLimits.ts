// Per-client request limits (@fastify/rate-limit): reads, writes and exports counted apart;
// writes and exports at a tenth of the read budget, because a write may start a fetch or an
// extraction and an export streams the whole store. Loopback
// clients are not limited: they are local tools and benchmarks, and a reverse proxy on the same
// machine applies its own limits (SECURITY.md).
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DmonError } from '../errors.js';

export interface RateLimitOptions {
  /** Requests per minute per client address; 0 turns limiting off. */
  perMinute: number;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const isWrite = (req: FastifyRequest) => WRITE_METHODS.has(req.method);
const isExport = (req: FastifyRequest) => /^\/api\/export(\?|\/|$)/.test(req.url);
/** Which budget a request counts against: w(rites), e(xports) or r(eads). */
const bucket = (req: FastifyRequest) => (isWrite(req) ? 'w' : isExport(req) ? 'e' : 'r');
const WHAT = { w: 'writes', e: 'exports', r: 'requests' } as const;

export function isLoopback(ip: string): boolean {
  return ip === '::1' || ip.startsWith('127.') || ip.startsWith('::ffff:127.');
}

export async function installRateLimits(app: FastifyInstance, options: RateLimitOptions): Promise<void> {
  if (options.perMinute <= 0) return;
  const writes = Math.max(1, Math.floor(options.perMinute / 10));
  await app.register(rateLimit, {
    timeWindow: 60_000,
    max: (req) => (bucket(req) === 'r' ? options.perMinute : writes),
    keyGenerator: (req) => `${bucket(req)}:${req.ip}`,
    allowList: (req) => isLoopback(req.ip),
    errorResponseBuilder: (req, ctx) =>
      new DmonError(
        'RATE_LIMITED',
        `too many ${WHAT[bucket(req)]} from ${req.ip}: at most ${ctx.max} a minute; try again in ${ctx.after}`,
      ),
  });
}
