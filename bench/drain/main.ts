/**
 * `npm run bench -- drain [--hours 8] [--rate 262144]`: a badge that was
 * offline for a whole shift reconnects over a throttled link and drains its
 * backlog. The badge is the real firmware core on the Node platform; the
 * backlog is real speech (a corpus dialogue spoken by espeak-ng, encoded at
 * 16 kbps, looped) recorded as one-hour sessions while the Wi-Fi is off; the
 * link is the fault proxy with an aggregate throttle upstream; the gateway is
 * real (in process). Reported:
 *  - drain goodput (Opus bytes ÷ drain time) against the link's capacity,
 *    the capacity measured in the same run by pushing raw bytes through the
 *    same throttled proxy into a TCP sink (goal ≥ 90 %);
 *  - bytes on the wire (counted by the proxy, upstream, Hello/acks/MQTT/
 *    protobuf framing included) per byte of Opus (goal ≤ 1.05).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createFaultProxy } from '../../tools/src/faults/fault-proxy.js';
import { encodeConversation } from '../../tools/src/opus/conversation-opus.js';
import { loadCorpusScript } from '../../tools/src/speech/script.js';
import { defaultCorpusDir } from '../../tools/src/simulator/scenario-run.js';
import { startInProcessGateway } from '../../tools/src/simulator/in-process-gateway.js';
import { SimulatedBadge } from '../../tools/src/simulator/simulated-badge.js';

const { values } = parseArgs({ options: { hours: { type: 'string' }, rate: { type: 'string' } } });
const hours = Number(values.hours ?? 8);
const rate = Number(values.rate ?? 256 * 1024);
if (!(hours > 0) || !(rate > 0)) throw new Error('--hours and --rate must be positive');
const frameMs = 20;

/** Bytes per second the throttled proxy really forwards upstream, measured over `seconds`. */
async function measureCapacity(bytesPerSecond: number, seconds: number): Promise<number> {
  let received = 0;
  const sink = net.createServer((s) => {
    s.on('data', (d: Buffer) => (received += d.length));
    s.on('error', () => undefined); // reset when the measurement ends
  });
  await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
  const proxy = createFaultProxy({ target: { host: '127.0.0.1', port: (sink.address() as net.AddressInfo).port }, identifyMqtt: false });
  const { port } = await proxy.listen();
  proxy.throttleAggregate(bytesPerSecond, { direction: 'up' });
  const sock = net.connect(port, '127.0.0.1');
  sock.on('error', () => undefined); // reset when the measurement ends
  await new Promise<void>((r) => sock.once('connect', () => r()));
  const block = Buffer.alloc(16 * 1024, 0x5a);
  let writing = true;
  const pump = () => {
    while (writing && sock.write(block));
  };
  sock.on('drain', pump);
  pump();
  await new Promise((r) => setTimeout(r, 1000)); // the bucket starts empty; skip the start
  const r0 = received;
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const got = received - r0;
  const secs = (performance.now() - t0) / 1000;
  writing = false;
  sock.destroy();
  await proxy.close();
  await new Promise<void>((r) => sink.close(() => r()));
  return got / secs;
}

const dataDir = mkdtempSync(join(tmpdir(), 'parley-drain-'));
const gw = await startInProcessGateway({ dataDir });
const proxy = createFaultProxy({ target: { host: '127.0.0.1', port: gw.addresses.mqtt } });
let badge: SimulatedBadge | null = null;
try {
  console.log(`drain benchmark: ${hours} h offline backlog at 16 kbps, link throttled to ${rate} B/s upstream`);
  const capacity = await measureCapacity(rate, 5);
  console.log(`link capacity measured through the proxy: ${Math.round(capacity)} B/s (configured ${rate})`);

  const script = await loadCorpusScript(join(defaultCorpusDir, 'dev-001.json'));
  const conv = await encodeConversation(script, { opus: { bitrate: 16000, frameMs } });
  const packets = conv.audio.packets;
  const { port } = await proxy.listen();
  const deviceId = 'badge-drain-01';
  const secret = await gw.provisioner().provision(deviceId, 'st-drain');
  const totalFrames = Math.round((hours * 3600 * 1000) / frameMs);
  badge = new SimulatedBadge({
    deviceId, secret, staffId: 'st-drain', mqttUrl: `mqtt://127.0.0.1:${port}`,
    flashBytes: Math.ceil(totalFrames * 60 * 1.2) + 8 * 1024 * 1024, segmentBytes: 64 * 1024, uploadPolicy: 'live', seed: 1,
  });
  badge.setNetwork(false);
  badge.boot();
  const framesPerSession = (3600 * 1000) / frameMs;
  let opusBytes = 0;
  const tRec = performance.now();
  for (let i = 0; i < totalFrames; i++) {
    if (i % framesPerSession === 0) {
      badge.stopConversation();
      badge.startConversation();
    }
    const p = packets[i % packets.length] as Uint8Array;
    opusBytes += p.length;
    badge.pushFrame(p, true);
    if (i % 5000 === 4999) await new Promise((r) => setImmediate(r));
  }
  badge.stopConversation();
  const st = badge.status();
  console.log(
    `backlog recorded offline in ${((performance.now() - tRec) / 1000).toFixed(1)} s: ${st.sessionsInFlash} sessions, ${st.unackedChunks} chunks, ` +
      `${(opusBytes / 1e6).toFixed(1)} MB of Opus (${((opusBytes * 8) / (hours * 3600) / 1000).toFixed(1)} kbps), flash ${(st.flashUsedBytes / 1e6).toFixed(1)} MB`,
  );

  proxy.throttleAggregate(rate, { direction: 'up' });
  const t0 = performance.now();
  badge.setNetwork(true);
  badge.drainNow();
  let lastPrint = t0;
  while (badge.status().sessionsInFlash > 0) {
    await new Promise((r) => setTimeout(r, 200));
    if (performance.now() - lastPrint > 10_000) {
      lastPrint = performance.now();
      const s = badge.status();
      console.log(`  ${((lastPrint - t0) / 1000).toFixed(0)} s: ${s.unackedChunks} chunks left, ${(proxy.stats().bytesUp / 1e6).toFixed(1)} MB up`);
    }
  }
  const drainS = (performance.now() - t0) / 1000;
  const wireUp = proxy.stats().bytesUp;
  const goodput = opusBytes / drainS;
  console.log(`\ndrained in ${drainS.toFixed(1)} s (the link at full capacity would take ${(opusBytes / capacity).toFixed(1)} s)`);
  console.log(`goodput ${Math.round(goodput)} B/s = ${((goodput / capacity) * 100).toFixed(1)} % of the measured link capacity (goal >= 90 %)`);
  console.log(`wire ${Math.round(wireUp / drainS)} B/s = ${((wireUp / drainS / capacity) * 100).toFixed(1)} % of capacity`);
  console.log(`bytes on the wire per byte of Opus: ${(wireUp / opusBytes).toFixed(4)} (goal <= 1.05; ${wireUp} upstream bytes incl. connect/hello/telemetry)`);
} finally {
  badge?.shutdown();
  await proxy.close();
  await gw.close();
  rmSync(dataDir, { recursive: true, force: true });
}
