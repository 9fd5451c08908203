/**
 * One load-generator process: `count` badges (mqtt.js, QoS 1) from index
 * `first`, each sending Hello (and waiting for the HelloReply) and SessionStart,
 * then streaming one session of 1 s chunks (50 real Opus frames, packed unless
 * the job says legacy).
 *   realtime: one chunk per second per badge, start times spread over the ramp (1 s by default)
 *   saturate: each badge keeps `window` chunks awaiting PUBACK, back to back
 * Latency per chunk: publish -> ChunkAck covering it (gateway) or -> PUBACK
 * (bare, which sends no ChunkAck). Reports over IPC.
 */
import { crc32 } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { decodeDown, encodeUp, packFrames } from '@parley/proto';
import { opusFrames } from './opus-source.js';

interface Job {
  port: number;
  first: number;
  count: number;
  mode: 'realtime' | 'saturate';
  target: 'gateway' | 'bare';
  seconds: number;
  window: number;
  /** Chunk frames packed (frame_data + frame_sizes, what badges send to a gateway that advertises it) or one field each. */
  packed: boolean;
  /** Realtime: the badges' openings (and so their chunk phases) are spread evenly over this many ms. */
  rampMs: number;
}

const job = JSON.parse(process.argv[2]!) as Job;
const frames = opusFrames();
const CHUNK_FRAMES = 50;

/** The Opus frames of chunk `seq` in the form the gateway advertises (packed by default), and their CRC; cached per offset. */
const framesCache = new Map<number, { fields: { frames: Uint8Array[] } | { frameData: Uint8Array; frameSizes: Uint8Array }; crc: number }>();
function chunkFrames(seq: number): { fields: { frames: Uint8Array[] } | { frameData: Uint8Array; frameSizes: Uint8Array }; crc: number } {
  const start = (seq * CHUNK_FRAMES) % (frames.length - CHUNK_FRAMES);
  let cached = framesCache.get(start);
  if (!cached) {
    const fs = frames.slice(start, start + CHUNK_FRAMES);
    let crc = 0;
    for (const f of fs) crc = crc32(f, crc);
    cached = { fields: job.packed ? packFrames(fs) : { frames: fs }, crc: crc >>> 0 };
    framesCache.set(start, cached);
  }
  return cached;
}

function chunkPayload(sessionId: Uint8Array, seq: number): Buffer {
  const { fields, crc } = chunkFrames(seq);
  return Buffer.from(encodeUp('chunk', { sessionId, seq, firstFrame: seq * CHUNK_FRAMES, ...fields, captureTimeMs: Date.now(), clockSynced: true, crc32: crc }));
}

const latencies: number[] = [];
/** Latencies of chunks sent after the warm-up (every badge's first connect-and-open burst is over). */
const steadyLatencies: number[] = [];
const WARMUP_MS = 3000;
let t0 = Infinity;
function record(sentAt: number, latency: number): void {
  latencies.push(latency);
  if (sentAt - t0 >= WARMUP_MS) steadyLatencies.push(latency);
}
let sent = 0;
let acked = 0;
let stop = false;
let errors = 0;

interface Badge {
  id: string;
  client: MqttClient;
  sessionId: Uint8Array;
  seq: number;
  sentAt: Map<number, number>;
  onHelloReply: (() => void) | null;
}

async function connect(i: number): Promise<Badge> {
  const id = `bench-${String(i).padStart(5, '0')}`;
  const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${job.port}`, { clientId: id, clean: true, reconnectPeriod: 0, keepalive: 600, protocolVersion: 4 });
  const b: Badge = { id, client, sessionId: Uint8Array.from(randomBytes(16)), seq: 0, sentAt: new Map(), onHelloReply: null };
  if (job.target === 'gateway') {
    await client.subscribeAsync(`badges/${id}/down/#`, { qos: 1 });
    client.on('message', (topic, payload) => {
      if (topic.endsWith('/down/hello-reply')) {
        b.onHelloReply?.();
        b.onHelloReply = null;
        return;
      }
      if (!topic.endsWith('/down/ack')) return;
      const ack = decodeDown('ack', payload);
      const now = performance.now();
      for (const [seq, t] of b.sentAt) {
        if (seq <= ack.contiguousThrough) {
          record(t, now - t);
          acked++;
          b.sentAt.delete(seq);
        }
      }
    });
  }
  return b;
}

function publish(b: Badge): Promise<void> {
  const seq = b.seq++;
  const t = performance.now();
  if (job.target === 'gateway') b.sentAt.set(seq, t);
  sent++;
  return b.client.publishAsync(`badges/${b.id}/up/chunk`, chunkPayload(b.sessionId, seq), { qos: 1 }).then(
    () => {
      if (job.target === 'bare') {
        record(t, performance.now() - t);
        acked++;
      }
    },
    () => void errors++,
  );
}

/**
 * What a badge does before its first chunk, as the firmware does after (re)connecting with a recording running:
 * Hello (empty backlog: nothing older held), wait for the HelloReply (the gateway; bare aedes sends none), then the
 * session's SessionStart. QoS 1 like everything the badge sends.
 */
async function opening(b: Badge): Promise<void> {
  const now = Date.now();
  const hello = encodeUp('hello', { deviceId: b.id, firmwareVersion: '1.0.0', hardwareRevision: 'r1', bootCount: 1, uptimeS: 60, configVersion: 0, backlog: [], deviceTimeMs: now });
  const start = encodeUp('session-start', {
    sessionId: b.sessionId,
    staffId: `staff-${b.id}`,
    startTimeMs: now,
    clockSynced: true,
    monotonicMs: 60_000,
    codec: { codec: 0, sampleRate: 16_000, channels: 1, frameMs: 20, bitrate: 16_000 },
    trigger: 0,
    bootCount: 1,
  });
  const replied = job.target === 'gateway' ? new Promise<void>((resolve) => (b.onHelloReply = resolve)) : Promise.resolve();
  b.client.publish(`badges/${b.id}/up/hello`, Buffer.from(hello), { qos: 1 });
  await replied;
  b.client.publish(`badges/${b.id}/up/session-start`, Buffer.from(start), { qos: 1 });
}

const badges: Badge[] = [];
for (let i = 0; i < job.count; i += 50) {
  const batch = await Promise.all(Array.from({ length: Math.min(50, job.count - i) }, (_, k) => connect(job.first + i + k)));
  badges.push(...batch);
}
process.send!({ connected: badges.length });

await new Promise<void>((resolve) => process.once('message', () => resolve()));
t0 = performance.now();
const runs = badges.map(async (b, i) => {
  if (job.mode === 'realtime') {
    await new Promise((r) => setTimeout(r, (i / badges.length) * job.rampMs));
    await opening(b);
    let next = performance.now();
    while (!stop) {
      void publish(b);
      next += 1000;
      await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
    }
  } else {
    await opening(b);
    const inflight = new Set<Promise<void>>();
    while (!stop) {
      const p = publish(b).finally(() => inflight.delete(p));
      inflight.add(p);
      if (inflight.size >= job.window) await Promise.race(inflight);
    }
  }
});
setTimeout(() => (stop = true), job.seconds * 1000);
await Promise.all(runs);
// Let the last acks arrive.
await new Promise((r) => setTimeout(r, 1500));
const elapsed = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage();
// Exit only once the (large) result message has been handed to the IPC channel.
process.send!({ result: { sent, acked, errors, elapsed, latencies, steadyLatencies, cpuMs: (cpu.user + cpu.system) / 1000 } }, () => {
  for (const b of badges) b.client.end(true);
  process.disconnect();
  setTimeout(() => process.exit(0), 200);
});
