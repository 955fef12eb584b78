// One error handler: DmonError → its status and code; schema validation → 400 naming the
// parameter; anything else → 500 without internals. Every error is RFC 9457 problem details
// (application/problem+json, see ./problem.ts) that also carry { "error": { "code", "message" } }.
import type { FastifyError, FastifyInstance } from 'fastify';
import { isDmonError } from '../errors.js';
import { isUnreachable, isUnwritable } from '../store/availability.js';
import { sendProblem } from './problem.js';

interface ValidationItem {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

function validationMessage(err: FastifyError): string {
  const v = (err.validation as ValidationItem[] | undefined)?.[0];
  const where = (err as FastifyError & { validationContext?: string }).validationContext ?? 'request';
  if (!v) return err.message;
  const name = v.instancePath ? v.instancePath.replace(/^\//, '').replace(/\//g, '.') : '';
  if (v.keyword === 'additionalProperties')
    return `${where} has an unknown parameter "${String(v.params?.additionalProperty)}"`;
  if (v.keyword === 'required')
    return `${where} is missing the required parameter "${String(v.params?.missingProperty)}"`;
  if (v.keyword === 'enum')
    return `${where} parameter "${name}" must be one of: ${(v.params?.allowedValues as string[]).join(', ')}`;
  if (v.keyword === 'format' && v.params?.format === 'date')
    return `${where} parameter "${name}" must be a date, YYYY-MM-DD (e.g. 2024-03-01)`;
  return `${where} parameter "${name}" ${v.message ?? 'is invalid'}`;
}

/** Connection-level failures of the database (PostgreSQL down, SQLite file locked for too long). */
function storeUnreachable(err: unknown): boolean {
  const code = String((err as { code?: unknown }).code ?? '');
  return isUnreachable(err) || code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

/** `where` names the store (file path or postgres://host/db) in messages about it. */
export function installErrorHandlers(app: FastifyInstance, where: string): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (isDmonError(err)) return sendProblem(req, reply, err.status, err.code, err.message);
    if (err.validation) return sendProblem(req, reply, 400, 'USAGE', validationMessage(err));
    if (storeUnreachable(err)) {
      req.log.error(err);
      return sendProblem(req, reply, 503, 'STORE_FAILED', 'the database is unreachable; try again shortly');
    }
    if (isUnwritable(err)) {
      req.log.error(err);
      return sendProblem(
        req,
        reply,
        503,
        'STORE_FAILED',
        `cannot write to the store at ${where}: ${err.message}; free disk space or make it writable, then try again`,
      );
    }
    const status = err.statusCode ?? 500;
    if (status < 500) {
      const code =
        status === 413
          ? 'INPUT_TOO_LARGE'
          : status === 415
            ? 'INPUT_BINARY'
            : status === 404
              ? 'NOT_FOUND'
              : 'USAGE';
      return sendProblem(req, reply, status, code, err.message);
    }
    req.log.error(err);
    return sendProblem(req, reply, 500, 'INTERNAL', 'internal error; the server log has the details');
  });
  app.setNotFoundHandler((req, reply) =>
    sendProblem(
      req,
      reply,
      404,
      'NOT_FOUND',
      `no route ${req.method} ${req.url.split('?')[0]}; see /api/openapi.json`,
    ),
  );
}
