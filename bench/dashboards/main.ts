/**
 * `npm run bench -- dashboards [--conversations N] [--customers N]`
 *
 * The analyst dashboards (issue 9) at N conversations (default 100,000) in a
 * SQLite file: each conversation carries the real analysis of a dev-corpus
 * dialogue (tags, compliance hits, key points, VoC) and, for most, a
 * customer whose profile merges across conversations. Times every dashboard
 * query (p50/p95) and sets each beside a baseline measured in the same run:
 * the way the same figure would be had without the dashboard indexes
 * (VoC counted by parsing every summary's JSON, customers filtered by
 * probing every customer, per-bucket trends against the whole-period roll-up).
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, loadRuleSet, loadTaxonomy } from '../../cloud/src/analysis/index.js';
import type { EvidenceRef, Segment } from '../../cloud/src/model/conversation.js';
import type { AnalysisRecord } from '../../cloud/src/store/conversation-store.js';
import { SqliteConversationStore } from '../../cloud/src/store/sqlite-store.js';

const args = process.argv.slice(2);
const arg = (name: string, def: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const N_CONV = arg('conversations', 100_000);
const N_CUST = arg('customers', Math.round(N_CONV / 3));
/** --db <file>: keep the built database there and reuse it on the next run (skips the build). */
const dbArg = args.indexOf('--db') >= 0 ? args[args.indexOf('--db') + 1] : undefined;

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
const fmt = (n: number, d = 2) => n.toFixed(d);

const TURN_MS = 4000;
const rules = loadRuleSet();
const taxonomy = loadTaxonomy();

/** The analysis record the analyze stage stores for a dialogue (segment index = turn). */
function analysisOf(d: Dialogue): AnalysisRecord {
  const r = analyze({ conversationId: d.id, channel: d.channel, turns: d.turns.map((t, i) => ({ index: i, role: t.role, text: t.text })) }, rules, taxonomy);
  const ref = (e: { turn: number; start: number; end: number; quote: string }): EvidenceRef => ({
    turn: e.turn, start: e.start, end: e.end, quote: e.quote, startMs: e.turn * TURN_MS, endMs: e.turn * TURN_MS + TURN_MS - 200,
  });
  return {
    rulesVersion: r.rulesVersion,
    tags: r.profile.map((p) => ({ family: p.family, tag: p.tag, value: p.value, detail: p.detail ?? null, confidence: p.confidence, ruleId: p.ruleId, evidence: [ref(p.evidence)] })),
    compliance: r.compliance.map((h) => ({ rule: h.rule, severity: h.severity, ruleId: h.ruleId, evidence: [ref(h.evidence)] })),
    keyPoints: Object.entries(r.keyPoints).map(([point, k]) => ({ point, applicable: k.applicable, raised: k.raised, toStandard: k.toStandard, evidence: k.evidence.map(ref) })),
    summary: { ...r.summary },
    voc: r.voc.map((v) => ({ kind: v.kind, text: v.text, evidence: ref(v.evidence) })),
  };
}

console.log('# bench dashboards (node', process.version + ')');
const dir = mkdtempSync(join(tmpdir(), 'parley-bench-dash-'));
try {
  const reuse = dbArg !== undefined && existsSync(dbArg);
  const store = new SqliteConversationStore(dbArg ?? join(dir, 'cloud.db'));
  const db = store.db;
  const analysed = corpus.map((d) => ({ d, a: analysisOf(d) }));
  db.transaction(() => {
    for (let s = 0; s < 200; s++) store.upsertStaff({ id: `s${s}`, name: null, teamId: `t${s % 20}`, branchId: `b${s % 5}` });
    for (let c = 0; c < N_CUST; c++) store.upsertCustomer({ id: `k${String(c).padStart(6, '0')}`, phone: `1380${String(c).padStart(7, '0')}`, name: null });
  })();
  const day = 86_400_000;
  const start = Date.UTC(2026, 0, 1);
  const t0 = performance.now();
  if (!reuse) db.transaction(() => {
    for (let i = 0; i < N_CONV; i++) {
      const { d, a } = analysed[i % analysed.length]!;
      const id = `c${i}`;
      // one conversation in ten has no known customer (walk-ins on a badge)
      const customerId = i % 10 === 9 ? null : `k${String((i * 7919) % N_CUST).padStart(6, '0')}`;
      const segments: Segment[] = d.turns.map((t, k) => ({
        index: k, startMs: k * TURN_MS, endMs: k * TURN_MS + TURN_MS - 200, role: t.role, channel: 0, text: t.text,
        normalizedText: null, confidence: null, levelDb: null,
      }));
      store.createConversation(
        {
          id, channel: i % 3 ? 'phone' : 'badge', source: {}, staffId: `s${i % 200}`, branchId: null, customerId,
          startedAt: start + Math.floor((i / N_CONV) * 300 * day) + (i % 977) * 1000, endedAt: start, durationMs: 60_000 + (i % 240) * 1000,
          audioPath: null, audioFormat: null, transcriptSource: 'call_system', gaps: [], skipStages: [], segments,
        },
        0,
      );
      store.replaceAnalysis(id, a, 0);
      if (customerId) {
        store.replaceProfileObservations(
          id,
          customerId,
          a.tags.map((t) => ({ family: t.family, tag: t.tag, value: t.value, detail: t.detail, quote: t.evidence[0]?.quote ?? '', multi: taxonomy.profile[t.family]?.[t.tag]?.multi ?? false })),
        );
      }
    }
  })();
  const buildMs = performance.now() - t0;
  db.pragma('optimize');
  const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  console.log(
    `\n${N_CONV.toLocaleString('en')} conversations, ${N_CUST.toLocaleString('en')} customers; rows: key_points ${count('key_points').toLocaleString('en')}, compliance_hits ${count('compliance_hits').toLocaleString('en')}, voc_items ${count('voc_items').toLocaleString('en')}, profile_observations ${count('profile_observations').toLocaleString('en')} (built in ${fmt(buildMs / 1000, 1)} s)\n`,
  );

  const time = (label: string, fn: () => number, reps = 10): number => {
    fn();
    const ts: number[] = [];
    let n = 0;
    for (let r = 0; r < reps; r++) {
      const t = performance.now();
      n = fn();
      ts.push(performance.now() - t);
    }
    console.log(`  ${label.padEnd(58)} p50 ${fmt(pct(ts, 50)).padStart(9)} ms  p95 ${fmt(pct(ts, 95)).padStart(9)} ms  (${n} rows)`);
    return pct(ts, 50);
  };
  const ratio = (label: string, base: number, x: number) => console.log(`  ${`→ ${label}`.padEnd(58)} ${fmt(base / x, 1)}x faster than its baseline`);
  const month = { from: start + 120 * day, to: start + 150 * day };

  console.log('## Overview');
  time('overview, whole period (totals)', () => store.overview({}).byWeek.length, 5);
  time('conversation trend, per day and channel, whole period', () => store.conversationTrend('day', { utcOffsetMinutes: 480 }).length, 5);
  time('conversation trend, per day, one month, one team', () => store.conversationTrend('day', { ...month, teamId: 't3', utcOffsetMinutes: 480 }).length);

  console.log('\n## Key points');
  const kpAll = time('key-point roll-up by team, whole period', () => store.keyPointCounts('team', {}).length, 5);
  const kpJoin = time(
    'baseline: the same roll-up joining every conversation row',
    () =>
      (
        db
          .prepare(
            `SELECT k.point, c.team_id AS grp, SUM(k.applicable), SUM(k.applicable AND k.raised), SUM(k.applicable AND k.to_standard)
             FROM key_points k JOIN conversations c ON c.id = k.conversation_id WHERE k.review_state != 'dismissed' GROUP BY k.point, grp`,
          )
          .all() as unknown[]
      ).length,
    3,
  );
  ratio('key-point roll-up', kpJoin, kpAll);
  const kpTrend = time('key-point trend, weekly by team, all points', () => store.keyPointTrend('week', 'team', { utcOffsetMinutes: 480 }).length, 5);
  time('key-point trend, weekly by staff, one point', () => store.keyPointTrend('week', 'staff', { point: 'kyc', utcOffsetMinutes: 480 }).length, 5);
  time('key-point trend, daily, one point, one month', () => store.keyPointTrend('day', 'all', { ...month, point: 'kyc', utcOffsetMinutes: 480 }).length);
  console.log(`  ${'→ all points bucketed (sorted) vs the streamed roll-up'.padEnd(58)} ${fmt(kpTrend / kpAll, 2)}x its time`);

  console.log('\n## Compliance');
  time('compliance by staff, whole period', () => store.complianceCounts('staff', {}).length, 5);
  time('compliance trend, daily, whole period', () => store.complianceTrend('day', 'all', { utcOffsetMinutes: 480 }).length, 5);
  time('compliance trend, daily, one severity, one month', () => store.complianceTrend('day', 'team', { ...month, severity: 'high', utcOffsetMinutes: 480 }).length);
  time('drill-down: list page of one rule + team', () => store.listConversations({ complianceRule: 'promise_guarantee', teamId: 't3' }, { limit: 20 }).items.length);

  console.log('\n## Voice of the customer');
  const vocCount = time('VoC counts per kind, whole period (voc_items)', () => store.vocCounts({}).length, 5);
  const vocBase = time(
    'baseline: the same counts parsing every summary (json_each)',
    () => (db.prepare(`SELECT json_extract(v.value, '$.kind') AS k, COUNT(*) AS n FROM summaries s, json_each(s.voc) v GROUP BY k`).all() as unknown[]).length,
    3,
  );
  ratio('VoC counts', vocBase, vocCount);
  time('VoC first page (50), newest first', () => store.vocPage({}, { limit: 50 }).items.length);
  time('VoC first page of one kind (suggestion)', () => store.vocPage({ kind: 'suggestion' }, { limit: 50 }).items.length);
  const deep = (() => {
    let cursor: string | null = null;
    for (let p = 0; p < 100; p++) cursor = store.vocPage({ kind: 'negative' }, { limit: 50, cursor }).nextCursor;
    return cursor;
  })();
  time('VoC page 101 of one kind by keyset cursor', () => store.vocPage({ kind: 'negative' }, { limit: 50, cursor: deep }).items.length);

  console.log('\n## Customer insight and customer page');
  const common = db
    .prepare(`SELECT family, tag, value, COUNT(*) AS n FROM profile_observations WHERE current = 1 GROUP BY family, tag, value ORDER BY n DESC`)
    .all() as Array<{ family: string; tag: string; value: string; n: number }>;
  const top = common[0]!;
  const second = common.find((c) => c.family !== top.family || c.tag !== top.tag)!;
  const rare = common[common.length - 1]!;
  const one = [{ family: top.family, tag: top.tag, value: top.value }];
  const two = [...one, { family: second.family, tag: second.tag, value: second.value }];
  const rareTag = [{ family: rare.family, tag: rare.tag, value: rare.value }];
  time(`customers page: ${top.family}.${top.tag}=${top.value}`, () => store.customersByTags(one, { limit: 50 }).items.length);
  time('customers page: two tags (AND)', () => store.customersByTags(two, { limit: 50 }).items.length);
  time(`customers page: rare ${rare.family}.${rare.tag}=${rare.value}`, () => store.customersByTags(rareTag, { limit: 50 }).items.length);
  const countNew = time('count customers with the rare tag', () => store.countCustomersByTags(rareTag));
  const countBase = time(
    'baseline: the same count probing every customer (EXISTS)',
    () =>
      (
        db
          .prepare(
            `SELECT COUNT(*) AS n FROM customers c WHERE EXISTS (SELECT 1 FROM profile_observations p
               WHERE p.customer_id = c.id AND p.current = 1 AND p.family = ? AND p.tag = ? AND p.value = ?)`,
          )
          .get(rare.family, rare.tag, rare.value) as { n: number }
      ).n,
    3,
  );
  ratio('rare-tag count', countBase, countNew);
  time('count customers: two tags', () => store.countCustomersByTags(two));
  let exported = 0;
  const exportMs = time(
    'export walk: every customer with the top tag, 500 a page',
    () => {
      let cursor: string | null = null;
      exported = 0;
      do {
        const page = store.customersByTags(one, { limit: 500, cursor });
        exported += page.items.length;
        cursor = page.nextCursor;
      } while (cursor);
      return exported;
    },
    3,
  );
  console.log(`  ${'→ export rate'.padEnd(58)} ${fmt(exported / (exportMs / 1000), 0)} customers/s`);
  const someone = 'k000042';
  time('customer profile sources (history + lines)', () => store.profileSources(someone).length);
  time('customer timeline page (20) + digests', () => {
    const page = store.listConversations({ customerId: someone }, { limit: 20 });
    return store.conversationDigests(page.items.map((c) => c.id)).length;
  });
  store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
