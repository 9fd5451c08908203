import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationStore, NewConversation, AnalysisRecord } from '../../src/store/conversation-store.js';

/**
 * Part of the ConversationStore contract (called from contract.ts): review
 * of tags and key points surviving re-analysis, waveform peaks, the rule-set
 * history and re-run jobs.
 */
export function reviewAndRulesContract(name: string, make: () => ConversationStore): void {
  describe(`ConversationStore contract (review, peaks, rules history, re-run jobs): ${name}`, () => {
    let store: ConversationStore;
    beforeEach(() => {
      store = make();
      store.upsertStaff({ id: 's1', name: '小陈', teamId: 't1', branchId: 'b1' });
    });
    afterEach(() => store.close());

    const conv = (id: string, over: Partial<NewConversation> = {}): NewConversation => ({
      id, channel: 'phone', source: { callId: id }, staffId: 's1', branchId: null, customerId: null,
      startedAt: 1_000_000, endedAt: 1_060_000, durationMs: 60_000, audioPath: null, audioFormat: null,
      transcriptSource: 'call_system', gaps: [], skipStages: ['vad', 'roles', 'transcribe'], segments: [], ...over,
    });
    const ev = (turn: number) => [{ turn, start: 0, end: 2, quote: '保本' }];
    const analysis = (over: Partial<AnalysisRecord> = {}): AnalysisRecord => ({
      rulesVersion: 'v1',
      tags: [
        { family: 'preference', tag: 'risk', value: 'stable', detail: null, confidence: 0.8, ruleId: 'p1', evidence: ev(1) },
        { family: 'basic', tag: 'age', value: 'senior', detail: null, confidence: 0.8, ruleId: 'p2', evidence: ev(2) },
      ],
      compliance: [{ rule: 'promise_guarantee', severity: 'high', ruleId: 'c1', evidence: ev(3) }],
      keyPoints: [{ point: 'kyc', applicable: true, raised: true, toStandard: true, evidence: ev(0) }],
      summary: {},
      voc: [],
      ...over,
    });
    function analysed(id: string, now: number): void {
      store.createConversation(conv(id), now);
      for (;;) {
        const c = store.claimDueStage(now);
        if (!c) break;
        store.completeStage(c.conversationId, c.stage, 'done', now);
      }
    }

    it('keeps reviewed tags, corrections and key points exactly as reviewed across re-analysis', () => {
      store.createConversation(conv('a'), 0);
      store.replaceAnalysis('a', analysis(), 1);
      const d = store.getDetail('a')!;
      const risk = d.tags.find((t) => t.tag === 'risk')!;
      const age = d.tags.find((t) => t.tag === 'age')!;
      const kyc = d.keyPoints[0]!;
      expect(store.hitConversation('tag', risk.id)).toBe('a');
      expect(store.hitConversation('keyPoint', 424242)).toBeNull();
      store.review('tag', risk.id, { state: 'confirmed', reason: null, reviewer: 'qa', correctedValue: 'aggressive' }, 2);
      store.review('tag', age.id, { state: 'dismissed', reason: '没说年龄', reviewer: 'qa' }, 2);
      store.review('keyPoint', kyc.id, { state: 'dismissed', reason: '没有真正了解', reviewer: 'qa' }, 3);
      expect(store.countConversations({ tag: 'preference.risk=aggressive' })).toBe(1);
      expect(store.countConversations({ tag: 'preference.risk=stable' })).toBe(0);

      // new rules: the risk tag is found with another value, age again, kyc no longer raised, a new compliance hit
      store.replaceAnalysis(
        'a',
        analysis({
          rulesVersion: 'v2',
          tags: [
            { family: 'preference', tag: 'risk', value: 'aggressive', detail: null, confidence: 0.8, ruleId: 'p1', evidence: ev(4) },
            { family: 'basic', tag: 'age', value: 'senior', detail: null, confidence: 0.8, ruleId: 'p2', evidence: ev(2) },
          ],
          keyPoints: [{ point: 'kyc', applicable: true, raised: false, toStandard: false, evidence: [] }],
          compliance: [{ rule: 'promise_guarantee', severity: 'high', ruleId: 'c1', evidence: ev(5) }],
        }),
        4,
      );
      const after = store.getDetail('a')!;
      // reviewed rows untouched (same ids), their duplicates (corrected value, dismissed value, same point) not added
      expect(after.tags.map((t) => [t.id, t.value, t.review.state, t.review.correctedValue ?? null])).toEqual([
        [risk.id, 'stable', 'confirmed', 'aggressive'],
        [age.id, 'senior', 'dismissed', null],
      ]);
      expect(after.tags[0]!.review).toMatchObject({ reviewer: 'qa', reviewedAt: 2 });
      expect(after.keyPoints).toEqual([{ ...kyc, review: { state: 'dismissed', reason: '没有真正了解', reviewer: 'qa', reviewedAt: 3 } }]);
      // pending results are replaced
      expect(after.compliance.map((c) => c.evidence[0]!.turn)).toEqual([5]);
      expect(after.summary?.rulesVersion).toBe('v2');

      // undoing a review makes the row an ordinary pending result again: the next run replaces it
      store.review('tag', age.id, { state: 'pending', reason: null, reviewer: 'qa' }, 5);
      store.replaceAnalysis('a', analysis({ tags: [] }), 6);
      expect(store.getDetail('a')!.tags.map((t) => t.tag)).toEqual(['risk']);
    });

    it('stores waveform peaks per conversation', () => {
      store.createConversation(conv('p'), 0);
      expect(store.getWaveformPeaks('p')).toBeNull();
      const peaks = {
        durationMs: 1500,
        levels: [
          { perSecond: 50, data: Int8Array.from([-3, 4, -127, 127, 0, 0]) },
          { perSecond: 2, data: Int8Array.from([-127, 127]) },
        ],
      };
      store.setWaveformPeaks('p', peaks);
      expect(store.getWaveformPeaks('p')).toEqual(peaks);
      store.setWaveformPeaks('p', { durationMs: 20, levels: [{ perSecond: 50, data: Int8Array.from([-1, 1]) }] });
      expect(store.getWaveformPeaks('p')!.levels).toHaveLength(1);
    });

    it('keeps a rule-set history with one active version', () => {
      expect(store.getActiveRuleSetVersion()).toBeNull();
      const doc = { version: 'r1', rules: [] };
      const base = { source: 'files' as const, basedOn: null, author: 'system', note: null, createdAt: 10 };
      store.addRuleSetVersion({ ...base, version: 'r1', contentHash: 'h1', document: doc });
      store.addRuleSetVersion({ ...base, version: 'r1+e1', source: 'edit', basedOn: 'r1', author: 'ana', note: 'tighter', contentHash: 'h2', document: { ...doc, version: 'r1+e1' } });
      expect(() => store.addRuleSetVersion({ ...base, version: 'r1', contentHash: 'h3', document: doc })).toThrow(/already exists/);
      store.setActiveRuleSetVersion('r1+e1');
      expect(store.getActiveRuleSetVersion()).toMatchObject({ version: 'r1+e1', active: true, author: 'ana', basedOn: 'r1' });
      store.setActiveRuleSetVersion('r1');
      expect(store.listRuleSetVersions().map((v) => [v.version, v.active])).toEqual([
        ['r1+e1', false],
        ['r1', true],
      ]);
      expect(store.getRuleSetVersion('r1+e1')!.document).toEqual({ version: 'r1+e1', rules: [] });
      expect(store.getRuleSetVersion('nope')).toBeNull();
      expect(store.findRuleSetVersionByHash('h2')!.version).toBe('r1+e1');
      expect(store.findRuleSetVersionByHash('zz')).toBeNull();
      expect(() => store.setActiveRuleSetVersion('nope')).toThrow(/nope/);
    });

    it('re-run jobs: items per analysed conversation in the filter, idempotent progress, end states', () => {
      analysed('x1', 0);
      analysed('x2', 0);
      store.createConversation(conv('x3', { startedAt: 5_000_000 }), 0); // not analysed yet: not included
      const job = store.createRerunJob({ id: 'j1', filter: { from: 0, to: 2_000_000 }, rulesVersion: 'r1', createdBy: 'ana' }, 100);
      expect(job).toMatchObject({ id: 'j1', state: 'running', total: 2, done: 0, failed: 0, createdBy: 'ana', finishedAt: null });
      expect(store.runningRerunJobs().map((j) => j.id)).toEqual(['j1']);
      expect(store.pendingRerunItems('j1', 10)).toEqual(['x1', 'x2']);
      store.finishRerunItem('j1', 'x1', null, 101);
      store.finishRerunItem('j1', 'x1', null, 102); // twice: counted once
      store.finishRerunItem('j1', 'x2', { code: 'ANALYSIS_FAILED', message: 'boom' }, 103);
      expect(store.pendingRerunItems('j1', 10)).toEqual([]);
      expect(store.getRerunJob('j1')).toMatchObject({ done: 1, failed: 1, updatedAt: 103, lastError: 'x2: ANALYSIS_FAILED: boom' });
      expect(store.endRerunJob('j1', 'done', 104)).toMatchObject({ state: 'done', finishedAt: 104 });
      expect(store.endRerunJob('j1', 'cancelled', 105)).toMatchObject({ state: 'done', finishedAt: 104 });
      expect(store.runningRerunJobs()).toEqual([]);

      const empty = store.createRerunJob({ id: 'j2', filter: { staffId: 'nobody' }, rulesVersion: 'r1', createdBy: 'ana' }, 200);
      expect(empty).toMatchObject({ state: 'done', total: 0, finishedAt: 200 });
      const j3 = store.createRerunJob({ id: 'j3', filter: {}, rulesVersion: 'r1', createdBy: 'ana' }, 300);
      expect(j3.total).toBe(2);
      expect(store.endRerunJob('j3', 'cancelled', 301)).toMatchObject({ state: 'cancelled' });
      expect(store.listRerunJobs(2).map((j) => j.id)).toEqual(['j3', 'j2']);
      expect(store.getRerunJob('nope')).toBeNull();
      expect(() => store.createRerunJob({ id: 'j3', filter: {}, rulesVersion: 'r1', createdBy: 'ana' }, 400)).toThrow(/exists/);
    });
  });
}
