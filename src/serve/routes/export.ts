import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { CONTENT_TYPES, EXPORT_FORMATS, streamExport, type ExportFormat } from '../../export/index.js';
import type { ServeContext } from '../context.js';
import { errorResponses, PUBLIC } from '../schemas/responses.js';
import { FACT_QUERY_SCHEMA, parseFactQuery, type FactQuery } from '../params.js';

export function exportRoutes(app: FastifyInstance, ctx: ServeContext): void {
  app.get<{ Querystring: FactQuery & { format: ExportFormat } }>(
    '/api/export',
    {
      schema: {
        summary: 'All matching facts as CSV or XLSX (with HXL hashtags), GeoJSON or JSON Lines, streamed',
        description:
          'The CSV starts with a UTF-8 byte order mark; CSV and XLSX have a header row, then an HXL hashtag row (see the README for every column).',
        operationId: 'exportFacts',
        tags: ['facts'],
        security: PUBLIC,
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['format'],
          properties: { ...FACT_QUERY_SCHEMA, format: { type: 'string', enum: [...EXPORT_FORMATS] } },
        },
        response: {
          200: {
            description: 'The export, as an attachment (dmon-facts.csv, .xlsx, .geojson or .jsonl)',
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
      const { format, ...rest } = req.query;
      const filter = parseFactQuery(rest);
      const ext = format === 'geojson' ? 'geojson' : format;
      reply
        .type(CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="dmon-facts.${ext}"`);
      const chunks = streamExport(ctx.store, filter, format);
      return reply.send(chunks instanceof Readable ? chunks : Readable.from(chunks));
    },
  );
}
