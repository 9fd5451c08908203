import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OggOpusDecoder } from 'ogg-opus-decoder';
import { OggFormatError, OPUS_PRE_SKIP, opusLossPacket, opusPacketSamples, readOggOpus, writeOggOpus } from '../../src/ingest/ogg/index.js';
import { realOpusFrames } from './support/opus-frames.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-ogg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const frames = realOpusFrames('0.wav');
const tags = { vendor: 'Parley test', comments: [['PARLEY_SESSION', '00112233445566778899aabbccddeeff'] as [string, string], ['PARLEY_STAFF', '王芳']] as Array<[string, string]> };

function build(packets: Uint8Array[]): Buffer {
  return writeOggOpus({ serial: 0x1234abcd, head: { channels: 1, preSkip: OPUS_PRE_SKIP, inputSampleRate: 16000 }, tags, packets });
}

describe('Ogg Opus writer and reader', () => {
  it('round-trips real Opus packets with headers, tags, granules and EOS', () => {
    expect(frames.length).toBeGreaterThan(400);
    const file = build(frames);
    const ogg = readOggOpus(file);
    expect(ogg.head).toEqual({ version: 1, channels: 1, preSkip: 312, inputSampleRate: 16000, outputGain: 0, mappingFamily: 0 });
    expect(ogg.tags.vendor).toBe('Parley test');
    expect(ogg.tags.comments).toContainEqual(['PARLEY_STAFF', '王芳']);
    expect(ogg.packets.length).toBe(frames.length);
    expect(ogg.packets.every((p, i) => Buffer.from(p).equals(Buffer.from(frames[i]!)))).toBe(true);
    expect(ogg.eos).toBe(true);
    // Granules rise monotonically and end at every decoded sample at 48 kHz (pre-skip included).
    for (let i = 1; i < ogg.granules.length; i++) expect(ogg.granules[i]! > ogg.granules[i - 1]!).toBe(true);
    expect(ogg.granules.at(-1)).toBe(BigInt(frames.length * 960));
  });

  // Playback = frames × 20 ms minus the 312-sample (6.5 ms) encoder pre-skip the decoder drops.
  it('is decoded by ogg-opus-decoder, opusinfo and opusdec to frames × 20 ms − pre-skip', async () => {
    const file = build(frames);
    const decoder = new OggOpusDecoder();
    await decoder.ready;
    const out = await decoder.decodeFile(file);
    decoder.free();
    expect(out.errors).toEqual([]);
    expect(out.samplesDecoded).toBe(frames.length * 960 - OPUS_PRE_SKIP);
    const path = join(dir, 'a.opus');
    writeFileSync(path, file);
    const info = execFileSync('opusinfo', [path], { encoding: 'utf8' });
    expect(info).not.toMatch(/WARNING|ERROR/i);
    const seconds = /Playback length:\s*(\d+)m:([\d.]+)s/.exec(info);
    expect(seconds).not.toBeNull();
    expect(Number(seconds![1]) * 60 + Number(seconds![2])).toBeCloseTo((frames.length * 960 - OPUS_PRE_SKIP) / 48000, 2);
    const wav = join(dir, 'a.wav');
    execFileSync('opusdec', ['--quiet', '--rate', '48000', path, wav]);
    const samples = Number(execFileSync('soxi', ['-s', wav], { encoding: 'utf8' }).trim());
    expect(samples).toBe(frames.length * 960 - OPUS_PRE_SKIP);
  });

  it('keeps a gap duration with concealment packets', async () => {
    const packets = [...frames.slice(0, 100), ...Array.from({ length: 50 }, () => opusLossPacket(frames[99]![0]!)), ...frames.slice(150, 300)];
    expect(opusPacketSamples(packets[120]!)).toBe(960);
    const decoder = new OggOpusDecoder();
    await decoder.ready;
    const out = await decoder.decodeFile(build(packets));
    decoder.free();
    expect(out.samplesDecoded).toBe(300 * 960 - OPUS_PRE_SKIP);
  });

  it('splits pages at 255 lacing values and handles packets of 255-byte multiples', () => {
    const big = Array.from({ length: 300 }, (_, i) => {
      const p = new Uint8Array(i % 3 === 0 ? 510 : 255 + (i % 7));
      p[0] = frames[0]![0]!;
      return p;
    });
    const ogg = readOggOpus(build(big));
    expect(ogg.packets.map((p) => p.length)).toEqual(big.map((p) => p.length));
    expect(ogg.pageCount).toBeGreaterThan(4);
  });

  it('rejects a flipped bit (page CRC), truncation and a missing header', () => {
    const file = build(frames.slice(0, 200));
    const flipped = Buffer.from(file);
    flipped[flipped.length - 10]! ^= 0x10;
    expect(() => readOggOpus(flipped)).toThrow(/CRC/);
    expect(() => readOggOpus(file.subarray(0, file.length - 3))).toThrow(OggFormatError);
    expect(() => readOggOpus(Buffer.from('not an ogg file at all, clearly'))).toThrow(/OggS/);
  });
});
