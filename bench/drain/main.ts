/**
 * `npm run bench -- drain [--hours 8] [--rate 262144] [--chunk-ms 1000]`: a badge that was
 * offline for a whole shift reconnects over a throttled link and drains its
 * backlog, three times in the same run, once per chunk form the gateway
 * announces in HelloReply.capabilities:
 *  - compact (CAPABILITY_PACKED_FRAMES | CAPABILITY_COMPACT_CHUNKS, the
 *    gateway's default): the session named by its per-connection alias, the
 *    frame sizes Rice-coded (frame_data + frame_sizes_rice);
 *  - packed (CAPABILITY_PACKED_FRAMES only, `ingest.compactChunks: false`):
 *    the 16-byte session id, frame_data + frame_sizes (one varint per frame);
 *  - legacy (no capabilities, as a gateway of the first protocol version):
 *    the badge rewrites its chunks into `repeated bytes frames`.
 * The badge is
 * the real firmware core on the Node platform; the backlog is real speech (a
 * corpus dialogue spoken by espeak-ng, encoded at 16 kbps, looped) recorded
 * as one-hour sessions while the Wi-Fi is off; the link is the fault proxy
 * with an aggregate throttle upstream; the gateway is real (in process).
 * Reported per form:
 *  - drain goodput (Opus bytes ÷ drain time) against the link's capacity,
 *    the capacity measured in the same run by pushing raw bytes through the
 *    same throttled proxy into a TCP sink (goal ≥ 90 %);
 *  - bytes on the wire (counted by the proxy, upstream, Hello/acks/MQTT/
 *    protobuf framing included) per byte of Opus (goal ≤ 1.05), and where
 *    they go (wire-accounting.ts: every publish the badge makes, decoded),
 *    side by side, with what the chunk topic costs.
 * `--chunk-ms` sets the badge's chunk length through a device config profile
 * in the gateway's fleet (the firmware takes 20..4000 ms), applied while the
 * badge is online before it goes offline for the shift.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createFaultProxy } from '../../tools/src/faults/fault-proxy.js';
import { encodeConversation } from '../../tools/src/opus/conversation-opus.js';
import { loadCorpusScript } from '../../tools/src/speech/script.js';
import { startInProcessGateway } from '../../tools/src/simulator/in-process-gateway.js';
import { defaultCorpusDir } from '../../tools/src/simulator/scenario-run.js';
import { SimulatedBadge } from '../../tools/src/simulator/simulated-badge.js';
import { ClockState } from '../../firmware/src/core/messages.js';
import { createWireAccount, formatWireAccounts, type WireAccount } from './wire-accounting.js';

const { values } = parseArgs({ options: { hours: { type: 'string' }, rate: { type: 'string' }, 'chunk-ms': { type: 'string' } } });
const hours = Number(values.hours ?? 8);
const rate = Number(values.rate ?? 256 * 1024);
const chunkMs = values['chunk-ms'] === undefined ? null : Number(values['chunk-ms']);
if (!(hours > 0) || !(rate > 0)) throw new Error('--hours and --rate must be positive');
if (chunkMs !== null && !(Number.isInteger(chunkMs) && chunkMs >= 200 && chunkMs <= 4000)) throw new Error('--chunk-ms must be an integer 200..4000');
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

type Form = 'legacy' | 'packed' | 'compact';

/** What the gateway of each run announces. */
const FORM_SETTINGS: Record<Form, { packedFrames: boolean; compactChunks: boolean; says: string }> = {
  legacy: { packedFrames: false, compactChunks: false, says: 'of the first protocol version (no capabilities)' },
  packed: { packedFrames: true, compactChunks: false, says: 'that announces CAPABILITY_PACKED_FRAMES only' },
  compact: { packedFrames: true, compactChunks: true, says: 'that announces CAPABILITY_PACKED_FRAMES | CAPABILITY_COMPACT_CHUNKS (the default)' },
};

interface DrainResult {
  form: Form;
  opusBytes: number;
  drainS: number;
  wireUp: number;
  account: WireAccount;
}

/** Records the offline backlog on a fresh badge and drains it through a fresh gateway of the given kind. */
async function drain(form: Form, packets: Uint8Array[], capacity: number): Promise<DrainResult> {
  const dataDir = mkdtempSync(join(tmpdir(), `parley-drain-${form}-`));
  const { says, ...ingest } = FORM_SETTINGS[form];
  const gw = await startInProcessGateway({ dataDir, ingest });
  const fleet = gw.provisioner();
  const proxy = createFaultProxy({ target: { host: '127.0.0.1', port: gw.addresses.mqtt } });
  let badge: SimulatedBadge | null = null;
  try {
    console.log(`\n--- ${form} form: a gateway ${says}`);
    const { port } = await proxy.listen();
    const deviceId = 'badge-drain-01';
    const secret = await fleet.provision(deviceId, 'bench-staff');
    const totalFrames = Math.round((hours * 3600 * 1000) / frameMs);
    let account = createWireAccount();
    badge = new SimulatedBadge({
      deviceId, secret, staffId: 'st-drain', mqttUrl: `mqtt://127.0.0.1:${port}`,
      flashBytes: Math.ceil(totalFrames * 60 * 1.2) + 8 * 1024 * 1024, segmentBytes: 64 * 1024, uploadPolicy: 'live', seed: 1,
      onPublish: (topic, payload, qos, handedOver) => {
        if (handedOver) account.publish(topic, payload, qos);
      },
    });
    // The shift starts online, as a badge's day does: it syncs its clock from the HelloReply (so its
    // chunks carry unix capture times, the larger encoding) and takes the operator's chunk length as
    // config; then the Wi-Fi goes away for the shift.
    if (chunkMs !== null) await fleet.configure(deviceId, { chunkDurationMs: chunkMs, uploadPolicy: 0 });
    badge.boot();
    const until = Date.now() + 30_000;
    while (badge.firmware().hello().clockState !== ClockState.SYNCED || (chunkMs !== null && badge.firmware().effectiveConfig().chunkDurationMs !== chunkMs)) {
      if (Date.now() > until) throw new Error('the badge did not sync its clock or receive its config');
      await new Promise((r) => setTimeout(r, 50));
    }
    if (chunkMs !== null) console.log(`chunk length ${chunkMs} ms (device config profile, version ${badge.firmware().effectiveConfig().version})`);
    badge.setNetwork(false);
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
    const wireBefore = proxy.stats().bytesUp;
    account = createWireAccount();
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
    const wireUp = proxy.stats().bytesUp - wireBefore;
    const goodput = opusBytes / drainS;
    console.log(`drained in ${drainS.toFixed(1)} s (the link at full capacity would take ${(opusBytes / capacity).toFixed(1)} s)`);
    console.log(`goodput ${Math.round(goodput)} B/s = ${((goodput / capacity) * 100).toFixed(1)} % of the measured link capacity (goal >= 90 %)`);
    console.log(`bytes on the wire per byte of Opus: ${(wireUp / opusBytes).toFixed(4)} (goal <= 1.05; ${wireUp} upstream bytes incl. connect/hello/telemetry)`);
    console.log(`chunks: ${account.legacyChunks} legacy, ${account.packedChunks} packed, ${account.compactChunks} compact (${account.aliasedChunks} named by alias)`);
    if (account.opus !== opusBytes) console.log(`note: ${account.opus} Opus bytes published vs ${opusBytes} recorded (retransmissions)`);
    return { form, opusBytes, drainS, wireUp, account };
  } finally {
    badge?.shutdown();
    await proxy.close();
    await gw.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(`drain benchmark: ${hours} h offline backlog at 16 kbps, link throttled to ${rate} B/s upstream, chunks ${chunkMs ?? 'firmware default (1000)'} ms`);
const capacity = await measureCapacity(rate, 5);
console.log(`link capacity measured through the proxy: ${Math.round(capacity)} B/s (configured ${rate})`);
const script = await loadCorpusScript(join(defaultCorpusDir, 'dev-001.json'));
const conv = await encodeConversation(script, { opus: { bitrate: 16000, frameMs } });
const results: DrainResult[] = [];
for (const form of ['legacy', 'packed', 'compact'] as const) results.push(await drain(form, conv.audio.packets, capacity));

console.log('\nwhere the upstream bytes of the drain go (every publish decoded), per byte of Opus:\n');
console.log(formatWireAccounts(results.map((r) => ({ label: r.form, account: r.account, wireUp: r.wireUp }))));
const row = (label: string, f: (r: DrainResult) => string): string => `| ${label} | ${results.map(f).join(' | ')} |`;
console.log(row('drain goodput / measured link capacity (goal >= 90 %)', (r) => `${((r.opusBytes / r.drainS / capacity) * 100).toFixed(1)} %`));
console.log(row('drain time, s', (r) => r.drainS.toFixed(1)));
const byForm = (form: Form): DrainResult | undefined => results.find((r) => r.form === form);
const ratio = (r: DrainResult): number => r.wireUp / r.opusBytes;
const packed = byForm('packed');
const legacy = byForm('legacy');
const compact = byForm('compact');
if (packed && legacy && compact) {
  console.log(`\npacked / legacy bytes on the wire: ${(ratio(packed) / ratio(legacy)).toFixed(4)}; compact / packed: ${(ratio(compact) / ratio(packed)).toFixed(4)}`);
  const goals = (r: DrainResult): string => `${ratio(r) <= 1.05 ? 'meets' : 'misses'} <= 1.05, ${r.opusBytes / r.drainS / capacity >= 0.9 ? 'meets' : 'misses'} >= 90 %`;
  console.log(`goals: legacy ${goals(legacy)}; packed ${goals(packed)}; compact ${goals(compact)}`);
  const a = compact.account;
  const p = packed.account;
  console.log(
    `chunk topic: ${p.topicBytes} bytes per publish (packed, up/chunk) = ${(p.chunkTopic / p.opus).toFixed(4)} per Opus byte; ` +
      `${a.topicBytes} bytes (compact, up/c) = ${(a.chunkTopic / a.opus).toFixed(4)}`,
  );
}
