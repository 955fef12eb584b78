// /api/alerts (list, one, triage) and /api/alerts.atom (the same alerts as a feed).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { alertsAtom } from '../../alerts/atom.js';
import { ALERT_KINDS, ALERT_STATUSES, type AlertKind, type AlertStatus } from '../../alerts/types.js';
import { DmonError } from '../../errors.js';
import type { AlertFilter } from '../../store/index.js';
import { requireToken, SECURITY } from '../auth.js';
import type { ServeContext } from '../context.js';
import { errorResponses, page, PUBLIC } from '../schemas/responses.js';
import { FACT_QUERY_SCHEMA, ID_PARAMS, parseFactQuery } from '../params.js';

interface AlertQuery {
  status?: string;
  kind?: string;
  country?: string;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

const listOf = (values: readonly string[]) => `^(${values.join('|')})(,(${values.join('|')}))*$`;

const FILTER_SCHEMA = {
  status: {
    type: 'string',
    pattern: listOf(ALERT_STATUSES),
    description: `comma-separated triage states: ${ALERT_STATUSES.join(', ')}`,
  },
  kind: {
    type: 'string',
    pattern: listOf(ALERT_KINDS),
    description: `comma-separated rules: ${ALERT_KINDS.join(', ')}`,
  },
  country: FACT_QUERY_SCHEMA.country,
  from: {
    type: 'string',
    format: 'date',
    description: 'YYYY-MM-DD, inclusive, on the day the alert is about',
  },
  to: { type: 'string', format: 'date', description: 'YYYY-MM-DD, inclusive' },
} as const;

function parseAlertQuery(q: AlertQuery, defaultStatus?: AlertStatus[]): AlertFilter {
  const { country, from, to } = parseFactQuery({ country: q.country, from: q.from, to: q.to });
  return {
    status: q.status ? (q.status.split(',') as AlertStatus[]) : defaultStatus,
    kind: q.kind ? (q.kind.split(',') as AlertKind[]) : undefined,
    country,
    from,
    to,
  };
}

function origin(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}

export function alertRoutes(app: FastifyInstance, ctx: ServeContext): void {
  app.get<{ Querystring: AlertQuery }>(
    '/api/alerts',
    {
      schema: {
        summary: 'Alerts raised by the rules, newest first; keyset (cursor) pagination',
        operationId: 'listAlerts',
        tags: ['alerts'],
        security: PUBLIC,
        response: {
          200: page(
            { type: 'object', description: 'an alert: rule, country, figures, status' },
            'A page of alerts',
          ),
          ...errorResponses(400),
        },
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            ...FILTER_SCHEMA,
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
            cursor: { type: 'string', maxLength: 200, description: 'the "next" value of the previous page' },
          },
        },
      },
    },
    async (req) => {
      const { limit, cursor } = req.query;
      return ctx.store.alerts.list(parseAlertQuery(req.query), { limit, cursor });
    },
  );

  app.get<{ Querystring: AlertQuery }>(
    '/api/alerts.atom',
    {
      schema: {
        summary: 'Alerts as an Atom feed (dismissed ones left out unless status asks for them)',
        operationId: 'alertsAtom',
        tags: ['alerts'],
        security: PUBLIC,
        response: {
          200: {
            description: 'An Atom 1.0 feed, one entry per alert',
            content: { 'application/atom+xml': { schema: { type: 'string' } } },
          },
          ...errorResponses(400),
        },
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            ...FILTER_SCHEMA,
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
          },
        },
      },
    },
    async (req, reply) => {
      const filter = parseAlertQuery(req.query, ['new', 'confirmed']);
      const { items } = await ctx.store.alerts.list(filter, { limit: req.query.limit });
      const base = origin(req);
      const xml = alertsAtom(items, { selfUrl: `${base}${req.url}`, baseUrl: base });
      return reply.type('application/atom+xml; charset=utf-8').send(xml);
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/alerts/:id',
    {
      schema: {
        summary: 'One alert',
        operationId: 'getAlert',
        tags: ['alerts'],
        security: PUBLIC,
        params: ID_PARAMS,
        response: {
          200: {
            description: 'The alert',
            type: 'object',
          },
          ...errorResponses(400, 404),
        },
      },
    },
    async (req) => {
      const alert = await ctx.store.alerts.get(req.params.id);
      if (!alert) throw new DmonError('NOT_FOUND', `alert ${req.params.id} does not exist`);
      return alert;
    },
  );

  app.patch<{ Params: { id: number }; Body: { status: AlertStatus; note?: string } }>(
    '/api/alerts/:id',
    {
      onRequest: requireToken(ctx.store),
      schema: {
        summary: 'Triage an alert: new, confirmed or dismissed, with an optional note',
        operationId: 'triageAlert',
        tags: ['alerts'],
        response: {
          200: { description: 'The alert as triaged', type: 'object' },
          ...errorResponses(400, 401, 403, 404),
        },
        security: SECURITY,
        params: ID_PARAMS,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['status'],
          properties: {
            status: { type: 'string', enum: [...ALERT_STATUSES] },
            note: { type: 'string', maxLength: 2000 },
          },
        },
      },
    },
    async (req) => {
      const by = (req as FastifyRequest & { tokenName?: string }).tokenName ?? 'unknown';
      const alert = await ctx.store.alerts.triage(req.params.id, {
        status: req.body.status,
        by,
        note: req.body.note,
      });
      if (!alert) throw new DmonError('NOT_FOUND', `alert ${req.params.id} does not exist`);
      return alert;
    },
  );
}
