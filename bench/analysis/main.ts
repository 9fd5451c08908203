/**
 * `npm run bench -- analysis [--conversations N] [--sessions N]`
 *
 * 1. Analysis throughput on one core (ASR excluded): normalise + rules
 *    engine + search-index text per conversation over the dev corpus,
 *    against a baseline measured in the same run: plain jieba tokenisation
 *    of the same text. Also the engine with and without the learned tagger
 *    (what the tagger costs, as a ratio).
 * 2. Session finalised → analysed latency p50/p95 through the real pipeline
 *    (badge Ogg Opus: copy, decode, Silero VAD, roles, ASR by an instant
 *    scripted engine, normalise, analyse, index; SQLite on disk).
 * 3. The analyst list at N conversations (default 100,000): first page,
 *    filtered page, deep keyset page and full-text/pinyin search latency,
 *    against a baseline substring scan (LIKE) of the same transcripts.
 * 4. Event-loop delay (perf_hooks.monitorEventLoopDelay p50/p99/max) while a
 *    burst of --burst N phone calls (call-system transcripts from the dev
 *    corpus) goes through the real pipeline, with the text stages on the
 *    analysis worker pool (analysis.workers 1) against inline on the event
 *    loop (analysis.workers 0), in the same run: the stall MQTT ingest in the
 *    same process would see. With --postgres, also with the PostgreSQL store
 *    (a throwaway local server on a Unix socket, as in the store tests).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import pino from 'pino';
import { analyze, loadRuleSet, loadTaxonomy } from '../../cloud/src/analysis/index.js';
import { normalizeText } from '../../cloud/src/normalize/index.js';
import { createPipeline } from '../../cloud/src/pipeline/create.js';
import { indexText, segmentWords } from '../../cloud/src/search/segmenter.js';
import { buildTextQuery } from '../../cloud/src/search/text-query.js';
import { SqliteConversationStore } from '../../cloud/src/store/sqlite-store.js';
import type { AsrEngine } from '../../cloud/src/asr/engine.js';
import type { Segment } from '../../cloud/src/model/conversation.js';
import type { PipelineConfigInput } from '../../cloud/src/config.js';
import { findPostgresBin, startPostgres } from '../../cloud/test/store/postgres-server.js';

const args = process.argv.slice(2);
const arg = (name: string, def: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const N_CONV = arg('conversations', 100_000);
const N_SESSIONS = arg('sessions', 20);
const N_BURST = arg('burst', 80);

const SHARED = join(import.meta.dirname, '..', '..', '..', 'shared');
interface Dialogue {
  id: string;
  channel: 'phone' | 'badge';
  turns: Array<{ role: 'staff' | 'customer'; text: string }>;
}
const corpus: Dialogue[] = readdirSync(join(SHARED, 'corpus', 'dev'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(SHARED, 'corpus', 'dev', f), 'utf8')) as Dialogue);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const fmt = (n: number, d = 1) => n.toFixed(d);

function timeLoop(minMs: number, body: () => void): { iterations: number; ms: number } {
  const t0 = performance.now();
  let iterations = 0;
  while (performance.now() - t0 < minMs) {
    body();
    iterations++;
  }
  return { iterations, ms: performance.now() - t0 };
}

// ---------------------------------------------------------------- 1. throughput
function throughput(): void {
  const rules = loadRuleSet();
  const taxonomy = loadTaxonomy();
  const inputs = corpus.map((d) => ({
    conversationId: d.id,
    channel: d.channel,
    turns: d.turns.map((t, i) => ({ index: i, role: t.role, text: t.text })),
  }));
  // warm-up
  for (const i of inputs) analyze(i, rules, taxonomy);
  for (const i of inputs) segmentWords(i.turns.map((t) => t.text).join('\n'), 'index');

  const full = timeLoop(3000, () => {
    for (const i of inputs) {
      for (const t of i.turns) normalizeText(t.text);
      analyze(i, rules, taxonomy);
      indexText(i.turns.map((t) => t.text).join('\n'));
    }
  });
  const analysisOnly = timeLoop(2000, () => {
    for (const i of inputs) analyze(i, rules, taxonomy);
  });
  const rulesAlone = { ...rules, tagger: undefined };
  const withoutTagger = timeLoop(2000, () => {
    for (const i of inputs) analyze(i, rulesAlone, taxonomy);
  });
  const baseline = timeLoop(2000, () => {
    for (const i of inputs) segmentWords(i.turns.map((t) => t.text).join('\n'), 'index');
  });
  const rate = (r: { iterations: number; ms: number }) => (r.iterations * inputs.length) / (r.ms / 1000);
  const turns = inputs.reduce((a, i) => a + i.turns.length, 0) / inputs.length;
  console.log(`\n## 1. Analysis throughput, one core, ASR excluded (${inputs.length} dev dialogues, ${fmt(turns)} turns avg)`);
  console.log(`  normalise + analyse + index text : ${fmt(rate(full), 0)} conversations/s`);
  console.log(`  engine (analyze: rules + tagger) : ${fmt(rate(analysisOnly), 0)} conversations/s`);
  console.log(`  rules alone, no learned tagger   : ${fmt(rate(withoutTagger), 0)} conversations/s`);
  console.log(`  ratio engine/rules alone         : ${fmt(rate(analysisOnly) / rate(withoutTagger), 3)}`);
  console.log(`  baseline: jieba tokenisation     : ${fmt(rate(baseline), 0)} conversations/s`);
  console.log(`  ratio pipeline/baseline          : ${fmt(rate(full) / rate(baseline), 3)}`);
}

// ---------------------------------------------------------------- 2. latency
async function latency(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-analysis-'));
  try {
    const real = join(SHARED, 'audio', 'real');
    const ogg = join(dir, 'session.ogg');
    const wav = join(dir, 'session.wav');
    execFileSync('sox', [join(real, '4.wav'), join(real, '1.wav'), join(real, '2.wav'), wav]);
    execFileSync('opusenc', ['--quiet', '--bitrate', '16', wav, ogg]);
    const seconds = Number(execFileSync('soxi', ['-D', wav]).toString());
    const dialogue = corpus[0]!;
    let n = 0;
    const asr: AsrEngine = {
      description: 'instant scripted engine (ASR excluded from the figure)',
      transcribe: async () => ({ text: dialogue.turns[n++ % dialogue.turns.length]!.text, confidence: 1 }),
      close: async () => {},
    };
    const pipeline = createPipeline({ dataDir: join(dir, 'data'), logger: pino({ level: 'silent' }), asr, config: { stages: { pollMs: 10 } } });
    await pipeline.start();
    const latencies: number[] = [];
    const loop = monitorEventLoopDelay({ resolution: 5 });
    // session 0 warms up (WebAssembly compile, VAD model load) and is not counted
    for (let i = 0; i <= N_SESSIONS; i++) {
      const sessionId = i.toString(16).padStart(32, '0');
      const t0 = performance.now();
      await pipeline.consumeBadgeSession({
        sessionId, deviceId: 'bench-badge', staffId: 'staff-1', branchId: 'branch-1',
        startTimeMs: Date.now(), endTimeMs: Date.now() + seconds * 1000, clockSynced: true, clockCorrected: false,
        audioPath: ogg, codec: { sampleRate: 16000, channels: 1, frameMs: 20, bitrate: 16000 },
        totalFrames: Math.round(seconds * 50), durationMs: Math.round(seconds * 1000), gaps: [], bookmarks: [],
        endReason: 'bench', finalisedAtMs: Date.now(),
      });
      await pipeline.whenIdle();
      if (pipeline.services.store.getConversation(`badge-${sessionId}`)?.state !== 'analyzed') throw new Error('session not analysed');
      if (i > 0) latencies.push(performance.now() - t0);
      if (i === 0) loop.enable();
    }
    loop.disable();
    await pipeline.close();
    console.log(`\n## 2. Session finalised → analysed, real pipeline (${N_SESSIONS} badge sessions of ${fmt(seconds)} s Ogg Opus, one at a time)`);
    console.log(`  p50 ${fmt(pct(latencies, 50))} ms   p95 ${fmt(pct(latencies, 95))} ms   max ${fmt(Math.max(...latencies))} ms`);
    console.log(`  per second of audio: p50 ${fmt(pct(latencies, 50) / seconds)} ms (decode + Silero VAD dominate; ASR excluded)`);
    console.log(
      `  event-loop delay while processing (the gateway shares the loop): p50 ${fmt(loop.percentile(50) / 1e6)} ms  p99 ${fmt(loop.percentile(99) / 1e6)} ms  max ${fmt(loop.max / 1e6)} ms`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- 3. list + search at scale
function scale(): void {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-list-'));
  try {
    const store = new SqliteConversationStore(join(dir, 'cloud.db'));
    const docs = corpus.map((d) => ({ d, idx: indexText(d.turns.map((t) => t.text).join('\n')) }));
    for (let s = 0; s < 200; s++) store.upsertStaff({ id: `s${s}`, name: null, teamId: `t${s % 20}`, branchId: `b${s % 5}` });
    const t0 = performance.now();
    const day = 86_400_000;
    const start = Date.UTC(2026, 0, 1);
    const db = store.db;
    db.transaction(() => {
      for (let i = 0; i < N_CONV; i++) {
        const { d, idx } = docs[i % docs.length]!;
        const segments: Segment[] = d.turns.map((t, k) => ({
          index: k, startMs: k * 4000, endMs: k * 4000 + 3500, role: t.role, channel: 0, text: t.text,
          normalizedText: null, confidence: null, levelDb: null,
        }));
        const id = `c${i}`;
        store.createConversation(
          {
            id, channel: i % 3 ? 'phone' : 'badge', source: {}, staffId: `s${i % 200}`, branchId: null, customerId: null,
            startedAt: start + Math.floor((i / N_CONV) * 300 * day) + (i % 977) * 1000, endedAt: start, durationMs: 60_000,
            audioPath: null, audioFormat: null, transcriptSource: 'call_system', gaps: i % 50 ? [] : [{ startMs: 0, endMs: 10, cause: 'lost' }],
            skipStages: [], segments,
          },
          0,
        );
        // a unique token per conversation so searches are not all-or-nothing
        store.indexTranscript(id, { words: `${idx.words} cid${i}`, pinyin: idx.pinyin });
      }
    })();
    const buildMs = performance.now() - t0;
    db.pragma('optimize');
    const time = (label: string, fn: () => number, reps = 20) => {
      fn();
      const ts: number[] = [];
      let n = 0;
      for (let r = 0; r < reps; r++) {
        const t = performance.now();
        n = fn();
        ts.push(performance.now() - t);
      }
      console.log(`  ${label.padEnd(46)} p50 ${fmt(pct(ts, 50), 2).padStart(8)} ms  p95 ${fmt(pct(ts, 95), 2).padStart(8)} ms  (${n} rows)`);
      return pct(ts, 50);
    };
    console.log(`\n## 3. Analyst list and search at ${N_CONV.toLocaleString('en')} conversations (SQLite file, built in ${fmt(buildMs / 1000)} s)`);
    time('first page (50, newest first)', () => store.listConversations({}, { limit: 50 }).items.length);
    const deep = (() => {
      let cursor: string | null = null;
      for (let p = 0; p < 100; p++) cursor = store.listConversations({}, { limit: 50, cursor }).nextCursor;
      return cursor;
    })();
    time('page 101 by keyset cursor', () => store.listConversations({}, { limit: 50, cursor: deep }).items.length);
    time('filter staff + channel', () => store.listConversations({ staffId: 's17', channel: 'badge' }, { limit: 50 }).items.length);
    time('filter team + date range', () => store.listConversations({ teamId: 't3', from: start + 30 * day, to: start + 60 * day }, { limit: 50 }).items.length);
    time('filter has gaps', () => store.listConversations({ hasGaps: true }, { limit: 50 }).items.length);
    const q = (s: string, mode: 'exact' | 'pinyin' | 'fuzzy' = 'pinyin') => buildTextQuery(s, mode)!;
    const rare = time('search rare word "cid4242" (FTS5)', () => store.listConversations({ text: q('cid4242', 'exact') }, { limit: 50 }).items.length);
    time('search "验证码" (FTS5, words OR pinyin)', () => store.listConversations({ text: q('验证码') }, { limit: 50 }).items.length, 5);
    time('search homophone "宝本" (pinyin phrase)', () => store.listConversations({ text: q('宝本') }, { limit: 50 }).items.length, 5);
    time('search "验证码" + staff filter', () => store.listConversations({ text: q('验证码'), staffId: 's17' }, { limit: 50 }).items.length, 5);
    // Same question both ways: how many conversations mention 验证码?
    const fts = time('count "验证码" matches (FTS5 words)', () => store.countConversations({ text: q('验证码', 'exact') }), 5);
    const like = db.prepare(`SELECT COUNT(DISTINCT conversation_id) AS n FROM segments WHERE text LIKE ?`);
    const base = time('baseline: count by substring scan (LIKE)', () => (like.get('%验证码%') as { n: number }).n, 3);
    console.log(`  ratio baseline scan / FTS5 count                  ${fmt(base / fts, 1)}x   (rare-word lookup: ${fmt(rare, 2)} ms)`);
    store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- 4. event-loop delay: worker pool vs inline
interface BurstResult {
  p50: number;
  p99: number;
  max: number;
  wallMs: number;
}

async function burst(workers: number, store: Pick<PipelineConfigInput, 'store' | 'postgres'> = {}): Promise<BurstResult> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-burst-'));
  try {
    const pipeline = createPipeline({
      dataDir: join(dir, 'data'),
      logger: pino({ level: 'silent' }),
      asr: null,
      config: { analysis: { workers }, stages: { pollMs: 10 }, ...store },
    });
    await pipeline.start();
    const ingest = async (i: number, prefix: string) => {
      const d = corpus[i % corpus.length]!;
      await pipeline.services.ingestPhone(
        {
          callId: `${prefix}-${i}`, agentId: `agent-${i % 7}`, direction: 'inbound', startTime: 1_790_000_000_000 + i * 60_000,
          customerNumber: `1380013${String(i % 1000).padStart(4, '0')}`,
          transcript: d.turns.map((t, k) => ({ speaker: t.role === 'staff' ? '坐席' : '客户', text: t.text, startMs: k * 4000, endMs: k * 4000 + 3500 })),
        },
        null,
      );
    };
    // warm-up (workers start, jieba and pinyin tables load, SQLite pages cached): not measured
    for (let i = 0; i < 4; i++) await ingest(i, 'warm');
    await pipeline.whenIdle();
    const loop = monitorEventLoopDelay({ resolution: 2 });
    loop.enable();
    const t0 = performance.now();
    for (let i = 0; i < N_BURST; i++) await ingest(i, 'burst');
    const deadline = Date.now() + 600_000;
    while (pipeline.services.store.countConversations({ state: 'analyzed' }) < N_BURST + 4) {
      if (Date.now() > deadline) throw new Error('burst not analysed within 10 minutes');
      await new Promise((r) => setTimeout(r, 20));
    }
    const wallMs = performance.now() - t0;
    loop.disable();
    await pipeline.close();
    return { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6, wallMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function eventLoop(): Promise<void> {
  const pooled = await burst(1);
  const inline = await burst(0);
  console.log(`\n## 4. Event-loop delay during a burst of ${N_BURST} phone calls through the real pipeline (SQLite on disk)`);
  const row = (label: string, r: BurstResult) =>
    console.log(
      `  ${label.padEnd(38)} p50 ${fmt(r.p50).padStart(6)} ms  p99 ${fmt(r.p99).padStart(6)} ms  max ${fmt(r.max).padStart(6)} ms  (burst analysed in ${fmt(r.wallMs / 1000, 2)} s)`,
    );
  row('worker pool (analysis.workers 1)', pooled);
  row('baseline: inline (analysis.workers 0)', inline);
  console.log(`  ratio inline / worker pool: p99 ${fmt(inline.p99 / pooled.p99, 2)}x  max ${fmt(inline.max / pooled.max, 2)}x`);
  if (args.includes('--postgres')) {
    const bin = findPostgresBin();
    if (!bin) {
      console.log('  PostgreSQL: no server binaries found (apt-get install postgresql), skipped');
      return;
    }
    const server = startPostgres(bin);
    try {
      const pg = await burst(1, { store: 'postgres', postgres: { url: server.createDatabase() } });
      row('worker pool, PostgreSQL store', pg);
      console.log(`  ratio PostgreSQL / SQLite store (worker pool): p99 ${fmt(pg.p99 / pooled.p99, 2)}x  burst time ${fmt(pg.wallMs / pooled.wallMs, 2)}x`);
    } finally {
      server.stop();
    }
  }
}

const only = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
console.log('# bench analysis (node', process.version + ')');
if (!only || only === 'throughput') throughput();
if (!only || only === 'latency') await latency();
if (!only || only === 'scale') scale();
if (!only || only === 'event-loop') await eventLoop();
