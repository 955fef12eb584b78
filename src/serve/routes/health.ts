import type { FastifyInstance } from 'fastify';
import { JobQueue } from '../../jobs/queue.js';
import type { ServeContext } from '../context.js';

export function healthRoutes(app: FastifyInstance, ctx: ServeContext): void {
  app.get('/api/health', { schema: { summary: 'Service and store status', tags: ['meta'] } }, async (_req, reply) => {
    try {
      const [articles, jobs] = await Promise.all([ctx.store.articles.count(), new JobQueue(ctx.store.db, ctx.store.engine).counts()]);
      return { status: 'ok', version: ctx.version, extractor_version: ctx.extractorVersion ?? null, engine: ctx.store.engine, articles, jobs };
    } catch (e) {
      return reply.status(503).send({ status: 'unavailable', error: { code: 'STORE_FAILED', message: (e as Error).message } });
    }
  });
}
