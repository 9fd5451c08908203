import { crc32 } from 'node:zlib';
import type { Duplex } from 'node:stream';
import type { SpoolChipConfig } from '@parley/firmware/spool-chip';
import type { ApiClient } from './api-client.js';
import { BadgectlError } from './errors.js';
import { EspruinoLink } from './espruino-link.js';
import type { ProgressReporter } from './progress.js';

/** Storage files the firmware uses (firmware/src/app/main.ts): the bundle Espruino runs at boot, and the identity. */
export const BOOT_CODE_FILE = '.bootcde';
export const IDENTITY_FILE = 'id';
/** The Parley badge is an ESP32-WROVER module running Espruino; the firmware was measured on 2v29. */
export const EXPECTED_BOARD = 'ESP32';
export const MIN_ESPRUINO_VERSION = '2v29';

export interface ProvisionRequest {
  api: ApiClient;
  /** The open serial line to the badge. */
  port: Duplex;
  /** The firmware bundle (firmware/dist/badge.min.js). */
  bundle: Uint8Array;
  /** The gateway's MQTT address as the badge reaches it. */
  mqttHost: string;
  mqttPort: number;
  /** Device id to create (default: the gateway generates one). */
  deviceId?: string;
  /** Serial number (default: the chip's getSerial()). */
  serial?: string;
  hardwareRevision: string;
  /**
   * The spool on the board's SPI NOR chip (`spoolChipFor` of its board
   * data), written to a new identity; null: the spool stays in Storage. A
   * rotated identity keeps what the badge had: moving the spool would leave
   * unuploaded audio behind in the other flash.
   */
  spoolChip: SpoolChipConfig | null;
  staffId?: string;
  wifi?: { ssid: string; psk: string }[];
  /** Issue a new secret when the badge or its serial is already provisioned. */
  rotate?: boolean;
  /** Wait this long for the first successful connection to the gateway (0: do not wait). */
  onlineTimeoutMs: number;
  pollMs?: number;
  /** One console round trip. */
  linkTimeoutMs?: number;
  progress: ProgressReporter;
}

export interface ProvisionResult {
  deviceId: string;
  serial: string;
  board: string;
  espruinoVersion: string;
  /** created: a new device; rotated: new secret for a known one; verified: the badge already held a valid identity. */
  identity: 'created' | 'rotated' | 'verified';
  /** Whether the bundle was written (false when the badge already held the same bytes). */
  flashed: boolean;
  bundleBytes: number;
  bundleCrc32: number;
  /** First successful connection after the reboot (gateway time), when waited for. */
  onlineAtMs: number | null;
  /** The config version the badge reported applied (the gateway's wanted version), when waited for. */
  configVersion: number | null;
  /** Where the badge's spool is, as its `id` file says. */
  spool: 'chip' | 'storage';
}

interface DeviceView {
  id: string;
  serial: string;
  status: string;
  online: boolean;
  lastSeenAtMs: number | null;
}

interface Detected {
  board: string;
  version: string;
  serial: string;
  free: number;
  id: string | null;
}

/** "2v29" -> [2, 29]; anything else is null. */
function espruinoVersion(v: string): [number, number] | null {
  const m = /^(\d+)v(\d+)/.exec(v);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

function olderThan(v: string, min: string): boolean {
  const a = espruinoVersion(v);
  const b = espruinoVersion(min) as [number, number];
  return !a || a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function findBySerial(api: ApiClient, serial: string): Promise<DeviceView | null> {
  let afterId: string | undefined;
  for (;;) {
    const page = await api.request<{ devices: DeviceView[] }>('GET', `/api/v1/devices?limit=1000${afterId ? `&afterId=${encodeURIComponent(afterId)}` : ''}`);
    const hit = page.devices.find((d) => d.serial === serial);
    if (hit) return hit;
    if (page.devices.length < 1000) return null;
    afterId = page.devices[page.devices.length - 1]!.id;
  }
}

async function getDevice(api: ApiClient, id: string): Promise<DeviceView | null> {
  try {
    return await api.request<DeviceView>('GET', `/api/v1/devices/${encodeURIComponent(id)}`);
  } catch (err) {
    if (err instanceof BadgectlError && err.api?.status === 404) return null;
    throw err;
  }
}

/**
 * Provisions a badge on a serial line: checks it is a Parley badge (Espruino
 * on an ESP32), stops its program, writes the firmware bundle to `.bootcde`
 * (skipped when it already holds the same bytes) and checks its CRC32 on the
 * device, creates the device in the gateway (one-time secret) or, with
 * `rotate`, issues a new secret for the one it already is, writes the
 * identity and bootstrap config (id, secret, gateway address, staff, Wi-Fi:
 * what the firmware needs before it can reach the gateway) to the `id` file
 * and reads it back, restarts the badge, waits for its first successful
 * connection to the gateway and for it to report the fleet's effective
 * config (which the gateway sends it on connect) applied.
 *
 * Safe to re-run: a badge that already holds an identity the gateway knows
 * is verified (bundle refreshed if it differs) and not re-created; with
 * `rotate` it gets a new secret. A serial the gateway knows on a badge
 * without identity (an earlier run stopped between creating and writing)
 * needs `rotate`. The bundle is written before the device is created, so a
 * badge that cannot be flashed leaves nothing behind in the gateway.
 */
export async function provisionBadge(req: ProvisionRequest): Promise<ProvisionResult> {
  const { api, progress } = req;
  const link = new EspruinoLink(req.port, { timeoutMs: req.linkTimeoutMs ?? 3_000 });
  try {
    progress.step('detecting the badge');
    const detected = await detect(link);
    if (detected.board !== EXPECTED_BOARD) {
      throw new BadgectlError('WRONG_BOARD', `process.env.BOARD is ${JSON.stringify(detected.board)}, a Parley badge says ${JSON.stringify(EXPECTED_BOARD)}`);
    }
    if (olderThan(detected.version, MIN_ESPRUINO_VERSION)) {
      throw new BadgectlError('WRONG_BOARD', `Espruino ${detected.version} is older than ${MIN_ESPRUINO_VERSION}, the version the firmware runs on`);
    }
    const serial = req.serial ?? detected.serial;
    if (!serial) throw new BadgectlError('USAGE', 'the badge reports no serial number: pass --serial');
    progress.step(`found Espruino ${detected.version} on ${detected.board}, serial ${serial}${detected.id ? `, provisioned as ${detected.id}` : ''}`);

    // Decide the identity before changing anything.
    let plan: { kind: 'create' } | { kind: 'rotate'; id: string } | { kind: 'verify'; id: string };
    if (detected.id) {
      if (req.deviceId && req.deviceId !== detected.id) throw new BadgectlError('IDENTITY_MISMATCH', `the badge is ${detected.id}, not ${req.deviceId}`);
      const known = await getDevice(api, detected.id);
      if (!known) throw new BadgectlError('IDENTITY_MISMATCH', `the badge is ${detected.id}, which this gateway does not know (provisioned against another gateway?)`);
      if (known.serial !== serial) throw new BadgectlError('IDENTITY_MISMATCH', `${detected.id} has serial ${known.serial} in the gateway, the badge says ${serial}`);
      plan = req.rotate ? { kind: 'rotate', id: known.id } : { kind: 'verify', id: known.id };
    } else {
      const known = await findBySerial(api, serial);
      if (known && req.deviceId && known.id !== req.deviceId) throw new BadgectlError('IDENTITY_MISMATCH', `serial ${serial} is ${known.id} in the gateway, not ${req.deviceId}`);
      if (known && !req.rotate) throw new BadgectlError('ALREADY_PROVISIONED', `serial ${serial} is ${known.id} in the gateway but the badge holds no identity`);
      plan = known ? { kind: 'rotate', id: known.id } : { kind: 'create' };
    }

    progress.step('stopping the running program (reset())');
    await link.command('reset()');
    await sleep(100);
    await link.interrupt();

    const bundleCrc = crc32(req.bundle) >>> 0;
    const before = await link.fileDigest(BOOT_CODE_FILE);
    let flashed = false;
    if (before && before.size === req.bundle.length && before.crc32 === bundleCrc) {
      progress.step(`firmware bundle already on the badge (${req.bundle.length} bytes, crc32 ${bundleCrc.toString(16)})`);
    } else {
      if (detected.free + (before?.size ?? 0) < req.bundle.length) {
        throw new BadgectlError('WRITE_FAILED', `the bundle needs ${req.bundle.length} bytes, Storage has ${detected.free + (before?.size ?? 0)} free`);
      }
      progress.step(`flashing the firmware bundle to ${BOOT_CODE_FILE}`);
      await link.writeFile(BOOT_CODE_FILE, req.bundle, (done, total) => progress.update(done, total));
      flashed = true;
    }
    progress.step('verifying the firmware bundle');
    const after = await link.fileDigest(BOOT_CODE_FILE);
    if (!after || after.size !== req.bundle.length || after.crc32 !== bundleCrc) {
      throw new BadgectlError('VERIFY_MISMATCH', `${BOOT_CODE_FILE}: wrote ${req.bundle.length} bytes crc32 ${bundleCrc.toString(16)}, the badge holds ${after ? `${after.size} bytes crc32 ${after.crc32.toString(16)}` : 'nothing'}`);
    }

    let deviceId: string;
    let secret: string | null = null;
    if (plan.kind === 'create') {
      progress.step('creating the device in the gateway');
      const created = await api.request<{ device: DeviceView; secret: string }>('POST', '/api/v1/devices', {
        json: { serial, hardwareRevision: req.hardwareRevision, ...(req.deviceId ? { id: req.deviceId } : {}) },
      });
      deviceId = created.device.id;
      secret = created.secret;
    } else if (plan.kind === 'rotate') {
      progress.step(`issuing a new secret for ${plan.id} (the old one stops working)`);
      deviceId = plan.id;
      secret = (await api.request<{ secret: string }>('POST', `/api/v1/devices/${encodeURIComponent(plan.id)}/rotate-secret`)).secret;
    } else {
      deviceId = plan.id;
    }

    let spool: ProvisionResult['spool'];
    if (secret !== null) {
      // A new identity gets the board's spool chip; a rotated one keeps where its spool was.
      const previous = plan.kind === 'rotate' && detected.id ? parseIdentity(await link.readFile(IDENTITY_FILE)) : null;
      const spoolChip = previous ? previous.spoolChip ?? null : req.spoolChip;
      spool = spoolChip ? 'chip' : 'storage';
      progress.step(`writing identity, secret and gateway address to ${IDENTITY_FILE} (spool ${spoolChip ? `on the SPI NOR chip: ${spoolChip.segments} segments of ${spoolChip.segmentBytes} bytes` : 'in Storage'})`);
      const identity = new TextEncoder().encode(
        JSON.stringify({ deviceId, secret, mqttHost: req.mqttHost, mqttPort: req.mqttPort, staffId: req.staffId ?? '', wifi: req.wifi ?? [], ...(spoolChip ? { spoolChip } : {}) }),
      );
      try {
        await link.writeFile(IDENTITY_FILE, identity);
      } catch (err) {
        if (err instanceof BadgectlError && plan.kind === 'create') {
          throw new BadgectlError(err.code, `${err.message}; ${deviceId} exists in the gateway now: re-run with --rotate`);
        }
        throw err;
      }
      progress.step('reading the identity back');
      const back = await link.readFile(IDENTITY_FILE);
      if (!back || Buffer.compare(Buffer.from(back), Buffer.from(identity)) !== 0) {
        throw new BadgectlError('VERIFY_MISMATCH', `${IDENTITY_FILE}: wrote ${identity.length} bytes, read back ${back ? back.length : 0} different bytes; re-run with --rotate`);
      }
    } else {
      progress.step(`verifying the identity ${deviceId} on the badge`);
      const parsed = parseIdentity(await link.readFile(IDENTITY_FILE));
      if (!parsed || parsed.deviceId !== deviceId || typeof parsed.secret !== 'string' || typeof parsed.mqttHost !== 'string' || typeof parsed.mqttPort !== 'number') {
        throw new BadgectlError('VERIFY_MISMATCH', `${IDENTITY_FILE} on the badge is incomplete; re-run with --rotate to write a new one`);
      }
      spool = parsed.spoolChip ? 'chip' : 'storage';
    }

    const seenBefore = (await getDevice(api, deviceId))?.lastSeenAtMs ?? null;
    progress.step('restarting the badge (load())');
    await link.command('load()');

    let onlineAtMs: number | null = null;
    if (req.onlineTimeoutMs > 0) {
      progress.step(`waiting for ${deviceId} to connect to the gateway`);
      const deadline = Date.now() + req.onlineTimeoutMs;
      for (;;) {
        const device = await getDevice(api, deviceId);
        // last seen moves on every accepted connection (and its end): a badge on a batched upload
        // policy may already be offline again by the time we look.
        if (device && device.lastSeenAtMs !== null && (seenBefore === null || device.lastSeenAtMs > seenBefore)) {
          onlineAtMs = device.lastSeenAtMs;
          break;
        }
        if (Date.now() >= deadline) {
          throw new BadgectlError('TIMEOUT', `${deviceId} did not connect to the gateway within ${Math.round(req.onlineTimeoutMs / 1000)} s (is ${req.mqttHost}:${req.mqttPort} reachable from the badge?)`);
        }
        await sleep(req.pollMs ?? 500);
      }
    }
    // The fleet's effective config reaches the badge from the gateway (retained, on connect): wait until it says it applied it.
    let configVersion: number | null = null;
    if (onlineAtMs !== null) {
      progress.step(`waiting for ${deviceId} to apply its config`);
      const deadline = Date.now() + req.onlineTimeoutMs;
      for (;;) {
        const state = await api.request<{ wantedVersion: number; appliedVersion: number | null }>('GET', `/api/v1/devices/${encodeURIComponent(deviceId)}/config`);
        if (state.appliedVersion !== null && state.appliedVersion === state.wantedVersion) {
          configVersion = state.appliedVersion;
          break;
        }
        if (Date.now() >= deadline) throw new BadgectlError('TIMEOUT', `${deviceId} connected but did not report config version ${state.wantedVersion} applied within ${Math.round(req.onlineTimeoutMs / 1000)} s`);
        await sleep(req.pollMs ?? 500);
      }
    }
    progress.finish();
    return {
      configVersion,
      deviceId,
      serial,
      board: detected.board,
      espruinoVersion: detected.version,
      identity: plan.kind === 'create' ? 'created' : plan.kind === 'rotate' ? 'rotated' : 'verified',
      flashed,
      bundleBytes: req.bundle.length,
      bundleCrc32: bundleCrc,
      onlineAtMs,
      spool,
    };
  } finally {
    progress.finish();
    link.close();
  }
}

/** The `id` file's fields provisioning reads back. */
interface StoredIdentity {
  deviceId?: unknown;
  secret?: unknown;
  mqttHost?: unknown;
  mqttPort?: unknown;
  spoolChip?: SpoolChipConfig;
}

/** The `id` file's JSON, null when absent or not JSON. */
function parseIdentity(bytes: Uint8Array | undefined | null): StoredIdentity | null {
  if (!bytes) return null;
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8')) as StoredIdentity;
  } catch {
    return null;
  }
}

/** Ctrl-C, then asks the board who it is; one retry (a half-typed line or boot noise on the console). */
async function detect(link: EspruinoLink): Promise<Detected> {
  const expression = '{board:process.env.BOARD,version:process.env.VERSION,serial:getSerial(),free:require("Storage").getFree(),id:(require("Storage").readJSON("id",1)||{}).deviceId||null}';
  let last: unknown;
  for (let attempt = 0; attempt < 2; attempt++) {
    await link.interrupt();
    await sleep(100);
    try {
      return await link.evaluate<Detected>(expression);
    } catch (err) {
      last = err;
    }
  }
  throw last instanceof BadgectlError ? last : new BadgectlError('NOT_RESPONDING', String(last));
}
