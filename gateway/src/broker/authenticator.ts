import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isDeviceId } from '@parley/proto';
import type { Logger } from 'pino';
import type { GatewayConfig, MqttServiceConfig } from '../config/schema.js';
import type { GatewayMetrics } from '../observability/metrics.js';
import type { AuditLog } from '../registry/audit-log.js';
import { CONNECTABLE_STATUSES, type DeviceStore } from '../registry/device-store.js';
import { hashSecret, verifySecret } from '../registry/secrets.js';
import type { Identity } from './acl.js';
import { ConcurrencyLimit } from './concurrency-limit.js';
import { FailureLimiter } from './failure-limiter.js';

/** MQTT 3.1.1 CONNACK return codes the gateway uses. */
export const CONNACK = {
  IDENTIFIER_REJECTED: 2,
  SERVER_UNAVAILABLE: 3,
  BAD_USERNAME_OR_PASSWORD: 4,
  NOT_AUTHORIZED: 5,
} as const;
export type ConnackCode = (typeof CONNACK)[keyof typeof CONNACK];

export type AuthFailureReason =
  | 'missing_credentials'
  | 'unknown_device'
  | 'unknown_service'
  | 'bad_password'
  | 'not_active'
  | 'client_id_mismatch'
  | 'rate_limited';

export type AuthResult =
  | { ok: true; identity: Identity }
  | { ok: false; returnCode: ConnackCode; reason: AuthFailureReason };

export interface ConnectAttempt {
  username: string | undefined;
  password: Buffer | undefined;
  clientId: string;
  /** Source address of the connection. */
  source: string;
}

export interface AuthenticatorDeps {
  devices: DeviceStore;
  audit: AuditLog;
  services: readonly MqttServiceConfig[];
  auth: GatewayConfig['auth'];
  metrics: GatewayMetrics;
  logger: Logger;
  now?: () => number;
}

export const SERVICE_PREFIX = 'svc:';
const MAX_CACHED = 50_000;

/**
 * Decides MQTT CONNECTs. Devices: username = device id, password = its
 * secret, client id = device id (so only the device itself can take over its
 * session). Services: username `svc:<name>`, client id `svc:<name>` or
 * `svc:<name>:<anything>`. Unknown names and wrong secrets both get 4;
 * a correct secret for a locked/revoked/retired device gets 5; a mismatched
 * client id 2; a device id or source address in lockout 3 (try later).
 *
 * Secret checks cost one scrypt (bounded concurrency); a secret that verified
 * before is recognised from an HMAC kept in memory while its stored hash is
 * unchanged, so reconnects are cheap.
 */
export class MqttAuthenticator {
  private readonly byDevice: FailureLimiter;
  private readonly byAddress: FailureLimiter;
  private readonly scrypt: ConcurrencyLimit;
  private readonly services: Map<string, MqttServiceConfig>;
  private readonly cacheKey = randomBytes(32);
  private readonly verified = new Map<string, { hash: string; mac: Buffer }>();
  private dummyHash: Promise<string> | undefined;

  constructor(private readonly deps: AuthenticatorDeps) {
    const { auth } = deps;
    const common = { baseMs: auth.lockoutBaseMs, maxMs: auth.lockoutMaxMs, windowMs: auth.failureWindowMs, maxKeys: auth.maxTrackedKeys };
    this.byDevice = new FailureLimiter({ ...common, maxFailures: auth.maxFailuresPerDevice });
    this.byAddress = new FailureLimiter({ ...common, maxFailures: auth.maxFailuresPerAddress });
    this.scrypt = new ConcurrencyLimit(auth.scryptConcurrency);
    this.services = new Map(deps.services.map((s) => [s.name, s]));
  }

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  /** Drops any remembered verification for a username (after a status or secret change). */
  forget(username: string): void {
    this.verified.delete(username);
  }

  async authenticate(attempt: ConnectAttempt): Promise<AuthResult> {
    const { username, password, source } = attempt;
    if (username === undefined || username === '' || password === undefined) {
      return this.refuse(attempt, 'missing_credentials', CONNACK.BAD_USERNAME_OR_PASSWORD, false);
    }
    const nowMs = this.now();
    const addressKey = `addr:${source}`;
    const userKey = this.usernameKey(username);
    if (this.byAddress.lockedFor(addressKey, nowMs) > 0 || (userKey !== null && this.byDevice.lockedFor(userKey, nowMs) > 0)) {
      this.deps.metrics.authFailures.inc({ reason: 'rate_limited' });
      return { ok: false, returnCode: CONNACK.SERVER_UNAVAILABLE, reason: 'rate_limited' };
    }
    if (username.startsWith(SERVICE_PREFIX)) return this.authenticateService(attempt, username, password);
    return this.authenticateDevice(attempt, username, password);
  }

  private async authenticateDevice(attempt: ConnectAttempt, deviceId: string, password: Buffer): Promise<AuthResult> {
    const record = isDeviceId(deviceId) ? await this.deps.devices.get(deviceId) : null;
    if (!record) {
      await this.check(password, undefined, await this.dummy());
      return this.refuse(attempt, 'unknown_device', CONNACK.BAD_USERNAME_OR_PASSWORD, true);
    }
    if (!(await this.check(password, deviceId, record.secretHash))) {
      return this.refuse(attempt, 'bad_password', CONNACK.BAD_USERNAME_OR_PASSWORD, true);
    }
    if (!CONNECTABLE_STATUSES.has(record.status)) {
      return this.refuse(attempt, 'not_active', CONNACK.NOT_AUTHORIZED, false, { status: record.status });
    }
    if (attempt.clientId !== deviceId) {
      return this.refuse(attempt, 'client_id_mismatch', CONNACK.IDENTIFIER_REJECTED, false);
    }
    this.succeeded(attempt);
    return { ok: true, identity: { kind: 'device', deviceId } };
  }

  private async authenticateService(attempt: ConnectAttempt, username: string, password: Buffer): Promise<AuthResult> {
    const name = username.slice(SERVICE_PREFIX.length);
    const service = this.services.get(name);
    if (!service) {
      await this.check(password, undefined, await this.dummy());
      return this.refuse(attempt, 'unknown_service', CONNACK.BAD_USERNAME_OR_PASSWORD, true);
    }
    if (!(await this.check(password, username, service.secretHash))) {
      return this.refuse(attempt, 'bad_password', CONNACK.BAD_USERNAME_OR_PASSWORD, true);
    }
    if (attempt.clientId !== username && !attempt.clientId.startsWith(`${username}:`)) {
      return this.refuse(attempt, 'client_id_mismatch', CONNACK.IDENTIFIER_REJECTED, false);
    }
    this.succeeded(attempt);
    return { ok: true, identity: { kind: 'service', name, publish: service.publish, subscribe: service.subscribe } };
  }

  /**
   * Limiter key for a username: only well-formed device ids and configured
   * services are tracked per name (arbitrary usernames, up to 64 KiB each,
   * would let a spray fill memory); the rest are limited by address only.
   */
  private usernameKey(username: string | undefined): string | null {
    if (username === undefined) return null;
    if (isDeviceId(username)) return `user:${username}`;
    if (username.startsWith(SERVICE_PREFIX) && this.services.has(username.slice(SERVICE_PREFIX.length))) return `user:${username}`;
    return null;
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= hashSecret(randomBytes(32).toString('base64url'), this.deps.auth.scryptCost);
    return this.dummyHash;
  }

  /** Verifies `password` against `hash`, remembering a success for `cacheAs`. */
  private async check(password: Buffer, cacheAs: string | undefined, hash: string): Promise<boolean> {
    const mac = createHmac('sha256', this.cacheKey).update(password).digest();
    if (cacheAs !== undefined) {
      const known = this.verified.get(cacheAs);
      if (known && known.hash === hash && timingSafeEqual(known.mac, mac)) return true;
    }
    const ok = await this.scrypt.run(() => verifySecret(password, hash));
    if (ok && cacheAs !== undefined) {
      this.verified.delete(cacheAs);
      this.verified.set(cacheAs, { hash, mac });
      if (this.verified.size > MAX_CACHED) {
        const oldest = this.verified.keys().next().value;
        if (oldest !== undefined) this.verified.delete(oldest);
      }
    }
    return ok;
  }

  private succeeded(attempt: ConnectAttempt): void {
    const userKey = this.usernameKey(attempt.username);
    if (userKey !== null) this.byDevice.succeed(userKey);
    this.byAddress.succeed(`addr:${attempt.source}`);
  }

  private async refuse(
    attempt: ConnectAttempt,
    reason: AuthFailureReason,
    returnCode: ConnackCode,
    countsAsGuess: boolean,
    details: Record<string, unknown> = {},
  ): Promise<AuthResult> {
    const nowMs = this.now();
    this.deps.metrics.authFailures.inc({ reason });
    const lockouts: Record<string, number> = {};
    if (countsAsGuess) {
      const userKey = this.usernameKey(attempt.username);
      const deviceLock = userKey !== null ? this.byDevice.fail(userKey, nowMs) : 0;
      const addressLock = this.byAddress.fail(`addr:${attempt.source}`, nowMs);
      if (deviceLock > 0) lockouts.usernameLockoutMs = deviceLock;
      if (addressLock > 0) lockouts.addressLockoutMs = addressLock;
    }
    const target = attempt.username === undefined ? null : attempt.username.slice(0, 128);
    const entry = {
      actor: 'anonymous',
      action: 'mqtt.auth.failed',
      target,
      source: attempt.source,
      outcome: 'denied' as const,
      details: { reason, returnCode, clientId: attempt.clientId.slice(0, 128), ...details, ...lockouts },
      atMs: nowMs,
    };
    try {
      await this.deps.audit.append(entry);
    } catch (err) {
      this.deps.logger.error({ err, entry }, 'could not write the audit log');
    }
    this.deps.logger.warn({ username: target, source: attempt.source, reason, returnCode, ...lockouts }, 'MQTT login refused');
    return { ok: false, returnCode, reason };
  }
}
