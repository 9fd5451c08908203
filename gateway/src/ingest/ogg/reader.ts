import { oggCrc } from './crc.js';
import type { OpusHead, OpusTags } from './writer.js';

export class OggFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OggFormatError';
  }
}

export interface OggOpusFile {
  head: OpusHead;
  tags: OpusTags;
  /** Audio packets in order (header packets excluded). */
  packets: Uint8Array[];
  /** Granule position of every audio page that completes a packet, in page order. */
  granules: bigint[];
  serial: number;
  pageCount: number;
  /** Whether the last page carries the EOS flag. */
  eos: boolean;
}

/**
 * Parses a single-stream Ogg Opus file, checking capture patterns, page
 * sequence numbers, every page CRC, BOS/EOS flags and the header packets.
 * Throws OggFormatError on anything malformed.
 */
export function readOggOpus(bytes: Uint8Array): OggOpusFile {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const allPackets: Uint8Array[] = [];
  const granules: bigint[] = [];
  let partial: Uint8Array[] = [];
  let offset = 0;
  let pageIndex = 0;
  let serial = 0;
  let eos = false;
  while (offset < bytes.length) {
    if (bytes.length - offset < 27) throw new OggFormatError(`truncated page header at ${offset}`);
    if (bytes[offset] !== 0x4f || bytes[offset + 1] !== 0x67 || bytes[offset + 2] !== 0x67 || bytes[offset + 3] !== 0x53)
      throw new OggFormatError(`missing OggS capture pattern at ${offset}`);
    if (bytes[offset + 4] !== 0) throw new OggFormatError(`unsupported Ogg version at ${offset}`);
    if (eos) throw new OggFormatError('data after the EOS page');
    const flags = bytes[offset + 5]!;
    const granule = view.getBigInt64(offset + 6, true);
    const pageSerial = view.getUint32(offset + 14, true);
    const seq = view.getUint32(offset + 18, true);
    const crc = view.getUint32(offset + 22, true);
    const nseg = bytes[offset + 26]!;
    const headerLen = 27 + nseg;
    if (bytes.length - offset < headerLen) throw new OggFormatError(`truncated segment table at ${offset}`);
    let bodyLen = 0;
    for (let i = 0; i < nseg; i++) bodyLen += bytes[offset + 27 + i]!;
    const end = offset + headerLen + bodyLen;
    if (end > bytes.length) throw new OggFormatError(`truncated page body at ${offset}`);
    const check = oggCrc(bytes, offset + 26, end, oggCrc(Uint8Array.of(0, 0, 0, 0), 0, 4, oggCrc(bytes, offset, offset + 22)));
    if (check !== crc) throw new OggFormatError(`page ${pageIndex} CRC mismatch`);
    if (pageIndex === 0) {
      if (!(flags & 0x02)) throw new OggFormatError('first page lacks BOS');
      serial = pageSerial;
    } else {
      if (flags & 0x02) throw new OggFormatError(`BOS on page ${pageIndex}`);
      if (pageSerial !== serial) throw new OggFormatError(`page ${pageIndex} has another stream serial (multiplexed files are not supported)`);
    }
    if (seq !== pageIndex) throw new OggFormatError(`page sequence ${seq}, expected ${pageIndex}`);
    if (flags & 0x01) {
      if (partial.length === 0) throw new OggFormatError(`page ${pageIndex} continues a packet that does not exist`);
    } else if (partial.length > 0) throw new OggFormatError(`page ${pageIndex} drops an unfinished packet`);
    let pos = offset + headerLen;
    let completed = 0;
    let segStart = pos;
    for (let i = 0; i < nseg; i++) {
      const lace = bytes[offset + 27 + i]!;
      pos += lace;
      if (lace < 255) {
        partial.push(bytes.subarray(segStart, pos));
        allPackets.push(partial.length === 1 ? partial[0]! : Buffer.concat(partial));
        partial = [];
        segStart = pos;
        completed++;
      }
    }
    if (segStart < pos) partial.push(bytes.subarray(segStart, pos));
    if (completed > 0 && allPackets.length > 2) granules.push(granule);
    else if (completed === 0 && granule !== -1n && pageIndex > 1) throw new OggFormatError(`page ${pageIndex} completes no packet but has a granule`);
    if (flags & 0x04) eos = true;
    offset = end;
    pageIndex++;
  }
  if (partial.length > 0) throw new OggFormatError('file ends inside a packet');
  if (allPackets.length < 2) throw new OggFormatError('missing OpusHead/OpusTags');
  const head = parseHead(allPackets[0]!);
  const tags = parseTags(allPackets[1]!);
  return { head, tags, packets: allPackets.slice(2), granules, serial, pageCount: pageIndex, eos };
}

function parseHead(p: Uint8Array): OpusHead {
  if (p.length < 19 || Buffer.from(p.subarray(0, 8)).toString('latin1') !== 'OpusHead') throw new OggFormatError('first packet is not OpusHead');
  const v = new DataView(p.buffer, p.byteOffset, p.byteLength);
  const head: OpusHead = {
    version: p[8]!,
    channels: p[9]!,
    preSkip: v.getUint16(10, true),
    inputSampleRate: v.getUint32(12, true),
    outputGain: v.getInt16(16, true),
    mappingFamily: p[18]!,
  };
  if (head.version >> 4 !== 0) throw new OggFormatError(`unsupported OpusHead version ${head.version}`);
  if (head.channels === 0) throw new OggFormatError('OpusHead with zero channels');
  return head;
}

function parseTags(p: Uint8Array): OpusTags {
  const b = Buffer.from(p.buffer, p.byteOffset, p.byteLength);
  if (b.length < 16 || b.toString('latin1', 0, 8) !== 'OpusTags') throw new OggFormatError('second packet is not OpusTags');
  let pos = 8;
  const need = (n: number): void => {
    if (pos + n > b.length) throw new OggFormatError('truncated OpusTags');
  };
  need(4);
  const vendorLen = b.readUInt32LE(pos);
  pos += 4;
  need(vendorLen);
  const vendor = b.toString('utf8', pos, pos + vendorLen);
  pos += vendorLen;
  need(4);
  const count = b.readUInt32LE(pos);
  pos += 4;
  const comments: Array<[string, string]> = [];
  for (let i = 0; i < count; i++) {
    need(4);
    const len = b.readUInt32LE(pos);
    pos += 4;
    need(len);
    const text = b.toString('utf8', pos, pos + len);
    pos += len;
    const eq = text.indexOf('=');
    if (eq <= 0) throw new OggFormatError(`OpusTags comment without key: ${JSON.stringify(text)}`);
    comments.push([text.slice(0, eq).toUpperCase(), text.slice(eq + 1)]);
  }
  return { vendor, comments };
}
