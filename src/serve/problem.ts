// Errors as RFC 9457 problem details (`application/problem+json`): `type`, `title`, `status`,
// `detail` and `instance`, plus this API's stable `code` — and, for clients written against the
// earlier shape, the same code and message under `error`.
import { STATUS_CODES } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const PROBLEM_JSON = 'application/problem+json; charset=utf-8';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  error: { code: string; message: string };
}

export function problem(status: number, code: string, message: string, url: string): Problem {
  return {
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail: message,
    instance: url.split('?')[0] ?? url,
    code,
    error: { code, message },
  };
}

/** Sends an error as problem details. */
export function sendProblem(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
): FastifyReply {
  return reply
    .status(status)
    .type(PROBLEM_JSON)
    .send(problem(status, code, message, req.url));
}
