/**
 * `npm run bench -- rerun [--conversations N] [--rules <dir>]`
 *
 * Re-running the rules over past conversations (issue 9) on N stored
 * transcripts (default 400; dev-corpus dialogues as call-system transcripts,
 * analysed once first), through the real pipeline and API:
 *
 * - a re-run job (POST /rules/rerun-jobs, polled to completion): conversations
 *   per second, against the baseline measured in the same run: the older
 *   re-analysis through the stage runner (POST /rules/rerun: analyze + index
 *   stages queued for every conversation);
 * - how the API answers while a job runs: p50/p95 of a list request during
 *   the job against the same request with nothing running.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { build } from '../../cloud/src/index.js';

const args = process.argv.slice(2);
const nArg = args.indexOf('--conversations');
const N = nArg >= 0 ? Number(args[nArg + 1]) : 400;
/** --rules <dir>: another rule set (default: the shipped cloud/rules). */
const rulesArg = args.indexOf('--rules');
const RULES_DIR = rulesArg >= 0 ? args[rulesArg + 1] : undefined;
const SHARED = join(import.meta.dirname, '..', '..', '..', 'shared');
const API = '/api/v1/cloud';

interface Dialogue {
  id: string;
  turns: Array<{ role: 'staff' | 'customer'; text: string }>;
}
const corpus: Dialogue[] = readdirSync(join(SHARED, 'corpus', 'dev'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(SHARED, 'corpus', 'dev', f), 'utf8')) as Dialogue);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

const dir = mkdtempSync(join(tmpdir(), 'parley-bench-rerun-'));
const { app, pipeline } = await build({
  dataDir: dir,
  logger: pino({ level: 'silent' }),
  asr: null,
  webApp: false,
  config: { stages: { pollMs: 20 } },
  ...(RULES_DIR ? { rulesDir: RULES_DIR } : {}),
});
try {
  await app.ready();
  const store = pipeline.services.store;
  const t0 = Date.parse('2026-11-01T00:00:00Z');
  for (let i = 0; i < N; i++) {
    const d = corpus[i % corpus.length]!;
    store.createConversation(
      {
        id: `bench-${i}`,
        channel: 'phone',
        source: { callId: `bench-${i}` },
        staffId: null,
        branchId: null,
        customerId: null,
        startedAt: t0 + i * 60_000,
        endedAt: t0 + i * 60_000 + d.turns.length * 4000,
        durationMs: d.turns.length * 4000,
        audioPath: null,
        audioFormat: null,
        transcriptSource: 'call_system',
        gaps: [],
        skipStages: ['decode', 'vad', 'roles', 'transcribe'],
        segments: d.turns.map((t, n) => ({ index: n, startMs: n * 4000, endMs: n * 4000 + 3800, role: t.role, channel: 0, text: t.text, normalizedText: null, confidence: null, levelDb: null })),
      },
      Date.now(),
    );
  }
  pipeline.services.runner.kick();
  await pipeline.whenIdle();

  const listLatency = async (count: number, until?: () => boolean): Promise<number[]> => {
    const out: number[] = [];
    while (out.length < count || (until && !until())) {
      const t = performance.now();
      const res = await app.inject({ url: `${API}/conversations?limit=20` });
      if (res.statusCode !== 200) throw new Error(res.body);
      out.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 10));
      if (!until && out.length >= count) break;
    }
    return out;
  };
  const idle = await listLatency(100);

  // baseline: the stage runner's re-analysis (analyze + index stages), with the same list requests meanwhile
  let t = performance.now();
  const queued = (await app.inject({ method: 'POST', url: `${API}/rules/rerun`, payload: {} })).json() as { queued: number };
  let idleNow = false;
  const idleDone = pipeline.whenIdle().then(() => {
    idleNow = true;
  });
  const duringBaseline = await listLatency(1, () => idleNow);
  await idleDone;
  const baselineMs = performance.now() - t;

  // a re-run job, with list requests while it runs
  t = performance.now();
  const job = (await app.inject({ method: 'POST', url: `${API}/rules/rerun-jobs`, payload: { reviewer: 'bench' } })).json() as { id: string; total: number };
  let state = 'running';
  const during: number[] = [];
  const poll = (async () => {
    while (state === 'running') {
      await new Promise((r) => setTimeout(r, 50));
      state = ((await app.inject({ url: `${API}/rules/rerun-jobs/${job.id}` })).json() as { state: string }).state;
    }
  })();
  during.push(...(await listLatency(1, () => state !== 'running')));
  await poll;
  const jobMs = performance.now() - t;
  const final = (await app.inject({ url: `${API}/rules/rerun-jobs/${job.id}` })).json() as { done: number; failed: number; total: number };

  const rate = (n: number, ms: number) => n / (ms / 1000);
  console.log(`re-running the rules over ${N} stored transcripts (dev-corpus dialogues, ${corpus.length} distinct; analysis workers: ${pipeline.services.config.analysis.workers}, ${pipeline.services.config.stages.concurrency} at once)`);
  console.log('');
  console.log(`  baseline: stage runner (POST /rules/rerun, ${queued.queued} queued)   ${rate(queued.queued, baselineMs).toFixed(1).padStart(7)} conversations/s  (${(baselineMs / 1000).toFixed(1)} s)`);
  console.log(
    `  re-run job (done ${final.done}, failed ${final.failed} of ${final.total})         ${rate(final.done + final.failed, jobMs).toFixed(1).padStart(7)} conversations/s  (${(jobMs / 1000).toFixed(1)} s)   ${(rate(final.done + final.failed, jobMs) / rate(queued.queued, baselineMs)).toFixed(2)}x the baseline`,
  );
  console.log('');
  console.log('  GET /conversations?limit=20 latency');
  console.log(`    idle               p50 ${pct(idle, 50).toFixed(1).padStart(6)} ms   p95 ${pct(idle, 95).toFixed(1).padStart(6)} ms   (${idle.length} requests)`);
  console.log(
    `    during the baseline p50 ${pct(duringBaseline, 50).toFixed(1).padStart(5)} ms   p95 ${pct(duringBaseline, 95).toFixed(1).padStart(6)} ms   (${duringBaseline.length} requests)`,
  );
  console.log(
    `    during the job     p50 ${pct(during, 50).toFixed(1).padStart(6)} ms   p95 ${pct(during, 95).toFixed(1).padStart(6)} ms   (${during.length} requests)   p95 ${(pct(during, 95) / pct(duringBaseline, 95)).toFixed(2)}x the baseline's`,
  );
} finally {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}
