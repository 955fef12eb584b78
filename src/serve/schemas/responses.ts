// Response declarations shared by the route schemas: the error shape under each status a route
// can answer with, paged lists, and "no bearer token needed" for the public routes.
const ERROR_MEANING: Record<number, string> = {
  400: 'Bad parameter or body (code USAGE and others): the message names it and what is allowed',
  401: 'Missing, malformed, unknown or revoked bearer token (code UNAUTHORIZED)',
  403: "The token's scope does not allow this (code FORBIDDEN): read < review < admin",
  404: 'No such resource (code NOT_FOUND)',
  409: 'The request conflicts with what is stored (code CONFLICT); the message says what to do',
  413: 'Body too large (code INPUT_TOO_LARGE)',
  415: 'Body is not JSON, or the text is binary (code INPUT_BINARY)',
  422: 'The URL answered with no feed the monitor can read (code FEED_INVALID)',
  429: 'Too many requests from this client in a minute (code RATE_LIMITED; writes have a tenth of the budget)',
  500: 'Internal error; the server log has the details (code INTERNAL or STORE_FAILED)',
  502: 'The URL could not be fetched (code FETCH_FAILED)',
  503: 'The database is unreachable; try again shortly (code STORE_FAILED)',
};

/**
 * Problem details (application/problem+json, with `code` and `{error: {code, message}}`) under
 * each of `statuses`, plus 429, 500 and 503, which any route may give.
 */
export function errorResponses(...statuses: number[]): Record<number, unknown> {
  const out: Record<number, unknown> = {};
  for (const s of [...statuses, 429, 500, 503])
    out[s] = {
      description: ERROR_MEANING[s],
      content: { 'application/problem+json': { schema: { $ref: 'Error#' } } },
    };
  return out;
}

/** A page of items with the cursor of the next page (null on the last). */
export function page(items: unknown, description: string) {
  return {
    type: 'object',
    description,
    required: ['items', 'next'],
    properties: {
      items: { type: 'array', items },
      next: { type: ['string', 'null'], description: 'pass as `cursor` for the next page; null on the last' },
    },
  };
}

/** Public routes say so: no bearer token (the write routes use SECURITY from auth.ts). */
export const PUBLIC: { [scheme: string]: string[] }[] = [];
