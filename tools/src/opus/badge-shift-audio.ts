/**
 * A badge's audio for a whole scenario: its planned conversations (from
 * scenario/conversation-plan.ts) encoded to Opus and laid out on the
 * scenario's clock, with silence between them, as a playlist for an
 * OpusFrameSource. The returned schedule says where each conversation
 * really landed (a conversation that runs past the next one's planned start
 * pushes that one back), which is the ground truth the end-to-end suite
 * compares the gateway's sessions against.
 */
import { ToolsError } from '../errors.js';
import type { PlannedConversation } from '../scenario/conversation-plan.js';
import type { Scenario } from '../scenario/types.js';
import type { ConversationScript } from '../speech/script.js';
import { encodeConversation, type EncodedConversation } from './conversation-opus.js';
import type { PlaylistItem } from './frame-source.js';
import { silencePacket } from './shift-playlist.js';

export interface PlacedConversation {
  scriptId: string;
  /** Where it starts and ends in the badge's audio, scenario ms (whole frames). */
  startMs: number;
  endMs: number;
  /** Index of its first frame in the badge's frame stream. */
  firstFrame: number;
  frameCount: number;
  speechFrames: number;
  conversation: EncodedConversation;
}

export interface BadgeShiftAudio {
  badge: string;
  playlist: PlaylistItem[];
  placed: PlacedConversation[];
  /** Total frames (= scenario duration / frame length). */
  totalFrames: number;
}

export interface BadgeShiftOptions {
  cacheDir?: string | false;
  /** Minimum silence between two conversations when one overruns the next's start (default 2 s). */
  minGapMs?: number;
}

export async function buildBadgeShiftAudio(
  scenario: Scenario,
  badge: string,
  planned: readonly PlannedConversation[],
  pool: readonly ConversationScript[],
  opts: BadgeShiftOptions = {},
): Promise<BadgeShiftAudio> {
  const frameMs = scenario.opus.frameMs;
  const opus = { bitrate: scenario.opus.bitrate, frameMs };
  const speech = {
    customerGainDb: scenario.speech.customerGainDb,
    customerGainJitterDb: scenario.speech.customerGainJitterDb,
    pauseMs: scenario.speech.pauseMs,
    noise: scenario.speech.noise,
  };
  const byId = new Map(pool.map((s) => [s.id, s]));
  const totalFrames = Math.floor(scenario.durationMs / frameMs);
  const minGapFrames = Math.ceil((opts.minGapMs ?? 2000) / frameMs);
  const packet = await silencePacket(opus);
  const playlist: PlaylistItem[] = [];
  const placed: PlacedConversation[] = [];
  let cursor = 0; // frames laid out so far
  for (const p of planned) {
    if (p.badge !== badge) continue;
    const script = byId.get(p.scriptId);
    if (!script) throw new ToolsError('SCENARIO_INVALID', `planned dialogue ${p.scriptId} is not in the pool`);
    const wanted = Math.max(Math.round(p.startMs / frameMs), cursor === 0 ? 0 : cursor + minGapFrames);
    if (wanted >= totalFrames) break;
    const conversation = await encodeConversation(script, { speech: { ...speech, seed: `${scenario.seed}:${badge}:${placed.length}` }, opus, cacheDir: opts.cacheDir });
    const frames = Math.min(conversation.audio.packets.length, totalFrames - wanted);
    if (wanted > cursor) playlist.push({ kind: 'silence', label: `quiet-${placed.length}`, frames: wanted - cursor, packet });
    const audio =
      frames === conversation.audio.packets.length
        ? conversation.audio
        : { ...conversation.audio, packets: conversation.audio.packets.slice(0, frames), vad: conversation.audio.vad.slice(0, frames) };
    playlist.push({ kind: 'audio', label: script.id, audio });
    placed.push({
      scriptId: script.id,
      startMs: wanted * frameMs,
      endMs: (wanted + frames) * frameMs,
      firstFrame: wanted,
      frameCount: frames,
      speechFrames: audio.vad.reduce((n, v) => n + v, 0),
      conversation,
    });
    cursor = wanted + frames;
  }
  if (cursor < totalFrames) playlist.push({ kind: 'silence', label: 'quiet-end', frames: totalFrames - cursor, packet });
  return { badge, playlist, placed, totalFrames };
}
