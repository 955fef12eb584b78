import type { FastifyInstance } from 'fastify';
import type { ServeContext } from '../context.js';
import { errorResponses, PUBLIC } from '../schemas/responses.js';

const ROUTES = [
  'GET /api/health',
  'GET /api/articles',
  'GET /api/articles/:id',
  'POST /api/articles (bearer token)',
  'GET /api/facts',
  'GET /api/facts/:id',
  'GET /api/countries',
  'GET /api/timeseries',
  'GET /api/export?format=csv|xlsx|geojson|jsonl',
  'GET /api/feeds',
  'POST /api/feeds (bearer token)',
  'DELETE /api/feeds/:id (bearer token)',
];

const STORE_STATE = {
  type: 'object',
  description: 'where the store is, whether it can be written, and its outages',
} as const;

/** How long the article and job counts are reused: counting 200,000 articles by status took
 * 69–330 ms of CPU at 1 M facts when it read the table (11 ms since migration 014's index),
 * too much for a probe polled many times a second. */
export const HEALTH_COUNTS_TTL_MS = 5000;

type Counts = {
  articles: Record<string, number>;
  jobs: Record<string, number>;
  counted_at: number;
};

export function healthRoutes(app: FastifyInstance, ctx: ServeContext): void {
  const ttl = ctx.healthCountsTtlMs ?? HEALTH_COUNTS_TTL_MS;
  let counts: Counts | null = null;
  let counting: Promise<Counts> | null = null;
  /** The counts, recounted when older than the TTL; concurrent calls share one recount. */
  const currentCounts = (): Promise<Counts> => {
    if (counts && Date.now() - counts.counted_at < ttl) return Promise.resolve(counts);
    counting ??= Promise.all([ctx.store.articles.count(), ctx.store.queue().counts()])
      .then(([articles, jobs]) => (counts = { articles, jobs, counted_at: Date.now() }))
      .finally(() => (counting = null));
    return counting;
  };

  app.get(
    '/api',
    {
      schema: {
        summary: 'What this API offers',
        operationId: 'getApiIndex',
        tags: ['meta'],
        security: PUBLIC,
        response: {
          200: {
            description: 'Name, version and routes',
            type: 'object',
            required: ['name', 'version', 'openapi', 'routes'],
            properties: {
              name: { type: 'string' },
              version: { type: 'string' },
              openapi: { type: 'string', description: 'where the OpenAPI document is' },
              routes: { type: 'array', items: { type: 'string' } },
            },
          },
          ...errorResponses(),
        },
      },
    },
    async () => ({
      name: 'Displacement Monitor API',
      version: ctx.version,
      openapi: '/api/openapi.json',
      routes: ROUTES,
    }),
  );

  // 200 "ok" while the store answers and takes writes; 200 "degraded" when it answers but its
  // last writes failed (full disk, read-only directory): reads still work, submissions wait; 503
  // "unavailable" when it does not answer. `store` tells which, since when, and the last outage.
  // Every call asks the database (one index lookup), so an outage shows at once; the counts are
  // up to HEALTH_COUNTS_TTL_MS old (`counted_at` says when they were taken).
  app.get(
    '/api/health',
    {
      schema: {
        summary: 'Service and store status',
        operationId: 'getHealth',
        tags: ['meta'],
        security: PUBLIC,
        response: {
          ...errorResponses(),
          200: {
            description: 'The store answers: article and job counts',
            type: 'object',
            required: ['status', 'version', 'extractor_version', 'engine', 'articles', 'jobs', 'counted_at'],
            properties: {
              status: {
                type: 'string',
                enum: ['ok', 'degraded'],
                description: 'degraded: the store answers but cannot be written',
              },
              store: STORE_STATE,
              version: { type: 'string' },
              extractor_version: { type: ['string', 'null'] },
              engine: { type: 'string', enum: ['sqlite', 'postgres'] },
              articles: {
                type: 'object',
                additionalProperties: { type: 'integer' },
                description: 'per status',
              },
              jobs: { type: 'object', additionalProperties: { type: 'integer' }, description: 'per status' },
              counted_at: {
                type: 'integer',
                description: `when the counts were taken, ms since 1970: they are reused for up to ${HEALTH_COUNTS_TTL_MS / 1000} s`,
              },
            },
          },
          503: {
            description: 'The database is unreachable',
            type: 'object',
            required: ['status', 'error'],
            properties: {
              status: { type: 'string', enum: ['unavailable'] },
              store: STORE_STATE,
              error: { $ref: 'Error#/properties/error' },
            },
          },
        },
      },
    },
    async (req, reply) => {
      const availability = ctx.store.availability;
      try {
        await ctx.store.ping();
        const { articles, jobs, counted_at } = await currentCounts();
        const store = { where: ctx.store.where, ...availability.snapshot() };
        return {
          status: store.writable ? 'ok' : 'degraded',
          version: ctx.version,
          extractor_version: ctx.extractorVersion ?? null,
          engine: ctx.store.engine,
          store,
          articles,
          jobs,
          counted_at,
        };
      } catch (e) {
        availability.failed(e);
        req.log.error({ err: e }, 'health: the store failed');
        return reply.status(503).send({
          status: 'unavailable',
          store: { where: ctx.store.where, ...availability.snapshot() },
          error: { code: 'STORE_FAILED', message: (e as Error).message },
        });
      }
    },
  );
}
