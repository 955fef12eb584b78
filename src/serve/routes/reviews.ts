// /api/reviews (confirm, correct or reject a fact or a claim; list; one), /api/reviews/log (the
// audit log) and /api/events/:id/merge and /split. Writes need a token with scope review, the
// log one with scope read; the reviewer recorded is the token's name.
import type { FastifyInstance } from 'fastify';
import { DmonError } from '../../errors.js';
import { REVIEW_ACTIONS, REVIEW_TARGETS, type ReviewAction, type ReviewTarget } from '../../review/types.js';
import type { ReviewFilter } from '../../store/index.js';
import { requireToken, SECURITY, tokenName } from '../auth.js';
import { PAGE_SCHEMA } from '../claimParams.js';
import type { ServeContext } from '../context.js';
import { ID_SCHEMA } from '../params.js';
import { errorResponses, page, PUBLIC } from '../schemas/responses.js';

const EVENT_ID = { type: 'string', pattern: '^e[0-9a-f]{12}$' } as const;
const CLAIM_ID = { type: 'string', pattern: '^c[0-9a-f]{12}$' } as const;
const NOTE = {
  type: 'string',
  maxLength: 2000,
  description: "the reviewer's reason, kept with the review",
} as const;
const listOf = (values: readonly string[]) => `^(${values.join('|')})(,(${values.join('|')}))*$`;

interface CreateBody {
  target_kind: 'fact' | 'claim';
  target_id: string;
  action: 'confirm' | 'correct' | 'reject';
  changes?: Record<string, unknown>;
  note?: string;
}

interface ListQuery {
  target_kind?: ReviewTarget;
  target_id?: string;
  action?: string;
  reviewer?: string;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

const EVENT_PARAMS = {
  type: 'object',
  properties: { id: EVENT_ID },
  required: ['id'],
  additionalProperties: false,
} as const;

const dayStart = (d: string) => Date.parse(`${d}T00:00:00Z`);

export function reviewRoutes(app: FastifyInstance, ctx: ServeContext): void {
  const review = requireToken(ctx.store, 'review');

  app.post<{ Body: CreateBody }>(
    '/api/reviews',
    {
      onRequest: review,
      schema: {
        summary: 'Confirm, correct or reject a fact or a claim',
        description:
          'Needs a token with scope review. A claim review applies to every fact of the claim. A review replaces the earlier review of the same target; both are in the audit log. Reviews are written over the facts again when an article is extracted anew or the store is clustered again; a rejected figure is also suppressed in syndicated copies (the same sentence with the same figure in another article).',
        operationId: 'createReview',
        tags: ['reviews'],
        security: SECURITY,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['target_kind', 'target_id', 'action'],
          properties: {
            target_kind: { type: 'string', enum: ['fact', 'claim'] },
            target_id: {
              type: 'string',
              pattern: '^([1-9][0-9]{0,9}|c[0-9a-f]{12})$',
              description: 'a fact id (digits) or a claim id (c…)',
            },
            action: { type: 'string', enum: ['confirm', 'correct', 'reject'] },
            changes: { $ref: 'Corrections#' },
            note: NOTE,
          },
        },
        response: {
          201: { description: 'The review as stored', $ref: 'Review#' },
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (req, reply) => {
      const { target_kind, target_id, action, changes, note } = req.body;
      const by = tokenName(req);
      const input = { action, changes, note: note ?? null };
      let result;
      if (target_kind === 'fact') {
        const id = Number(target_id);
        if (!/^[0-9]+$/.test(target_id) || !Number.isSafeInteger(id) || id > ID_SCHEMA.maximum)
          throw new DmonError('USAGE', `target_id ${JSON.stringify(target_id)} is not a fact id (digits)`);
        result = await ctx.store.reviews.reviewFact(id, input, by);
      } else {
        if (!/^c[0-9a-f]{12}$/.test(target_id))
          throw new DmonError(
            'USAGE',
            `target_id ${JSON.stringify(target_id)} is not a claim id (c + 12 hex digits)`,
          );
        result = await ctx.store.reviews.reviewClaim(target_id, input, by);
      }
      return reply.status(201).header('location', `/api/reviews/${result.id}`).send(result);
    },
  );

  app.get<{ Querystring: ListQuery }>(
    '/api/reviews',
    {
      schema: {
        summary: 'Current reviews, most recently changed first; cursor pagination',
        operationId: 'listReviews',
        tags: ['reviews'],
        security: PUBLIC,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            target_kind: { type: 'string', enum: [...REVIEW_TARGETS] },
            target_id: { type: 'string', maxLength: 40, description: 'the id the review was made on' },
            action: {
              type: 'string',
              pattern: listOf(REVIEW_ACTIONS),
              description: `comma-separated: ${REVIEW_ACTIONS.join(', ')}`,
            },
            reviewer: { type: 'string', maxLength: 64, description: "the reviewer's token name" },
            from: {
              type: 'string',
              format: 'date',
              description: 'YYYY-MM-DD: changed on or after this day (UTC)',
            },
            to: {
              type: 'string',
              format: 'date',
              description: 'YYYY-MM-DD: changed on or before this day (UTC)',
            },
            ...PAGE_SCHEMA,
          },
        },
        response: { 200: page({ $ref: 'Review#' }, 'A page of reviews'), ...errorResponses(400) },
      },
    },
    async (req) => {
      const q = req.query;
      const filter: ReviewFilter = {};
      if (q.target_kind) filter.targetKind = q.target_kind;
      if (q.target_id) filter.targetId = q.target_id;
      if (q.action) filter.action = q.action.split(',') as ReviewAction[];
      if (q.reviewer) filter.reviewer = q.reviewer;
      if (q.from) filter.since = dayStart(q.from);
      if (q.to) filter.until = dayStart(q.to) + 86_400_000 - 1;
      return ctx.store.reviews.list(filter, { limit: q.limit, cursor: q.cursor });
    },
  );

  app.get<{ Querystring: Omit<ListQuery, 'reviewer' | 'from' | 'to'> & { actor?: string } }>(
    '/api/reviews/log',
    {
      onRequest: requireToken(ctx.store, 'read'),
      schema: {
        summary:
          'The audit log: every review, merge and split with who, when, and the target before and after',
        description: 'Needs a token (any scope: read, review or admin). Newest first; cursor pagination.',
        operationId: 'listAuditLog',
        tags: ['reviews'],
        security: SECURITY,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            target_kind: { type: 'string', enum: [...REVIEW_TARGETS] },
            target_id: { type: 'string', maxLength: 40 },
            action: {
              type: 'string',
              pattern: listOf(REVIEW_ACTIONS),
              description: `comma-separated: ${REVIEW_ACTIONS.join(', ')}`,
            },
            actor: { type: 'string', maxLength: 64, description: "the token's name" },
            ...PAGE_SCHEMA,
          },
        },
        response: {
          200: page({ $ref: 'AuditEntry#' }, 'A page of the audit log'),
          ...errorResponses(400, 401),
        },
      },
    },
    async (req) => {
      const q = req.query;
      return ctx.store.reviews.log(
        {
          ...(q.target_kind ? { targetKind: q.target_kind } : {}),
          ...(q.target_id ? { targetId: q.target_id } : {}),
          ...(q.action ? { action: q.action.split(',') as ReviewAction[] } : {}),
          ...(q.actor ? { actor: q.actor } : {}),
        },
        { limit: q.limit, cursor: q.cursor },
      );
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/reviews/:id',
    {
      schema: {
        summary: 'One review',
        operationId: 'getReview',
        tags: ['reviews'],
        security: PUBLIC,
        params: {
          type: 'object',
          properties: { id: ID_SCHEMA },
          required: ['id'],
          additionalProperties: false,
        },
        response: { 200: { description: 'The review', $ref: 'Review#' }, ...errorResponses(400, 404) },
      },
    },
    async (req) => {
      const r = await ctx.store.reviews.get(req.params.id);
      if (!r) throw new DmonError('NOT_FOUND', `review ${req.params.id} does not exist`);
      return r;
    },
  );

  app.post<{ Params: { id: string }; Body: { other: string; note?: string } }>(
    '/api/events/:id/merge',
    {
      onRequest: review,
      schema: {
        summary: 'Merge another event into this one, which keeps its id',
        description:
          'Needs a token with scope review. The merge names the claims of both events, so it holds when the store is clustered again; the other event id stops existing.',
        operationId: 'mergeEvents',
        tags: ['reviews'],
        security: SECURITY,
        params: EVENT_PARAMS,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['other'],
          properties: { other: { ...EVENT_ID, description: 'the event merged into this one' }, note: NOTE },
        },
        response: {
          200: {
            description: 'The review and the merged event',
            type: 'object',
            required: ['review', 'event'],
            properties: {
              review: { $ref: 'Review#' },
              event: { type: ['object', 'null'], description: 'the merged event (as GET /api/events/:id)' },
            },
          },
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (req) => {
      const r = await ctx.store.reviews.merge(
        req.params.id,
        req.body.other,
        req.body.note ?? null,
        tokenName(req),
      );
      return { review: r, event: await ctx.store.events.get(req.params.id) };
    },
  );

  app.post<{ Params: { id: string }; Body: { claims: string[]; note?: string } }>(
    '/api/events/:id/split',
    {
      onRequest: review,
      schema: {
        summary: 'Move some claims of this event into a new event',
        description:
          'Needs a token with scope review. The event keeps its id and the claims left; the new event id is fixed by the split, so it holds when the store is clustered again.',
        operationId: 'splitEvent',
        tags: ['reviews'],
        security: SECURITY,
        params: EVENT_PARAMS,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['claims'],
          properties: {
            claims: {
              type: 'array',
              items: CLAIM_ID,
              minItems: 1,
              maxItems: 1000,
              description: 'claims to move',
            },
            note: NOTE,
          },
        },
        response: {
          201: {
            description: 'The review, the event and the new event',
            type: 'object',
            required: ['review', 'event', 'new_event'],
            properties: {
              review: { $ref: 'Review#' },
              event: { type: ['object', 'null'], description: 'the event with the claims left' },
              new_event: { type: ['object', 'null'], description: 'the new event with the claims moved' },
            },
          },
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (req, reply) => {
      const r = await ctx.store.reviews.split(
        req.params.id,
        req.body.claims,
        req.body.note ?? null,
        tokenName(req),
      );
      const newId = String((r.changes ?? {}).new_event_id);
      return reply.status(201).send({
        review: r,
        event: await ctx.store.events.get(req.params.id),
        new_event: await ctx.store.events.get(newId),
      });
    },
  );
}
