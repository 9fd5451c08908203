import { describe, expect, it } from 'vitest';
import { crc32 as deviceCrc32 } from '../device/badge-codec.js';
import { crc32 } from '../src/index.js';

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('crc32 (CRC-32/ISO-HDLC)', () => {
  it('matches the catalogue check value and known vectors', () => {
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(crc32(ascii('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
    expect(crc32(new Uint8Array(32).fill(0xff))).toBe(0xff6cab0b);
  });

  it('continues across any split point', () => {
    const data = new Uint8Array(300).map((_, i) => (i * 37 + 11) & 0xff);
    const whole = crc32(data);
    for (let cut = 0; cut <= data.length; cut += 7) {
      expect(crc32(data.subarray(cut), crc32(data.subarray(0, cut)))).toBe(whole);
    }
  });

  it('is the device implementation', () => {
    expect(crc32).toBe(deviceCrc32);
  });
});
