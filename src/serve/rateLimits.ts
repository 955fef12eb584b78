// Per-client request limits (@fastify/rate-limit): reads and writes counted apart, writes at a
// tenth of the read budget because each one may start a fetch or an extraction. Loopback
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

export function isLoopback(ip: string): boolean {
  return ip === '::1' || ip.startsWith('127.') || ip.startsWith('::ffff:127.');
}

export async function installRateLimits(app: FastifyInstance, options: RateLimitOptions): Promise<void> {
  if (options.perMinute <= 0) return;
  const writes = Math.max(1, Math.floor(options.perMinute / 10));
  await app.register(rateLimit, {
    timeWindow: 60_000,
    max: (req) => (isWrite(req) ? writes : options.perMinute),
    keyGenerator: (req) => `${isWrite(req) ? 'w' : 'r'}:${req.ip}`,
    allowList: (req) => isLoopback(req.ip),
    errorResponseBuilder: (req, ctx) =>
      new DmonError(
        'RATE_LIMITED',
        `too many ${isWrite(req) ? 'writes' : 'requests'} from ${req.ip}: at most ${ctx.max} a minute; try again in ${ctx.after}`,
      ),
  });
}
