import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnalysisRecord, ConversationStore, NewConversation } from '../../src/store/conversation-store.js';
import type { Segment } from '../../src/model/conversation.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** A Monday, 00:00 UTC. */
const MONDAY = Date.UTC(2026, 10, 16);

/**
 * The dashboard queries (trends, voice of the customer, customer insight,
 * customer page) every ConversationStore implementation must answer the
 * same way: run it with a factory for a fresh, empty store.
 */
export function dashboardQueriesContract(name: string, make: () => ConversationStore): void {
  describe(`ConversationStore dashboard queries: ${name}`, () => {
    let store: ConversationStore;
    beforeEach(() => {
      store = make();
      store.upsertBranch({ id: 'b1', name: '浦东支行' });
      store.upsertTeam({ id: 't1', name: '理财一组', branchId: 'b1' });
      store.upsertTeam({ id: 't2', name: '理财二组', branchId: 'b1' });
      store.upsertStaff({ id: 's1', name: '小陈', teamId: 't1', branchId: 'b1' });
      store.upsertStaff({ id: 's2', name: '小王', teamId: 't2', branchId: 'b1' });
    });
    afterEach(() => store.close());

    const seg = (index: number, role: Segment['role'], text: string): Segment => ({
      index, startMs: index * 4000, endMs: index * 4000 + 3500, role, channel: 0, text, normalizedText: null, confidence: null, levelDb: null,
    });

    const conv = (id: string, over: Partial<NewConversation> = {}): NewConversation => ({
      id, channel: 'phone', source: { callId: id }, staffId: 's1', branchId: null, customerId: null,
      startedAt: MONDAY, endedAt: MONDAY + 60_000, durationMs: 60_000, audioPath: null, audioFormat: null,
      transcriptSource: 'call_system', gaps: [], skipStages: ['vad', 'roles', 'transcribe'], segments: [], ...over,
    });

    const analysis = (over: Partial<AnalysisRecord> = {}): AnalysisRecord => ({
      rulesVersion: 'v1', tags: [], compliance: [], keyPoints: [], summary: {}, voc: [], ...over,
    });

    const kp = (point: string, applicable: boolean, raised: boolean, toStandard: boolean) => ({ point, applicable, raised, toStandard, evidence: [] });

    it('key-point trend: pooled counts per day / week / month bucket in local time, per group, one point or all', () => {
      // Monday 20:00 UTC is Tuesday 04:00 in China (UTC+8).
      store.createConversation(conv('a', { startedAt: MONDAY + 1 * HOUR, staffId: 's1' }), 0);
      store.createConversation(conv('b', { startedAt: MONDAY + 20 * HOUR, staffId: 's2' }), 0);
      store.createConversation(conv('c', { startedAt: MONDAY + 7 * DAY + 2 * HOUR, staffId: 's1' }), 0);
      store.replaceAnalysis('a', analysis({ keyPoints: [kp('kyc', true, true, true), kp('risk', true, true, false)] }), 1);
      store.replaceAnalysis('b', analysis({ keyPoints: [kp('kyc', true, false, false), kp('risk', false, false, false)] }), 1);
      store.replaceAnalysis('c', analysis({ keyPoints: [kp('kyc', true, true, false)] }), 1);

      expect(store.keyPointTrend('day', 'all', { point: 'kyc' })).toEqual([
        { bucket: MONDAY, point: 'kyc', group: 'all', applicable: 2, raised: 1, toStandard: 1 },
        { bucket: MONDAY + 7 * DAY, point: 'kyc', group: 'all', applicable: 1, raised: 1, toStandard: 0 },
      ]);
      // In UTC+8, b falls on Tuesday (local midnight = Monday 16:00 UTC).
      expect(store.keyPointTrend('day', 'all', { point: 'kyc', utcOffsetMinutes: 480 }).map((r) => [r.bucket, r.applicable])).toEqual([
        [MONDAY - 8 * HOUR, 1],
        [MONDAY + 16 * HOUR, 1],
        [MONDAY + 7 * DAY - 8 * HOUR, 1],
      ]);
      expect(store.keyPointTrend('week', 'team', { point: 'kyc' })).toEqual([
        { bucket: MONDAY, point: 'kyc', group: 't1', applicable: 1, raised: 1, toStandard: 1 },
        { bucket: MONDAY, point: 'kyc', group: 't2', applicable: 1, raised: 0, toStandard: 0 },
        { bucket: MONDAY + 7 * DAY, point: 'kyc', group: 't1', applicable: 1, raised: 1, toStandard: 0 },
      ]);
      const month = store.keyPointTrend('month', 'all', {});
      expect(month).toEqual([
        { bucket: Date.UTC(2026, 10, 1), point: 'kyc', group: 'all', applicable: 3, raised: 2, toStandard: 1 },
        { bucket: Date.UTC(2026, 10, 1), point: 'risk', group: 'all', applicable: 1, raised: 1, toStandard: 0 },
      ]);
      expect(store.keyPointTrend('week', 'staff', { point: 'kyc', staffId: 's2' }).map((r) => r.group)).toEqual(['s2']);
      // a dismissed finding leaves the counts
      const hit = store.getDetail('c')!.keyPoints[0]!;
      store.review('keyPoint', hit.id, { state: 'dismissed', reason: 'wrong', reviewer: 'qa' }, 2);
      expect(store.keyPointTrend('week', 'all', { point: 'kyc' }).map((r) => r.applicable)).toEqual([2]);
      expect(() => store.keyPointTrend('day', 'all', { utcOffsetMinutes: 100_000 })).toThrow(/utcOffsetMinutes/);
    });

    it('months follow the local calendar', () => {
      // 30 Nov 20:00 UTC is 1 Dec 04:00 in UTC+8
      store.createConversation(conv('m', { startedAt: Date.UTC(2026, 10, 30, 20) }), 0);
      store.replaceAnalysis('m', analysis({ keyPoints: [kp('kyc', true, true, true)] }), 1);
      expect(store.keyPointTrend('month', 'all', {}).map((r) => r.bucket)).toEqual([Date.UTC(2026, 10, 1)]);
      expect(store.keyPointTrend('month', 'all', { utcOffsetMinutes: 480 }).map((r) => r.bucket)).toEqual([Date.UTC(2026, 11, 1) - 8 * HOUR]);
    });

    it('compliance trend and conversation trend per bucket', () => {
      const ev = [{ turn: 0, start: 0, end: 2, quote: '保本' }];
      store.createConversation(conv('a', { startedAt: MONDAY + HOUR, customerId: 'k1' }), 0);
      store.createConversation(conv('b', { startedAt: MONDAY + 2 * HOUR, staffId: 's2', channel: 'badge', customerId: 'k1', durationMs: 120_000 }), 0);
      store.createConversation(conv('c', { startedAt: MONDAY + DAY, channel: 'badge', customerId: 'k2', durationMs: 30_000 }), 0);
      const high = { rule: 'promise_guarantee', severity: 'high' as const, ruleId: 'r', evidence: ev };
      const low = { rule: 'no_greeting', severity: 'low' as const, ruleId: 'r2', evidence: ev };
      store.replaceAnalysis('a', analysis({ compliance: [high, low] }), 1);
      store.replaceAnalysis('b', analysis({ compliance: [high] }), 1);
      store.replaceAnalysis('c', analysis({ compliance: [high] }), 1);
      expect(store.complianceTrend('day', 'all', { severity: 'high' })).toEqual([
        { bucket: MONDAY, rule: 'promise_guarantee', severity: 'high', group: 'all', hits: 2, conversations: 2, confirmed: 0, dismissed: 0 },
        { bucket: MONDAY + DAY, rule: 'promise_guarantee', severity: 'high', group: 'all', hits: 1, conversations: 1, confirmed: 0, dismissed: 0 },
      ]);
      const dismissed = store.getDetail('b')!.compliance[0]!;
      store.review('compliance', dismissed.id, { state: 'dismissed', reason: 'not a promise', reviewer: 'qa' }, 2);
      expect(store.complianceTrend('week', 'staff', { rule: 'promise_guarantee' })).toEqual([
        { bucket: MONDAY, rule: 'promise_guarantee', severity: 'high', group: 's1', hits: 2, conversations: 2, confirmed: 0, dismissed: 0 },
        { bucket: MONDAY, rule: 'promise_guarantee', severity: 'high', group: 's2', hits: 0, conversations: 0, confirmed: 0, dismissed: 1 },
      ]);
      expect(store.complianceTrend('week', 'all', {}).map((r) => `${r.rule}:${r.hits}`)).toEqual(['no_greeting:1', 'promise_guarantee:2']);

      expect(store.conversationTrend('day', {})).toEqual([
        { bucket: MONDAY, channel: 'badge', conversations: 1, customers: 1, avgDurationMs: 120_000 },
        { bucket: MONDAY, channel: 'phone', conversations: 1, customers: 1, avgDurationMs: 60_000 },
        { bucket: MONDAY + DAY, channel: 'badge', conversations: 1, customers: 1, avgDurationMs: 30_000 },
      ]);
      expect(store.conversationTrend('week', { channel: 'badge' })).toEqual([
        { bucket: MONDAY, channel: 'badge', conversations: 2, customers: 2, avgDurationMs: 75_000 },
      ]);
    });

    it('voice of the customer: items with their line, newest conversation first, keyset pages, counts per kind', () => {
      const item = (kind: string, turn: number, quote: string) => ({
        kind, text: `${kind}：${quote}`, evidence: { turn, start: 0, end: quote.length, quote, startMs: turn * 4000 },
      });
      for (let i = 0; i < 5; i++) {
        store.createConversation(conv(`v${i}`, { startedAt: MONDAY + i * HOUR, channel: i % 2 ? 'badge' : 'phone', customerId: `k${i}` }), 0);
        store.replaceAnalysis(`v${i}`, analysis({ voc: [item('negative', 1, `手续费太高${i}`), item('question', 3, `能提前取吗${i}`)] }), 1);
      }
      store.createConversation(conv('quiet', { startedAt: MONDAY + 10 * HOUR }), 0);
      store.replaceAnalysis('quiet', analysis(), 1);

      const all: string[] = [];
      let cursor: string | null = null;
      do {
        const page = store.vocPage({}, { limit: 3, cursor });
        all.push(...page.items.map((v) => `${v.conversationId}#${v.ord}`));
        cursor = page.nextCursor;
      } while (cursor);
      expect(all).toEqual(['v4#0', 'v4#1', 'v3#0', 'v3#1', 'v2#0', 'v2#1', 'v1#0', 'v1#1', 'v0#0', 'v0#1']);

      const neg = store.vocPage({ kind: 'negative', channel: 'badge' }, { limit: 10 });
      expect(neg.nextCursor).toBeNull();
      expect(neg.items).toHaveLength(2);
      expect(neg.items[0]).toEqual({
        conversationId: 'v3', startedAt: MONDAY + 3 * HOUR, kind: 'negative', text: 'negative：手续费太高3',
        evidence: { turn: 1, start: 0, end: 6, quote: '手续费太高3', startMs: 4000 },
        ord: 0, channel: 'badge', staffId: 's1', customerId: 'k3', segment: 1, quote: '手续费太高3', startMs: 4000,
      });
      expect(store.vocCounts({})).toEqual([
        { kind: 'negative', items: 5, conversations: 5 },
        { kind: 'question', items: 5, conversations: 5 },
      ]);
      expect(store.vocCounts({ from: MONDAY + 3 * HOUR })).toEqual([
        { kind: 'negative', items: 2, conversations: 2 },
        { kind: 'question', items: 2, conversations: 2 },
      ]);
      // re-analysis replaces a conversation's items
      store.replaceAnalysis('v0', analysis({ voc: [item('positive', 2, '服务很好')] }), 2);
      expect(store.vocCounts({}).map((c) => `${c.kind}:${c.items}`)).toEqual(['negative:4', 'positive:1', 'question:4']);
      expect(() => store.vocPage({}, { limit: 3, cursor: 'bad' })).toThrow(/cursor/);
    });

    it('customer insight: AND across tags on current values, with or without a value, keyset pages and a count', () => {
      const o = (tag: string, value: string, multi = false) => ({ family: 'preference', tag, value, detail: null, quote: `说了${value}`, multi });
      for (let i = 0; i < 7; i++) {
        const id = `cust${i}`;
        store.upsertCustomer({ id, phone: `1380000000${i}`, name: `客户${i}` });
        store.createConversation(conv(`p${i}`, { startedAt: MONDAY + i * HOUR, customerId: id }), 0);
        store.createConversation(conv(`q${i}`, { startedAt: MONDAY + DAY + i * HOUR, customerId: id, channel: 'badge' }), 0);
        // older phone call said high risk; the newer badge visit says stable for the even ones
        store.replaceProfileObservations(`p${i}`, id, [o('risk', 'high'), o('product', 'fund', true)]);
        store.replaceProfileObservations(`q${i}`, id, i % 2 === 0 ? [o('risk', 'stable'), o('product', 'deposit', true)] : []);
      }
      store.upsertCustomer({ id: 'nobody', phone: null, name: null });

      const ids = (tags: Parameters<ConversationStore['customersByTags']>[0], limit = 100) => store.customersByTags(tags, { limit }).items.map((c) => c.id);
      expect(ids([{ family: 'preference', tag: 'risk', value: 'stable' }])).toEqual(['cust0', 'cust2', 'cust4', 'cust6']);
      expect(ids([{ family: 'preference', tag: 'risk', value: 'high' }])).toEqual(['cust1', 'cust3', 'cust5']);
      expect(ids([{ family: 'preference', tag: 'risk', value: 'stable' }, { family: 'preference', tag: 'product', value: 'fund' }])).toEqual([
        'cust0', 'cust2', 'cust4', 'cust6',
      ]);
      expect(ids([{ family: 'preference', tag: 'product', value: 'deposit' }, { family: 'preference', tag: 'risk', value: 'high' }])).toEqual([]);
      expect(ids([{ family: 'preference', tag: 'risk' }])).toHaveLength(7);
      expect(ids([])).toEqual(['cust0', 'cust1', 'cust2', 'cust3', 'cust4', 'cust5', 'cust6', 'nobody']);
      expect(store.countCustomersByTags([{ family: 'preference', tag: 'risk', value: 'stable' }])).toBe(4);
      expect(store.countCustomersByTags([])).toBe(8);

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = store.customersByTags([{ family: 'preference', tag: 'product' }], { limit: 3, cursor });
        seen.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(['cust0', 'cust1', 'cust2', 'cust3', 'cust4', 'cust5', 'cust6']);

      const [first] = store.customersByTags([{ family: 'preference', tag: 'risk', value: 'stable' }], { limit: 1 }).items;
      expect(first).toMatchObject({
        id: 'cust0', name: '客户0', phone: '13800000000', conversations: 2, lastConversationAt: MONDAY + DAY, channels: ['badge', 'phone'],
        current: [
          { family: 'preference', tag: 'product', value: 'deposit' },
          { family: 'preference', tag: 'product', value: 'fund' },
          { family: 'preference', tag: 'risk', value: 'stable' },
        ],
      });
      expect(() => store.customersByTags([], { limit: 3, cursor: '!!' })).toThrow(/cursor/);
    });

    it('customer page: profile history with the line of each source quote, and per-conversation digests', () => {
      store.upsertCustomer({ id: 'k', phone: null, name: '李先生' });
      store.createConversation(conv('call', { startedAt: MONDAY, customerId: 'k', segments: [seg(0, 'staff', '您好'), seg(1, 'customer', '我想稳一点')] }), 0);
      store.createConversation(conv('visit', { startedAt: MONDAY + DAY, customerId: 'k', channel: 'badge' }), 0);
      const ev = (turn: number, quote: string) => [{ turn, start: 0, end: quote.length, quote, startMs: turn * 4000 }];
      store.replaceAnalysis(
        'call',
        analysis({
          tags: [{ family: 'preference', tag: 'risk', value: 'stable', detail: null, confidence: 0.9, ruleId: 'r', evidence: ev(1, '我想稳一点') }],
          compliance: [
            { rule: 'promise_guarantee', severity: 'high', ruleId: 'c', evidence: ev(0, '您好') },
            { rule: 'no_greeting', severity: 'low', ruleId: 'c2', evidence: ev(0, '您好') },
          ],
          summary: { needs: '稳健理财' },
        }),
        1,
      );
      store.replaceProfileObservations('call', 'k', [{ family: 'preference', tag: 'risk', value: 'stable', detail: null, quote: '我想稳一点', multi: false }]);
      store.replaceProfileObservations('visit', 'k', [{ family: 'preference', tag: 'risk', value: 'high', detail: null, quote: '搏一搏', multi: false }]);

      const sources = store.profileSources('k');
      expect(sources).toEqual([
        expect.objectContaining({ value: 'high', conversationId: 'visit', channel: 'badge', current: true, quote: '搏一搏', segment: null, startMs: null }),
        expect.objectContaining({ value: 'stable', conversationId: 'call', channel: 'phone', current: false, quote: '我想稳一点', segment: 1, startMs: 4000 }),
      ]);
      expect(store.profileSources('unknown')).toEqual([]);

      expect(store.conversationDigests(['call', 'visit', 'missing'])).toEqual([
        { conversationId: 'call', tags: 1, complianceHits: 2, worstSeverity: 'high', summary: { needs: '稳健理财' } },
        { conversationId: 'visit', tags: 0, complianceHits: 0, worstSeverity: null, summary: null },
      ]);
    });
  });
}
