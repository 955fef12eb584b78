import type { FastifyInstance } from 'fastify';
import type { ServeContext } from '../context.js';

const ROUTES = [
  'GET /api/health',
  'GET /api/articles',
  'GET /api/articles/:id',
  'POST /api/articles (bearer token)',
  'GET /api/facts',
  'GET /api/facts/:id',
  'GET /api/countries',
  'GET /api/timeseries',
  'GET /api/export?format=csv|geojson|jsonl',
  'GET /api/feeds',
  'POST /api/feeds (bearer token)',
  'DELETE /api/feeds/:id (bearer token)',
];

export function healthRoutes(app: FastifyInstance, ctx: ServeContext): void {
  app.get('/api', { schema: { summary: 'What this API offers', tags: ['meta'] } }, async () => ({
    name: 'Displacement Monitor API',
    version: ctx.version,
    openapi: '/api/openapi.json',
    routes: ROUTES,
  }));

  // 200 "ok" while the store answers and takes writes; 200 "degraded" when it answers but its
  // last writes failed (full disk, read-only directory): reads still work, submissions wait; 503
  // "unavailable" when it does not answer. `store` tells which, since when, and the last outage.
  app.get(
    '/api/health',
    { schema: { summary: 'Service and store status', tags: ['meta'] } },
    async (_req, reply) => {
      const availability = ctx.store.availability;
      try {
        const [articles, jobs] = await Promise.all([ctx.store.articles.count(), ctx.store.queue().counts()]);
        const store = { where: ctx.store.where, ...availability.snapshot() };
        return {
          status: store.writable ? 'ok' : 'degraded',
          version: ctx.version,
          extractor_version: ctx.extractorVersion ?? null,
          engine: ctx.store.engine,
          store,
          articles,
          jobs,
        };
      } catch (e) {
        availability.failed(e);
        return reply.status(503).send({
          status: 'unavailable',
          store: { where: ctx.store.where, ...availability.snapshot() },
          error: { code: 'STORE_FAILED', message: (e as Error).message },
        });
      }
    },
  );
}
