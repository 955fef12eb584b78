// GET /api/events, /api/events/:id, /api/figures/monthly: displacement events with their
// recommended figure and its reason, and per country-month figures without double counting.
import type { FastifyInstance } from 'fastify';
import { DmonError } from '../../errors.js';
import { EVENT_QUERY_SCHEMA, PAGE_SCHEMA, parseEventQuery, type EventQuery } from '../claimParams.js';
import type { ServeContext } from '../context.js';
import { errorResponses, page, PUBLIC } from '../schemas/responses.js';

export function eventRoutes(app: FastifyInstance, ctx: ServeContext): void {
  app.get<{ Querystring: EventQuery & { limit?: number; cursor?: string } }>(
    '/api/events',
    {
      schema: {
        summary: 'Displacement events, latest first, each with its recommended figure and reason',
        operationId: 'listEvents',
        tags: ['events'],
        security: PUBLIC,
        response: {
          200: page(
            { type: 'object', description: 'an event with its recommended figure and reason' },
            'A page of events',
          ),
          ...errorResponses(400),
        },
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { ...EVENT_QUERY_SCHEMA, ...PAGE_SCHEMA },
        },
      },
    },
    async (req) => {
      const { limit, cursor, ...rest } = req.query;
      return ctx.store.events.list(parseEventQuery(rest), { limit, cursor });
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/events/:id',
    {
      schema: {
        summary: 'One event: recommended figure and reason, claims with their sources, places, timeline',
        operationId: 'getEvent',
        tags: ['events'],
        security: PUBLIC,
        response: {
          200: {
            description:
              'The event: recommended figure and reason, claims with their sources, places, timeline',
            type: 'object',
          },
          ...errorResponses(400, 404),
        },
        params: {
          type: 'object',
          properties: { id: { type: 'string', pattern: '^e[0-9a-f]{12}$' } },
          required: ['id'],
          additionalProperties: false,
        },
      },
    },
    async (req) => {
      const event = await ctx.store.events.get(req.params.id);
      if (!event) throw new DmonError('NOT_FOUND', `event ${req.params.id} does not exist`);
      return event;
    },
  );

  app.get<{ Querystring: EventQuery }>(
    '/api/figures/monthly',
    {
      schema: {
        summary:
          'Per country and month: displaced, evacuated, homes destroyed, refugees, returns and people still displaced, without double counting',
        operationId: 'monthlyFigures',
        tags: ['events'],
        security: PUBLIC,
        response: {
          200: {
            description: 'One item per country and month',
            type: 'object',
            required: ['items'],
            properties: {
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  description: 'a country-month: figures per term, people still displaced',
                },
              },
            },
          },
          ...errorResponses(400),
        },
        querystring: { type: 'object', additionalProperties: false, properties: { ...EVENT_QUERY_SCHEMA } },
      },
    },
    async (req) => ({ items: await ctx.store.events.countryMonths(parseEventQuery(req.query)) }),
  );
}
