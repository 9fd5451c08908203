/**
 * `npm run bench -- ingest [--badges 5000] [--seconds 20] [--sat-badges 100] [--window 8] [--workers 1]`
 *
 * The same load against (a) a bare aedes that only counts chunk messages and
 * (b) aedes + the Parley ingest (spool files, group-commit fsync, SQLite
 * index, ChunkAck), each in its own server process, with the simulated badges
 * (mqtt.js, QoS 1, real 16 kbps Opus, 1 s chunks) in separate load processes:
 *   realtime: --badges badges streaming live (1 chunk/s each)
 *   saturate: --sat-badges badges draining a backlog as fast as allowed
 * Prints sustained chunks/s and MB/s measured at the server, ack latency
 * p50/p99, server CPU and RSS, and the ratio gateway/bare.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cpus, loadavg } from 'node:os';
import { opusFrames } from './opus-source.js';

const { values: args } = parseArgs({
  options: {
    badges: { type: 'string', default: '5000' },
    seconds: { type: 'string', default: '20' },
    'sat-badges': { type: 'string', default: '100' },
    'sat-seconds': { type: 'string', default: '10' },
    window: { type: 'string', default: '8' },
    workers: { type: 'string', default: '1' },
    /** Ingest config overrides as JSON, e.g. '{"fsyncIntervalMs":20}'. */
    config: { type: 'string', default: '{}' },
    /** Run only one phase: saturate, realtime or burst. */
    only: { type: 'string', default: '' },
    /** Chunk frame form: packed (frame_data + frame_sizes, what badges send to this gateway: HelloReply advertises it) or legacy. */
    frames: { type: 'string', default: 'packed' },
    /**
     * Realtime: seconds over which the badges' openings (connect, Hello, SessionStart) are spread. 4 (default) is the
     * firmware's own reconnect storm after a gateway restart: its backoff (uniform in [d/2, d], d doubling from 1 s)
     * has badges that failed while the gateway was starting (a few seconds) retrying over several seconds. The burst
     * phase always opens every badge within 1 s, harsher than the firmware, and is reported without a target.
     */
    ramp: { type: 'string', default: '4' },
    /** Run only one target: bare or gateway (no ratio then). */
    target: { type: 'string', default: '' },
  },
});
const BADGES = Number(args.badges);
const SECONDS = Number(args.seconds);
const SAT_BADGES = Number(args['sat-badges']);
const SAT_SECONDS = Number(args['sat-seconds']);
const WINDOW = Number(args.window);
const WORKERS = Number(args.workers);

/**
 * V8 flags of the server processes (bare and gateway alike), as recommended for the gateway in docs/deployment.md:
 * a 64 MB young generation. With 5,000 live badges the default (16 MB) scavenged 194-234 times in a 20 s run
 * (2.9-3.5 s of pauses in total); with 64 MB 80-84 times (1.2-1.9 s), for 50-130 MB more RSS.
 */
const SERVER_V8_FLAGS: string[] = ['--max-semi-space-size=64'];

const here = (f: string): string => fileURLToPath(new URL(f, import.meta.url));
const frames = opusFrames();
const opusBytesPerChunk = frames.slice(0, 50).reduce((a, f) => a + f.length, 0);

interface ServerStats {
  detail: Record<string, number>;
  count: number;
  cpuMs: number;
  rss: number;
}
interface WorkerResult {
  sent: number;
  acked: number;
  errors: number;
  elapsed: number;
  latencies: number[];
  steadyLatencies: number[];
  cpuMs: number;
}

function once<T>(proc: ChildProcess, key: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMsg = (m: Record<string, unknown>): void => {
      if (key in m) {
        proc.off('message', onMsg);
        resolve(m[key] as T);
      }
    };
    proc.on('message', onMsg);
    proc.once('exit', (code) => reject(new Error(`${key}: process exited ${code}`)));
  });
}

async function stats(server: ChildProcess): Promise<ServerStats> {
  const p = once<ServerStats>(server, 'stats');
  server.send({ cmd: 'stats' });
  return p;
}

function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface Row {
  target: 'bare' | 'gateway';
  phase: Phase;
  badges: number;
  chunksPerS: number;
  mbPerS: number;
  p50: number;
  p99: number;
  /** p99 of chunks sent after the first 3 s (the connect-and-open burst of every badge at once). */
  steadyP99: number;
  serverCpu: number;
  rssMb: number;
  loadCpu: number;
  sent: number;
  acked: number;
  errors: number;
}

type Phase = 'saturate' | 'realtime' | 'burst';

async function runPhase(target: 'bare' | 'gateway', phase: Phase, badges: number, seconds: number, rampS: number): Promise<Row> {
  // As the gateway's start script (package.json): commits, spool I/O (at most ingest.spoolIoParallel at once) and Ogg writes share it.
  const env = { ...process.env, UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE ?? '16' };
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  // Extra V8/Node flags for the server process only, e.g. BENCH_SERVER_ARGS='--trace-gc'.
  const extra = (process.env.BENCH_SERVER_ARGS ?? '').split(/\s+/).filter(Boolean);
  const server = fork(here('./server.ts'), [target, args.config], { env, execArgv: [...SERVER_V8_FLAGS, '--import', 'tsx', ...profile, ...extra], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise<{ port: number }>((resolve, reject) => {
    server.once('message', (m) => resolve(m as { port: number }));
    server.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  const workers: ChildProcess[] = [];
  const per = Math.ceil(badges / WORKERS);
  for (let w = 0; w < WORKERS && w * per < badges; w++) {
    const job = { port: ready.port, first: w * per, count: Math.min(per, badges - w * per), mode: phase === 'saturate' ? 'saturate' : 'realtime', target, seconds, window: WINDOW, packed: args.frames !== 'legacy', rampMs: rampS * 1000 };
    workers.push(fork(here('./load-worker.ts'), [JSON.stringify(job)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  }
  await Promise.all(workers.map((w) => once<number>(w, 'connected')));
  const results = Promise.all(workers.map((w) => once<WorkerResult>(w, 'result')));
  const s0 = await stats(server);
  for (const w of workers) w.send({ cmd: 'start' });
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const s1 = await stats(server);
  const res = await results;
  server.send({ cmd: 'stop' });
  await new Promise((r) => server.once('exit', r));
  if (process.env.BENCH_DEBUG) console.log(s1.detail);
  const lat = res.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const steady = res.flatMap((r) => r.steadyLatencies).sort((a, b) => a - b);
  const chunksPerS = (s1.count - s0.count) / seconds;
  return {
    target,
    phase,
    badges,
    chunksPerS,
    mbPerS: (chunksPerS * opusBytesPerChunk) / 1e6,
    p50: pct(lat, 50),
    p99: pct(lat, 99),
    steadyP99: pct(steady, 99),
    serverCpu: (s1.cpuMs - s0.cpuMs) / (seconds * 1000),
    rssMb: s1.rss / 1e6,
    loadCpu: res.reduce((a, r) => a + r.cpuMs / 1000 / r.elapsed, 0),
    sent: res.reduce((a, r) => a + r.sent, 0),
    acked: res.reduce((a, r) => a + r.acked, 0),
    errors: res.reduce((a, r) => a + r.errors, 0),
  };
}

console.log(`machine load average at start: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (other processes share these cores)`);
console.log(`ingest benchmark: ${cpus().length} cores, Opus ${opusBytesPerChunk} B per 1 s chunk (16 kbps), QoS 1`);
console.log(`realtime: ${BADGES} badges × ${SECONDS} s; saturate: ${SAT_BADGES} badges, window ${WINDOW}, ${SAT_SECONDS} s; ${WORKERS} load process(es); frames ${args.frames === 'legacy' ? 'legacy' : 'packed'}; realtime openings spread over ${args.ramp} s, burst over 1 s\n`);
const rows: Row[] = [];
for (const [phase, badges, seconds, rampS] of [
  ['saturate', SAT_BADGES, SAT_SECONDS, 0],
  ['realtime', BADGES, SECONDS, Number(args.ramp)],
  ['burst', BADGES, SECONDS, 1],
] as const) {
  if (args.only && args.only !== phase) continue;
  for (const target of ['bare', 'gateway'] as const) {
    if (args.target && args.target !== target) continue;
    const row = await runPhase(target, phase, badges, seconds, rampS);
    rows.push(row);
    console.log(
      `${phase.padEnd(9)} ${target.padEnd(8)} badges ${String(badges).padStart(5)}  ${row.chunksPerS.toFixed(0).padStart(6)} chunks/s  ${row.mbPerS.toFixed(2).padStart(5)} MB/s  ` +
        `${target === 'gateway' ? 'ChunkAck' : 'PUBACK  '} p50 ${row.p50.toFixed(1).padStart(6)} ms  p99 ${row.p99.toFixed(1).padStart(7)} ms (after 3 s ${row.steadyP99.toFixed(1).padStart(7)} ms)  ` +
        `server CPU ${(row.serverCpu * 100).toFixed(0).padStart(3)}%  RSS ${row.rssMb.toFixed(0).padStart(4)} MB  load CPU ${(row.loadCpu * 100).toFixed(0)}%  ` +
        `sent ${row.sent} acked ${row.acked}${row.errors ? ` errors ${row.errors}` : ''}`,
    );
  }
}
const find = (t: string, p: string): Row | undefined => rows.find((r) => r.target === t && r.phase === p);
console.log(`\nmachine load average at end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const gs = find('gateway', 'saturate');
const bs = find('bare', 'saturate');
if (gs && bs) console.log(`ratio gateway/bare, saturated throughput: ${(gs.chunksPerS / bs.chunksPerS).toFixed(2)} (target ≥ 0.6)`);
const gr = find('gateway', 'realtime');
const br = find('bare', 'realtime');
if (gr && br) console.log(`ratio gateway/bare, ${BADGES} live badges opening over ${args.ramp} s: ${(gr.chunksPerS / br.chunksPerS).toFixed(2)}; gateway ChunkAck p99 ${gr.p99.toFixed(0)} ms, ${gr.steadyP99.toFixed(0)} ms after the first 3 s (target < 500 ms)`);
const gb = find('gateway', 'burst');
const bb = find('bare', 'burst');
if (gb && bb) console.log(`burst, ${BADGES} badges opening within 1 s (harsher than the firmware's reconnect; no target): ratio ${(gb.chunksPerS / bb.chunksPerS).toFixed(2)}; gateway ChunkAck p99 ${gb.p99.toFixed(0)} ms (bare PUBACK p99 ${bb.p99.toFixed(0)} ms), ${gb.steadyP99.toFixed(0)} ms after the first 3 s`);
