import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DecodedUp } from '@parley/proto';
import { chooseBootSlot, readBootRecord, MAX_UNCONFIRMED_BOOTS } from '../../src/core/boot-slot.js';
import { CommandKind, CommandStatus, DeviceState, EventKind, RecordingMode, UploadPolicy } from '../../src/core/messages.js';
import { makeRig } from '../support/rig.js';
import type { Rig } from '../support/rig.js';

type Result = DecodedUp<'command-result'>;
type Ev = DecodedUp<'event'>;

function command(rig: Rig, id: string, kind: number, extra: Record<string, unknown> = {}): Result[] {
  rig.gw.send('command', { id, kind, issuedAtMs: 0, expiresAtMs: 0, ...extra });
  rig.clock.advance(200);
  return (rig.gw.of('command-result') as Result[]).filter((r) => r.commandId === id);
}

describe('badge: commands', () => {
  it('start, stop, mute, unmute, lock each answer with a CommandResult', () => {
    const rig = makeRig();
    rig.clock.advance(1000);
    expect(command(rig, 'c1', CommandKind.START)[0]?.status).toBe(CommandStatus.OK);
    expect(rig.badge.deviceState()).toBe(DeviceState.RECORDING);
    rig.speak(1000);
    expect(command(rig, 'c2', CommandKind.STOP)[0]?.status).toBe(CommandStatus.OK);
    expect(command(rig, 'c3', CommandKind.MUTE)[0]?.status).toBe(CommandStatus.OK);
    expect(rig.badge.deviceState()).toBe(DeviceState.MUTED);
    const refused = command(rig, 'c4', CommandKind.START)[0];
    expect(refused?.status).toBe(CommandStatus.REJECTED);
    expect(refused?.detail).toBe('muted');
    expect(command(rig, 'c5', CommandKind.UNMUTE)[0]?.status).toBe(CommandStatus.OK);
    expect(command(rig, 'c6', CommandKind.LOCK)[0]?.status).toBe(CommandStatus.OK);
    expect(rig.badge.deviceState()).toBe(DeviceState.LOCKED);
    // A redelivered command is answered again, not run again.
    expect(command(rig, 'c1', CommandKind.START)).toHaveLength(2);
    expect(rig.badge.deviceState()).toBe(DeviceState.LOCKED);
    expect(command(rig, 'c7', 99)[0]?.status).toBe(CommandStatus.UNSUPPORTED);
  });

  it('an expired command is not run', () => {
    const rig = makeRig();
    rig.clock.advance(1000);
    const r = command(rig, 'old', CommandKind.START, { expiresAtMs: 1000 });
    expect(r[0]?.status).toBe(CommandStatus.EXPIRED);
    expect(rig.badge.deviceState()).toBe(DeviceState.IDLE);
  });

  it('locate blinks and buzzes; wipe acknowledged keeps unacked audio; wipe all erases it', () => {
    const rig = makeRig();
    rig.clock.advance(1000);
    const cues = rig.platform.indicators.cues.length;
    command(rig, 'loc', CommandKind.LOCATE);
    expect(rig.platform.indicators.status).toBe(3);
    expect(rig.platform.indicators.cues.length).toBe(cues + 1);
    rig.clock.advance(11_000);
    expect(rig.platform.indicators.status).not.toBe(3);
    rig.gw.online = false;
    rig.gw.drop();
    command(rig, 'noop', CommandKind.LOCATE);
    rig.gw.online = true;
    rig.clock.advance(5000);
    // Record offline so audio stays unacknowledged.
    rig.gw.online = false;
    rig.gw.drop();
    rig.badge.startSession(0);
    rig.speak(3000);
    rig.gw.online = true;
    rig.gw.dropAcks = 1_000_000;
    rig.clock.advance(10_000);
    expect(command(rig, 'wa', CommandKind.WIPE_ACKNOWLEDGED)[0]?.status).toBe(CommandStatus.OK);
    expect(rig.badge.spool.unackedChunks()).toBeGreaterThan(0);
    expect(command(rig, 'wall', CommandKind.WIPE_ALL)[0]?.status).toBe(CommandStatus.OK);
    expect(rig.badge.spool.sessions()).toHaveLength(0);
    expect(rig.badge.deviceState()).toBe(DeviceState.IDLE);
  });

  it('reboot answers first, then closes the session and reboots', () => {
    const rig = makeRig();
    rig.clock.advance(1000);
    rig.badge.startSession(0);
    rig.speak(1000);
    expect(command(rig, 'rb', CommandKind.REBOOT)[0]?.status).toBe(CommandStatus.OK);
    rig.clock.advance(1000);
    expect(rig.reboots).toBe(1);
  });
});

describe('badge: config', () => {
  it('applies a newer config, persists it with its version, ignores older ones', () => {
    const rig = makeRig();
    rig.clock.advance(1000);
    rig.gw.send('config', { version: 3, recordingMode: RecordingMode.VOICE_ACTIVATED, telemetryIntervalS: 10, uploadPolicy: UploadPolicy.LIVE, staffId: 'staff-9' });
    rig.clock.advance(100);
    expect(rig.badge.config.version()).toBe(3);
    expect(rig.badge.effectiveConfig().recordingMode).toBe(RecordingMode.VOICE_ACTIVATED);
    const applied = (rig.gw.of('event') as Ev[]).filter((e) => e.kind === EventKind.CONFIG_APPLIED);
    expect(applied.map((e) => e.value)).toEqual([3]);
    rig.gw.send('config', { version: 2, recordingMode: RecordingMode.MANUAL });
    rig.clock.advance(100);
    expect(rig.badge.effectiveConfig().recordingMode).toBe(RecordingMode.VOICE_ACTIVATED);
    rig.reboot();
    rig.clock.advance(1000);
    expect(rig.badge.config.version()).toBe(3);
    expect(rig.badge.effectiveConfig().staffId).toBe('staff-9');
    const hellos = rig.gw.of('hello') as DecodedUp<'hello'>[];
    expect(hellos.at(-1)?.configVersion).toBe(3);
    // Telemetry follows the configured interval.
    const before = rig.gw.of('telemetry').length;
    rig.clock.advance(60_000);
    expect(rig.gw.of('telemetry').length - before).toBeGreaterThanOrEqual(5);
    const t = rig.gw.of('telemetry').at(-1) as DecodedUp<'telemetry'>;
    expect(t.configVersion).toBe(3);
    expect(t.bootCount).toBe(2);
    expect(t.state).toBe(DeviceState.IDLE);
  });
});

describe('badge: recording modes', () => {
  it('voice-activated: voice starts a session, silence ends it', () => {
    const rig = makeRig();
    rig.clock.advance(1000);
    rig.gw.send('config', { version: 1, recordingMode: RecordingMode.VOICE_ACTIVATED, silenceSplitS: 5, uploadPolicy: UploadPolicy.LIVE });
    rig.clock.advance(100);
    expect(rig.platform.audio.isListening()).toBe(true);
    rig.speak(100, true);
    expect(rig.badge.deviceState()).toBe(DeviceState.RECORDING);
    rig.speak(3000, true);
    rig.speak(6000, false);
    expect(rig.badge.deviceState()).toBe(DeviceState.IDLE);
    rig.clock.advance(2000);
    const end = rig.gw.of('session-end')[0] as DecodedUp<'session-end'>;
    expect(end.reason).toBe(2);
    expect((rig.gw.of('session-start')[0] as DecodedUp<'session-start'>).trigger).toBe(1);
  });

  it('scheduled: records only inside working hours', () => {
    const rig = makeRig();
    rig.clock.advance(1000);
    // Server time is 2026-01-01 00:00 UTC, a Thursday (bit 3): hours 09:00-17:00 Thursdays.
    rig.gw.send('config', { version: 1, recordingMode: RecordingMode.SCHEDULED, workingHours: [{ weekdays: 1 << 3, startMinute: 540, endMinute: 1020 }] });
    rig.clock.advance(100);
    expect(rig.badge.startSession(0)).toBe('outside working hours');
    expect(rig.platform.audio.isListening()).toBe(false);
    rig.clock.advance(9 * 3600_000);
    expect(rig.platform.audio.isListening()).toBe(true);
    expect(rig.badge.startSession(0)).toBeNull();
    rig.clock.advance(8 * 3600_000 + 10_000);
    expect(rig.badge.deviceState()).toBe(DeviceState.IDLE);
  });

  it('low battery stops recording and refuses to start until charged', () => {
    const rig = makeRig();
    rig.clock.advance(1000);
    rig.badge.startSession(0);
    rig.platform.battery.level = 4;
    rig.clock.advance(6000);
    expect(rig.badge.deviceState()).toBe(DeviceState.LOW_BATTERY);
    expect(rig.badge.startSession(0)).toBe('battery low');
    rig.platform.battery.onCharger = true;
    rig.clock.advance(6000);
    expect(rig.badge.deviceState()).toBe(DeviceState.IDLE);
  });
});

describe('badge: firmware update', () => {
  function image(n: number): { data: Uint8Array; sha: Uint8Array } {
    const data = new Uint8Array(n);
    for (let i = 0; i < n; i++) data[i] = (i * 7 + 3) & 0xff;
    return { data, sha: new Uint8Array(createHash('sha256').update(data).digest()) };
  }

  function serveFirmware(rig: Rig, data: Uint8Array, stopAfter = Infinity): void {
    let served = 0;
    const before = rig.gw.receive.bind(rig.gw);
    rig.gw.receive = (kind: string, bytes: Uint8Array) => {
      before(kind, bytes);
      if (kind !== 'firmware-request' || served >= stopAfter) return;
      served++;
      const req = rig.gw.received.at(-1)?.msg as DecodedUp<'firmware-request'>;
      rig.gw.send('firmware', { releaseId: req.releaseId, offset: req.offset, data: data.subarray(req.offset, req.offset + req.length), totalSize: data.length });
    };
  }

  it('downloads in ranges, resumes after a reboot, verifies, stages, switches and is confirmed', () => {
    const rig = makeRig();
    rig.clock.advance(1000);
    const img = image(10_000);
    serveFirmware(rig, img.data, 3);
    const fw = { releaseId: 'rel-2', version: '2.0.0', size: img.data.length, sha256: img.sha, chunkSize: 1024 };
    expect(command(rig, 'up1', CommandKind.FIRMWARE_UPDATE, { firmware: fw })[0]?.status).toBe(CommandStatus.IN_PROGRESS);
    rig.clock.advance(1000);
    // Power cut mid-download; after the reboot the same command resumes from 3 KiB.
    const requestsBefore = rig.gw.of('firmware-request').length;
    rig.reboot();
    serveFirmware(rig, img.data);
    rig.clock.advance(1000);
    const reqs = rig.gw.of('firmware-request') as DecodedUp<'firmware-request'>[];
    expect(reqs[requestsBefore]?.offset).toBe(3072);
    rig.clock.advance(3000);
    const results = (rig.gw.of('command-result') as Result[]).filter((r) => r.commandId === 'up1');
    expect(results.at(-1)?.status).toBe(CommandStatus.OK);
    expect(rig.flash.readFile('fw.b')).toEqual(img.data);
    expect(readBootRecord(rig.flash)).toMatchObject({ slot: 'b', previous: 'a', pending: true });
    expect(rig.reboots).toBe(1);
    // The loader boots slot b; the gateway's HelloReply confirms it.
    expect(chooseBootSlot(rig.flash)).toBe('b');
    rig.reboot('b');
    rig.clock.advance(2000);
    expect(readBootRecord(rig.flash).pending).toBe(false);
    const hello = (rig.gw.of('hello') as DecodedUp<'hello'>[]).at(-1);
    expect(hello?.firmwareSlot).toBe('b');
  });

  it('a wrong sha256 fails the update and stages nothing', () => {
    const rig = makeRig();
    rig.clock.advance(1000);
    const img = image(4000);
    serveFirmware(rig, img.data);
    const bad = new Uint8Array(img.sha);
    bad[0] = (bad[0] as number) ^ 1;
    command(rig, 'up2', CommandKind.FIRMWARE_UPDATE, { firmware: { releaseId: 'rel-3', version: '3.0.0', size: 4000, sha256: bad, chunkSize: 1000 } });
    rig.clock.advance(2000);
    const last = (rig.gw.of('command-result') as Result[]).filter((r) => r.commandId === 'up2').at(-1);
    expect(last?.status).toBe(CommandStatus.FAILED);
    expect(last?.detail).toMatch(/sha256/);
    expect(rig.flash.size('fw.b')).toBe(-1);
    expect(readBootRecord(rig.flash).pending).toBe(false);
    expect(rig.reboots).toBe(0);
  });

  it('rolls back when the new image does not reach the gateway in time, and by boot counter', () => {
    const rig = makeRig();
    rig.clock.advance(1000);
    const img = image(2000);
    serveFirmware(rig, img.data);
    command(rig, 'up3', CommandKind.FIRMWARE_UPDATE, { firmware: { releaseId: 'rel-4', version: '4.0.0', size: 2000, sha256: img.sha, chunkSize: 1000 } });
    rig.clock.advance(3000);
    expect(readBootRecord(rig.flash).pending).toBe(true);
    // The new image cannot reach the gateway.
    rig.gw.online = false;
    rig.gw.drop();
    chooseBootSlot(rig.flash);
    rig.reboot('b');
    rig.clock.advance(10 * 60_000 + 1000);
    expect(readBootRecord(rig.flash)).toMatchObject({ slot: 'a', pending: false });
    expect(rig.reboots).toBeGreaterThanOrEqual(2);
    // Back on slot a, the rollback is reported.
    rig.gw.online = true;
    rig.reboot('a');
    rig.clock.advance(3000);
    const fwEvents = (rig.gw.of('event') as Ev[]).filter((e) => e.kind === EventKind.FIRMWARE).map((e) => e.detail);
    expect(fwEvents.some((d) => d.startsWith('rolled back'))).toBe(true);

    // Boot counter: a pending image that keeps crashing before it can confirm.
    const rec = readBootRecord(rig.flash);
    rig.flash.writeFile('boot', new TextEncoder().encode(JSON.stringify({ ...rec, slot: 'b', previous: 'a', pending: true, attempts: 0, version: '5' })));
    for (let i = 0; i < MAX_UNCONFIRMED_BOOTS; i++) expect(chooseBootSlot(rig.flash)).toBe('b');
    expect(chooseBootSlot(rig.flash)).toBe('a');
    expect(readBootRecord(rig.flash).rolledBack).toMatch(/not confirmed after 3 boots/);
  });
});
