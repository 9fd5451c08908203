import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pb, type DecodedDown } from '@parley/proto';
import { startTestGateway, type TestGateway } from '../support/test-gateway.js';
import { BadgeDouble, hello } from './badge-double.js';
import { until } from '../support/until.js';

/** Pulls a release the way the badge does: ranged FirmwareRequests until size bytes are staged. */
async function download(badge: BadgeDouble, update: NonNullable<DecodedDown<'command'>['firmware']>): Promise<Buffer> {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset < update.size) {
    const since = badge.received.length;
    await badge.send('firmware-request', { releaseId: update.releaseId, offset, length: update.chunkSize });
    const chunk = await badge.waitFor('firmware', (c) => c.offset === offset, 3_000, since);
    expect(chunk.message.totalSize).toBe(update.size);
    parts.push(Buffer.from(chunk.message.data));
    offset += chunk.message.data.length;
  }
  return Buffer.concat(parts);
}

describe('firmware releases and staged rollouts over real aedes + mqtt.js', () => {
  let t: TestGateway;
  const auth = () => ({ authorization: `Bearer ${t.gateway.adminToken}` });
  const api = (method: 'GET' | 'POST', url: string, payload?: object) => t.gateway.http.inject({ method, url, headers: auth(), ...(payload ? { payload } : {}) });
  const secrets = new Map<string, string>();
  const bundle = randomBytes(10_000);

  beforeAll(async () => {
    t = await startTestGateway();
    for (const id of ['badge-fw-1', 'badge-fw-2', 'badge-fw-3', 'badge-fw-4']) {
      const { secret } = await t.gateway.devices.provision({ id, serial: `SN-${id}`, hardwareRevision: 'r10', firmwareVersion: '1.0.0' }, { actor: 'test' });
      secrets.set(id, secret);
    }
    await t.gateway.devices.provision({ id: 'badge-fw-old', serial: 'SN-old', hardwareRevision: 'r1', firmwareVersion: '1.0.0' }, { actor: 'test' });
  });
  afterAll(async () => t.stop());

  it('uploads a release with its sha256 and minimum hardware revision, refusing a wrong digest', async () => {
    const wrong = await t.gateway.http.inject({ method: 'POST', url: `/api/v1/releases?version=2.0.0&sha256=${'0'.repeat(64)}`, headers: { ...auth(), 'content-type': 'application/octet-stream' }, payload: bundle });
    expect(wrong.statusCode).toBe(400);
    const sha256 = createHash('sha256').update(bundle).digest('hex');
    const res = await t.gateway.http.inject({ method: 'POST', url: `/api/v1/releases?version=2.0.0&minHardwareRevision=r2&sha256=${sha256}`, headers: { ...auth(), 'content-type': 'application/octet-stream' }, payload: bundle });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ version: '2.0.0', size: 10_000, sha256, minHardwareRevision: 'r2' });
  });

  it('offers the release stage by stage, serves resumable chunks, advances when a stage applied, pauses past the failure threshold, aborts', async () => {
    const release = (await api('GET', '/api/v1/releases')).json().releases[0];
    const created = await api('POST', '/api/v1/rollouts', { releaseId: release.id, stages: [50, 100], failureThresholdPercent: 50 });
    expect(created.statusCode).toBe(201);
    const rollout = created.json();
    expect(rollout).toMatchObject({ state: 'running', stageIndex: 0, eligible: 4, counts: { offered: 2 } }); // r1 is below the minimum
    expect((await api('POST', '/api/v1/rollouts', { releaseId: release.id })).statusCode).toBe(409);

    const stage0 = (await api('GET', `/api/v1/rollouts/${rollout.id}`)).json().devices.map((d: { deviceId: string }) => d.deviceId) as string[];
    expect(stage0).toHaveLength(2);
    for (const deviceId of stage0) {
      const { badge } = await BadgeDouble.connect(t.addresses.mqtt, deviceId, secrets.get(deviceId)!);
      try {
        await badge!.send('hello', hello(deviceId, 0));
        const command = await badge!.waitFor('command', (c) => c.kind === pb.CommandKind.COMMAND_KIND_FIRMWARE_UPDATE);
        const update = command.message.firmware!;
        expect(update).toMatchObject({ releaseId: release.id, version: '2.0.0', size: 10_000, chunkSize: 4096 });
        await badge!.send('command-result', { commandId: command.message.id, status: pb.CommandStatus.COMMAND_STATUS_IN_PROGRESS, progress: 0 });
        const image = await download(badge!, update);
        expect(createHash('sha256').update(image).digest()).toEqual(Buffer.from(update.sha256));
        await badge!.send('event', { kind: pb.EventKind.EVENT_KIND_FIRMWARE, detail: 'staged' });
        await badge!.send('hello', { ...hello(deviceId, 0), firmwareVersion: '2.0.0', firmwarePendingConfirm: true });
        await badge!.send('event', { kind: pb.EventKind.EVENT_KIND_FIRMWARE, detail: 'confirmed' });
        await badge!.send('command-result', { commandId: command.message.id, status: pb.CommandStatus.COMMAND_STATUS_OK });
        await until(async () => (await api('GET', `/api/v1/devices/${deviceId}/commands/${command.message.id}`)).json().state === 'done');
      } finally {
        await badge?.close();
      }
    }

    // Stage 0 applied: stage 1 offers the rest.
    const after0 = (await api('GET', `/api/v1/rollouts/${rollout.id}`)).json();
    expect(after0.rollout).toMatchObject({ stageIndex: 1, state: 'running', counts: { applied: 2, offered: 2 } });
    const stage1 = after0.devices.filter((d: { stage: number }) => d.stage === 1).map((d: { deviceId: string }) => d.deviceId) as string[];

    // A badge that was not offered a release gets no chunks of it.
    const { badge: outsider } = await BadgeDouble.connect(t.addresses.mqtt, stage1[0]!, secrets.get(stage1[0]!)!);
    try {
      await outsider!.send('firmware-request', { releaseId: 'rel-not-offered', offset: 0, length: 4096 });
      await outsider!.send('hello', hello(stage1[0]!, 0));
      const command = await outsider!.waitFor('command', (c) => c.kind === pb.CommandKind.COMMAND_KIND_FIRMWARE_UPDATE);
      expect(outsider!.of('firmware')).toEqual([]);
      // Offsets beyond the bundle are not answered either.
      await outsider!.send('firmware-request', { releaseId: release.id, offset: 20_000, length: 4096 });
      await outsider!.send('command-result', { commandId: command.message.id, status: pb.CommandStatus.COMMAND_STATUS_FAILED, detail: 'sha256 mismatch' });
      await until(async () => (await api('GET', `/api/v1/rollouts/${rollout.id}`)).json().rollout.counts.failed === 1);
      expect(outsider!.of('firmware')).toEqual([]);
    } finally {
      await outsider?.close();
    }
    expect((await api('GET', `/api/v1/rollouts/${rollout.id}`)).json().rollout.state).toBe('running'); // 1 of 4 < 50 %

    // The second badge of stage 1 rolls back after staging: 2 of 4 failed, the rollout pauses.
    const { badge: second } = await BadgeDouble.connect(t.addresses.mqtt, stage1[1]!, secrets.get(stage1[1]!)!);
    try {
      await second!.send('hello', hello(stage1[1]!, 0));
      await second!.waitFor('command', (c) => c.kind === pb.CommandKind.COMMAND_KIND_FIRMWARE_UPDATE);
      await second!.send('event', { kind: pb.EventKind.EVENT_KIND_FIRMWARE, detail: 'staged' });
      await second!.send('event', { kind: pb.EventKind.EVENT_KIND_FIRMWARE, detail: 'rolled back: boot loop' });
      await until(async () => (await api('GET', `/api/v1/rollouts/${rollout.id}`)).json().rollout.state === 'paused');
    } finally {
      await second?.close();
    }
    const paused = (await api('GET', `/api/v1/rollouts/${rollout.id}`)).json().rollout;
    expect(paused.reason).toMatch(/2 of 4 devices failed/);
    // Resuming as is pauses again at once; with a higher threshold the last stage is done.
    const again = await api('POST', `/api/v1/rollouts/${rollout.id}/resume`);
    expect(again.json()).toMatchObject({ state: 'paused' });
    expect((await api('POST', `/api/v1/rollouts/${rollout.id}/resume?failureThresholdPercent=80`)).json()).toMatchObject({ state: 'completed', failureThresholdPercent: 80 });
    expect((await api('POST', `/api/v1/rollouts/${rollout.id}/abort`)).statusCode).toBe(409);
    expect((await t.gateway.audit.list({ target: rollout.id })).map((e) => e.action)).toEqual([
      'firmware.rollout.created',
      'firmware.rollout.paused',
      'firmware.rollout.running',
      'firmware.rollout.paused',
      'firmware.rollout.running',
      'firmware.rollout.completed',
    ]);
  });

  it('aborts a rollout and cancels the commands not yet sent', async () => {
    const release = (await t.gateway.http.inject({ method: 'POST', url: '/api/v1/releases?version=2.0.2', headers: { ...auth(), 'content-type': 'application/octet-stream' }, payload: randomBytes(64) })).json();
    const rollout = (await api('POST', '/api/v1/rollouts', { releaseId: release.id, stages: [100] })).json();
    expect(rollout.counts.offered).toBe(5); // no minimum hardware revision: the r1 badge too
    expect((await api('POST', `/api/v1/rollouts/${rollout.id}/abort`)).json().state).toBe('aborted');
    const commands = t.gateway.fleet.commands.list({ state: 'cancelled', limit: 1000 }).filter((c) => c.releaseId === release.id);
    expect(commands).toHaveLength(5);
  });

  it('fails a badge that staged the image and did not reconnect in time', async () => {
    const bundle2 = randomBytes(100);
    const release = (await t.gateway.http.inject({ method: 'POST', url: '/api/v1/releases?version=2.0.1', headers: { ...auth(), 'content-type': 'application/octet-stream' }, payload: bundle2 })).json();
    const rollout = (await api('POST', '/api/v1/rollouts', { releaseId: release.id, stages: [100], failureThresholdPercent: 100, reconnectTimeoutMs: 1_000 })).json();
    const offered = (await api('GET', `/api/v1/rollouts/${rollout.id}`)).json().devices as { deviceId: string }[];
    const deviceId = offered.map((d) => d.deviceId).find((id) => secrets.has(id))!;
    const { badge } = await BadgeDouble.connect(t.addresses.mqtt, deviceId, secrets.get(deviceId)!);
    try {
      await badge!.send('hello', hello(deviceId, 0));
      await badge!.waitFor('command', (c) => c.firmware?.releaseId === release.id);
      await badge!.send('event', { kind: pb.EventKind.EVENT_KIND_FIRMWARE, detail: 'staged' });
      await until(async () => (await api('GET', `/api/v1/rollouts/${rollout.id}`)).json().rollout.counts.staged === 1);
    } finally {
      await badge?.close();
    }
    await new Promise((r) => setTimeout(r, 1_100));
    t.gateway.fleet.rollouts.evaluate();
    const devices = (await api('GET', `/api/v1/rollouts/${rollout.id}`)).json().devices as { deviceId: string; state: string; detail: string }[];
    expect(devices.find((d) => d.deviceId === deviceId)).toMatchObject({ state: 'failed', detail: 'did not reconnect after staging' });
  });
});

