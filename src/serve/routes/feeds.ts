import type { FastifyInstance } from 'fastify';
import { DmonError } from '../../errors.js';
import { requireToken, SECURITY } from '../auth.js';
import type { ServeContext } from '../context.js';
import { textWithoutCredentials, urlWithoutCredentials } from '../../fetch/credentials.js';
import { ID_PARAMS } from '../params.js';
import { errorResponses, PUBLIC } from '../schemas/responses.js';
import type { SourceRow } from '../../store/schema.js';

const ADDED = {
  type: 'object',
  required: ['id', 'url', 'created'],
  properties: { id: { type: 'integer' }, url: { type: 'string' }, created: { type: 'boolean' } },
} as const;

/** A feed as anyone may read it: without its caching headers, and without credentials. */
function publicFeed({ etag: _e, last_modified: _l, ...r }: SourceRow) {
  return {
    ...r,
    url: urlWithoutCredentials(r.url),
    last_error: r.last_error === null ? null : textWithoutCredentials(r.last_error),
  };
}

export function feedRoutes(app: FastifyInstance, ctx: ServeContext): void {
  app.get(
    '/api/feeds',
    {
      schema: {
        summary: 'Feeds and their polling state',
        operationId: 'listFeeds',
        tags: ['feeds'],
        security: PUBLIC,
        response: {
          200: {
            description: 'Every feed',
            type: 'object',
            required: ['items'],
            properties: { items: { type: 'array', items: { $ref: 'Feed#' } } },
          },
          ...errorResponses(),
        },
      },
    },
    async () => {
      const rows = await ctx.store.sources.list();
      // Anyone may read this list: credentials in a feed's URL (or quoted in its last error)
      // stay in the store for polling and are never shown.
      return { items: rows.map(publicFeed) };
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/feeds/:id',
    {
      schema: {
        summary: 'One feed and its polling state',
        operationId: 'getFeed',
        tags: ['feeds'],
        security: PUBLIC,
        params: ID_PARAMS,
        response: { 200: { description: 'The feed', $ref: 'Feed#' }, ...errorResponses(400, 404) },
      },
    },
    async (req) => {
      const row = await ctx.store.sources.get(req.params.id);
      if (!row) throw new DmonError('NOT_FOUND', `feed ${req.params.id} does not exist`);
      return publicFeed(row);
    },
  );

  app.post<{ Body: { url: string } }>(
    '/api/feeds',
    {
      onRequest: requireToken(ctx.store, 'admin'),
      schema: {
        summary: 'Add a feed (RSS, Atom or JSON Feed)',
        operationId: 'addFeed',
        tags: ['feeds'],
        security: SECURITY,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['url'],
          properties: { url: { type: 'string', minLength: 1, maxLength: 4000 } },
        },
        response: {
          200: { description: 'The feed was already there', ...ADDED },
          201: {
            description: 'The feed was added; `Location` is its URL',
            headers: { Location: { type: 'string', description: '/api/feeds/{id}' } },
            ...ADDED,
          },
          ...errorResponses(400, 401, 403, 422),
        },
      },
    },
    async (req, reply) => {
      if (!ctx.addFeed) throw new DmonError('STORE_FAILED', 'this server does not accept feeds');
      const r = await ctx.addFeed(req.body.url);
      if (r.created) reply.status(201).header('location', `/api/feeds/${r.id}`);
      return reply.send({ ...r, url: urlWithoutCredentials(r.url) });
    },
  );

  app.delete<{ Params: { id: number } }>(
    '/api/feeds/:id',
    {
      onRequest: requireToken(ctx.store, 'admin'),
      schema: {
        summary: 'Remove a feed (its articles stay)',
        operationId: 'removeFeed',
        tags: ['feeds'],
        security: SECURITY,
        params: ID_PARAMS,
        response: { 204: { description: 'Removed', type: 'null' }, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      if (!(await ctx.store.sources.remove(req.params.id)))
        throw new DmonError('NOT_FOUND', `feed ${req.params.id} does not exist`);
      return reply.status(204).send();
    },
  );
}
