import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { CONTENT_TYPES, EXPORT_FORMATS, streamExport, type ExportFormat } from '../../export/index.js';
import type { ServeContext } from '../context.js';
import { FACT_QUERY_SCHEMA, parseFactQuery, type FactQuery } from '../params.js';

export function exportRoutes(app: FastifyInstance, ctx: ServeContext): void {
  app.get<{ Querystring: FactQuery & { format: ExportFormat } }>(
    '/api/export',
    {
      schema: {
        summary: 'All matching facts as CSV or XLSX (with HXL hashtags), GeoJSON or JSON Lines, streamed',
        tags: ['facts'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['format'],
          properties: { ...FACT_QUERY_SCHEMA, format: { type: 'string', enum: [...EXPORT_FORMATS] } },
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
