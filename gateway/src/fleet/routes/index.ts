import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { requireAdminToken } from '../../http/admin-auth.js';
import type { AuditLog } from '../../registry/audit-log.js';
import type { Actor, DeviceRegistry } from '../../registry/device-registry.js';
import type { Fleet } from '../fleet.js';
import { alertRoutes } from './alert-routes.js';
import { commandRoutes } from './command-routes.js';
import { configRoutes } from './config-routes.js';
import { directoryRoutes } from './directory-routes.js';
import { healthRoutes } from './health-routes.js';
import { provisioningRoutes } from './provisioning-routes.js';

export interface FleetRouteOptions {
  fleet: Fleet;
  registry: DeviceRegistry;
  audit: AuditLog;
  adminToken: string;
  isOnline: (deviceId: string) => boolean;
}

/** Who made an API request, for the audit log. */
export function actorOf(request: FastifyRequest): Actor {
  return { actor: 'admin', source: request.ip };
}

/** The fleet HTTP API under /api/v1, behind the admin bearer token (refusals audited). */
export const fleetRoutes: FastifyPluginAsync<FleetRouteOptions> = async (app, options) => {
  app.addHook(
    'preHandler',
    requireAdminToken(options.adminToken, (request) => {
      void options.audit
        .append({ actor: 'anonymous', action: 'api.auth.failed', target: request.url.slice(0, 200), source: request.ip, outcome: 'denied', atMs: Date.now() })
        .catch((err: unknown) => request.log.error({ err }, 'could not write the audit log'));
    }),
  );
  await app.register(directoryRoutes, options);
  await app.register(provisioningRoutes, options);
  await app.register(configRoutes, options);
  await app.register(commandRoutes, options);
  await app.register(healthRoutes, options);
  await app.register(alertRoutes, options);
};
