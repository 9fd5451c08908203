import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ParleyError } from '../errors.js';
import type { AuditLog } from '../registry/audit-log.js';
import { PERMISSIONS, type Me, type Permission, type Role } from '../api-types.js';
import type { UserDirectory } from './users.js';

/** Who is calling, once authenticated: what GET /api/v1/auth/me answers. */
export type Principal = Me;

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** The permission a fleet route needs; default: fleet:read for GET, fleet:write otherwise. */
    permission?: Permission;
  }
}

export const SESSION_COOKIE = 'parley_session';

export function sessionCookieOf(request: FastifyRequest): string | null {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return null;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return rest.join('=') || null;
  }
  return null;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

export interface AccessOptions {
  users: UserDirectory;
  /** The bootstrap admin token (config or `<dataDir>/admin-token`): acts as role admin. */
  adminToken: string;
  audit: AuditLog;
}

/**
 * A preHandler that authenticates (Bearer admin token, Bearer API token,
 * or the session cookie) and then checks the route's permission against
 * the caller's role. Refusals are audited (api.auth.failed, api.forbidden).
 */
export function accessControl(options: AccessOptions) {
  const adminDigest = digest(options.adminToken);
  const record = (request: FastifyRequest, action: string, actor: string, details: Record<string, unknown>) => {
    void options.audit
      .append({ actor, action, target: request.url.slice(0, 200), source: request.ip, outcome: 'denied', details, atMs: Date.now() })
      .catch((err: unknown) => request.log.error({ err }, 'could not write the audit log'));
  };
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    request.principal = authenticate(request, options, adminDigest);
    if (!request.principal) {
      record(request, 'api.auth.failed', 'anonymous', {});
      throw new ParleyError('UNAUTHORIZED', 'send Authorization: Bearer <token> or log in');
    }
    const permission: Permission = request.routeOptions.config.permission ?? (request.method === 'GET' || request.method === 'HEAD' ? 'fleet:read' : 'fleet:write');
    if (!(PERMISSIONS[permission] as readonly Role[]).includes(request.principal.role)) {
      record(request, 'api.forbidden', request.principal.actor, { permission, role: request.principal.role, method: request.method });
      throw new ParleyError('FORBIDDEN', `${permission} is not granted to role ${request.principal.role}`);
    }
    // A cookie session is a browser: refuse cross-site writes (SameSite=Strict is the first line).
    if (request.principal.via === 'session' && request.method !== 'GET' && request.method !== 'HEAD') {
      const origin = request.headers.origin;
      if (typeof origin === 'string' && hostOf(origin) !== request.headers.host) {
        record(request, 'api.forbidden', request.principal.actor, { reason: 'cross_origin', origin: origin.slice(0, 200) });
        throw new ParleyError('FORBIDDEN', 'cross-origin request');
      }
    }
  };
}

function authenticate(request: FastifyRequest, options: AccessOptions, adminDigest: Buffer): Principal | null {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const match = /^Bearer ([^\s]+)$/.exec(header);
    if (!match) return null;
    const token = match[1]!;
    if (timingSafeEqual(digest(token), adminDigest)) return { actor: 'admin', role: 'admin', userId: null, via: 'admin-token' };
    const user = options.users.byToken(token);
    return user ? { actor: `user:${user.id}`, role: user.role, userId: user.id, via: 'api-token' } : null;
  }
  const session = sessionCookieOf(request);
  if (session) {
    const user = options.users.bySession(session);
    return user ? { actor: `user:${user.id}`, role: user.role, userId: user.id, via: 'session' } : null;
  }
  return null;
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
