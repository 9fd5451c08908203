import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { readOggOpus } from '../../src/ingest/ogg/index.js';
import { IngestPaths } from '../../src/ingest/paths.js';
import { scanSpool } from '../../src/ingest/spool-record.js';
import { TestBadge, chunkMessage, digestOf, hex, newSessionId } from './support/badge-client.js';
import { realOpusFrames } from './support/opus-frames.js';

const FRAMES = realOpusFrames('1.wav');
const PER_CHUNK = 10;
const CHUNKS_PER_SESSION = 12;
const ITERATIONS = 6;
const script = fileURLToPath(new URL('./support/crash-gateway.ts', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'parley-crash-'));
const paths = new IngestPaths(dataDir);
let child: ChildProcess | null = null;

afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Deterministic pseudo-random kill points (mulberry32). */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function startGateway(): Promise<number> {
  const proc = spawn(process.execPath, ['--import', 'tsx', script, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  child = proc;
  return await new Promise<number>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    proc.once('exit', (code) => reject(new Error(`gateway exited ${code} before READY`)));
  });
}

async function kill9(): Promise<void> {
  const proc = child!;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGKILL');
  await exited;
  child = null;
}

interface Session {
  id: Uint8Array;
  device: string;
  frames: Uint8Array[];
  /** Highest contiguousThrough the gateway acknowledged. */
  ackedThrough: number;
  ended: boolean;
}

function sessionFrames(n: number): Uint8Array[] {
  return Array.from({ length: CHUNKS_PER_SESSION * PER_CHUNK }, (_, i) => FRAMES[(n * 37 + i) % FRAMES.length]!);
}

function chunkOf(s: Session, seq: number) {
  return chunkMessage(s.id, seq, seq * PER_CHUNK, s.frames.slice(seq * PER_CHUNK, (seq + 1) * PER_CHUNK));
}

function endOf(s: Session) {
  return {
    sessionId: s.id,
    reason: 1,
    endTimeMs: 1,
    clockSynced: true,
    totalFrames: s.frames.length,
    totalBytes: 0,
    totalChunks: CHUNKS_PER_SESSION,
    digest: digestOf(s.frames),
  };
}

function track(b: TestBadge, sessions: Session[]): void {
  b.client.on('message', () => {
    for (const a of b.messages('ack')) {
      const s = sessions.find((x) => hex(x.id) === hex(a.sessionId));
      if (s) s.ackedThrough = Math.max(s.ackedThrough, a.complete ? CHUNKS_PER_SESSION - 1 : a.contiguousThrough);
    }
  });
}

/** Every acknowledged chunk is in its session's spool, or the session is finalised with an Ogg holding its frames. */
function checkAcknowledgedPresent(sessions: Session[]): void {
  const db = new BetterSqlite3(join(dataDir, 'gateway.db'), { readonly: true });
  try {
    for (const s of sessions) {
      if (s.ackedThrough < 0) continue;
      const row = db.prepare('SELECT state FROM ingest_sessions WHERE device_id = ? AND session_id = ?').get(s.device, hex(s.id)) as { state: string } | undefined;
      if (row?.state === 'finalised') {
        const ogg = readOggOpus(readFileSync(paths.audioFile(s.device, hex(s.id))));
        expect(ogg.packets.length).toBe(s.frames.length);
        continue;
      }
      const file = paths.spoolFile(s.device, hex(s.id));
      expect(existsSync(file), `spool of ${hex(s.id)} acked through ${s.ackedThrough}`).toBe(true);
      const seqs = new Set(scanSpool(readFileSync(file)).records.map((r) => r.chunk.seq));
      for (let q = 0; q <= s.ackedThrough; q++) expect(seqs.has(q), `acked seq ${q} of ${hex(s.id)}`).toBe(true);
    }
  } finally {
    db.close();
  }
}

describe('ingest crash safety (kill -9 of the gateway process)', () => {
  it('keeps every acknowledged chunk and finalises every session exactly once into the outbox', { timeout: 120_000 }, async () => {
    const random = prng(20261122);
    const sessions: Session[] = [];
    let made = 0;
    const newSession = (device: string): Session => {
      const s: Session = { id: newSessionId(), device, frames: sessionFrames(made++), ackedThrough: -1, ended: false };
      sessions.push(s);
      return s;
    };
    for (let it = 0; it < ITERATIONS; it++) {
      const port = await startGateway();
      // After a restart, recovery already ran: what was acked before the kill must be there.
      checkAcknowledgedPresent(sessions);
      const devices = ['badge-a01', 'badge-b02'];
      const clients = await Promise.all(devices.map((d) => TestBadge.connect(port, d)));
      clients.forEach((c) => track(c, sessions));
      const killAt = Date.now() + 150 + random() * 500;
      let killed = false;
      // A publish to a killed broker never gets its PUBACK: bound each wait.
      const send = (p: Promise<void>): Promise<unknown> => Promise.race([p.catch(() => undefined), new Promise((r) => setTimeout(r, 100))]);
      const streams = clients.map(async (c) => {
        let s = newSession(c.deviceId);
        let seq = 0;
        while (!killed) {
          await send(c.send('chunk', chunkOf(s, seq)));
          seq++;
          if (seq === CHUNKS_PER_SESSION) {
            await send(c.send('session-end', endOf(s)));
            s.ended = true;
            s = newSession(c.deviceId);
            seq = 0;
          }
        }
      });
      await new Promise((r) => setTimeout(r, killAt - Date.now()));
      await kill9();
      killed = true;
      await Promise.all(streams);
      for (const c of clients) c.client.end(true);
    }

    // Final run: badges resend whatever was not acknowledged and close every session.
    const port = await startGateway();
    checkAcknowledgedPresent(sessions);
    const acked = sessions.filter((s) => s.ackedThrough >= 0).length;
    expect(acked).toBeGreaterThan(ITERATIONS);
    const clients = new Map<string, TestBadge>();
    for (const d of ['badge-a01', 'badge-b02']) {
      const c = await TestBadge.connect(port, d);
      track(c, sessions);
      clients.set(d, c);
    }
    for (const s of sessions) {
      const c = clients.get(s.device)!;
      for (let q = s.ackedThrough + 1; q < CHUNKS_PER_SESSION; q++) await c.send('chunk', chunkOf(s, q));
      await c.send('session-end', endOf(s));
    }
    for (const s of sessions) await clients.get(s.device)!.waitFor('ack', (a) => a.complete && hex(a.sessionId) === hex(s.id), 20_000);
    const deadline = Date.now() + 20_000;
    let delivered: string[] = [];
    while (Date.now() < deadline) {
      delivered = existsSync(join(dataDir, 'delivered.log')) ? readFileSync(join(dataDir, 'delivered.log'), 'utf8').split('\n').filter(Boolean) : [];
      if (new Set(delivered).size === sessions.length) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    for (const c of clients.values()) await c.close();

    // Every session reached the outbox exactly once, and its Ogg holds exactly the badge's frames.
    const db = new BetterSqlite3(join(dataDir, 'gateway.db'), { readonly: true });
    const rows = db.prepare('SELECT session_id, COUNT(*) AS n FROM ingest_outbox GROUP BY session_id').all() as Array<{ session_id: string; n: number }>;
    db.close();
    expect(rows.length).toBe(sessions.length);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    expect(new Set(delivered)).toEqual(new Set(sessions.map((s) => hex(s.id))));
    // At-least-once: a session is delivered again only if a kill fell between the consumer and its confirmation.
    expect(delivered.length - sessions.length).toBeLessThanOrEqual(ITERATIONS);
    for (const s of sessions) {
      const ogg = readOggOpus(readFileSync(paths.audioFile(s.device, hex(s.id))));
      expect(ogg.packets.map((p) => Buffer.from(p).toString('base64'))).toEqual(s.frames.map((f) => Buffer.from(f).toString('base64')));
    }
    await kill9();
  });
});
