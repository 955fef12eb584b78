import type { FastifyInstance } from 'fastify';
import type { Interval } from '../../store/index.js';
import type { ServeContext } from '../context.js';
import { FACT_QUERY_SCHEMA, parseFactQuery, type FactQuery } from '../params.js';

export function summaryRoutes(app: FastifyInstance, ctx: ServeContext): void {
  app.get<{ Querystring: FactQuery }>(
    '/api/countries',
    {
      schema: {
        summary: 'Per country: facts, articles, largest figure, date range, facts per term',
        tags: ['summaries'],
        querystring: { type: 'object', additionalProperties: false, properties: { ...FACT_QUERY_SCHEMA } },
      },
    },
    async (req) => ({ items: await ctx.store.summaries.countries(parseFactQuery(req.query)) }),
  );

  app.get<{ Querystring: FactQuery & { interval?: Interval } }>(
    '/api/timeseries',
    {
      schema: {
        summary: 'Facts per week or month and term',
        tags: ['summaries'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            ...FACT_QUERY_SCHEMA,
            interval: { type: 'string', enum: ['week', 'month'], default: 'month' },
          },
        },
      },
    },
    async (req) => {
      const { interval, ...rest } = req.query;
      return {
        interval: interval ?? 'month',
        items: await ctx.store.summaries.timeseries(parseFactQuery(rest), interval ?? 'month'),
      };
    },
  );
}
