// Checks the JSON schemas cannot express, on every request, before any route sees it:
// - NUL characters in any string (PostgreSQL refuses them inside text and answered 500);
// - numbers that are not finite: ajv coerces "Infinity" to a number that slips past
//   `minimum`/`maximum`, and the database then fails on it.
// Each refusal is a 400 naming the parameter, in the API's error shape.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DmonError } from '../errors.js';

type Where = 'querystring' | 'params' | 'body';

/** The first offending value under `value`, as a dotted path, or null. */
function findBad(value: unknown, path: string, depth: number, bad: (v: unknown) => boolean): string | null {
  if (bad(value)) return path;
  if (depth > 8 || value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const found = findBad(v, path ? `${path}.${k}` : k, depth + 1, bad);
    if (found !== null) return found;
  }
  return null;
}

const hasNul = (v: unknown) => typeof v === 'string' && v.includes('\u0000');
const notFinite = (v: unknown) => typeof v === 'number' && !Number.isFinite(v);

function parts(req: FastifyRequest): [Where, unknown][] {
  return [
    ['querystring', req.query],
    ['params', req.params],
    ['body', req.body],
  ];
}

export function installEdgeGuards(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    for (const [where, value] of parts(req)) {
      const name = findBad(value, '', 0, hasNul);
      if (name !== null)
        throw new DmonError(
          'USAGE',
          `${where} parameter "${name}" contains a NUL character (\\u0000); remove it and send the request again`,
        );
    }
  });
  app.addHook('preHandler', async (req) => {
    for (const [where, value] of parts(req)) {
      const name = findBad(value, '', 0, notFinite);
      if (name !== null) throw new DmonError('USAGE', `${where} parameter "${name}" must be a finite number`);
    }
  });
}
