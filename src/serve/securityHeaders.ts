// Security headers on every response (helmet): a Content-Security-Policy that allows only this
// origin's own scripts, styles and images (no inline script) and no framing, nosniff, no
// referrer, and on the API `Cache-Control: no-cache` for public reads (kept only if revalidated,
// which their ETag makes cheap) and `no-store` for writes and anything sent with a token. The dashboard's pages are served under the same policy; a page that needs more passes
// its directives through `AppOptions.contentSecurityPolicy`. helmet is applied to the raw
// response so that answers given before routing (a malformed URL) carry the headers too.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

export type CspDirectives = Record<string, string[]>;

/** The policy both the API and the dashboard live with: same-origin everything, no inline script. */
export const DEFAULT_CSP: CspDirectives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

export type HeaderSetter = (req: IncomingMessage, res: ServerResponse) => void;

export function securityHeaders(csp: CspDirectives = {}): HeaderSetter {
  const apply = helmet({
    // useDefaults off: helmet's defaults add upgrade-insecure-requests, which breaks a server
    // reached over plain http on a LAN address.
    contentSecurityPolicy: { useDefaults: false, directives: { ...DEFAULT_CSP, ...csp } },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Strict-Transport-Security belongs to the TLS-terminating proxy, not to a plain-http server.
    strictTransportSecurity: false,
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  return (req, res) => {
    apply(req, res, () => undefined);
    if (!req.url?.startsWith('/api')) return;
    // Public reads may be kept if revalidated each time (their ETag makes that a 304); anything
    // written or sent with a token is never stored.
    const publicRead = (req.method === 'GET' || req.method === 'HEAD') && !req.headers.authorization;
    res.setHeader('cache-control', publicRead ? 'no-cache' : 'no-store');
  };
}

/** Installs the headers on every routed request; a route may still set its own Cache-Control. */
export function installSecurityHeaders(app: FastifyInstance, set: HeaderSetter): void {
  app.addHook('onRequest', async (req, reply) => set(req.raw, reply.raw));
}
