/**
 * A badge's shift as a playlist: conversations separated by quiet gaps of
 * random length (seeded), for an OpusFrameSource. Gaps are one repeated
 * silence packet, so an eight-hour shift costs memory only for its speech.
 */
import { ToolsError } from '../errors.js';
import { SeededRandom } from '../random/seeded-random.js';
import type { EncodedConversation } from './conversation-opus.js';
import { createOpusEncoder, resolveOpusParams, type OpusEncoderOptions } from './encoder.js';
import type { PlaylistItem } from './frame-source.js';

/** The packet libopus settles on for digital silence (taken after a few frames of warm-up). */
export async function silencePacket(opus: OpusEncoderOptions = {}): Promise<Uint8Array> {
  const encoder = await createOpusEncoder(opus);
  try {
    const zeros = new Int16Array(encoder.frameSamples);
    let packet = encoder.encode(zeros);
    for (let i = 0; i < 4; i++) packet = encoder.encode(zeros);
    return packet;
  } finally {
    encoder.destroy();
  }
}

export interface ShiftPlaylistOptions {
  conversations: readonly EncodedConversation[];
  /** Quiet time before each conversation, drawn uniformly in [min, max] ms, rounded to whole frames. */
  gapMs: { min: number; max: number };
  seed: number | string;
  opus?: OpusEncoderOptions;
}

export async function buildShiftPlaylist(o: ShiftPlaylistOptions): Promise<PlaylistItem[]> {
  const params = resolveOpusParams(o.opus);
  if (!(o.gapMs.min >= 0 && o.gapMs.max >= o.gapMs.min)) throw new ToolsError('OPUS_INVALID_OPTIONS', `gapMs ${JSON.stringify(o.gapMs)}`);
  const rng = new SeededRandom(`${String(o.seed)}:shift`);
  const packet = await silencePacket(params);
  const items: PlaylistItem[] = [];
  o.conversations.forEach((c, i) => {
    if (c.audio.params.frameMs !== params.frameMs || c.audio.params.sampleRate !== params.sampleRate) {
      throw new ToolsError('OPUS_INVALID_OPTIONS', `conversation ${c.scriptId} was encoded with other parameters`);
    }
    const frames = Math.round(rng.range(o.gapMs.min, o.gapMs.max) / params.frameMs);
    if (frames > 0) items.push({ kind: 'silence', label: `gap-${i}`, frames, packet });
    items.push({ kind: 'audio', label: c.scriptId, audio: c.audio });
  });
  return items;
}
