// Bearer-token check for the routes that need one. Tokens are created with
// `dmon tokens create --name NAME [--scope read|review|admin]`; a scope allows what the ones
// before it do: read (the audit log) < review (reviews, merges, splits, alert triage, submitting
// articles) < admin (feeds). No token, a malformed header, an unknown or revoked token → 401;
// a live token whose scope is too small → 403. Routes run it as their onRequest hook, so a request
// without a good token is refused before its body is parsed or validated (no validation feedback,
// no work, for anonymous clients).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DmonError } from '../errors.js';
import type { Store } from '../store/index.js';
import { scopeAllows, type Scope } from '../store/queries/tokens.js';

export function requireToken(store: Store, needs: Scope = 'review') {
  return async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const header = req.headers.authorization;
    if (!header)
      throw new DmonError(
        'UNAUTHORIZED',
        `this request needs a bearer token with scope ${needs}: send "Authorization: Bearer <token>" (create one with \`dmon tokens create --name NAME --scope ${needs}\`).`,
      );
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) throw new DmonError('UNAUTHORIZED', 'the Authorization header must be "Bearer <token>".');
    const token = await store.tokens.check(m[1]!);
    if (!token) throw new DmonError('UNAUTHORIZED', 'the bearer token is unknown or revoked.');
    if (!scopeAllows(token.scope, needs))
      throw new DmonError(
        'FORBIDDEN',
        `token "${token.name}" has scope ${token.scope}; this request needs ${needs} (create a token with \`dmon tokens create --name NAME --scope ${needs}\`).`,
      );
    const r = req as FastifyRequest & { tokenName?: string; tokenScope?: Scope };
    r.tokenName = token.name;
    r.tokenScope = token.scope;
  };
}

/** The token's name, set by requireToken: who did it, for the audit log. */
export function tokenName(req: FastifyRequest): string {
  return (req as FastifyRequest & { tokenName?: string }).tokenName ?? 'unknown';
}

export const SECURITY = [{ bearer: [] as string[] }];
