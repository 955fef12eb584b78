// Bearer-token check for every write route. Tokens are created with `dmon tokens create`.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DmonError } from '../errors.js';
import type { Store } from '../store/index.js';

export function requireToken(store: Store) {
  return async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const header = req.headers.authorization;
    if (!header)
      throw new DmonError(
        'UNAUTHORIZED',
        'this request needs a bearer token: send "Authorization: Bearer <token>" (create one with `dmon tokens create --name NAME`).',
      );
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) throw new DmonError('UNAUTHORIZED', 'the Authorization header must be "Bearer <token>".');
    const name = await store.tokens.verify(m[1]!);
    if (!name) throw new DmonError('UNAUTHORIZED', 'the bearer token is unknown or revoked.');
    (req as FastifyRequest & { tokenName?: string }).tokenName = name;
  };
}

export const SECURITY = [{ bearer: [] as string[] }];
