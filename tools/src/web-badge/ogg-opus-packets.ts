/**
 * Raw Opus packets out of an Ogg Opus stream, page by page (RFC 3533 framing,
 * RFC 7845 Opus mapping): the web badge's encoder (opus-recorder) emits Ogg
 * pages, the badge protocol carries one raw Opus packet per frame. Packets
 * that span pages are joined; the OpusHead and OpusTags header packets are
 * checked and skipped. DOM-free, so it runs in the page and in Node tests.
 */

export class OggStreamError extends Error {
  override readonly name = 'OggStreamError';
}

const CAPTURE = [0x4f, 0x67, 0x67, 0x53]; // "OggS"

export class OggOpusPacketReader {
  private partial: Uint8Array[] = [];
  private headerPackets = 0;
  private serial: number | null = null;
  private pending = new Uint8Array(0);

  /**
   * Feeds bytes (one or more whole pages, or any split of the stream) and
   * returns the audio packets completed by them, in order.
   */
  push(bytes: Uint8Array): Uint8Array[] {
    const data = this.pending.length > 0 ? concat([this.pending, bytes]) : bytes;
    const out: Uint8Array[] = [];
    let off = 0;
    for (;;) {
      if (data.length - off < 27) break;
      for (let i = 0; i < 4; i++) if (data[off + i] !== CAPTURE[i]) throw new OggStreamError(`no Ogg capture pattern at byte ${off}`);
      if (data[off + 4] !== 0) throw new OggStreamError(`Ogg version ${data[off + 4]} at byte ${off}`);
      const nSegments = data[off + 26] as number;
      if (data.length - off < 27 + nSegments) break;
      let bodyLength = 0;
      for (let i = 0; i < nSegments; i++) bodyLength += data[off + 27 + i] as number;
      const pageLength = 27 + nSegments + bodyLength;
      if (data.length - off < pageLength) break;
      const view = new DataView(data.buffer, data.byteOffset + off, 27);
      const serial = view.getUint32(14, true);
      if (this.serial === null) this.serial = serial;
      else if (serial !== this.serial) throw new OggStreamError(`a second logical stream (serial ${serial}) in the Ogg stream`);
      const continued = ((data[off + 5] as number) & 1) !== 0;
      if (!continued && this.partial.length > 0) throw new OggStreamError('a packet was cut off: the next page does not continue it');
      let at = off + 27 + nSegments;
      for (let i = 0; i < nSegments; i++) {
        const lace = data[off + 27 + i] as number;
        this.partial.push(data.subarray(at, at + lace));
        at += lace;
        if (lace < 255) this.completed(concat(this.partial), out);
      }
      off += pageLength;
    }
    this.pending = data.slice(off);
    return out;
  }

  private completed(packet: Uint8Array, out: Uint8Array[]): void {
    this.partial = [];
    if (this.headerPackets === 0) {
      if (!startsWith(packet, 'OpusHead')) throw new OggStreamError('the first packet is not OpusHead');
      this.headerPackets++;
      return;
    }
    if (this.headerPackets === 1) {
      if (!startsWith(packet, 'OpusTags')) throw new OggStreamError('the second packet is not OpusTags');
      this.headerPackets++;
      return;
    }
    out.push(packet);
  }
}

function startsWith(bytes: Uint8Array, ascii: string): boolean {
  if (bytes.length < ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[i] !== ascii.charCodeAt(i)) return false;
  return true;
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
