import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationStore, NewConversation } from '../../src/store/conversation-store.js';
import { stageBacklogOf, type StageBacklogSource } from '../../src/store/stage-backlog.js';

/** Backlog per stage and status (the pipeline's backlog metrics), the same from every store. */
export function stageBacklogContract(name: string, make: () => ConversationStore): void {
  describe(`stage backlog: ${name}`, () => {
    let store: ConversationStore;
    let backlog: StageBacklogSource;
    beforeEach(() => {
      store = make();
      backlog = stageBacklogOf(store)!;
    });
    afterEach(() => store.close());

    const conv = (id: string, skip: NewConversation['skipStages'] = ['vad', 'roles', 'transcribe']): NewConversation => ({
      id, channel: 'phone', source: {}, staffId: null, branchId: null, customerId: null, startedAt: 0, endedAt: 0, durationMs: null,
      audioPath: null, audioFormat: null, transcriptSource: null, gaps: [], skipStages: skip, segments: [],
    });

    it('counts each unfinished conversation once, at its next stage: due, scheduled, running, waiting, failed', () => {
      expect(backlog).not.toBeNull();
      const claim = (id: string, at: number) => {
        store.createConversation(conv(id), at);
        expect(store.claimDueStage(at)).toMatchObject({ conversationId: id, stage: 'decode' });
      };
      claim('running', 1);
      claim('retry', 2);
      store.failStage('retry', 'decode', { code: 'INTERNAL', message: 'disk' }, 500, 2);
      claim('dead', 3);
      store.failStage('dead', 'decode', { code: 'AUDIO_CORRUPT', message: 'garbage' }, null, 3);
      claim('blocked', 4);
      store.waitStage('blocked', 'decode', { code: 'X', message: 'blocked' }, 4);
      claim('decoded', 5);
      store.completeStage('decoded', 'decode', 'done', 5);
      store.createConversation(conv('new1'), 6);
      store.createConversation(conv('new2'), 6);
      const count = (at: number, stage: string, status: string) =>
        backlog.stageBacklog(at).find((r) => r.stage === stage && r.status === status)?.conversations ?? 0;
      expect(count(100, 'decode', 'running')).toBe(1);
      expect(count(100, 'decode', 'scheduled')).toBe(1);
      expect(count(100, 'decode', 'failed')).toBe(1);
      expect(count(100, 'decode', 'waiting')).toBe(1);
      expect(count(100, 'decode', 'due')).toBe(2);
      expect(count(100, 'normalize', 'due')).toBe(1);
      expect(backlog.stageBacklog(100).reduce((a, r) => a + r.conversations, 0)).toBe(7);
      expect(count(1000, 'decode', 'due')).toBe(3); // the retry is due by then
      expect(count(1000, 'decode', 'scheduled')).toBe(0);
    });
  });
}
