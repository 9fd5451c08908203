import { open } from 'node:fs/promises';
import type { Logger } from 'pino';
import { sniffFormat } from '../audio/decode.js';
import { PipelineError } from '../errors.js';
import type { Conversation, Segment, StageName } from '../model/conversation.js';
import type { ConversationStore } from '../store/conversation-store.js';
import type { AudioStore } from './audio-store.js';
import { roleForSpeaker, timeMs, type PhoneMetadata } from './phone-metadata.js';

export function phoneConversationId(callId: string): string {
  return `phone-${callId}`;
}

async function sniffFile(path: string): Promise<ReturnType<typeof sniffFormat>> {
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(16);
    const { bytesRead } = await fh.read(head, 0, 16, 0);
    return sniffFormat(head.subarray(0, bytesRead));
  } finally {
    await fh.close();
  }
}

export interface PhoneIngestResult {
  conversationId: string;
  created: boolean;
}

/**
 * Records a phone call (HTTP upload and drop folder both end here): checks
 * the audio is WAV, Ogg Opus or MP3, stores it durably, creates the
 * conversation. A call-system transcript becomes the segments and the
 * conversation skips VAD, role assignment and ASR. Idempotent by call id.
 */
export async function ingestPhoneCall(
  deps: { store: ConversationStore; audio: AudioStore; logger: Logger; onNew(): void },
  meta: PhoneMetadata,
  audioFile: string | null,
  opts: { move?: boolean } = {},
): Promise<PhoneIngestResult> {
  const id = phoneConversationId(meta.callId);
  if (deps.store.getConversation(id)) return { conversationId: id, created: false };
  if (!audioFile && !meta.transcript) {
    throw new PipelineError('BAD_REQUEST', 'a call needs audio, a transcript, or both', { retryable: false });
  }
  let audioPath: string | null = null;
  let audioFormat: Conversation['audioFormat'] = null;
  if (audioFile) {
    const format = await sniffFile(audioFile);
    if (!format) throw new PipelineError('AUDIO_UNSUPPORTED', 'expected WAV, Ogg Opus or MP3', { retryable: false });
    audioFormat = format;
    audioPath = deps.audio.relativePath('phone', meta.callId, format);
    await deps.audio.put(audioPath, audioFile, opts.move);
  }
  if (meta.branchId) deps.store.upsertBranch({ id: meta.branchId, name: null });
  if (meta.teamId) deps.store.upsertTeam({ id: meta.teamId, name: null, branchId: meta.branchId ?? null });
  deps.store.upsertStaff({ id: meta.agentId, name: meta.agentName ?? null, teamId: meta.teamId ?? null, branchId: meta.branchId ?? null });
  let customerId: string | null = null;
  if (meta.customerNumber) {
    const existing = deps.store.findCustomerByPhone(meta.customerNumber);
    customerId = existing?.id ?? deps.store.upsertCustomer({ id: `tel-${meta.customerNumber.replace(/^\+/, '')}`, phone: meta.customerNumber, name: null }).id;
  }
  const segments: Segment[] = (meta.transcript ?? []).map((t, i) => ({
    index: i,
    startMs: t.startMs ?? null,
    endMs: t.endMs ?? null,
    role: roleForSpeaker(t.speaker, meta.speakerRoles),
    channel: 0,
    text: t.text,
    normalizedText: null,
    confidence: null,
    levelDb: null,
  }));
  const startedAt = timeMs(meta.startTime);
  const endedAt = meta.endTime !== undefined ? timeMs(meta.endTime) : startedAt;
  if (endedAt < startedAt) throw new PipelineError('METADATA_INVALID', 'endTime is before startTime', { retryable: false });
  const skipStages: StageName[] = meta.transcript ? ['vad', 'roles', 'transcribe'] : [];
  const created = deps.store.createConversation(
    {
      id,
      channel: 'phone',
      source: {
        callId: meta.callId,
        direction: meta.direction,
        customerNumber: meta.customerNumber ?? null,
        staffChannel: String(meta.agentChannel ?? 0),
      },
      staffId: meta.agentId,
      branchId: meta.branchId ?? null,
      customerId,
      startedAt,
      endedAt,
      durationMs: endedAt > startedAt ? endedAt - startedAt : null,
      audioPath,
      audioFormat,
      transcriptSource: meta.transcript ? 'call_system' : null,
      gaps: [],
      skipStages,
      segments,
    },
    Date.now(),
  );
  if (created) {
    deps.logger.info({ conversationId: id, transcript: Boolean(meta.transcript), audioFormat }, 'phone call recorded');
    deps.onNew();
  }
  return { conversationId: id, created };
}
