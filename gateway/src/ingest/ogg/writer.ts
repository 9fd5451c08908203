import { oggCrc } from './crc.js';
import { opusPacketSamples } from './opus-packet.js';

/** RFC 7845 §5.1. */
export interface OpusHead {
  version: number;
  channels: number;
  preSkip: number;
  inputSampleRate: number;
  outputGain: number;
  mappingFamily: number;
}

export interface OpusTags {
  vendor: string;
  /** KEY=value comments; keys are case-insensitive per the spec and written upper-case here. */
  comments: Array<[string, string]>;
}

export const OPUS_PRE_SKIP = 312;
const FLAG_CONTINUED = 0x01;
const FLAG_BOS = 0x02;
const FLAG_EOS = 0x04;
const MAX_SEGMENTS = 255;

export function encodeOpusHead(head: Pick<OpusHead, 'channels' | 'preSkip' | 'inputSampleRate'> & Partial<OpusHead>): Buffer {
  const b = Buffer.alloc(19);
  b.write('OpusHead', 0, 'latin1');
  b.writeUInt8(head.version ?? 1, 8);
  b.writeUInt8(head.channels, 9);
  b.writeUInt16LE(head.preSkip, 10);
  b.writeUInt32LE(head.inputSampleRate, 12);
  b.writeInt16LE(head.outputGain ?? 0, 16);
  b.writeUInt8(head.mappingFamily ?? 0, 18);
  return b;
}

/** RFC 7845 §5.2: a field name is printable ASCII 0x20..0x7d except '='. */
function isCommentKey(key: string): boolean {
  if (key.length === 0) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 0x20 || c > 0x7d || c === 0x3d) return false;
  }
  return true;
}

export function encodeOpusTags(tags: OpusTags): Buffer {
  const parts: Buffer[] = [Buffer.from('OpusTags', 'latin1')];
  const u32 = (n: number): Buffer => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    return b;
  };
  const vendor = Buffer.from(tags.vendor, 'utf8');
  parts.push(u32(vendor.length), vendor, u32(tags.comments.length));
  for (const [key, value] of tags.comments) {
    if (!isCommentKey(key)) throw new RangeError(`invalid Opus comment key ${JSON.stringify(key)}`);
    const c = Buffer.from(`${key}=${value}`, 'utf8');
    parts.push(u32(c.length), c);
  }
  return Buffer.concat(parts);
}

/**
 * Streams an Ogg Opus file (RFC 7845, single logical stream) as pages to
 * `sink`: page 0 OpusHead (BOS), page 1 OpusTags, then audio pages holding
 * whole packets (an Opus packet is at most 1275 bytes, 6 lacing values), each
 * page's granule position being the 48 kHz samples decoded through its last
 * packet, pre-skip included (RFC 7845 §4: playback length = last granule −
 * pre-skip); the last page carries EOS.
 */
export class OggOpusWriter {
  private readonly serial: number;
  private pageSeq = 0;
  private granule: bigint;
  private pending: Uint8Array[] = [];
  private pendingSegments = 0;
  private pendingSamples = 0;
  private finished = false;
  private readonly maxPageSamples: number;
  samples = 0;
  packets = 0;

  constructor(
    private readonly sink: (page: Buffer) => void,
    opts: { serial: number; head: Pick<OpusHead, 'channels' | 'preSkip' | 'inputSampleRate'>; tags: OpusTags; maxPageSamples?: number },
  ) {
    this.serial = opts.serial >>> 0;
    this.granule = 0n;
    this.maxPageSamples = opts.maxPageSamples ?? 48_000;
    this.emitPage([encodeOpusHead(opts.head)], FLAG_BOS, 0n);
    this.emitPage([encodeOpusTags(opts.tags)], 0, 0n);
  }

  /** Adds one Opus packet; its duration is read from its TOC byte. */
  addPacket(packet: Uint8Array): void {
    if (this.finished) throw new Error('OggOpusWriter already finished');
    const samples = opusPacketSamples(packet);
    const segments = Math.floor(packet.length / 255) + 1;
    if (packet.length > 255 * 254) throw new RangeError('packet too large for one page');
    if (this.pendingSegments + segments > MAX_SEGMENTS || this.pendingSamples >= this.maxPageSamples) this.flush(false);
    this.pending.push(packet);
    this.pendingSegments += segments;
    this.pendingSamples += samples;
    this.granule += BigInt(samples);
    this.samples += samples;
    this.packets++;
  }

  /** Writes the last page with EOS (an empty EOS page if no audio is pending). */
  finish(): void {
    if (this.finished) return;
    this.flush(true);
    this.finished = true;
  }

  private flush(eos: boolean): void {
    if (this.pending.length === 0 && !eos) return;
    this.emitPage(this.pending, eos ? FLAG_EOS : 0, this.granule);
    this.pending = [];
    this.pendingSegments = 0;
    this.pendingSamples = 0;
  }

  private emitPage(packets: Uint8Array[], flags: number, granule: bigint): void {
    // Lacing of every packet; a packet longer than one page (only ever OpusTags) continues on following pages.
    const lacing: number[] = [];
    for (const p of packets) {
      let n = p.length;
      while (n >= 255) {
        lacing.push(255);
        n -= 255;
      }
      lacing.push(n);
    }
    const body = Buffer.concat(packets);
    if (lacing.length <= MAX_SEGMENTS) {
      this.sink(this.page(flags, granule, lacing, body));
      return;
    }
    // Only a single oversized packet reaches here: continued pages of 255 full segments, granule -1 until it completes.
    let offset = 0;
    let first = true;
    let remaining = lacing;
    while (remaining.length > 0) {
      const take = remaining.slice(0, MAX_SEGMENTS);
      remaining = remaining.slice(MAX_SEGMENTS);
      const size = take.reduce((a, b) => a + b, 0);
      const last = remaining.length === 0;
      const f = (first ? flags & ~FLAG_EOS : FLAG_CONTINUED) | (last ? flags & FLAG_EOS : 0);
      this.sink(this.page(f, last ? granule : -1n, take, body.subarray(offset, offset + size)));
      offset += size;
      first = false;
    }
  }

  private page(flags: number, granule: bigint, lacing: number[], body: Uint8Array): Buffer {
    const header = 27 + lacing.length;
    const b = Buffer.alloc(header + body.length);
    b.write('OggS', 0, 'latin1');
    b.writeUInt8(0, 4);
    b.writeUInt8(flags, 5);
    b.writeBigInt64LE(granule, 6);
    b.writeUInt32LE(this.serial, 14);
    b.writeUInt32LE(this.pageSeq++, 18);
    b.writeUInt32LE(0, 22);
    b.writeUInt8(lacing.length, 26);
    for (let i = 0; i < lacing.length; i++) b[27 + i] = lacing[i]!;
    b.set(body, header);
    b.writeUInt32LE(oggCrc(b), 22);
    return b;
  }
}

/** Assembles a whole Ogg Opus file in memory. */
export function writeOggOpus(opts: {
  serial: number;
  head: Pick<OpusHead, 'channels' | 'preSkip' | 'inputSampleRate'>;
  tags: OpusTags;
  packets: Iterable<Uint8Array>;
}): Buffer {
  const pages: Buffer[] = [];
  const w = new OggOpusWriter((p) => pages.push(p), opts);
  for (const p of opts.packets) w.addPacket(p);
  w.finish();
  return Buffer.concat(pages);
}
