import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pb } from '@parley/proto';
import { startTestGateway, type TestGateway } from '../support/test-gateway.js';
import { BadgeDouble, hello } from './badge-double.js';
import { until } from '../support/until.js';

describe('fleet over real aedes + mqtt.js', () => {
  let t: TestGateway;
  let auth: { authorization: string };
  const api = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => t.gateway.http.inject({ method, url, headers: auth, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await startTestGateway();
    auth = { authorization: `Bearer ${t.gateway.adminToken}` };
    expect((await api('POST', '/api/v1/branches', { id: 'paris-01', name: 'Paris Opéra' })).statusCode).toBe(201);
    expect((await api('POST', '/api/v1/staff', { id: 'alice', name: 'Alice Martin', branchId: 'paris-01' })).statusCode).toBe(201);
  });
  afterAll(async () => t.stop());

  it('pushes the effective config on connect (retained), re-sends it when the Hello reports another version, records the applied version', async () => {
    const secret = await t.provision('badge-cfg');
    expect((await api('PUT', '/api/v1/config/profiles/fleet/*', { bitrate: 16000, telemetryIntervalS: 60 })).statusCode).toBe(200);
    expect((await api('PUT', '/api/v1/devices/badge-cfg/branch', { branchId: 'paris-01' })).statusCode).toBe(200);
    expect((await api('PUT', '/api/v1/config/profiles/branch/paris-01', { telemetryIntervalS: 30, utcOffsetMin: 60 })).statusCode).toBe(200);
    expect((await api('POST', '/api/v1/devices/badge-cfg/assign', { staffId: 'alice' })).statusCode).toBe(200);
    const state = (await api('GET', '/api/v1/devices/badge-cfg/config')).json();
    expect(state.config).toEqual({ version: state.wantedVersion, bitrate: 16000, telemetryIntervalS: 30, utcOffsetMin: 60, staffId: 'alice' });
    expect(state.appliedVersion).toBeNull();

    const { badge } = await BadgeDouble.connect(t.addresses.mqtt, 'badge-cfg', secret);
    try {
      const retained = await badge!.waitFor('config');
      expect(retained.retained).toBe(true);
      expect(retained.message).toMatchObject({ version: state.wantedVersion, bitrate: 16000, telemetryIntervalS: 30, utcOffsetMin: 60, staffId: 'alice' });

      await badge!.send('hello', hello('badge-cfg', 0));
      const reply = await badge!.waitFor('hello-reply');
      expect(reply.message.wantedConfigVersion).toBe(state.wantedVersion);
      expect(reply.message.locked).toBe(false);
      await badge!.waitFor('config', () => true, 3_000, badge!.received.indexOf(reply)); // re-sent: the badge runs another version
      await until(async () => (await api('GET', '/api/v1/config/drift')).json().devices.some((d: { deviceId: string }) => d.deviceId === 'badge-cfg'));

      // The badge applies it and says so in an Event; drift clears.
      await badge!.send('event', { kind: pb.EventKind.EVENT_KIND_CONFIG_APPLIED, value: state.wantedVersion });
      await until(async () => (await api('GET', '/api/v1/devices/badge-cfg/config')).json().appliedVersion === state.wantedVersion);
      expect((await api('GET', '/api/v1/config/drift')).json().devices.map((d: { deviceId: string }) => d.deviceId)).not.toContain('badge-cfg');

      // A change while online is pushed at once with the next version.
      const before = badge!.received.length;
      expect((await api('PUT', '/api/v1/config/profiles/device/badge-cfg', { telemetryIntervalS: 15 })).statusCode).toBe(200);
      const pushed = await badge!.waitFor('config', (c) => c.version === state.wantedVersion + 1, 3_000, before);
      expect(pushed.message).toMatchObject({ telemetryIntervalS: 15, utcOffsetMin: 60, bitrate: 16000 });
      expect((await api('GET', '/api/v1/devices/badge-cfg/config')).json()).toMatchObject({ wantedVersion: state.wantedVersion + 1, drift: true });

      // Telemetry reports health and the applied version.
      await badge!.send('telemetry', {
        batteryPercent: 71,
        flashUsedBytes: 800,
        flashFreeBytes: 200,
        backlogSeconds: 42,
        rssiDbm: -61,
        state: pb.DeviceState.DEVICE_STATE_RECORDING,
        clockState: pb.ClockState.CLOCK_STATE_SYNCED,
        firmwareVersion: '1.0.1',
        droppedFrames: 3,
        spoolEraseStalls: 2,
        configVersion: state.wantedVersion + 1,
      });
      await until(async () => (await api('GET', '/api/v1/devices/badge-cfg/health')).json().batteryPercent === 71);
      const health = (await api('GET', '/api/v1/devices/badge-cfg/health')).json();
      expect(health).toMatchObject({
        online: true,
        status: 'active',
        flashUsedPercent: 80,
        backlogSeconds: 42,
        rssiDbm: -61,
        deviceState: 'recording',
        clockState: 'synced',
        firmwareVersion: '1.0.1',
        droppedFrames: 3,
        spoolEraseStalls: 2,
        configVersion: state.wantedVersion + 1,
        wantedConfigVersion: state.wantedVersion + 1,
      });
      const history = (await api('GET', `/api/v1/devices/badge-cfg/health/history?fromMs=0&toMs=${Date.now() + 60_000}&bucketMs=60000`)).json();
      expect(history.samples).toHaveLength(1);
      expect(history.samples[0]).toMatchObject({ batteryPercent: 71, flashUsedPercent: 80, droppedFrames: 3, spoolEraseStalls: 2 });
    } finally {
      await badge?.close();
    }
  });

  it('queues commands for an offline badge, delivers them after Hello, records results; expired ones are not sent', async () => {
    const secret = await t.provision('badge-cmd');
    const locate = (await api('POST', '/api/v1/devices/badge-cmd/commands', { kind: 'locate' })).json();
    expect(locate).toMatchObject({ kind: 'locate', state: 'queued', result: null });
    const shortLived = (await api('POST', '/api/v1/devices/badge-cmd/commands', { kind: 'mute', ttlMs: 1000 })).json();
    await new Promise((r) => setTimeout(r, 1100));
    t.gateway.fleet.sweep();
    expect((await api('GET', `/api/v1/devices/badge-cmd/commands/${shortLived.id}`)).json().state).toBe('expired');

    const { badge } = await BadgeDouble.connect(t.addresses.mqtt, 'badge-cmd', secret);
    try {
      await badge!.send('hello', hello('badge-cmd', 0));
      const delivered = await badge!.waitFor('command');
      expect(delivered.message).toMatchObject({ id: locate.id, kind: pb.CommandKind.COMMAND_KIND_LOCATE });
      expect(badge!.of('command').map((c) => c.id)).not.toContain(shortLived.id);
      expect((await api('GET', `/api/v1/devices/badge-cmd/commands/${locate.id}`)).json().state).toBe('sent');

      await badge!.send('command-result', { commandId: locate.id, status: pb.CommandStatus.COMMAND_STATUS_OK, detail: 'beeped' });
      await until(async () => (await api('GET', `/api/v1/devices/badge-cmd/commands/${locate.id}`)).json().state === 'done');
      expect((await api('GET', `/api/v1/devices/badge-cmd/commands/${locate.id}`)).json().result).toMatchObject({ status: 'ok', detail: 'beeped' });

      // Online: sent at once.
      const before = badge!.received.length;
      const unmute = (await api('POST', '/api/v1/devices/badge-cmd/commands', { kind: 'unmute' })).json();
      await badge!.waitFor('command', (c) => c.id === unmute.id, 3_000, before);
    } finally {
      await badge?.close();
    }
  });

  it('re-sends an unanswered command after a reconnect', async () => {
    const secret = await t.provision('badge-re');
    const first = await BadgeDouble.connect(t.addresses.mqtt, 'badge-re', secret);
    await first.badge!.send('hello', hello('badge-re', 0));
    await first.badge!.waitFor('hello-reply');
    const reboot = (await api('POST', '/api/v1/devices/badge-re/commands', { kind: 'reboot' })).json();
    await first.badge!.waitFor('command', (c) => c.id === reboot.id);
    await first.badge!.close(); // rebooted before answering

    const second = await BadgeDouble.connect(t.addresses.mqtt, 'badge-re', secret);
    try {
      await second.badge!.send('hello', hello('badge-re', 0));
      await second.badge!.waitFor('command', (c) => c.id === reboot.id);
    } finally {
      await second.badge?.close();
    }
  });

  it('lock: the HelloReply says locked, the confirmed LOCK marks the device locked and later connects are refused', async () => {
    const secret = await t.provision('badge-lost');
    const lock = (await api('POST', '/api/v1/devices/badge-lost/commands', { kind: 'lock' })).json();
    expect(t.gateway.fleet.hooks.isLocked('badge-lost')).toBe(true);
    const { badge } = await BadgeDouble.connect(t.addresses.mqtt, 'badge-lost', secret);
    try {
      await badge!.send('hello', hello('badge-lost', 0));
      expect((await badge!.waitFor('hello-reply')).message.locked).toBe(true);
      await badge!.waitFor('command', (c) => c.id === lock.id);
      await badge!.send('command-result', { commandId: lock.id, status: pb.CommandStatus.COMMAND_STATUS_OK });
      await until(async () => (await api('GET', '/api/v1/devices/badge-lost')).json().status === 'locked');
    } finally {
      await badge?.close();
    }
    const again = await BadgeDouble.connect(t.addresses.mqtt, 'badge-lost', secret);
    expect(again.badge).toBeNull();
    expect(again.returnCode).not.toBe(0);
    expect((await t.gateway.audit.list({ target: 'badge-lost' })).map((e) => e.action)).toEqual(expect.arrayContaining(['command.issued', 'device.status.locked']));
  });

  it('rotating a secret refuses the old one and accepts the new one', async () => {
    const old = await t.provision('badge-rot');
    const rotated = await api('POST', '/api/v1/devices/badge-rot/rotate-secret');
    expect(rotated.statusCode).toBe(200);
    expect(rotated.headers['cache-control']).toBe('no-store');
    const secret = rotated.json().secret as string;
    expect(secret).not.toBe(old);
    expect((await BadgeDouble.connect(t.addresses.mqtt, 'badge-rot', old)).badge).toBeNull();
    const ok = await BadgeDouble.connect(t.addresses.mqtt, 'badge-rot', secret);
    expect(ok.badge).not.toBeNull();
    await ok.badge!.close();
  });
});

/** Polls until `check` holds (results go through the broker asynchronously). */
