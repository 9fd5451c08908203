/**
 * On-disk form of encoded audio (used by the Opus frame cache):
 *
 *   "PRLYOPF1" | u32 LE header length | header JSON (params, frame count, meta)
 *   then per frame: u16 LE packet length | u8 vad | packet bytes
 *
 * Parsing checks every length against the header and the file size, so a
 * truncated or damaged file is a FRAME_FILE_CORRUPT error, never bad frames.
 */
import { ToolsError } from '../errors.js';
import type { EncodedAudio } from './encoded-audio.js';
import type { OpusParams } from './encoder.js';

const MAGIC = Buffer.from('PRLYOPF1', 'latin1');

interface FrameFileHeader {
  params: OpusParams;
  frameCount: number;
  meta: unknown;
}

export function writeFrameFile(audio: EncodedAudio, meta: unknown = null): Buffer {
  const header = Buffer.from(JSON.stringify({ params: audio.params, frameCount: audio.packets.length, meta } satisfies FrameFileHeader), 'utf8');
  const body = Buffer.alloc(audio.packets.reduce((n, p) => n + 3 + p.length, 0));
  let at = 0;
  audio.packets.forEach((p, i) => {
    if (p.length > 0xffff) throw new ToolsError('OPUS_INVALID_OPTIONS', `packet ${i} longer than 65535 bytes`);
    body.writeUInt16LE(p.length, at);
    body.writeUInt8(audio.vad[i] ? 1 : 0, at + 2);
    body.set(p, at + 3);
    at += 3 + p.length;
  });
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length);
  return Buffer.concat([MAGIC, len, header, body]);
}

export function readFrameFile(file: Uint8Array): { audio: EncodedAudio; meta: unknown } {
  const b = Buffer.from(file.buffer, file.byteOffset, file.length);
  const corrupt = (msg: string): never => {
    throw new ToolsError('FRAME_FILE_CORRUPT', msg);
  };
  if (b.length < MAGIC.length + 4 || !b.subarray(0, MAGIC.length).equals(MAGIC)) corrupt('bad magic');
  const headerLength = b.readUInt32LE(MAGIC.length);
  const bodyStart = MAGIC.length + 4 + headerLength;
  if (bodyStart > b.length) corrupt('header runs past the end');
  let header: FrameFileHeader;
  try {
    header = JSON.parse(b.subarray(MAGIC.length + 4, bodyStart).toString('utf8')) as FrameFileHeader;
  } catch {
    return corrupt('header is not JSON');
  }
  if (!Number.isInteger(header.frameCount) || header.frameCount < 0) corrupt('bad frame count');
  const packets: Uint8Array[] = [];
  const vad = new Uint8Array(header.frameCount);
  let at = bodyStart;
  for (let i = 0; i < header.frameCount; i++) {
    if (at + 3 > b.length) corrupt(`frame ${i} header runs past the end`);
    const n = b.readUInt16LE(at);
    const flag = b.readUInt8(at + 2);
    if (flag > 1) corrupt(`frame ${i} has vad flag ${flag}`);
    if (at + 3 + n > b.length) corrupt(`frame ${i} runs past the end`);
    packets.push(new Uint8Array(b.subarray(at + 3, at + 3 + n)));
    vad[i] = flag;
    at += 3 + n;
  }
  if (at !== b.length) corrupt(`${b.length - at} trailing bytes`);
  return { audio: { params: header.params, packets, vad }, meta: header.meta };
}
