// The HTTP API (fastify): small route modules, validation at the edge from JSON schemas, one
// error handler, and an OpenAPI document generated from the same schemas.
import cors from '@fastify/cors';
import swagger from '@fastify/swagger';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
} from 'fastify';
import type { ServeContext } from './context.js';
import { installEdgeGuards } from './edgeGuards.js';
import { installErrorHandlers } from './errors.js';
import { installHttpHabits } from './httpHabits.js';
import { sendProblem } from './problem.js';
import { installRateLimits } from './rateLimits.js';
import { MODEL_SCHEMAS } from './schemas/model.js';
import { alertRoutes } from './routes/alerts.js';
import { articleRoutes } from './routes/articles.js';
import { claimRoutes } from './routes/claims.js';
import { eventRoutes } from './routes/events.js';
import { exportRoutes } from './routes/export.js';
import { factRoutes } from './routes/facts.js';
import { feedRoutes } from './routes/feeds.js';
import { healthRoutes } from './routes/health.js';
import { reviewRoutes } from './routes/reviews.js';
import { REVIEW_SCHEMAS } from './schemas/review.js';
import { summaryRoutes } from './routes/summaries.js';
import { installSecurityHeaders, securityHeaders, type CspDirectives } from './securityHeaders.js';
import { webRoutes } from './web.js';

export interface AppOptions {
  /** Origins allowed by CORS; empty or absent = CORS off. */
  corsOrigins?: string[];
  /** Where errors (and with `logRequests`, every request) are logged: a pino logger (default none). */
  logger?: FastifyBaseLogger;
  /** Log every request and response (default false). */
  logRequests?: boolean;
  /** Largest request body, bytes (default 4 MiB). */
  bodyLimit?: number;
  /** Requests per minute per non-loopback client (default 600; 0 = no limit); writes get a tenth. */
  rateLimitPerMinute?: number;
  /** CSP directives added to or replacing the default policy (securityHeaders.ts). */
  contentSecurityPolicy?: CspDirectives;
  /** The built dashboard served at `/` (default web/dist of this checkout or package). */
  webDir?: string;
}

export async function buildApp(ctx: ServeContext, options: AppOptions = {}): Promise<FastifyInstance> {
  const headers = securityHeaders(options.contentSecurityPolicy);
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    logController: new LogController({ disableRequestLogging: options.logRequests !== true }),
    bodyLimit: options.bodyLimit ?? 4 * 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, useDefaults: true } },
    // A path that is not valid percent-encoding (or an unsupported Content-Type) is answered
    // before routing; give it the API's error shape too.
    frameworkErrors: (err, req, reply) => {
      headers(req.raw, reply.raw);
      void sendProblem(req, reply as FastifyReply, 400, 'USAGE', err.message);
    },
  });
  installErrorHandlers(app, ctx.store.where);
  installEdgeGuards(app);
  installSecurityHeaders(app, headers);
  await installRateLimits(app, { perMinute: options.rateLimitPerMinute ?? 600 });
  await installHttpHabits(app);
  // Response schemas document the API (OpenAPI) and are checked against real responses in
  // openapi.test.ts; they do not serialise, so a field is never silently dropped from a reply.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  for (const schema of [...MODEL_SCHEMAS, ...REVIEW_SCHEMAS]) app.addSchema(schema);
  if (options.corsOrigins?.length) await app.register(cors, { origin: options.corsOrigins });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Displacement Monitor API',
        version: ctx.version,
        description: 'Displacement figures read from news and reports, with their evidence.',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      servers: [
        {
          url: 'http://{host}:{port}',
          description: '`dmon serve` (HOST and PORT; 127.0.0.1:8080 by default)',
          variables: { host: { default: '127.0.0.1' }, port: { default: '8080' } },
        },
      ],
      tags: [
        { name: 'meta', description: 'What the API offers and whether its store answers' },
        { name: 'articles', description: 'Articles read, and submitting new ones' },
        { name: 'facts', description: 'Displacement figures with their evidence, and exports' },
        { name: 'summaries', description: 'Facts per country and per period' },
        { name: 'feeds', description: 'The feeds the monitor polls' },
        { name: 'claims', description: 'One figure as reported by one or more sources' },
        {
          name: 'events',
          description: 'Displacement episodes with a recommended figure, and monthly figures',
        },
        { name: 'alerts', description: 'Rises in displacement for an analyst to triage' },
        {
          name: 'reviews',
          description: 'Analysts confirm, correct or reject figures, merge and split events; the audit log',
        },
      ],
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description:
              'a token from `dmon tokens create --name NAME --scope read|review|admin`; each scope allows what the ones before it do',
          },
        },
      },
    },
    // Named components (Fact, Article, Error, …) instead of def-0, def-1: what client generators name types after.
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(async (api) => {
    healthRoutes(api, ctx);
    articleRoutes(api, ctx);
    factRoutes(api, ctx);
    claimRoutes(api, ctx);
    eventRoutes(api, ctx);
    summaryRoutes(api, ctx);
    exportRoutes(api, ctx);
    feedRoutes(api, ctx);
    alertRoutes(api, ctx);
    reviewRoutes(api, ctx);
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await webRoutes(app, options.webDir);
  await app.ready();
  return app;
}
