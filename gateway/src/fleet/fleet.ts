import type { Database } from 'better-sqlite3';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { MqttBroker } from '../broker/broker.js';
import type { IngestDeps } from '../ingest/ingest.js';
import type { AuditLog } from '../registry/audit-log.js';
import type { DeviceRegistry } from '../registry/device-registry.js';
import { migrate } from '../storage/migrate.js';
import { accessControl } from './access.js';
import { AlertEngine } from './alerts.js';
import { CommandQueue } from './commands.js';
import { resolveFleetConfig, type FleetConfig } from './config.js';
import { ConfigProfiles } from './config-profiles.js';
import { DeviceLink } from './device-link.js';
import { FleetDirectory } from './directory.js';
import { HealthStore } from './health.js';
import { Provisioning } from './provisioning.js';
import { ReleaseStore } from './releases.js';
import { RolloutManager } from './rollouts.js';
import { UserDirectory } from './users.js';
import { fleetRoutes } from './routes/index.js';
import { FLEET_MIGRATIONS } from './schema.js';

export interface FleetDeps {
  db: Database;
  registry: DeviceRegistry;
  audit: AuditLog;
  broker: MqttBroker;
  logger: Logger;
  now: () => number;
  scryptCost: number;
  /** Fleet settings; missing fields take their defaults (fleetConfigSchema). */
  config?: Partial<FleetConfig>;
  /** For the alert webhook (tests); default global fetch. */
  fetch?: typeof fetch;
}

export type FleetHooks = Required<Pick<IngestDeps, 'resolveAttribution' | 'wantedConfigVersion' | 'isLocked'>>;

export interface Fleet {
  directory: FleetDirectory;
  profiles: ConfigProfiles;
  commands: CommandQueue;
  health: HealthStore;
  alerts: AlertEngine;
  releases: ReleaseStore;
  rollouts: RolloutManager;
  users: UserDirectory;
  provisioning: Provisioning;
  link: DeviceLink;
  /** The ingest's hooks: attribution at capture time, wanted config version, lock flag. */
  hooks: FleetHooks;
  /** Authentication and role check for other routes (the core device API): admin token, API token or session. */
  authorize(adminToken: string): (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  /** The fleet HTTP API (register with `{ adminToken }`). */
  routes: FastifyPluginAsync<{ adminToken: string }>;
  /** Expires commands and prunes old health samples now (tests; it also runs with every alert evaluation). */
  sweep(): void;
  close(): void;
}

/**
 * Fleet management inside the gateway: registry of branches, staff, groups
 * and assignments, config profiles, the command queue, health, credential
 * lifecycle, the MQTT link to badges and the HTTP API. See docs/fleet.md.
 */
export function createFleet(deps: FleetDeps): Fleet {
  const { db, registry, audit, broker, logger, now } = deps;
  const config = resolveFleetConfig(deps.config);
  migrate(db, 'fleet', FLEET_MIGRATIONS);
  const log = logger.child({ module: 'fleet' });
  const directory = new FleetDirectory(db, registry.store, audit, now);
  const profiles = new ConfigProfiles(db, directory, audit, now);
  const commands = new CommandQueue(db, audit, now);
  const health = new HealthStore(db);
  const releases = new ReleaseStore(db, audit, now);
  // The link hands firmware events and requests to the rollouts, which deliver through the link.
  let rollouts: RolloutManager | null = null;
  const link = new DeviceLink({
    broker,
    profiles,
    commands,
    health,
    logger,
    now,
    onHello: (deviceId, hello) => {
      registry.recordFirmwareVersion(deviceId, hello.firmwareVersion).catch((err: unknown) => log.error({ err, deviceId }, 'could not record the firmware version'));
    },
    onEvent: (deviceId, event) => rollouts?.onFirmwareEvent(deviceId, event),
    onFirmwareRequest: (deviceId, request) => {
      const chunk = rollouts?.answerChunk(deviceId, request);
      if (chunk) link.publish(deviceId, 'firmware', chunk, false);
    },
  });
  rollouts = new RolloutManager(db, releases, commands, audit, log, now, (deviceId) => link.deliverCommands(deviceId));
  const alerts = new AlertEngine({ db, health, profiles, isOnline: (id) => broker.isOnline(id), config, logger, now, ...(deps.fetch ? { fetch: deps.fetch } : {}) });
  const users = new UserDirectory(db, audit, { scryptCost: deps.scryptCost, now });
  const provisioning = new Provisioning(registry, { scryptCost: deps.scryptCost, now, disconnect: (id) => broker.disconnectDevice(id) });

  const statusOf = db.prepare('SELECT status FROM devices WHERE id = ?');
  const pendingLock = db.prepare(`SELECT 1 FROM fleet_commands WHERE device_id = ? AND kind = 'lock' AND state IN ('queued', 'sent', 'in_progress') LIMIT 1`);

  // A LOCK the badge confirmed makes the device locked: refused at every later connect.
  commands.onResult((command) => {
    if (command.kind !== 'lock' || command.result?.status !== 'ok') return;
    registry.setStatus(command.deviceId, 'locked', { actor: 'system' }).catch((err: unknown) => log.error({ err, deviceId: command.deviceId }, 'could not mark the device locked'));
  });
  registry.onStatusChanged((device) => {
    if (device.status === 'revoked' || device.status === 'retired') link.clearConfig(device.id);
  });

  const retentionMs = config.healthRetentionDays * 24 * 3600_000;
  const sweep = (): void => {
    try {
      commands.expire();
      rollouts.evaluate();
      health.prune(now() - retentionMs);
    } catch (err) {
      log.error({ err }, 'fleet sweep failed');
    }
  };
  const timer = setInterval(() => {
    sweep();
    alerts.evaluate().catch((err: unknown) => log.error({ err }, 'alert evaluation failed'));
  }, config.alertIntervalMs);
  timer.unref();

  const fleet: Fleet = {
    directory,
    profiles,
    commands,
    health,
    alerts,
    releases,
    rollouts,
    users,
    provisioning,
    link,
    hooks: {
      resolveAttribution: (deviceId, atMs) => directory.resolveAttribution(deviceId, atMs),
      wantedConfigVersion: (deviceId) => profiles.wantedVersion(deviceId),
      isLocked: (deviceId) => (statusOf.get(deviceId) as { status: string } | undefined)?.status === 'locked' || pendingLock.get(deviceId) !== undefined,
    },
    authorize: (adminToken) => accessControl({ users, adminToken, audit }),
    routes: async (app, { adminToken }) => {
      await app.register(fleetRoutes, { fleet, registry, audit, adminToken, isOnline: (id: string) => broker.isOnline(id) });
    },
    sweep,
    close() {
      clearInterval(timer);
      alerts.close();
      link.close();
    },
  };
  return fleet;
}
