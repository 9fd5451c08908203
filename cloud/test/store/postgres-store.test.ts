import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/app.js';
import { resolvePipelineConfig } from '../../src/config.js';
import { isPipelineError } from '../../src/errors.js';
import type { NewConversation } from '../../src/store/conversation-store.js';
import { SyncPostgresConnection } from '../../src/store/postgres-connection.js';
import { PINYIN_PART_SYLLABLES } from '../../src/store/postgres-schema.js';
import { PostgresConversationStore } from '../../src/store/postgres-store.js';
import { corpusDialogue, silentLogger, tempDir } from '../helpers.js';
import { conversationStoreContract } from './contract.js';
import { dashboardQueriesContract } from './dashboard-contract.js';
import { stageBacklogContract } from './stage-backlog-contract.js';
import { findPostgresBin, skipWithoutPostgres, startPostgres, type PostgresServer } from './postgres-server.js';

/** The same contract suites as SQLite, and what only PostgreSQL has, against a real server started for this file. */
const bin = findPostgresBin();
if (!bin) {
  skipWithoutPostgres('PostgreSQL conversation store');
} else {
  let server: PostgresServer;
  beforeAll(() => {
    server = startPostgres(bin);
  }, 120_000);
  afterAll(() => server?.stop(), 60_000);
  const open = (url: string) => new PostgresConversationStore({ url, statementTimeoutMs: 30_000, connectTimeoutMs: 10_000 });
  const make = () => open(server.createDatabase());
  conversationStoreContract('PostgreSQL', make);
  dashboardQueriesContract('PostgreSQL', make);
  stageBacklogContract('PostgreSQL', make);

  const conv = (id: string): NewConversation => ({
    id, channel: 'phone', source: { callId: id }, staffId: null, branchId: null, customerId: null,
    startedAt: 1_000_000, endedAt: 1_060_000, durationMs: 60_000, audioPath: null, audioFormat: null,
    transcriptSource: 'call_system', gaps: [], skipStages: ['vad', 'roles', 'transcribe'], segments: [],
  });

  describe('PostgreSQL store specifics', { timeout: 60_000 }, () => {
    it('several processes share one database: migrations apply once, a locked conversation is skipped, not waited for', () => {
      const url = server.createDatabase();
      const a = open(url);
      const b = open(url); // migrations already applied: nothing to do, no error
      try {
        a.createConversation(conv('c0'), 10);
        a.createConversation(conv('c1'), 20);
        // another process is in the middle of claiming c0
        a.db.run('BEGIN');
        a.db.query("SELECT id FROM conversations WHERE id = 'c0' FOR UPDATE");
        expect(b.claimDueStage(100)).toMatchObject({ conversationId: 'c1', stage: 'decode' });
        a.db.run('ROLLBACK');
        expect(b.claimDueStage(100)).toMatchObject({ conversationId: 'c0', stage: 'decode' });
        expect(a.claimDueStage(100)).toBeNull();
        const versions = a.db.query<{ n: number }>("SELECT COUNT(*) AS n FROM schema_migrations WHERE owner = 'cloud'");
        expect(versions[0]!.n).toBe(1);
      } finally {
        a.close();
        b.close();
      }
    });

    it('reconnects after the server drops the connection; a failed statement is a STORE_QUERY_FAILED (retryable) error', async () => {
      const url = server.createDatabase();
      const store = open(url);
      const admin = new SyncPostgresConnection({ url: server.url(), statementTimeoutMs: 30_000, connectTimeoutMs: 10_000 });
      try {
        store.createConversation(conv('k1'), 0);
        admin.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'parley-pipeline' AND datname = $1",
          [new URL(url).pathname.slice(1)],
        );
        await new Promise((r) => setTimeout(r, 300)); // the worker notices the closed socket
        expect(store.getConversation('k1')?.id).toBe('k1');
        const bad = (() => {
          try {
            store.db.query('SELECT * FROM no_such_table');
            return null;
          } catch (err) {
            return err;
          }
        })();
        expect(isPipelineError(bad, 'STORE_QUERY_FAILED')).toBe(true);
        expect((bad as { retryable: boolean }).retryable).toBe(true);
        expect((bad as { details: { sqlstate: string } }).details.sqlstate).toBe('42P01');
      } finally {
        admin.close();
        store.close();
      }
    });

    it('holds back statements whose result is unused until one needs an answer; a failing one rolls the transaction back', () => {
      const store = make();
      try {
        store.createConversation(conv('t1'), 0);
        const before = store.db.roundTrips;
        store.completeStage('t1', 'decode', 'done', 5); // BEGIN, update, (select next), updates, COMMIT
        expect(store.db.roundTrips - before).toBe(2);
        expect(store.getStages('t1')[0]).toMatchObject({ state: 'done' });
        expect(() =>
          store.db.transaction(() => {
            store.db.defer("UPDATE conversations SET state = 'failed' WHERE id = 't1'");
            store.db.defer('INSERT INTO no_such_table VALUES (1)');
            store.db.query('SELECT 1');
          }),
        ).toThrow(/no_such_table/);
        expect(store.getConversation('t1')!.state).toBe('processing');
        expect(() => store.db.transaction(() => store.db.defer('INSERT INTO no_such_table VALUES (1)'))).toThrow(/no_such_table/);
        expect(store.claimDueStage(10)).toMatchObject({ conversationId: 't1', stage: 'normalize' });
      } finally {
        store.close();
      }
    });

    it('finds a pinyin phrase past the 16,383 tsvector positions of a long transcript', () => {
      const store = make();
      try {
        store.createConversation(conv('long'), 0);
        const filler = Array.from({ length: PINYIN_PART_SYLLABLES + 5000 }, (_, i) => (i % 2 ? 'ni' : 'hao'));
        store.indexTranscript('long', { words: '你好 保本', pinyin: [...filler, 'bao', 'ben'].join(' ') });
        const find = (phrase: string[]) => store.countConversations({ text: { words: [], pinyinPhrase: phrase, prefix: false } });
        expect(find(['bao', 'ben'])).toBe(1);
        expect(find(['ben', 'bao'])).toBe(0);
        expect(store.countConversations({ text: { words: ['保本'], pinyinPhrase: [], prefix: false } })).toBe(1);
        expect(store.countConversations({ text: { words: ['保'], pinyinPhrase: [], prefix: true } })).toBe(1);
      } finally {
        store.close();
      }
    });

    it('the pipeline runs on PostgreSQL when config.store selects it', async () => {
      expect(() => resolvePipelineConfig({ store: 'postgres' })).toThrow(/postgres\/url is required/);
      const tmp = tempDir();
      const url = server.createDatabase();
      const { app, pipeline } = await build({
        dataDir: tmp.dir, logger: silentLogger(), asr: null, webApp: false,
        config: { store: 'postgres', postgres: { url }, stages: { pollMs: 20 } },
      });
      try {
        expect(pipeline.services.store).toBeInstanceOf(PostgresConversationStore);
        const d = corpusDialogue('dev-002');
        await pipeline.services.ingestPhone(
          {
            callId: 'pg-1', agentId: 'agent-1', direction: 'inbound', startTime: 1_790_000_000_000,
            transcript: d.turns.map((t) => ({ speaker: t.role === 'staff' ? '坐席' : '客户', text: t.text })),
          },
          null,
        );
        await pipeline.whenIdle();
        const detail = (await app.inject({ url: '/api/v1/cloud/conversations/phone-pg-1' })).json();
        expect(detail.state).toBe('analyzed');
        expect(detail.keyPoints.length).toBeGreaterThan(0);
        const word = d.turns[0]!.text.slice(0, 2);
        const found = (await app.inject({ url: `/api/v1/cloud/conversations?q=${encodeURIComponent(word)}` })).json();
        expect(found.items.map((c: { id: string }) => c.id)).toEqual(['phone-pg-1']);
      } finally {
        await app.close();
        tmp.cleanup();
      }
    });
  });
}
