import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { REDACTED, createLogger, redactSecrets } from '../../src/observability/logger.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      cb();
    },
  });
  return { lines, logger: createLogger({ level: 'info', destination }) };
}

describe('logger', () => {
  it('redacts secrets in any field at any depth, in log objects and child bindings', async () => {
    const { lines, logger } = capture();
    logger.child({ apiToken: 'child-token-value' }).info(
      {
        password: 'pw-value',
        device: { id: 'badge-1', secret: 'device-secret', nested: [{ secretHash: 'scrypt$x' }] },
        req: { headers: { authorization: 'Bearer abc', 'user-agent': 'ua' } },
        PRIVATE_KEY: 'pem',
        count: 3,
      },
      'hello',
    );
    await new Promise((r) => setImmediate(r));
    const text = JSON.stringify(lines);
    for (const value of ['pw-value', 'device-secret', 'scrypt$x', 'Bearer abc', 'child-token-value', 'pem']) expect(text).not.toContain(value);
    expect(lines[0]).toMatchObject({ password: REDACTED, device: { id: 'badge-1', secret: REDACTED }, count: 3, msg: 'hello' });
    expect(text).toContain('"user-agent":"ua"');
  });

  it('leaves objects without secrets untouched (same reference)', () => {
    const value = { a: 1, b: { c: [1, 2] } };
    expect(redactSecrets(value)).toBe(value);
    expect(redactSecrets({ token: null })).toEqual({ token: null });
  });
});
