/**
 * OpusFrameSource: the audio a simulated badge's co-processor produces — one
 * Opus packet per frame with its VAD flag — played from a playlist of
 * conversations and silences, once or looped (a shift), either paced like a
 * microphone (real time, or a multiple of it) or as fast as the consumer
 * takes them. The firmware's Node platform audio source consumes it with
 * `next()` (pull), `for await` (paced) or `run(onFrame)` (paced push).
 */
import { ToolsError } from '../errors.js';
import type { EncodedAudio } from './encoded-audio.js';
import type { OpusParams } from './encoder.js';

export interface OpusFrame {
  /** Frame number since the source started, across items and loops. */
  index: number;
  data: Uint8Array;
  vad: boolean;
  /** Source time of the frame's start, ms since the source started. */
  timeMs: number;
  /** Playlist item the frame belongs to, and its label. */
  item: number;
  label: string;
  /** Which pass over the playlist (0 for the first). */
  loop: number;
}

export type PlaylistItem =
  | { kind: 'audio'; label: string; audio: EncodedAudio }
  /** `frames` repetitions of one silence packet: cheap for hours of quiet. */
  | { kind: 'silence'; label: string; frames: number; packet: Uint8Array };

/** Real time (1), a multiple of it (e.g. 10 = ten times faster), or no pacing. */
export type Pace = { speed: number } | 'realtime' | 'fast';

export interface PaceClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: PaceClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

export interface FrameSourceOptions {
  pace?: Pace;
  /** Play the playlist again and again (until maxFrames or stop()). */
  loop?: boolean;
  /** Stop after this many frames. */
  maxFrames?: number;
  clock?: PaceClock;
}

export class OpusFrameSource {
  readonly params: Pick<OpusParams, 'sampleRate' | 'frameMs'>;
  private readonly items: PlaylistItem[];
  private readonly loop: boolean;
  private readonly maxFrames: number;
  private readonly speed: number;
  private readonly clock: PaceClock;
  private itemIndex = 0;
  private frameInItem = 0;
  private pass = 0;
  private emitted = 0;
  private stopped = false;
  private running = false;

  constructor(items: readonly PlaylistItem[], opts: FrameSourceOptions = {}) {
    const bad = (msg: string): never => {
      throw new ToolsError('OPUS_INVALID_OPTIONS', msg);
    };
    if (items.length === 0) bad('playlist is empty');
    const firstAudio = items.find((i): i is Extract<PlaylistItem, { kind: 'audio' }> => i.kind === 'audio');
    this.params = firstAudio ? { sampleRate: firstAudio.audio.params.sampleRate, frameMs: firstAudio.audio.params.frameMs } : { sampleRate: 16000, frameMs: 20 };
    for (const it of items) {
      if (it.kind === 'audio' && (it.audio.params.frameMs !== this.params.frameMs || it.audio.params.sampleRate !== this.params.sampleRate)) {
        bad(`item ${it.label} has a different frame length or sample rate`);
      }
      if (it.kind === 'silence' && (!Number.isInteger(it.frames) || it.frames < 0)) bad(`silence ${it.label} has ${it.frames} frames`);
    }
    if (opts.loop && items.every((i) => frameCount(i) === 0)) bad('cannot loop a playlist without frames');
    this.items = [...items];
    this.loop = opts.loop ?? false;
    this.maxFrames = opts.maxFrames ?? Infinity;
    const pace = opts.pace ?? 'fast';
    this.speed = pace === 'fast' ? Infinity : pace === 'realtime' ? 1 : pace.speed;
    if (!(this.speed > 0)) bad(`pace speed ${String(this.speed)} must be > 0`);
    this.clock = opts.clock ?? systemClock;
  }

  /** Total frames of one pass over the playlist. */
  get framesPerPass(): number {
    return this.items.reduce((n, i) => n + frameCount(i), 0);
  }

  get framesEmitted(): number {
    return this.emitted;
  }

  /** The next frame, unpaced; null once the playlist (or maxFrames) is exhausted or stop() was called. */
  next(): OpusFrame | null {
    if (this.stopped || this.emitted >= this.maxFrames) return null;
    for (;;) {
      const item = this.items[this.itemIndex];
      if (!item) {
        if (!this.loop) return null;
        this.itemIndex = 0;
        this.frameInItem = 0;
        this.pass++;
        continue;
      }
      if (this.frameInItem >= frameCount(item)) {
        this.itemIndex++;
        this.frameInItem = 0;
        continue;
      }
      const i = this.frameInItem++;
      const frame: OpusFrame = {
        index: this.emitted,
        data: item.kind === 'audio' ? (item.audio.packets[i] as Uint8Array) : item.packet,
        vad: item.kind === 'audio' ? item.audio.vad[i] === 1 : false,
        timeMs: this.emitted * this.params.frameMs,
        item: this.itemIndex,
        label: item.label,
        loop: this.pass,
      };
      this.emitted++;
      return frame;
    }
  }

  /** Ends the source: next() returns null and a running run()/iteration finishes. */
  stop(): void {
    this.stopped = true;
  }

  /**
   * Delivers frames to onFrame at the configured pace until the end, stop()
   * or the signal aborts. Paced delivery never drifts: frame i is due at
   * start + i × frameMs / speed, and a late timer delivers the overdue frames
   * at once (as a co-processor's UART buffer would).
   */
  async run(onFrame: (frame: OpusFrame) => void, signal?: AbortSignal): Promise<{ frames: number }> {
    if (this.running) throw new ToolsError('FRAME_SOURCE_STATE', 'run() is already in progress');
    this.running = true;
    const onAbort = () => this.stop();
    signal?.addEventListener('abort', onAbort);
    let delivered = 0;
    try {
      const start = this.clock.now();
      const base = this.emitted;
      for (;;) {
        if (this.speed === Infinity) {
          // Unpaced: hand over frames in batches, letting the event loop run in between.
          for (let k = 0; k < 256; k++) {
            const f = this.next();
            if (!f) return { frames: delivered };
            onFrame(f);
            delivered++;
          }
          await new Promise((r) => setImmediate(r));
          continue;
        }
        const elapsed = this.clock.now() - start;
        const due = Math.floor((elapsed * this.speed) / this.params.frameMs) + 1;
        while (this.emitted - base < due) {
          const f = this.next();
          if (!f) return { frames: delivered };
          onFrame(f);
          delivered++;
        }
        const nextDueAt = ((this.emitted - base) * this.params.frameMs) / this.speed;
        await this.clock.sleep(Math.max(0, nextDueAt - (this.clock.now() - start)));
        if (this.stopped) return { frames: delivered };
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.running = false;
    }
  }

  /** Paced async iteration (same pacing as run()). */
  async *[Symbol.asyncIterator](): AsyncGenerator<OpusFrame> {
    const start = this.clock.now();
    const base = this.emitted;
    for (;;) {
      if (this.speed !== Infinity) {
        const dueAt = ((this.emitted - base) * this.params.frameMs) / this.speed;
        const wait = dueAt - (this.clock.now() - start);
        if (wait > 0) await this.clock.sleep(wait);
      }
      const f = this.next();
      if (!f) return;
      yield f;
    }
  }
}

function frameCount(item: PlaylistItem): number {
  return item.kind === 'audio' ? item.audio.packets.length : item.frames;
}
