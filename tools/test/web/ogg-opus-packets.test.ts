import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../../firmware/src/platform/browser/sha256.js';
import { OggOpusPacketReader, OggStreamError } from '../../src/web-badge/ogg-opus-packets.js';

const SPEECH_WAV = fileURLToPath(new URL('../../../../shared/audio/real/0.wav', import.meta.url));
const haveOpusenc = existsSync('/usr/bin/opusenc') && existsSync(SPEECH_WAV);
if (!haveOpusenc) console.log(`Ogg Opus packet reader tests skipped: need /usr/bin/opusenc (apt-get install opus-tools) and ${SPEECH_WAV}`);

describe.skipIf(!haveOpusenc)('Ogg Opus packet reader (the web badge unwraps opus-recorder pages)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-ogg-'));
  const ogg = join(dir, 'speech.opus');
  execFileSync('opusenc', ['--quiet', '--framesize', '20', '--bitrate', '16', '--max-delay', '0', SPEECH_WAV, ogg]);
  const bytes = new Uint8Array(readFileSync(ogg));
  rmSync(dir, { recursive: true, force: true });
  // 10.05 s at 16 kHz = 160,850 samples; opusenc adds the encoder's look-ahead (6.5 ms) at the start.
  const samples = 160_850;

  it('returns every 20 ms audio packet of the stream and skips OpusHead/OpusTags', () => {
    const packets = new OggOpusPacketReader().push(bytes);
    expect(packets.length).toBeGreaterThanOrEqual(Math.ceil(samples / 320));
    expect(packets.length).toBeLessThanOrEqual(Math.ceil((samples + 320) / 320) + 1);
    for (const p of packets) {
      expect(p.length).toBeGreaterThan(0);
      // TOC byte: config 0-11 SILK / 12-15 hybrid / 16-31 CELT; frame count code 0 (one frame); 20 ms configs.
      const config = (p[0] as number) >> 3;
      expect([1, 5, 9, 13, 15, 19, 23, 27, 31]).toContain(config);
    }
  });

  it('gives the same packets however the stream is split', () => {
    const whole = new OggOpusPacketReader().push(bytes);
    const reader = new OggOpusPacketReader();
    const split: Uint8Array[] = [];
    for (let at = 0, step = 1; at < bytes.length; at += step, step = (step * 7 + 3) % 997 || 1) split.push(...reader.push(bytes.subarray(at, at + step)));
    const digest = (ps: Uint8Array[]): string => {
      const h = createHash('sha256');
      for (const p of ps) h.update(new Uint8Array([p.length >> 8, p.length & 0xff])).update(p);
      return h.digest('hex');
    };
    expect(split.length).toBe(whole.length);
    expect(digest(split)).toBe(digest(whole));
  });

  it('refuses what is not an Ogg Opus stream', () => {
    expect(() => new OggOpusPacketReader().push(new TextEncoder().encode('RIFF....WAVEfmt not an ogg stream at all'))).toThrow(OggStreamError);
    const vorbisLike = bytes.slice();
    vorbisLike.set(new TextEncoder().encode('OpusXXXX'), vorbisLike.indexOf(0x4f, 27)); // damage "OpusHead"
    expect(() => new OggOpusPacketReader().push(vorbisLike)).toThrow(/OpusHead/);
  });
});

describe('browser platform sha256 (System.sha256 without WebCrypto)', () => {
  it('matches node:crypto on edge lengths', () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 65_537]) {
      const data = new Uint8Array(n).map((_, i) => (i * 131 + n) & 0xff);
      expect(Buffer.from(sha256(data)).toString('hex')).toBe(createHash('sha256').update(data).digest('hex'));
    }
  });
});
