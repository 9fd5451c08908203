import { describe, expect, it } from 'vitest';
import { CRC16_INIT, crc16, crc16Update } from '../../src/coproc-link/index.js';

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('CRC-16/IBM-3740', () => {
  it('matches the catalogue check value for "123456789"', () => {
    expect(crc16(ascii('123456789'), 0, 9)).toBe(0x29b1);
  });

  it('is the init value over no bytes and honours the range', () => {
    expect(crc16(new Uint8Array(0), 0, 0)).toBe(CRC16_INIT);
    const padded = ascii('xx123456789yy');
    expect(crc16(padded, 2, 11)).toBe(0x29b1);
  });

  it('can be continued across pieces', () => {
    const bytes = ascii('123456789');
    expect(crc16Update(crc16(bytes, 0, 4), bytes, 4, 9)).toBe(0x29b1);
  });

  it('detects every single-bit error in a frame-sized message', () => {
    const msg = new Uint8Array(64).map((_v, i) => (i * 37) & 0xff);
    const good = crc16(msg, 0, msg.length);
    for (let i = 0; i < msg.length * 8; i++) {
      msg[i >> 3]! ^= 1 << (i & 7);
      expect(crc16(msg, 0, msg.length)).not.toBe(good);
      msg[i >> 3]! ^= 1 << (i & 7);
    }
  });
});
