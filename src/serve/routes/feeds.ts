import type { FastifyInstance } from 'fastify';
import { DmonError } from '../../errors.js';
import { requireToken, SECURITY } from '../auth.js';
import type { ServeContext } from '../context.js';
import { ID_PARAMS } from '../params.js';

export function feedRoutes(app: FastifyInstance, ctx: ServeContext): void {
  app.get(
    '/api/feeds',
    { schema: { summary: 'Feeds and their polling state', tags: ['feeds'] } },
    async () => {
      const rows = await ctx.store.sources.list();
      return { items: rows.map(({ etag: _e, last_modified: _l, ...r }) => r) };
    },
  );

  app.post<{ Body: { url: string } }>(
    '/api/feeds',
    {
      preHandler: requireToken(ctx.store),
      schema: {
        summary: 'Add a feed (RSS, Atom or JSON Feed)',
        tags: ['feeds'],
        security: SECURITY,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['url'],
          properties: { url: { type: 'string', minLength: 1, maxLength: 4000 } },
        },
      },
    },
    async (req, reply) => {
      if (!ctx.addFeed) throw new DmonError('STORE_FAILED', 'this server does not accept feeds');
      const r = await ctx.addFeed(req.body.url);
      return reply.status(r.created ? 201 : 200).send(r);
    },
  );

  app.delete<{ Params: { id: number } }>(
    '/api/feeds/:id',
    {
      preHandler: requireToken(ctx.store),
      schema: {
        summary: 'Remove a feed (its articles stay)',
        tags: ['feeds'],
        security: SECURITY,
        params: ID_PARAMS,
      },
    },
    async (req, reply) => {
      if (!(await ctx.store.sources.remove(req.params.id)))
        throw new DmonError('NOT_FOUND', `feed ${req.params.id} does not exist`);
      return reply.status(204).send();
    },
  );
}
