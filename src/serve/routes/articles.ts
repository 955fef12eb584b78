import type { FastifyInstance } from 'fastify';
import { DmonError } from '../../errors.js';
import { requireToken, SECURITY } from '../auth.js';
import type { ServeContext, SubmitInput } from '../context.js';
import { ID_PARAMS, ID_SCHEMA } from '../params.js';
import { errorResponses, page, PUBLIC } from '../schemas/responses.js';

const SUBMIT_RESULT = {
  type: 'object',
  required: ['status', 'article_id', 'job_id'],
  properties: {
    status: { type: 'string', enum: ['queued', 'stored', 'duplicate', 'exists'] },
    article_id: { type: ['integer', 'null'] },
    job_id: { type: ['integer', 'null'] },
    duplicate_of: { type: ['integer', 'null'] },
  },
} as const;

export function articleRoutes(app: FastifyInstance, ctx: ServeContext): void {
  app.get<{
    Querystring: {
      status?: 'pending' | 'extracted' | 'duplicate' | 'failed';
      source?: number;
      q?: string;
      limit?: number;
      cursor?: string;
    };
  }>(
    '/api/articles',
    {
      schema: {
        summary: 'Articles, newest first',
        operationId: 'listArticles',
        tags: ['articles'],
        security: PUBLIC,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            status: { type: 'string', enum: ['pending', 'extracted', 'duplicate', 'failed'] },
            source: { ...ID_SCHEMA, description: 'feed id' },
            q: { type: 'string', minLength: 1, maxLength: 200, description: 'text in the title' },
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
            cursor: { type: 'string', maxLength: 200 },
          },
        },
        response: { 200: page({ $ref: 'Article#' }, 'A page of articles'), ...errorResponses(400) },
      },
    },
    async (req) => {
      const { status, source, q, limit, cursor } = req.query;
      return ctx.store.articles.list({ status, sourceId: source, q, limit, cursor });
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/articles/:id',
    {
      schema: {
        summary: 'One article: its text and the facts read from it, with their spans',
        operationId: 'getArticle',
        tags: ['articles'],
        security: PUBLIC,
        params: ID_PARAMS,
        response: {
          200: { description: 'The article, its text and its facts', $ref: 'ArticleDetail#' },
          ...errorResponses(400, 404),
        },
      },
    },
    async (req) => {
      const article = await ctx.store.articles.get(req.params.id);
      if (!article) throw new DmonError('NOT_FOUND', `article ${req.params.id} does not exist`);
      const { sh0: _0, sh1: _1, sh2: _2, sh3: _3, ...rest } = article;
      return { ...rest, facts: await ctx.store.facts.forArticle(article.id) };
    },
  );

  app.post<{ Body: SubmitInput }>(
    '/api/articles',
    {
      onRequest: requireToken(ctx.store),
      schema: {
        summary: 'Submit a URL to fetch, or a text, for extraction',
        operationId: 'submitArticle',
        tags: ['articles'],
        security: SECURITY,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            url: { type: 'string', minLength: 1, maxLength: 4000 },
            text: { type: 'string', minLength: 1, maxLength: 2_000_000 },
            title: { type: 'string', maxLength: 1000 },
            published: { type: 'string', format: 'date' },
            lang: { type: 'string', pattern: '^[a-z]{2,3}$' },
          },
          anyOf: [{ required: ['url'] }, { required: ['text'] }],
        },
        response: {
          200: { description: 'Already known: nothing new was stored', ...SUBMIT_RESULT },
          201: {
            description:
              'A text stored at once (or linked to the article it copies); `Location` is the article',
            headers: { Location: { type: 'string', description: '/api/articles/{id}' } },
            ...SUBMIT_RESULT,
          },
          202: { description: 'Queued: a job will fetch and extract the URL', ...SUBMIT_RESULT },
          ...errorResponses(400, 401, 403, 413, 415),
        },
      },
    },
    async (req, reply) => {
      if (!ctx.submit) throw new DmonError('STORE_FAILED', 'this server does not accept submissions');
      const result = await ctx.submit(req.body);
      if (result.status === 'queued') return reply.status(202).send(result);
      if ((result.status === 'stored' || result.status === 'duplicate') && result.article_id !== null)
        reply.status(201).header('location', `/api/articles/${result.article_id}`);
      return reply.send(result);
    },
  );
}
