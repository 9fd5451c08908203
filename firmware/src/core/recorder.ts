import type { AudioParams, AudioSource } from '../hal/audio.js';
import type { System } from '../hal/system.js';
import type { ClockSync } from './clock-sync.js';
import type { ProtocolCodec } from './codec.js';
import type { FrameGap, SessionEnd } from './messages.js';
import { EndReason } from './messages.js';
import type { Spool, SpoolSession } from './spool.js';
import { SessionField } from './spool.js';
import { copyBytes } from './bytes.js';

/** Largest Opus frame accepted (a 20 ms frame at 510 kbps is 1275 bytes). */
export const MAX_FRAME_BYTES = 1275;

export interface RecorderOptions {
  spool: Spool;
  codec: ProtocolCodec;
  clock: ClockSync;
  audio: AudioSource;
  system: System;
  host: RecorderHost;
}

/** What the recorder asks of the badge (implemented by the Badge itself: no closures to hold on Espruino). */
export interface RecorderHost {
  /** The boot counter and staff id a new SessionStart carries. */
  sessionBootCount(): number;
  sessionStaffId(): string;
  /** Called after every chunk is written (the uploader sends live chunks at once). */
  chunkWritten(s: SpoolSession): void;
  /** Called when a chunk could not be written because the spool is full. */
  spoolFull(): void;
}

export interface RecorderSettings {
  params: AudioParams;
  chunkDurationMs: number;
}

/**
 * One conversation session at a time: numbers the co-processor's frames,
 * packs them into AudioChunks of `chunkDurationMs`, writes each to the spool
 * with the running totals, and writes SessionStart/SessionEnd. Frames are
 * copied into one preallocated buffer and their sizes, as varints, into
 * another (no per-frame objects): the chunk is recorded in the packed form
 * (frame_data + frame_sizes), the uploader rewrites it for a gateway that
 * only takes the legacy one.
 */
export class Recorder {
  private readonly o: RecorderOptions;
  private settings: RecorderSettings;
  private buf: Uint8Array;
  /** frame_sizes of the chunk in progress: one varint per frame (at most 2 bytes: frames are <= 1275 bytes). */
  private sizes: Uint8Array;
  private nSizeBytes = 0;
  private session: SpoolSession | null = null;
  private nFrames = 0;
  private nBytes = 0;
  private chunkFirst = 0;
  private chunkTime = 0;
  private chunkSynced = false;
  private chunkDigest = 0;
  private frameIndex = 0;
  private seq = 0;
  private digest = 0;
  private bytesTotal = 0;
  private dropped = 0;
  private gaps: FrameGap[] = [];
  private startSynced = false;
  private startMono = 0;
  private startTime = 0;
  private codecParams: AudioParams;
  /** Frames dropped since boot (storage full). */
  droppedSinceBoot = 0;
  /** Sessions of this boot closed while the clock was unsynced: corrected at sync. */
  private unsyncedEnded: SessionEnd[] = [];

  constructor(o: RecorderOptions, settings: RecorderSettings) {
    this.o = o;
    this.settings = settings;
    this.codecParams = settings.params;
    this.buf = new Uint8Array(this.bufferBytes());
    this.sizes = new Uint8Array(2 * this.framesPerChunk());
  }

  /** New settings apply from the next session. */
  configure(settings: RecorderSettings): void {
    this.settings = settings;
  }

  isRecording(): boolean {
    return this.session !== null;
  }

  current(): SpoolSession | null {
    return this.session;
  }

  /** Index the next frame will get (bookmarks point here). */
  currentFrame(): number {
    return this.frameIndex;
  }

  /** Starts a session and powers the capture. Throws FLASH_FULL when not even the SessionStart fits. */
  start(trigger: number): SpoolSession {
    if (this.session) return this.session;
    const frames = this.framesPerChunk();
    if (this.sizes.length < 2 * frames) this.sizes = new Uint8Array(2 * frames);
    if (this.buf.length < this.bufferBytes()) this.buf = new Uint8Array(this.bufferBytes());
    this.codecParams = this.settings.params;
    const id = new Uint8Array(16);
    this.o.system.randomBytes(id);
    this.startSynced = this.o.clock.isSynced();
    this.startTime = this.o.clock.now();
    this.startMono = this.o.clock.now() - this.o.clock.offsetMs() * (this.startSynced ? 1 : 0);
    const start = this.o.codec.encode('session-start', {
      sessionId: id,
      staffId: this.o.host.sessionStaffId(),
      startTimeMs: this.startTime,
      clockSynced: this.startSynced,
      monotonicMs: this.startMono,
      codec: { codec: 0, sampleRate: this.codecParams.sampleRate, channels: this.codecParams.channels, frameMs: this.codecParams.frameMs, bitrate: this.codecParams.bitrate },
      trigger: trigger,
      bootCount: this.o.host.sessionBootCount(),
    });
    // The one session object the badge keeps: a view of its spool row (the backlog is named by row number).
    this.session = this.o.spool.view(this.o.spool.beginSession(id, start));
    this.nFrames = 0;
    this.nSizeBytes = 0;
    this.nBytes = 0;
    this.frameIndex = 0;
    this.seq = 0;
    this.digest = 0;
    this.bytesTotal = 0;
    this.dropped = 0;
    this.gaps = [];
    this.o.audio.start(this.codecParams);
    return this.session;
  }

  /** One frame from the co-processor. */
  frame(frame: Uint8Array): void {
    const s = this.session;
    if (!s) return;
    if (frame.length === 0 || frame.length > MAX_FRAME_BYTES) {
      // A frame the link should never deliver: its index is lost, visibly. A chunk holds consecutive
      // frames, so the one in progress ends here (else its later frames would take the wrong indices).
      if (this.nFrames > 0) this.flush();
      this.drop(this.frameIndex, 1);
      this.frameIndex++;
      return;
    }
    // A chunk whose VBR frames outgrow the buffer is closed early (it is just shorter).
    if (this.nFrames > 0 && this.nBytes + frame.length > this.buf.length) this.flush();
    if (this.nFrames === 0) {
      this.chunkFirst = this.frameIndex;
      this.chunkTime = this.o.clock.now();
      this.chunkSynced = this.o.clock.isSynced();
      this.chunkDigest = this.digest;
    }
    this.buf.set(frame, this.nBytes);
    const len = frame.length;
    if (len < 128) this.sizes[this.nSizeBytes++] = len;
    else {
      this.sizes[this.nSizeBytes++] = (len & 127) | 128;
      this.sizes[this.nSizeBytes++] = len >> 7;
    }
    this.nFrames++;
    this.nBytes += frame.length;
    this.chunkDigest = this.o.codec.crc32(frame, this.chunkDigest);
    this.frameIndex++;
    if (this.nFrames >= this.framesPerChunk()) this.flush();
  }

  /**
   * `count` frames the audio source lost before the next one (co-processor
   * overflow or reboot, link damage): the chunk in progress is closed, since
   * a chunk holds consecutive frames, and the lost indices become a gap
   * (counted in the SessionEnd and in telemetry's dropped frames).
   */
  lost(count: number): void {
    if (!this.session || count <= 0) return;
    if (this.nFrames > 0) this.flush();
    this.drop(this.frameIndex, count);
    this.frameIndex += count;
  }

  /** Ends the session: flushes the partial chunk, writes SessionEnd, powers capture down. */
  stop(reason: number): void {
    const s = this.session;
    if (!s) return;
    this.o.audio.stop();
    if (this.nFrames > 0) this.flush();
    this.session = null;
    const synced = this.o.clock.isSynced();
    const end: SessionEnd = {
      sessionId: s.id,
      reason: reason,
      endTimeMs: this.o.clock.now(),
      clockSynced: synced,
      totalFrames: this.frameIndex,
      totalBytes: this.bytesTotal,
      totalChunks: this.seq,
      digest: this.digest,
      droppedFrames: this.dropped,
      gaps: this.gaps,
      timeCorrected: !this.startSynced && synced,
      clockOffsetMs: synced ? this.o.clock.offsetMs() : 0,
    };
    this.o.spool.endSession(s.row(), this.o.codec.encode('session-end', end));
    if (!synced) {
      this.unsyncedEnded.push(end);
      if (this.unsyncedEnded.length > 16) this.unsyncedEnded.shift();
    }
  }

  /**
   * Closes sessions a crash or power cut left open (no SessionEnd in flash),
   * from the totals their last chunk recorded.
   */
  closeInterrupted(): number {
    let closed = 0;
    const sp = this.o.spool;
    const live = this.session ? this.session.row() : -1;
    for (let i = 0; i < sp.sessionCount(); i++) {
      const k = sp.sessionRow(i);
      if (k === live || sp.rowField(k, SessionField.END_AT) >= 0) continue;
      let dropped = 0;
      const gaps: FrameGap[] = [];
      // Read from flash once: the spool keeps no gaps in RAM.
      const held = sp.gapsOf(k);
      for (let g = 0; g < held.length; g += 2) {
        gaps.push({ firstFrame: held[g] as number, frameCount: held[g + 1] as number });
        dropped += held[g + 1] as number;
      }
      // The totals its last chunk recorded, read from flash.
      const totals = sp.lastTotals(k);
      const end: SessionEnd = {
        sessionId: copyBytes(sp.idOf(k)),
        reason: EndReason.REBOOT,
        endTimeMs: 0,
        clockSynced: false,
        totalFrames: totals ? (totals[0] as number) : 0,
        totalBytes: totals ? (totals[1] as number) : 0,
        totalChunks: sp.rowField(k, SessionField.LAST) + 1,
        digest: totals ? (totals[2] as number) : 0,
        droppedFrames: dropped,
        gaps: gaps,
        timeCorrected: false,
        clockOffsetMs: 0,
      };
      sp.endSession(k, this.o.codec.encode('session-end', end));
      closed++;
    }
    return closed;
  }

  /**
   * The clock was synced: sessions of this boot that ended unsynced get a
   * corrected SessionEnd (time_corrected, clock_offset_ms); the open one
   * reports it at its end.
   */
  clockSynced(): void {
    const offset = this.o.clock.offsetMs();
    for (const end of this.unsyncedEnded) {
      const k = this.o.spool.rowOf(end.sessionId, 0);
      if (k < 0) continue;
      end.timeCorrected = true;
      end.clockOffsetMs = offset;
      this.o.spool.endSession(k, this.o.codec.encode('session-end', end));
    }
    this.unsyncedEnded = [];
  }

  /**
   * Chunk buffer: the chunk's bytes at the configured bitrate plus a quarter
   * (VBR headroom; a chunk whose frames outgrow it is closed early, just
   * shorter), and room for two of the largest Opus frames. Sized by bitrate
   * rather than by the largest possible chunk: on Espruino every 16 bytes held
   * cost a variable (2,550 bytes at 16 kbps, 1 s chunks: about 95 variables
   * fewer than the 4 KiB it was).
   */
  private bufferBytes(): number {
    const expected = Math.ceil((this.settings.params.bitrate / 8) * (this.settings.chunkDurationMs / 1000));
    return Math.max(2 * MAX_FRAME_BYTES, Math.ceil(expected * 1.25));
  }

  private framesPerChunk(): number {
    return Math.max(1, Math.floor(this.settings.chunkDurationMs / this.settings.params.frameMs));
  }

  private flush(): void {
    const s = this.session as SpoolSession;
    const chunk = this.o.codec.encode('chunk', {
      sessionId: s.id,
      seq: this.seq,
      firstFrame: this.chunkFirst,
      frameData: this.buf.subarray(0, this.nBytes),
      frameSizes: this.sizes.subarray(0, this.nSizeBytes),
      captureTimeMs: this.chunkTime,
      clockSynced: this.chunkSynced,
      crc32: this.o.codec.crc32(this.buf.subarray(0, this.nBytes), 0),
      backlog: false,
    });
    const written = this.o.spool.appendChunk(s.row(), this.seq, this.frameIndex, this.bytesTotal + this.nBytes, this.chunkDigest, chunk);
    const n = this.nFrames;
    this.nFrames = 0;
    this.nSizeBytes = 0;
    if (written) {
      this.seq++;
      this.bytesTotal += this.nBytes;
      this.digest = this.chunkDigest;
      this.nBytes = 0;
      this.o.host.chunkWritten(s);
    } else {
      this.nBytes = 0;
      this.drop(this.chunkFirst, n);
      this.o.host.spoolFull();
    }
  }

  private drop(first: number, count: number): void {
    this.dropped += count;
    this.droppedSinceBoot += count;
    const last = this.gaps.length > 0 ? this.gaps[this.gaps.length - 1] : undefined;
    if (last && last.firstFrame + last.frameCount === first) last.frameCount += count;
    else this.gaps.push({ firstFrame: first, frameCount: count });
    // The gap is metadata: it lives in the spool's reserve, so it is never lost silently.
    if (this.session) this.o.spool.appendGap(this.session.row(), first, count);
  }
}
