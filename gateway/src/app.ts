import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FinalisedSession } from '@parley/proto';
import type { Logger } from 'pino';
import { MqttBroker } from './broker/broker.js';
import { MqttListeners, type MqttAddresses } from './broker/listeners.js';
import type { GatewayConfig } from './config/schema.js';
import type { FleetConfig } from './fleet/config.js';
import { createFleet, type Fleet } from './fleet/fleet.js';
import { loadOrCreateAdminToken } from './http/admin-token-file.js';
import { ADMIN_WEB_PREFIX, adminWeb, type AdminWebOptions } from './http/admin-web.js';
import { deviceRoutes } from './http/device-routes.js';
import { healthRoutes } from './http/health-routes.js';
import { metricsRoute } from './http/metrics-route.js';
import { createHttpServer } from './http/server.js';
import { createIngest, type Ingest, type IngestDeps } from './ingest/index.js';
import { createLogger } from './observability/logger.js';
import { createMetrics, type GatewayMetrics } from './observability/metrics.js';
import { SqliteAuditLog, type AuditLog } from './registry/audit-log.js';
import { DeviceRegistry } from './registry/device-registry.js';
import { CONNECTABLE_STATUSES } from './registry/device-store.js';
import { SqliteDeviceStore } from './registry/sqlite-device-store.js';
import { openDatabase } from './storage/database.js';

export const DATABASE_FILE = 'gateway.sqlite';

/** What modules mounted into the gateway process get to work with. */
export interface GatewayContext {
  config: GatewayConfig;
  logger: Logger;
  db: Database;
  metrics: GatewayMetrics;
  devices: DeviceRegistry;
  audit: AuditLog;
  broker: MqttBroker;
  ingest: Ingest;
}

/**
 * A module mounted into the gateway process (e.g. the analysis pipeline):
 * HTTP routes/UIs as a fastify plugin, a consumer of finalised sessions
 * (at-least-once through the ingest outbox; de-duplicate on sessionId), and
 * its own shutdown, run before the database closes.
 */
export interface GatewayExtension {
  name: string;
  http?: FastifyPluginAsync<{ gateway: GatewayContext }>;
  onFinalised?: (session: FinalisedSession) => Promise<void>;
  close?: () => Promise<void>;
}

export interface BuildOptions {
  config: GatewayConfig;
  /** Default: pino on stdout at config.log.level. */
  logger?: Logger;
  /** Default: `<dataDir>/gateway.sqlite`. The gateway closes it on close(). */
  db?: Database;
  extensions?: readonly GatewayExtension[];
  /** Clock for registry timestamps and auth lockouts (tests). */
  now?: () => number;
  /** Collect process metrics (CPU, memory, event loop) on /metrics; default true. */
  processMetrics?: boolean;
  /** Fleet answers for ingest: staff attribution at capture time, wanted config version, lock flag. */
  fleet?: Pick<IngestDeps, 'resolveAttribution' | 'wantedConfigVersion' | 'isLocked'>;
  /** Fleet settings (alert rules, webhook); defaults from fleetConfigSchema. */
  fleetConfig?: Partial<FleetConfig>;
  /** The fleet admin web UI served at /admin (built SPA location; build it when missing). */
  adminWeb?: AdminWebOptions;
}

export interface ListenAddresses extends MqttAddresses {
  http: number;
  host: string;
}

export interface Gateway extends GatewayContext {
  http: FastifyInstance;
  /** Fleet management: directory, config profiles, commands, health, provisioning (docs/fleet.md). */
  fleet: Fleet;
  /** Bearer token for the admin API (configured, or `<dataDir>/admin-token`). */
  adminToken: string;
  /** Binds HTTP (+ MQTT over WebSocket), MQTT TCP and, when configured, TLS. */
  listen(): Promise<ListenAddresses>;
  /** Stops accepting, lets ingest commit what is in flight, closes the broker, extensions, HTTP and the database. Idempotent. */
  close(): Promise<void>;
}

/**
 * Assembles the gateway: database, registry, audit log, broker with its
 * security, ingest, HTTP API and extensions. Nothing listens until listen().
 */
export async function build(options: BuildOptions): Promise<Gateway> {
  const { config } = options;
  const logger = options.logger ?? createLogger({ level: config.log.level });
  const db = options.db ?? openDatabase(join(config.dataDir, DATABASE_FILE));
  const metrics = createMetrics({ defaultMetrics: options.processMetrics ?? true });
  const now = options.now ?? Date.now;
  const cleanups: (() => Promise<void> | void)[] = [
    () => {
      db.close();
    },
  ];
  try {
    const store = new SqliteDeviceStore(db);
    const audit = new SqliteAuditLog(db);
    const devices = new DeviceRegistry(store, audit, { scryptCost: config.auth.scryptCost, now });
    const broker = await MqttBroker.create({ config, devices: store, audit, metrics, logger, now });
    cleanups.unshift(() => broker.close());
    devices.onStatusChanged((device) => {
      if (CONNECTABLE_STATUSES.has(device.status)) broker.authenticator.forget(device.id);
      else broker.disconnectDevice(device.id);
    });

    const fleet = createFleet({ db, registry: devices, audit, broker, logger, now, scryptCost: config.auth.scryptCost, ...(options.fleetConfig ? { config: options.fleetConfig } : {}) });
    cleanups.unshift(() => fleet.close());
    const ingest = createIngest({
      ...fleet.hooks,
      ...options.fleet,
      broker: broker.aedes,
      db,
      dataDir: config.dataDir,
      logger,
      metrics: metrics.registry,
      config: config.ingest,
    });
    cleanups.unshift(() => ingest.close());
    const extensions = options.extensions ?? [];
    for (const extension of extensions) if (extension.onFinalised) ingest.onFinalised(extension.onFinalised);

    let adminToken = config.admin.token;
    if (adminToken === '') {
      const stored = loadOrCreateAdminToken(config.dataDir);
      adminToken = stored.token;
      if (stored.created) logger.info({ file: stored.file }, 'created an admin API token');
    }

    const http = createHttpServer({ logger, bodyLimitBytes: config.http.bodyLimitBytes, trustProxy: config.http.trustProxy });
    const listeners = new MqttListeners(broker, config, http.server, logger);
    let listening = false;
    const context: GatewayContext = { config, logger, db, metrics, devices, audit, broker, ingest };

    await http.register(swagger, { openapi: { info: { title: 'Parley gateway API', version: '1' } } });
    await http.register(swaggerUi, { routePrefix: '/docs' });
    await http.register(healthRoutes, {
      checks: {
        database: () => void db.prepare('SELECT 1').get(),
        broker: () => {
          if (broker.aedes.closed) throw new Error('broker closed');
        },
        listeners: () => {
          if (!listening) throw new Error('not listening');
        },
      },
    });
    await http.register(metricsRoute, { registry: metrics.registry });
    await http.register(deviceRoutes, {
      registry: devices,
      adminToken,
      isOnline: (id) => broker.isOnline(id),
      authorize: fleet.authorize(adminToken),
      actorOf: (request) => request.principal?.actor ?? 'anonymous',
    });
    await http.register(fleet.routes, { adminToken });
    await http.register(adminWeb(options.adminWeb), { prefix: ADMIN_WEB_PREFIX });
    for (const extension of extensions) {
      if (extension.http) await http.register(extension.http, { gateway: context });
    }

    let closing: Promise<void> | null = null;
    const close = () => {
      closing ??= (async () => {
        listening = false;
        listeners.stopAccepting();
        const steps: [string, () => Promise<void> | void][] = [
          ['ingest', () => ingest.close()],
          ['broker', () => broker.close()],
          ['listeners', () => listeners.close()],
          ['fleet', () => fleet.close()],
          ...extensions.filter((e) => e.close).map((e): [string, () => Promise<void>] => [e.name, () => e.close!()]),
          ['http', () => http.close()],
          [
            'database',
            () => {
              db.close();
            },
          ],
        ];
        for (const [name, step] of steps) {
          try {
            await step();
          } catch (err) {
            logger.error({ err, step: name }, 'error while shutting down');
          }
        }
      })();
      return closing;
    };

    return {
      ...context,
      http,
      fleet,
      adminToken,
      async listen() {
        await http.listen({ port: config.http.port, host: config.host });
        const address = http.server.address();
        const httpPort = typeof address === 'object' && address ? address.port : config.http.port;
        const mqtt = await listeners.listen(config.host);
        listening = true;
        const addresses: ListenAddresses = { host: config.host, http: httpPort, ...mqtt };
        logger.info(
          { ...addresses, websocket: config.mqtt.websocket ? `ws://${config.host}:${httpPort}/mqtt` : null, dataDir: config.dataDir },
          'gateway listening',
        );
        return addresses;
      },
      close,
    };
  } catch (err) {
    for (const cleanup of cleanups) {
      try {
        await cleanup();
      } catch {
        // the build error is what matters
      }
    }
    throw err;
  }
}
