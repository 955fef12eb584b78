import type { FastifyInstance } from 'fastify';
import { DmonError } from '../../errors.js';
import { FACT_SORTS, type FactSort } from '../../store/queries/facts.js';
import type { ServeContext } from '../context.js';
import { notModified } from '../factsTag.js';
import { FACT_QUERY_SCHEMA, ID_PARAMS, parseFactQuery, type FactQuery } from '../params.js';
import { errorResponses, page, PUBLIC } from '../schemas/responses.js';

/** The fact filters with a sort and a page of `limit` facts (at most `max`) after a cursor. */
function factPageQuery(sort: FactSort, limit: number, max: number) {
  return {
    type: 'object',
    additionalProperties: false,
    properties: {
      ...FACT_QUERY_SCHEMA,
      sort: { type: 'string', enum: [...FACT_SORTS], default: sort },
      limit: { type: 'integer', minimum: 1, maximum: max, default: limit },
      cursor: { type: 'string', maxLength: 200, description: 'the "next" value of the previous page' },
    },
  } as const;
}

export function factRoutes(app: FastifyInstance, ctx: ServeContext): void {
  app.get<{ Querystring: FactQuery & { sort?: FactSort; limit?: number; cursor?: string } }>(
    '/api/facts',
    {
      schema: {
        summary: 'Facts matching filters; keyset (cursor) pagination',
        operationId: 'listFacts',
        tags: ['facts'],
        security: PUBLIC,
        querystring: factPageQuery('-date', 50, 500),
        response: { 200: page({ $ref: 'FactListItem#' }, 'A page of facts'), ...errorResponses(400) },
      },
    },
    async (req) => {
      const { sort, limit, cursor, ...rest } = req.query;
      return ctx.store.facts.list(parseFactQuery(rest), { sort, limit, cursor });
    },
  );

  // The map's request: the same filters, sort and pages as /api/facts, each fact reduced to its
  // circle. Answering 500 of them is a few dozen kilobytes instead of most of a megabyte.
  app.get<{ Querystring: FactQuery & { sort?: FactSort; limit?: number; cursor?: string } }>(
    '/api/facts/points',
    {
      schema: {
        summary: 'Facts matching filters as map points: id, term, figure, people, country, coordinates',
        operationId: 'listFactPoints',
        tags: ['facts'],
        security: PUBLIC,
        querystring: factPageQuery('-figure', 500, 2000),
        response: { 200: page({ $ref: 'FactPoint#' }, 'A page of map points'), ...errorResponses(400) },
      },
    },
    async (req, reply) => {
      if (await notModified(ctx, req, reply)) return reply.send();
      const { sort, limit, cursor, ...rest } = req.query;
      return ctx.store.facts.points(parseFactQuery(rest), { sort, limit, cursor });
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/facts/:id',
    {
      schema: {
        summary: 'One fact with its evidence, places and article',
        operationId: 'getFact',
        tags: ['facts'],
        security: PUBLIC,
        params: ID_PARAMS,
        response: { 200: { description: 'The fact', $ref: 'FactDetail#' }, ...errorResponses(400, 404) },
      },
    },
    async (req) => {
      const fact = await ctx.store.facts.get(req.params.id);
      if (!fact) throw new DmonError('NOT_FOUND', `fact ${req.params.id} does not exist`);
      const article = await ctx.store.articles.findById(fact.article_id);
      return { ...fact, article };
    },
  );
}
