// GET /api/events, /api/events/:id, /api/figures/monthly: displacement events with their
// recommended figure and its reason, and per country-month figures without double counting.
import type { FastifyInstance } from 'fastify';
import { DmonError } from '../../errors.js';
import { EVENT_QUERY_SCHEMA, PAGE_SCHEMA, parseEventQuery, type EventQuery } from '../claimParams.js';
import type { ServeContext } from '../context.js';

export function eventRoutes(app: FastifyInstance, ctx: ServeContext): void {
  app.get<{ Querystring: EventQuery & { limit?: number; cursor?: string } }>(
    '/api/events',
    {
      schema: {
        summary: 'Displacement events, latest first, each with its recommended figure and reason',
        tags: ['events'],
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
        tags: ['events'],
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
        tags: ['events'],
        querystring: { type: 'object', additionalProperties: false, properties: { ...EVENT_QUERY_SCHEMA } },
      },
    },
    async (req) => ({ items: await ctx.store.events.countryMonths(parseEventQuery(req.query)) }),
  );
}
