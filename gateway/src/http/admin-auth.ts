import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ParleyError } from '../errors.js';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * A preHandler accepting only `Authorization: Bearer <admin token>`
 * (constant-time compare of SHA-256 digests, so length leaks nothing).
 * Used when the gateway is built without the fleet's access control
 * (which also accepts users' tokens and sessions, with roles).
 */
export function requireAdminToken(token: string, onRefused?: (request: FastifyRequest) => void) {
  const expected = digest(token);
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([^\s]+)$/.exec(header) : null;
    if (!match || !timingSafeEqual(digest(match[1]!), expected)) {
      onRefused?.(request);
      throw new ParleyError('UNAUTHORIZED', 'send Authorization: Bearer <admin token>');
    }
  };
}
