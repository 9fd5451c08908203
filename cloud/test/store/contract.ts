import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import type { ConversationStore, NewConversation } from '../../src/store/conversation-store.js';
import type { Segment } from '../../src/model/conversation.js';
import { indexText } from '../../src/search/segmenter.js';
import { buildTextQuery } from '../../src/search/text-query.js';
import { reviewAndRulesContract } from './contract-review-rules.js';

/**
 * The behaviour every ConversationStore implementation must have (SQLite
 * now, PostgreSQL later): run it with a factory for a fresh, empty store.
 */
export function conversationStoreContract(name: string, make: () => ConversationStore): void {
  reviewAndRulesContract(name, make);
  describe(`ConversationStore contract: ${name}`, () => {
    let store: ConversationStore;
    beforeEach(() => {
      store = make();
      store.upsertBranch({ id: 'b1', name: '浦东支行' });
      store.upsertTeam({ id: 't1', name: '理财一组', branchId: 'b1' });
      store.upsertStaff({ id: 's1', name: '小陈', teamId: 't1', branchId: 'b1' });
      store.upsertStaff({ id: 's2', name: '小王', teamId: 't1', branchId: 'b1' });
    });
    afterEach(() => store.close());

    const seg = (index: number, role: Segment['role'], text: string): Segment => ({
      index, startMs: index * 1000, endMs: index * 1000 + 900, role, channel: 0, text, normalizedText: null, confidence: null, levelDb: null,
    });

    const conv = (id: string, over: Partial<NewConversation> = {}): NewConversation => ({
      id, channel: 'phone', source: { callId: id }, staffId: 's1', branchId: null, customerId: null,
      startedAt: 1_000_000, endedAt: 1_060_000, durationMs: 60_000, audioPath: null, audioFormat: null,
      transcriptSource: 'call_system', gaps: [], skipStages: ['vad', 'roles', 'transcribe'], segments: [], ...over,
    });

    it('creates idempotently and derives team/branch from the staff directory', () => {
      expect(store.createConversation(conv('c1'), 10)).toBe(true);
      expect(store.createConversation(conv('c1', { staffId: 's2' }), 11)).toBe(false);
      const c = store.getConversation('c1')!;
      expect(c).toMatchObject({ staffId: 's1', teamId: 't1', branchId: 'b1', state: 'processing' });
      expect(store.getStages('c1').map((s) => [s.stage, s.state])).toEqual([
        ['decode', 'pending'], ['vad', 'skipped'], ['roles', 'skipped'], ['transcribe', 'skipped'],
        ['normalize', 'pending'], ['analyze', 'pending'], ['index', 'pending'],
      ]);
    });

    it('walks stages in order; failures back off, give up, and rerun', () => {
      store.createConversation(conv('c1'), 100);
      expect(store.claimDueStage(99)).toBeNull(); // not yet due
      const a = store.claimDueStage(100)!;
      expect(a).toEqual({ conversationId: 'c1', stage: 'decode', attempts: 1 });
      expect(store.claimDueStage(100)).toBeNull(); // running: not claimable twice
      store.failStage('c1', 'decode', { code: 'INTERNAL', message: 'disk hiccup' }, 500, 101);
      expect(store.getStages('c1')[0]).toMatchObject({ state: 'pending', errorCode: 'INTERNAL', nextAttemptAt: 500 });
      expect(store.nextDueAt()).toBe(500);
      expect(store.claimDueStage(400)).toBeNull();
      expect(store.claimDueStage(500)).toMatchObject({ stage: 'decode', attempts: 2 });
      store.completeStage('c1', 'decode', 'done', 501);
      expect(store.claimDueStage(501)).toMatchObject({ stage: 'normalize' }); // skipped stages are passed over
      store.failStage('c1', 'normalize', { code: 'ANALYSIS_FAILED', message: 'bad' }, null, 502);
      expect(store.getConversation('c1')!.state).toBe('failed');
      expect(store.claimDueStage(10_000)).toBeNull();
      store.rerunFrom('c1', 'normalize', 600);
      expect(store.getStages('c1').find((s) => s.stage === 'normalize')).toMatchObject({ state: 'pending', attempts: 0, error: null });
      for (const stage of ['normalize', 'analyze', 'index'] as const) {
        expect(store.claimDueStage(600)).toMatchObject({ stage });
        store.completeStage('c1', stage, 'done', 600);
      }
      expect(store.getConversation('c1')!.state).toBe('analyzed');
      // new rules over past conversations: analysed ones go back to analyze (skipped stages stay skipped)
      store.createConversation(conv('c2'), 700);
      expect(store.rerunAll('analyze', {}, 800)).toBe(1);
      expect(store.getConversation('c1')!.state).toBe('processing');
      expect(store.getStages('c1').map((s) => s.state)).toEqual(['done', 'skipped', 'skipped', 'skipped', 'done', 'pending', 'pending']);
      expect(store.rerunAll('analyze', { staffId: 'nobody' }, 800)).toBe(0);
    });

    it('waiting stages resume on demand; running stages are recovered after a crash', () => {
      store.createConversation(conv('w', { skipStages: [], transcriptSource: null }), 0);
      for (const stage of ['decode', 'vad', 'roles'] as const) {
        store.claimDueStage(0);
        store.completeStage('w', stage, 'done', 0);
      }
      store.claimDueStage(0);
      store.waitStage('w', 'transcribe', { code: 'ASR_NOT_CONFIGURED', message: 'no model' }, 1);
      expect(store.getConversation('w')!.state).toBe('awaiting_transcription');
      expect(store.claimDueStage(99)).toBeNull();
      expect(store.resumeWaiting('transcribe', 5)).toBe(1);
      expect(store.claimDueStage(5)).toMatchObject({ stage: 'transcribe' });
      expect(store.recoverRunning(6)).toBe(1);
      expect(store.claimDueStage(6)).toMatchObject({ stage: 'transcribe', attempts: 2 });
    });

    it('lists newest first with keyset paging and filters', () => {
      for (let i = 0; i < 25; i++) {
        store.createConversation(conv(`c${i}`, { startedAt: 1000 + (i % 5) * 10, channel: i % 2 ? 'badge' : 'phone', staffId: i % 3 ? 's1' : 's2', gaps: i === 7 ? [{ startMs: 0, endMs: 5, cause: 'lost' }] : [] }), 0);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = store.listConversations({}, { limit: 7, cursor });
        seen.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(25);
      expect(new Set(seen).size).toBe(25);
      const starts = seen.map((id) => store.getConversation(id)!.startedAt);
      expect([...starts].sort((a, b) => b - a)).toEqual(starts);
      expect(store.countConversations({ channel: 'badge' })).toBe(12);
      expect(store.countConversations({ staffId: 's2' })).toBe(9);
      expect(store.countConversations({ teamId: 't1' })).toBe(25);
      expect(store.listConversations({ hasGaps: true }, { limit: 10 }).items.map((c) => c.id)).toEqual(['c7']);
      expect(store.countConversations({ from: 1020, to: 1040 })).toBe(10);
      expect(() => store.listConversations({}, { limit: 5, cursor: 'garbage!' })).toThrow(/cursor/);
    });

    it('stores analysis, keeps review state across re-analysis, and pools key-point counts', () => {
      store.createConversation(conv('a', { staffId: 's1', segments: [seg(0, 'staff', '您好'), seg(1, 'customer', '我不是小白')] }), 0);
      store.createConversation(conv('b', { staffId: 's2' }), 0);
      const ev = [{ turn: 1, start: 0, end: 5, quote: '我不是小白' }];
      const analysis = (raised: boolean) => ({
        rulesVersion: 'v1',
        tags: [{ family: 'basic', tag: 'investment_experience', value: 'experienced', detail: null, confidence: 0.8, ruleId: 'r1', evidence: ev }],
        compliance: [{ rule: 'promise_guarantee', severity: 'high' as const, ruleId: 'c1', evidence: ev }],
        keyPoints: [
          { point: 'kyc', applicable: true, raised, toStandard: raised, evidence: [] },
          { point: 'invite_visit', applicable: false, raised: false, toStandard: false, evidence: [] },
        ],
        summary: { needs: '稳健' },
        voc: [],
      });
      store.replaceAnalysis('a', analysis(true), 1);
      store.replaceAnalysis('b', analysis(false), 1);
      const hit = store.getDetail('a')!.compliance[0]!;
      expect(store.review('compliance', hit.id, { state: 'confirmed', reason: null, reviewer: 'qa' }, 2)).toEqual({ conversationId: 'a' });
      expect(store.review('compliance', 999_999, { state: 'confirmed', reason: null, reviewer: 'qa' }, 2)).toBeNull();
      store.replaceAnalysis('a', analysis(true), 3);
      const again = store.getDetail('a')!;
      expect(again.compliance[0]!.review).toMatchObject({ state: 'confirmed', reviewer: 'qa', reviewedAt: 2 });
      expect(again.tags[0]!.evidence).toEqual(ev);
      expect(again.summary).toEqual({ data: { needs: '稳健' }, voc: [], rulesVersion: 'v1' });

      const team = store.keyPointCounts('team', {});
      expect(team.find((r) => r.point === 'kyc')).toEqual({ point: 'kyc', group: 't1', applicable: 2, raised: 1, toStandard: 1 });
      expect(team.find((r) => r.point === 'invite_visit')).toMatchObject({ applicable: 0, raised: 0 });
      const staff = store.keyPointCounts('staff', {}).filter((r) => r.point === 'kyc');
      expect(staff).toEqual([
        { point: 'kyc', group: 's1', applicable: 1, raised: 1, toStandard: 1 },
        { point: 'kyc', group: 's2', applicable: 1, raised: 0, toStandard: 0 },
      ]);
      const comp = store.complianceCounts('staff', {});
      expect(comp).toEqual([
        { rule: 'promise_guarantee', severity: 'high', group: 's1', hits: 1, conversations: 1, confirmed: 1, dismissed: 0 },
        { rule: 'promise_guarantee', severity: 'high', group: 's2', hits: 1, conversations: 1, confirmed: 0, dismissed: 0 },
      ]);
      expect(store.countConversations({ severity: 'high' })).toBe(2);
      expect(store.countConversations({ tag: 'basic.investment_experience=experienced' })).toBe(2);
      expect(store.countConversations({ keyPoint: { point: 'kyc', raised: false } })).toBe(1);
      expect(store.countConversations({ reviewState: 'confirmed' })).toBe(1);
    });

    it('merges profile observations per customer: latest wins, multi keeps values, history kept', () => {
      store.upsertCustomer({ id: 'cust', phone: '13800000000', name: null });
      expect(store.findCustomerByPhone('13800000000')!.id).toBe('cust');
      store.createConversation(conv('old', { startedAt: 100, customerId: 'cust' }), 0);
      store.createConversation(conv('new', { startedAt: 200, customerId: 'cust', channel: 'badge' }), 0);
      const o = (tag: string, value: string, multi: boolean, quote: string) => ({ family: 'preference', tag, value, detail: null, quote, multi });
      store.replaceProfileObservations('new', 'cust', [o('risk', 'stable', false, '稳一点'), o('product', 'fund', true, '基金')]);
      store.replaceProfileObservations('old', 'cust', [o('risk', 'high', false, '搏一搏'), o('product', 'deposit', true, '存款')]);
      const p = store.getProfile('cust')!;
      const current = p.current.map((x) => `${x.tag}=${x.value}`).sort();
      expect(current).toEqual(['product=deposit', 'product=fund', 'risk=stable']);
      expect(p.history).toHaveLength(4);
      expect(p.history.find((h) => h.value === 'high')).toMatchObject({ current: false, quote: '搏一搏', conversationId: 'old', channel: 'phone' });
      // re-analysis of a conversation replaces its observations, not duplicates
      store.replaceProfileObservations('new', 'cust', [o('risk', 'stable', false, '稳一点')]);
      expect(store.getProfile('cust')!.history).toHaveLength(3);
      expect(store.findCustomersByTags([{ family: 'preference', tag: 'risk', value: 'stable' }], 10).map((c) => c.id)).toEqual(['cust']);
      expect(store.findCustomersByTags([{ family: 'preference', tag: 'risk', value: 'high' }], 10)).toEqual([]);
    });

    it('overview per week and voice-of-the-customer items', () => {
      const monday = Date.UTC(2026, 10, 16); // a Monday
      store.createConversation(conv('w1a', { startedAt: monday + 3_600_000, durationMs: 60_000, customerId: 'k1' }), 0);
      store.createConversation(conv('w1b', { startedAt: monday + 86_400_000, durationMs: 120_000, customerId: 'k1' }), 0);
      store.createConversation(conv('w2', { startedAt: monday + 7 * 86_400_000, durationMs: 30_000, customerId: 'k2' }), 0);
      const o = store.overview({});
      expect(o).toMatchObject({ conversations: 3, customers: 2, avgDurationMs: 70_000 });
      expect(o.byWeek).toEqual([
        { weekStart: monday, conversations: 2, customers: 1, avgDurationMs: 90_000 },
        { weekStart: monday + 7 * 86_400_000, conversations: 1, customers: 1, avgDurationMs: 30_000 },
      ]);
      const voc = [{ kind: 'negative', text: '手续费太高', evidence: { turn: 0, start: 0, end: 5, quote: '手续费太高' } }];
      store.replaceAnalysis('w2', { rulesVersion: 'v', tags: [], compliance: [], keyPoints: [], summary: {}, voc }, 1);
      expect(store.vocItems({ kind: 'negative' }, 10)).toEqual([
        { conversationId: 'w2', startedAt: monday + 7 * 86_400_000, kind: 'negative', text: '手续费太高', evidence: voc[0]!.evidence },
      ]);
      expect(store.vocItems({ kind: 'positive' }, 10)).toEqual([]);
    });

    it('full-text search: words, pinyin homophones, prefix; query text cannot inject syntax', () => {
      store.createConversation(conv('x'), 0);
      store.createConversation(conv('y'), 0);
      store.indexTranscript('x', indexText('这款产品保本保息，年化百分之三，大额存单二十万起存'));
      store.indexTranscript('y', indexText('您的验证码请不要告诉任何人'));
      const find = (q: string, mode: 'exact' | 'pinyin' | 'fuzzy' = 'pinyin') =>
        store.listConversations({ text: buildTextQuery(q, mode)! }, { limit: 10 }).items.map((c) => c.id);
      expect(find('保本')).toEqual(['x']);
      expect(find('宝本')).toEqual(['x']);
      expect(find('宝本', 'exact')).toEqual([]);
      expect(find('大额存单')).toEqual(['x']);
      expect(find('验证码')).toEqual(['y']);
      expect(find('"OR x NEAR(')).toEqual([]);
      store.indexTranscript('x', indexText('换了内容'));
      expect(find('保本')).toEqual([]);
    });
  });
}
