import type { FastifyInstance } from 'fastify';
import { JobQueue } from '../../jobs/queue.js';
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

  app.get(
    '/api/health',
    { schema: { summary: 'Service and store status', tags: ['meta'] } },
    async (_req, reply) => {
      try {
        const [articles, jobs] = await Promise.all([
          ctx.store.articles.count(),
          new JobQueue(ctx.store.db, ctx.store.engine).counts(),
        ]);
        return {
          status: 'ok',
          version: ctx.version,
          extractor_version: ctx.extractorVersion ?? null,
          engine: ctx.store.engine,
          articles,
          jobs,
        };
      } catch (e) {
        return reply
          .status(503)
          .send({ status: 'unavailable', error: { code: 'STORE_FAILED', message: (e as Error).message } });
      }
    },
  );
}
