/**
 * SQLite specifics of the dashboard queries: the query plans use indexes
 * (checked with EXPLAIN QUERY PLAN on the very statements the store runs),
 * and the VoC migration backfills items from summaries stored before it.
 */
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLOUD_MIGRATIONS } from '../../src/store/sqlite-schema.js';
import { SqliteConversationStore } from '../../src/store/sqlite-store.js';
import { tempDir } from '../helpers.js';

interface Captured {
  sql: string;
  args: unknown[];
}

/** Records every statement the store prepares and the arguments it runs them with. */
function capture(store: SqliteConversationStore): Captured[] {
  const seen: Captured[] = [];
  const db = store.db as unknown as { prepare(sql: string): object };
  const prepare = db.prepare.bind(db);
  db.prepare = (sql: string) => {
    const st = prepare(sql);
    return new Proxy(st, {
      get(target, key) {
        const v = Reflect.get(target, key) as unknown;
        if (typeof v !== 'function') return v;
        if (key === 'all' || key === 'get') {
          return (...args: unknown[]) => {
            seen.push({ sql, args });
            return (v as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return (v as (...a: unknown[]) => unknown).bind(target);
      },
    });
  };
  return seen;
}

function planOf(store: SqliteConversationStore, c: Captured): string {
  const rows = store.db.prepare(`EXPLAIN QUERY PLAN ${c.sql}`).all(...(c.args as [])) as Array<{ detail: string }>;
  return rows.map((r) => r.detail).join('\n');
}

describe('SQLite dashboard queries', () => {
  let store: SqliteConversationStore | undefined;
  let tmp: ReturnType<typeof tempDir> | undefined;
  afterEach(() => {
    store?.close();
    tmp?.cleanup();
    store = undefined;
    tmp = undefined;
  });

  /** Plans of the statements `run` executes (the store's own SQL, its own arguments). */
  function plans(run: (s: SqliteConversationStore) => void): string[] {
    store?.close();
    store = new SqliteConversationStore(':memory:');
    const seen = capture(store);
    run(store);
    return seen.filter((c) => /^\s*SELECT/i.test(c.sql)).map((c) => planOf(store!, c));
  }

  it('read one covering index for the roll-ups and trends, never joining the conversations', () => {
    const all = plans((s) => {
      s.keyPointTrend('week', 'team', { utcOffsetMinutes: 480 });
      s.keyPointTrend('day', 'staff', { point: 'kyc', from: 0, to: 1000 });
      s.complianceTrend('day', 'all', { severity: 'high' });
      s.complianceTrend('week', 'team', { rule: 'promise_guarantee', from: 0, to: 1000 });
      s.keyPointCounts('team', {});
      s.complianceCounts('staff', { from: 0, to: 1000 });
    });
    expect(all).toHaveLength(6);
    for (const p of all) {
      expect(p).toMatch(/^(SCAN|SEARCH) (k|h) USING COVERING INDEX (key_points_by_(point|time|team|staff|branch)|compliance_by_(rule|time|severity))/);
      expect(p).not.toMatch(/ c /);
    }
    expect(all[1]).toMatch(/SEARCH k USING COVERING INDEX key_points_by_point \(point=\? AND started_at>\? AND started_at<\?\)/);
    // whole-period roll-ups per group stream through an index in group order (no sort of every result)
    for (const by of ['team', 'staff', 'branch'] as const) {
      const [p] = plans((s) => s.keyPointCounts(by, {}));
      expect(p).toBe(`SCAN k USING COVERING INDEX key_points_by_${by}`);
    }
    const [overview] = plans((s) => s.overview({}));
    expect(overview).toMatch(/SCAN c USING COVERING INDEX conv_stats/);
    for (const p of plans((s) => s.conversationTrend('day', { from: 0, to: 1000, teamId: 't' }))) {
      expect(p).toMatch(/SEARCH c USING (COVERING )?INDEX conv_(team|stats) \((team_id=\? AND )?started_at>\? AND started_at<\?\)/);
    }
  });

  it('keeps the scope copied on key points and compliance hits in step with the conversation', () => {
    store = new SqliteConversationStore(':memory:');
    store.upsertStaff({ id: 's1', name: null, teamId: 't1', branchId: 'b1' });
    store.createConversation(
      {
        id: 'c1', channel: 'badge', source: {}, staffId: 's1', branchId: null, customerId: null, startedAt: 5000, endedAt: 6000, durationMs: 1000,
        audioPath: null, audioFormat: null, transcriptSource: null, gaps: [], skipStages: [], segments: [],
      },
      0,
    );
    const ev = [{ turn: 0, start: 0, end: 1, quote: 'x' }];
    store.replaceAnalysis(
      'c1',
      {
        rulesVersion: 'v', tags: [], summary: {}, voc: [],
        compliance: [{ rule: 'r', severity: 'high', ruleId: 'r1', evidence: ev }],
        keyPoints: [{ point: 'kyc', applicable: true, raised: true, toStandard: false, evidence: [] }],
      },
      1,
    );
    const scope = (table: string) => store!.db.prepare(`SELECT started_at, channel, staff_id, team_id, branch_id FROM ${table}`).all();
    expect(scope('key_points')).toEqual([{ started_at: 5000, channel: 'badge', staff_id: 's1', team_id: 't1', branch_id: 'b1' }]);
    expect(scope('compliance_hits')).toEqual(scope('key_points'));
    store.db.prepare(`UPDATE conversations SET team_id = 't2', started_at = 7000 WHERE id = 'c1'`).run();
    expect(scope('key_points')).toEqual([{ started_at: 7000, channel: 'badge', staff_id: 's1', team_id: 't2', branch_id: 'b1' }]);
    expect(scope('compliance_hits')).toEqual(scope('key_points'));
    expect(store.keyPointCounts('team', { from: 6000 })).toEqual([{ point: 'kyc', group: 't2', applicable: 1, raised: 1, toStandard: 0 }]);
  });

  it('page VoC by kind and customers by tag through their indexes', () => {
    const [voc] = plans((s) => s.vocPage({ kind: 'negative' }, { limit: 50 }));
    expect(voc).toMatch(/SEARCH v USING INDEX voc_by_kind \(kind=\?\)/);
    expect(voc).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    const [counts] = plans((s) => s.vocCounts({ channel: 'badge' }));
    expect(counts).toMatch(/USING COVERING INDEX voc_by_(kind|time)/);
    expect(counts).not.toMatch(/ c /);
    const [first, customers, current, stats] = plans((s) => {
      s.upsertCustomer({ id: 'k1', phone: null, name: null });
      s.db
        .prepare(
          `INSERT INTO profile_observations (customer_id, conversation_id, channel, family, tag, value, multi, observed_at, quote, current)
           VALUES ('k1', 'c', 'phone', 'preference', 'risk', 'stable', 0, 0, 'q', 1)`,
        )
        .run();
      s.customersByTags([{ family: 'preference', tag: 'risk', value: 'stable' }], { limit: 50 });
    }).slice(-4);
    expect(customers).toMatch(/SEARCH customers USING (COVERING )?INDEX sqlite_autoindex_customers_1 \(id=\?\)|SEARCH customers USING PRIMARY KEY \(id=\?\)/);
    expect(current).toMatch(/SEARCH profile_observations USING COVERING INDEX profile_current \(customer_id=\?\)/);
    expect(stats).toMatch(/SEARCH conversations USING INDEX conv_customer \(customer_id=\?\)/);
    const [count] = plans((s) =>
      s.countCustomersByTags([{ family: 'preference', tag: 'risk', value: 'stable' }, { family: 'preference', tag: 'product' }]),
    );
    expect(first).toMatch(/SEARCH p USING COVERING INDEX profile_tag \(family=\? AND tag=\? AND value=\? AND current=\? AND customer_id>\?\)/);
    expect(count).toMatch(/SEARCH o EXISTS USING COVERING INDEX profile_current \(customer_id=\? AND family=\? AND tag=\?\)/);
    const [sources] = plans((s) => s.profileSources('k1'));
    expect(sources).toMatch(/SEARCH p USING INDEX profile_customer \(customer_id=\?\)/);
    expect(sources).toMatch(/SEARCH t USING INDEX tag_hits_tag \(family=\? AND tag=\? AND value=\? AND conversation_id=\?\)/);
  });

  it('backfills VoC items from summaries stored before the migration', () => {
    tmp = tempDir('parley-voc-migration-');
    const file = join(tmp.dir, 'cloud.db');
    const old = new BetterSqlite3(file);
    old.exec(`CREATE TABLE schema_migrations (owner TEXT NOT NULL, version INTEGER NOT NULL, applied_at INTEGER NOT NULL, PRIMARY KEY (owner, version))`);
    for (const [i, m] of CLOUD_MIGRATIONS.slice(0, 2).entries()) {
      old.exec(m);
      old.prepare(`INSERT INTO schema_migrations VALUES ('cloud', ?, 0)`).run(i + 1);
    }
    old.prepare(
      `INSERT INTO conversations (id, channel, source, started_at, ended_at, gaps, has_gaps, state, created_at, updated_at)
       VALUES ('c1', 'phone', '{}', 1000, 2000, '[]', 0, 'analyzed', 0, 0)`,
    ).run();
    const voc = [
      { kind: 'question', text: '客户问题：能提前取吗', evidence: { turn: 3, start: 0, end: 5, quote: '能提前取吗', startMs: 12_000 } },
      { kind: 'negative', text: '手续费太高' },
      'not an item',
    ];
    old.prepare(`INSERT INTO summaries (conversation_id, rules_version, data, voc, updated_at) VALUES ('c1', 'v', '{}', ?, 0)`).run(JSON.stringify(voc));
    old.close();

    store = new SqliteConversationStore(file);
    expect(store.vocCounts({})).toEqual([
      { kind: 'negative', items: 1, conversations: 1 },
      { kind: 'question', items: 1, conversations: 1 },
    ]);
    const page = store.vocPage({}, { limit: 10 });
    expect(page.items.map((v) => [v.ord, v.kind, v.segment, v.quote, v.startMs])).toEqual([
      [0, 'question', 3, '能提前取吗', 12_000],
      [1, 'negative', null, null, null],
    ]);
  });
});
