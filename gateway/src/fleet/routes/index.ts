import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AuditLog } from '../../registry/audit-log.js';
import type { Actor, DeviceRegistry } from '../../registry/device-registry.js';
import { accessControl } from '../access.js';
import type { Fleet } from '../fleet.js';
import { alertRoutes } from './alert-routes.js';
import { auditRoutes } from './audit-routes.js';
import { commandRoutes } from './command-routes.js';
import { configRoutes } from './config-routes.js';
import { directoryRoutes } from './directory-routes.js';
import { firmwareRoutes } from './firmware-routes.js';
import { fleetTableRoutes } from './fleet-table-routes.js';
import { healthRoutes } from './health-routes.js';
import { provisioningRoutes } from './provisioning-routes.js';
import { loginRoutes, userRoutes } from './user-routes.js';

export interface FleetRouteOptions {
  fleet: Fleet;
  registry: DeviceRegistry;
  audit: AuditLog;
  adminToken: string;
  isOnline: (deviceId: string) => boolean;
}

/** Who made an API request, for the audit log. */
export function actorOf(request: FastifyRequest): Actor {
  return { actor: request.principal?.actor ?? 'anonymous', source: request.ip };
}

/**
 * The fleet HTTP API under /api/v1. Login/logout are open; every other
 * route authenticates (admin token, API token or session cookie) and checks
 * the caller's role (see access.ts).
 */
export const fleetRoutes: FastifyPluginAsync<FleetRouteOptions> = async (app, options) => {
  app.decorateRequest('principal', null);
  await app.register(loginRoutes, options);
  await app.register(async (secured) => {
    secured.addHook('onRequest', accessControl({ users: options.fleet.users, adminToken: options.adminToken, audit: options.audit }));
    await secured.register(directoryRoutes, options);
    await secured.register(provisioningRoutes, options);
    await secured.register(configRoutes, options);
    await secured.register(commandRoutes, options);
    await secured.register(healthRoutes, options);
    await secured.register(fleetTableRoutes, options);
    await secured.register(alertRoutes, options);
    await secured.register(firmwareRoutes, options);
    await secured.register(userRoutes, options);
    await secured.register(auditRoutes, options);
  });
};
