// The aggregates over the facts: per country, and per period and term, tagged with the facts'
// version and kept serialised while it stays (../factsTag.ts).
import type { FastifyInstance } from 'fastify';
import type { Interval } from '../../store/index.js';
import type { ServeContext } from '../context.js';
import { KeptAnswers } from '../factsTag.js';
import { errorResponses, PUBLIC } from '../schemas/responses.js';
import { FACT_QUERY_SCHEMA, parseFactQuery, type FactQuery } from '../params.js';

export function summaryRoutes(app: FastifyInstance, ctx: ServeContext): void {
  const kept = new KeptAnswers();
  app.get<{ Querystring: FactQuery }>(
    '/api/countries',
    {
      schema: {
        summary: 'Per country: facts, articles, largest figure, date range, facts per term',
        operationId: 'countrySummaries',
        tags: ['summaries'],
        security: PUBLIC,
        querystring: { type: 'object', additionalProperties: false, properties: { ...FACT_QUERY_SCHEMA } },
        response: {
          200: {
            description: 'One item per country, largest first',
            type: 'object',
            required: ['items'],
            properties: {
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  required: [
                    'country',
                    'facts',
                    'articles',
                    'max_people',
                    'first_date',
                    'last_date',
                    'terms',
                  ],
                  properties: {
                    country: { type: ['string', 'null'], description: 'ISO 3166-1 alpha-3' },
                    facts: { type: 'integer' },
                    articles: { type: 'integer' },
                    max_people: { type: ['integer', 'null'] },
                    first_date: { type: ['string', 'null'], format: 'date' },
                    last_date: { type: ['string', 'null'], format: 'date' },
                    terms: {
                      type: 'object',
                      description: 'facts per term',
                      additionalProperties: { type: 'integer' },
                    },
                  },
                },
              },
            },
          },
          ...errorResponses(400),
        },
      },
    },
    async (req, reply) =>
      kept.send(ctx, req, reply, async () => ({
        items: await ctx.store.summaries.countries(parseFactQuery(req.query)),
      })),
  );

  app.get<{ Querystring: FactQuery & { interval?: Interval } }>(
    '/api/timeseries',
    {
      schema: {
        summary: 'Facts per week or month, term, and stock or flow',
        operationId: 'timeseries',
        tags: ['summaries'],
        security: PUBLIC,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            ...FACT_QUERY_SCHEMA,
            interval: { type: 'string', enum: ['week', 'month'], default: 'month' },
          },
        },
        response: {
          200: {
            description: 'One item per period, term, and stock or flow',
            type: 'object',
            required: ['interval', 'items'],
            properties: {
              interval: { type: 'string', enum: ['week', 'month'] },
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['period', 'term', 'stock_or_flow', 'facts', 'max_people', 'sum_people'],
                  properties: {
                    period: { type: 'string', format: 'date', description: 'first day of the week or month' },
                    term: { type: 'string' },
                    stock_or_flow: {
                      type: 'string',
                      enum: ['stock', 'flow'],
                      description:
                        'stock: people displaced at the time (a level: read max_people, not the sum); flow: new movements',
                    },
                    facts: { type: 'integer' },
                    max_people: { type: ['integer', 'null'] },
                    sum_people: { type: ['integer', 'null'] },
                  },
                },
              },
            },
          },
          ...errorResponses(400),
        },
      },
    },
    async (req, reply) =>
      kept.send(ctx, req, reply, async () => {
        const { interval, ...rest } = req.query;
        return {
          interval: interval ?? 'month',
          items: await ctx.store.summaries.timeseries(parseFactQuery(rest), interval ?? 'month'),
        };
      }),
  );
}
