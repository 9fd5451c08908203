import { describe, expect, it } from 'vitest';

describe('package exports', () => {
  it('other packages reach the Node codec as @parley/proto and the device codec as @parley/proto/device', async () => {
    const node = await import('@parley/proto');
    const device = await import('@parley/proto/device');
    expect(typeof node.encodeUp).toBe('function');
    expect(typeof node.decodeDown).toBe('function');
    expect(node.crc32).toBe(device.crc32);
    const bytes = device.encode(device.UP.chunk, { seq: 1, frames: [new Uint8Array([1])] });
    expect(node.decodeUp('chunk', bytes).seq).toBe(1);
  });
});
