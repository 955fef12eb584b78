// The dashboard (web/dist, built by Vite) served at `/`. Files under /assets/ have content
// hashes in their names and are cached for a year; the app's page paths get index.html, so a link
// to /country/IRQ?from=2024-01-01 opens that page. The security headers (a Content-Security-Policy
// allowing this origin only and no inline script) are the whole server's (securityHeaders.ts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** web/dist beside src/ or dist/ (this file is src/serve/web.ts or dist/serve/web.js). */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Paths of the single-page app's pages (web/src/main.tsx): each answered with index.html. */
export const PAGE_ROUTES = [
  '/country/:iso3',
  '/article/:id',
  '/events',
  '/event/:id',
  '/alerts',
  '/review',
  '/ingest',
] as const;

export async function webRoutes(app: FastifyInstance, dir: string = DEFAULT_WEB_DIR): Promise<void> {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    // A checkout whose dashboard was never built: say how to build it instead of a bare 404.
    app.get('/', { schema: { hide: true } }, async (_req, reply) =>
      reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send(
          `The dashboard is not built (no ${index}). Run \`npm run build:web\` (npm start does it), ` +
            'or use the API at /api.\n',
        ),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    index: ['index.html'],
    wildcard: true,
    setHeaders: (reply, path) => {
      reply.header(
        'cache-control',
        /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  // The app's own pages, for links opened from outside (an e-mail, a bookmark, a reload).
  for (const page of PAGE_ROUTES)
    app.get(page, { schema: { hide: true } }, (_req, reply) => reply.sendFile('index.html'));
}
