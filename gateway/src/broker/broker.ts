import type { Duplex } from 'node:stream';
import { Aedes, type Client, type AuthenticateError } from 'aedes';
import { parseTopic } from '@parley/proto';
import type { Logger } from 'pino';
import type { GatewayConfig } from '../config/schema.js';
import type { GatewayMetrics } from '../observability/metrics.js';
import type { AuditLog } from '../registry/audit-log.js';
import type { DeviceStore } from '../registry/device-store.js';
import { describeIdentity, mayPublish, maySubscribe, type Identity } from './acl.js';
import { CONNACK, MqttAuthenticator } from './authenticator.js';
import { MqttPacketSizeGuard } from './packet-size-guard.js';

export type Transport = 'tcp' | 'tls' | 'ws';

export interface ConnectionInfo {
  /** Remote address as seen by the listener. */
  source: string;
  transport: Transport;
}

export interface MqttBrokerDeps {
  config: GatewayConfig;
  devices: DeviceStore;
  audit: AuditLog;
  metrics: GatewayMetrics;
  logger: Logger;
  now?: () => number;
}

/**
 * The embedded aedes broker with Parley's security: authentication
 * (MqttAuthenticator), per-identity topic ACLs, the packet size guard on
 * every connection, and the MQTT metrics. Listeners hand it connections
 * through `handle`.
 */
export class MqttBroker {
  readonly aedes: Aedes;
  readonly authenticator: MqttAuthenticator;
  private readonly identities = new WeakMap<Client, Identity>();
  private readonly connections = new WeakMap<object, ConnectionInfo>();
  private readonly devicesOnline = new Map<string, Set<Client>>();
  private readonly ready = new Set<Client>();
  /** Connections per source address that have not yet passed authentication. */
  private readonly pendingBySource = new Map<string, number>();
  private readonly settlePending = new WeakMap<object, () => void>();
  private readonly log: Logger;

  private constructor(private readonly deps: MqttBrokerDeps) {
    const { config, metrics } = deps;
    this.log = deps.logger.child({ module: 'broker' });
    this.authenticator = new MqttAuthenticator({
      devices: deps.devices,
      audit: deps.audit,
      services: config.mqtt.services,
      auth: config.auth,
      metrics,
      logger: this.log,
      ...(deps.now ? { now: deps.now } : {}),
    });
    this.aedes = new Aedes({
      // No cap on deliveries in flight. With a cap (aedes' default is 100), mqemitter queues the excess and,
      // when a slow delivery finishes, starts the next queued message on the same stack; a message nobody
      // subscribes to (every badge's upstream chunk) finishes at once and starts the next, so a few thousand
      // queued chunks overflowed the stack and crashed the gateway at 5,000 badges. Each connection still
      // has one batch of packets in flight at a time, and ingest back-pressure stops reading slow ones.
      concurrency: 0,
      connectTimeout: config.mqtt.connectTimeoutMs,
      ...(config.mqtt.keepaliveLimitS > 0 ? { keepaliveLimit: config.mqtt.keepaliveLimitS } : {}),
      authenticate: (client, username, password, done) => this.onAuthenticate(client, username, password, done),
      authorizePublish: (client, packet, callback) => {
        if (client === null) return callback(null);
        const identity = this.identities.get(client);
        let reason: string | null = null;
        if (!identity || !mayPublish(identity, packet.topic)) reason = 'publish_forbidden';
        else if (packet.retain && identity.kind === 'device') reason = 'retain_forbidden';
        if (reason === null) return callback(null);
        metrics.rejects.inc({ reason });
        this.log.warn({ clientId: client.id, identity: identity && describeIdentity(identity), topic: packet.topic.slice(0, 256), reason }, 'publish refused; closing the connection');
        callback(new Error(`${reason}: ${packet.topic}`));
      },
      authorizeSubscribe: (client, subscription, callback) => {
        const identity = this.identities.get(client);
        if (identity && maySubscribe(identity, subscription.topic)) {
          callback(null, { ...subscription, qos: Math.min(subscription.qos, 1) as typeof subscription.qos });
          return;
        }
        metrics.rejects.inc({ reason: 'subscribe_forbidden' });
        this.log.warn({ clientId: client.id, identity: identity && describeIdentity(identity), filter: subscription.topic.slice(0, 256) }, 'subscription refused');
        callback(null, null);
      },
    });
    this.aedes.on('clientReady', (client) => this.onReady(client));
    this.aedes.on('clientDisconnect', (client) => this.onDisconnect(client));
    this.aedes.on('publish', (packet) => {
      if (packet.topic.startsWith('$')) return;
      const parsed = parseTopic(packet.topic);
      const direction = parsed?.direction ?? 'other';
      metrics.publishes.inc({ direction, kind: parsed?.kind ?? 'other' });
      metrics.publishBytes.inc({ direction }, packet.payload.length);
    });
    this.aedes.on('clientError', (client, err) => this.log.debug({ clientId: client.id, err: err.message }, 'MQTT client error'));
    this.aedes.on('connectionError', (client, err) => this.log.debug({ clientId: client.id, err: err.message }, 'MQTT connection error'));
  }

  static async create(deps: MqttBrokerDeps): Promise<MqttBroker> {
    const broker = new MqttBroker(deps);
    await broker.aedes.listen();
    return broker;
  }

  /** Serves one MQTT connection (a TCP/TLS socket or a WebSocket stream) behind the packet size guard. */
  handle(stream: Duplex, info: ConnectionInfo): void {
    const pending = this.pendingBySource.get(info.source) ?? 0;
    if (pending >= this.deps.config.mqtt.maxPendingPerAddress) {
      this.deps.metrics.rejects.inc({ reason: 'too_many_pending_connections' });
      this.log.warn({ ...info, pending }, 'too many connections from one address awaiting authentication; closed');
      stream.destroy();
      return;
    }
    this.pendingBySource.set(info.source, pending + 1);
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      const left = (this.pendingBySource.get(info.source) ?? 1) - 1;
      if (left <= 0) this.pendingBySource.delete(info.source);
      else this.pendingBySource.set(info.source, left);
    };
    const guarded = new MqttPacketSizeGuard(stream, this.deps.config.mqtt.maxPacketBytes, (reject) => {
      this.deps.metrics.rejects.inc({ reason: reject.reason });
      this.log.warn({ ...info, ...reject, limit: this.deps.config.mqtt.maxPacketBytes }, 'MQTT packet over the size limit; connection closed');
    });
    guarded.on('error', () => {});
    guarded.once('close', settle);
    this.connections.set(guarded, info);
    this.settlePending.set(guarded, settle);
    this.aedes.handle(guarded);
  }

  identityOf(client: Client): Identity | undefined {
    return this.identities.get(client);
  }

  /** Number of live authenticated connections of a device (0 or 1 in practice). */
  isOnline(deviceId: string): boolean {
    return (this.devicesOnline.get(deviceId)?.size ?? 0) > 0;
  }

  /** Closes a device's live connections and forgets its verified secret (after revoke/lock/rotation). */
  disconnectDevice(deviceId: string): number {
    this.authenticator.forget(deviceId);
    const clients = [...(this.devicesOnline.get(deviceId) ?? [])];
    for (const client of clients) client.close();
    return clients.length;
  }

  async close(): Promise<void> {
    if (this.aedes.closed) return;
    await new Promise<void>((resolve) => this.aedes.close(() => resolve()));
  }

  private onAuthenticate(
    client: Client,
    username: string | undefined,
    password: Buffer | undefined,
    done: (error: AuthenticateError | null, success: boolean | null) => void,
  ): void {
    const info = this.connections.get(client.conn);
    this.authenticator
      .authenticate({ username, password, clientId: client.id, source: info?.source ?? 'unknown' })
      .then((result) => {
        if (result.ok) {
          this.settlePending.get(client.conn)?.();
          this.identities.set(client, result.identity);
          done(null, true);
          return;
        }
        done(Object.assign(new Error(result.reason), { returnCode: result.returnCode }), false);
      })
      .catch((err: unknown) => {
        this.log.error({ err, clientId: client.id }, 'authentication failed with an internal error');
        done(Object.assign(new Error('internal error'), { returnCode: CONNACK.SERVER_UNAVAILABLE }), false);
      });
  }

  private onReady(client: Client): void {
    const identity = this.identities.get(client);
    if (!identity) return;
    this.ready.add(client);
    this.deps.metrics.connectedClients.inc({ kind: identity.kind });
    const info = this.connections.get(client.conn);
    this.log.info({ clientId: client.id, identity: describeIdentity(identity), ...info }, 'MQTT client connected');
    if (identity.kind !== 'device') return;
    const set = this.devicesOnline.get(identity.deviceId) ?? new Set<Client>();
    set.add(client);
    this.devicesOnline.set(identity.deviceId, set);
    this.markSeen(identity.deviceId, info);
  }

  private onDisconnect(client: Client): void {
    if (!this.ready.delete(client)) return;
    const identity = this.identities.get(client);
    if (!identity) return;
    this.deps.metrics.connectedClients.dec({ kind: identity.kind });
    this.log.info({ clientId: client.id, identity: describeIdentity(identity) }, 'MQTT client disconnected');
    if (identity.kind !== 'device') return;
    const set = this.devicesOnline.get(identity.deviceId);
    set?.delete(client);
    if (set && set.size === 0) this.devicesOnline.delete(identity.deviceId);
    this.markSeen(identity.deviceId, undefined);
  }

  private markSeen(deviceId: string, info: ConnectionInfo | undefined): void {
    const atMs = this.deps.now?.() ?? Date.now();
    this.deps.devices
      .markSeen(deviceId, atMs)
      .then(async (before) => {
        if (before?.status !== 'provisioned') return;
        await this.deps.audit.append({
          actor: `device:${deviceId}`,
          action: 'device.activated',
          target: deviceId,
          source: info?.source ?? null,
          outcome: 'ok',
          details: { transport: info?.transport },
          atMs,
        });
      })
      .catch((err: unknown) => this.log.error({ err, deviceId }, 'could not record device last seen'));
  }
}
