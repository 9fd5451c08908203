/**
 * What a voice-activated badge should record from a stream of frames: the
 * firmware's rule (firmware/src/core/badge.ts) replayed on the voice flags.
 * Idle, a voiced frame starts a session (that frame itself is not captured);
 * recording, a session ends at the first frame that comes `silenceSplitS`
 * wall seconds after the last voiced one. The simulator plays frames `speed`
 * times faster than real time and the firmware measures silence on the wall
 * clock, so a pause's wall length is its frames × frameMs ÷ speed — exact
 * only up to timer jitter. Pauses within `tolerance` of the split (either
 * side) may or may not split, so the answer is a range.
 */
import type { BadgeShiftAudio } from '../opus/badge-shift-audio.js';

export interface VoiceSessionRange {
  /** Sessions certain to be recorded (bursts separated by pauses clearly longer than the split). */
  min: number;
  /** Sessions at most (every borderline pause splits). */
  max: number;
  /** Voiced frames in the stream. */
  voicedFrames: number;
}

/** Voice flags of a badge's whole stream, frame by frame. */
export function voiceFlags(audio: BadgeShiftAudio): Uint8Array {
  const flags = new Uint8Array(audio.totalFrames);
  let at = 0;
  for (const item of audio.playlist) {
    if (item.kind === 'audio') {
      flags.set(item.audio.vad.subarray(0, Math.min(item.audio.vad.length, flags.length - at)), at);
      at += item.audio.vad.length;
    } else at += item.frames;
  }
  return flags;
}

export function expectedVoiceSessions(
  flags: Uint8Array,
  opts: { frameMs: number; speed: number; silenceSplitS: number; fromFrame?: number; toFrame?: number; tolerance?: number },
): VoiceSessionRange {
  const tol = opts.tolerance ?? 0.5;
  const splitFrames = (opts.silenceSplitS * 1000 * opts.speed) / opts.frameMs;
  const from = opts.fromFrame ?? 0;
  const to = Math.min(flags.length, opts.toFrame ?? flags.length);
  let min = 0;
  let max = 0;
  let voiced = 0;
  let last = -1;
  for (let i = from; i < to; i++) {
    if (flags[i] !== 1) continue;
    voiced++;
    if (last < 0) {
      min++;
      max++;
    } else {
      const pause = i - last;
      if (pause >= splitFrames * (1 + tol)) {
        min++;
        max++;
      } else if (pause > splitFrames * (1 - tol)) max++;
    }
    last = i;
  }
  return { min, max, voicedFrames: voiced };
}
