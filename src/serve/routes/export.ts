import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import {
  CONTENT_TYPES,
  EXPORT_FORMATS,
  EXPORT_LEVELS,
  exportFileName,
  streamExport,
  type ExportFormat,
  type ExportLevel,
} from '../../export/index.js';
import type { ServeContext } from '../context.js';
import { errorResponses, PUBLIC } from '../schemas/responses.js';
import { FACT_QUERY_SCHEMA, parseFactQuery, type FactQuery } from '../params.js';

export function exportRoutes(app: FastifyInstance, ctx: ServeContext): void {
  app.get<{ Querystring: FactQuery & { format: ExportFormat; level?: ExportLevel } }>(
    '/api/export',
    {
      schema: {
        summary:
          'All matching facts, claims or events as CSV or XLSX (with HXL hashtags), GeoJSON or JSON Lines, streamed',
        description:
          'The CSV starts with a UTF-8 byte order mark; CSV and XLSX have a header row, then an HXL hashtag row (see the README for every column). `level` chooses one row per fact (default), per claim (a figure with all its sources) or per event (its recommended figure and reason); claims take the country, term, cause, hazard, from and to filters, events the same without term, and a filter a level cannot take is a 400.',
        operationId: 'exportFacts',
        tags: ['facts'],
        security: PUBLIC,
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['format'],
          properties: {
            ...FACT_QUERY_SCHEMA,
            format: { type: 'string', enum: [...EXPORT_FORMATS] },
            level: {
              type: 'string',
              enum: [...EXPORT_LEVELS],
              default: 'fact',
              description: 'one row per fact, claim or event',
            },
          },
        },
        response: {
          200: {
            description:
              'The export, as an attachment (dmon-facts.csv, dmon-claims.geojson, dmon-events.xlsx, …)',
            content: {
              [CONTENT_TYPES.csv]: { schema: { type: 'string' } },
              [CONTENT_TYPES.xlsx]: { schema: { type: 'string', format: 'binary' } },
              [CONTENT_TYPES.geojson]: {
                schema: { type: 'object', description: 'a GeoJSON FeatureCollection' },
              },
              [CONTENT_TYPES.jsonl]: { schema: { type: 'string', description: 'one JSON object per line' } },
            },
          },
          ...errorResponses(400),
        },
      },
    },
    async (req, reply) => {
      const { format, level = 'fact', ...rest } = req.query;
      const filter = parseFactQuery(rest);
      // A filter the level cannot take throws here, before the headers are sent.
      const chunks = streamExport(ctx.store, filter, format, level);
      reply
        .type(CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="${exportFileName(level, format)}"`);
      return reply.send(chunks instanceof Readable ? chunks : Readable.from(chunks));
    },
  );
}
