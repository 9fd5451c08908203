import { stat } from 'node:fs/promises';
import type { FinalisedSession } from '@parley/proto';
import type { Logger } from 'pino';
import { PipelineError } from '../errors.js';
import type { ConversationStore } from '../store/conversation-store.js';
import type { AudioStore } from './audio-store.js';

const SESSION_ID = /^[0-9a-f]{32}$/;

export function badgeConversationId(sessionId: string): string {
  return `badge-${sessionId}`;
}

/**
 * The gateway outbox's consumer. At-least-once delivery: a session already
 * recorded returns at once. Otherwise the Ogg Opus file is copied durably
 * into the pipeline's audio store and the conversation inserted; the promise
 * resolves only after both, so the outbox may then forget the session.
 */
export async function consumeBadgeSession(
  deps: { store: ConversationStore; audio: AudioStore; logger: Logger; onNew(): void },
  s: FinalisedSession,
): Promise<void> {
  if (!SESSION_ID.test(s.sessionId)) {
    throw new PipelineError('ID_INVALID', `session id ${JSON.stringify(String(s.sessionId).slice(0, 80))}`, { retryable: false });
  }
  const id = badgeConversationId(s.sessionId);
  if (deps.store.getConversation(id)) {
    deps.logger.debug({ conversationId: id }, 'badge session already recorded');
    return;
  }
  await stat(s.audioPath).catch((err: unknown) => {
    throw new PipelineError('AUDIO_MISSING', `badge session ${s.sessionId}: ${s.audioPath}`, { cause: err });
  });
  const relative = deps.audio.relativePath('badge', s.sessionId, 'ogg_opus');
  await deps.audio.put(relative, s.audioPath);
  if (s.staffId) deps.store.upsertStaff({ id: s.staffId, name: null, teamId: null, branchId: s.branchId });
  if (s.branchId) deps.store.upsertBranch({ id: s.branchId, name: null });
  const created = deps.store.createConversation(
    {
      id,
      channel: 'badge',
      source: { sessionId: s.sessionId, deviceId: s.deviceId, endReason: s.endReason },
      staffId: s.staffId,
      branchId: s.branchId,
      customerId: null,
      startedAt: s.startTimeMs,
      endedAt: s.endTimeMs,
      durationMs: s.durationMs,
      audioPath: relative,
      audioFormat: 'ogg_opus',
      transcriptSource: null,
      gaps: s.gaps.map((g) => ({ startMs: g.startMs, endMs: g.endMs, cause: g.cause })),
      skipStages: [],
      segments: [],
    },
    Date.now(),
  );
  if (created) {
    deps.logger.info({ conversationId: id, deviceId: s.deviceId, gaps: s.gaps.length }, 'badge session recorded');
    deps.onNew();
  }
}
