/**
 * The audio co-processor: microphones, Opus encoder and voice-activity flag.
 * On the badge it is reached over a UART (the hardware link); in Node the
 * simulator feeds it. Frames arrive only between `start` and `stop`; the
 * callback's `frame` is only valid during the call (copy to keep it).
 */
export interface AudioParams {
  sampleRate: number;
  channels: number;
  frameMs: number;
  bitrate: number;
}

export interface AudioHandlers {
  frame(frame: Uint8Array, voice: boolean): void;
  /** Voice activity while not capturing (voice-activated mode listens with capture off). */
  voice(active: boolean): void;
  /**
   * `count` frames were lost right before the next frame (the co-processor's
   * queue overflowed, it rebooted, or frames were damaged on the link): the
   * recorder ends the frame run there and records a gap of that many frames.
   */
  lost(count: number): void;
}

export interface AudioSource {
  setHandlers(handlers: AudioHandlers): void;
  /** Powers the capture path and starts sending frames. */
  start(params: AudioParams): void;
  stop(): void;
  isCapturing(): boolean;
  /** Voice-activity detection with capture off (for voice-activated mode). */
  listen(on: boolean): void;
}
