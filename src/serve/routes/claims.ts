// GET /api/claims, /api/claims/:id: figures as reported by one or more sources.
import type { FastifyInstance } from 'fastify';
import { DmonError } from '../../errors.js';
import { CLAIM_QUERY_SCHEMA, PAGE_SCHEMA, parseClaimQuery, type ClaimQuery } from '../claimParams.js';
import type { ServeContext } from '../context.js';
import { errorResponses, page, PUBLIC } from '../schemas/responses.js';

export function claimRoutes(app: FastifyInstance, ctx: ServeContext): void {
  app.get<{ Querystring: ClaimQuery & { limit?: number; cursor?: string } }>(
    '/api/claims',
    {
      schema: {
        summary: 'Claims (one figure with all the facts that report it), newest first; cursor pagination',
        operationId: 'listClaims',
        tags: ['claims'],
        security: PUBLIC,
        response: {
          200: page(
            {
              type: 'object',
              description: 'a claim: one figure, term and place with the sources that report it',
            },
            'A page of claims',
          ),
          ...errorResponses(400),
        },
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { ...CLAIM_QUERY_SCHEMA, ...PAGE_SCHEMA },
        },
      },
    },
    async (req) => {
      const { limit, cursor, ...rest } = req.query;
      return ctx.store.claims.list(parseClaimQuery(rest), { limit, cursor });
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/claims/:id',
    {
      schema: {
        summary: 'One claim with its independent sources and every report behind each',
        operationId: 'getClaim',
        tags: ['claims'],
        security: PUBLIC,
        response: {
          200: {
            description: 'The claim',
            type: 'object',
          },
          ...errorResponses(400, 404),
        },
        params: {
          type: 'object',
          properties: { id: { type: 'string', pattern: '^c[0-9a-f]{12}$' } },
          required: ['id'],
          additionalProperties: false,
        },
      },
    },
    async (req) => {
      const claim = await ctx.store.claims.get(req.params.id);
      if (!claim) throw new DmonError('NOT_FOUND', `claim ${req.params.id} does not exist`);
      return claim;
    },
  );
}
