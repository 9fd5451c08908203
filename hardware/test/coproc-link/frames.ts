/** Test helpers: random valid frames and a decoder that records what it delivers. */
import fc from 'fast-check';
import {
  FrameType,
  LinkDecoder,
  LinkDirection,
  MAX_PAYLOAD,
  encodeFrame,
  payloadLengths,
  VARIABLE_LENGTH,
} from '../../src/coproc-link/index.js';

export interface DecodedFrame {
  type: number;
  flags: number;
  index: number;
  payload: number[];
}

export function recordingDecoder(direction: number = LinkDirection.ToMcu): { decoder: LinkDecoder; frames: DecodedFrame[] } {
  const frames: DecodedFrame[] = [];
  const decoder = new LinkDecoder(direction, (type, flags, index, buf, offset, length) => {
    frames.push({ type, flags, index, payload: Array.from(buf.subarray(offset, offset + length)) });
  });
  return { decoder, frames };
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export function wire(frame: DecodedFrame): Uint8Array {
  return encodeFrame(frame.type, frame.flags, frame.index, Uint8Array.from(frame.payload));
}

const toMcuLengths = payloadLengths(LinkDirection.ToMcu);
const toMcuTypes = [FrameType.Audio, FrameType.Status, FrameType.Ack, FrameType.Boot];

/** Any valid co-processor -> MCU frame. */
export const toMcuFrame: fc.Arbitrary<DecodedFrame> = fc
  .record({
    type: fc.constantFrom(...toMcuTypes),
    flags: fc.integer({ min: 0, max: 255 }),
    index: fc.integer({ min: 0, max: 0xffff }),
    audioLength: fc.integer({ min: 1, max: MAX_PAYLOAD }),
    seed: fc.uint8Array({ minLength: MAX_PAYLOAD, maxLength: MAX_PAYLOAD }),
  })
  .map((r) => {
    const fixed = toMcuLengths[r.type] as number;
    const len = fixed === VARIABLE_LENGTH ? r.audioLength : fixed;
    return { type: r.type, flags: r.flags, index: r.index, payload: Array.from(r.seed.subarray(0, len)) };
  });

/** Audio frame with a short payload, for tests that need many frames. */
export function audioFrame(index: number, length: number, vad: boolean): DecodedFrame {
  const payload: number[] = [];
  for (let i = 0; i < length; i++) payload.push((index * 31 + i * 7) & 0xff);
  return { type: FrameType.Audio, flags: vad ? 1 : 0, index, payload };
}
