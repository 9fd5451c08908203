/** Facts read from an Opus packet's TOC byte (RFC 6716 §3.1). */

/** Duration of one frame of the packet's configuration, in 48 kHz samples. */
export function opusFrameSamples(toc: number): number {
  const config = toc >> 3;
  if (config < 12) return [480, 960, 1920, 2880][config & 3]!; // SILK: 10/20/40/60 ms
  if (config < 16) return [480, 960][config & 1]!; // hybrid: 10/20 ms
  return [120, 240, 480, 960][config & 3]!; // CELT: 2.5/5/10/20 ms
}

/** Number of 48 kHz samples the packet decodes to; throws on an empty or malformed packet. */
export function opusPacketSamples(packet: Uint8Array): number {
  if (packet.length === 0) throw new RangeError('empty Opus packet');
  const toc = packet[0]!;
  const code = toc & 3;
  let frames: number;
  if (code === 0) frames = 1;
  else if (code === 3) {
    if (packet.length < 2) throw new RangeError('Opus code 3 packet without frame count');
    frames = packet[1]! & 0x3f;
    if (frames === 0) throw new RangeError('Opus code 3 packet with zero frames');
  } else frames = 2;
  const samples = frames * opusFrameSamples(toc);
  if (samples > 5760) throw new RangeError('Opus packet longer than 120 ms');
  return samples;
}

/**
 * A packet that makes a decoder conceal one lost frame: the TOC byte of a
 * neighbouring packet with frame-count code 0 and no payload (a zero-length
 * frame is "lost/DTX" in RFC 6716 §3.2.1; RFC 7845 §4.1 recommends this to
 * keep a gap's duration in the stream).
 */
export function opusLossPacket(neighbourToc: number): Uint8Array {
  return Uint8Array.of(neighbourToc & 0xfc);
}
