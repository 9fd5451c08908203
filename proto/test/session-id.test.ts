import { describe, expect, it } from 'vitest';
import { ProtocolError, sessionIdFromHex, sessionIdToHex } from '../src/index.js';

describe('session ids', () => {
  it('round-trips 16 bytes through lowercase hex', () => {
    const id = new Uint8Array(16).map((_, i) => i * 17);
    const hex = sessionIdToHex(id);
    expect(hex).toBe('00112233445566778899aabbccddeeff');
    expect(sessionIdFromHex(hex)).toEqual(id);
    expect(sessionIdFromHex(hex.toUpperCase())).toEqual(id);
  });

  it('rejects wrong lengths and non-hex text, including path tricks', () => {
    for (const bad of ['', '00', '0'.repeat(31), '0'.repeat(33), `../${'0'.repeat(29)}`, 'g'.repeat(32), ` ${'0'.repeat(31)}`]) {
      expect(() => sessionIdFromHex(bad)).toThrow(ProtocolError);
    }
    expect(() => sessionIdToHex(new Uint8Array(15))).toThrow(ProtocolError);
    expect(() => sessionIdToHex(new Uint8Array(17))).toThrow(ProtocolError);
  });
});
