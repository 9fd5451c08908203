import { describe, expect, it } from 'vitest';
import { isParleyError } from '../../src/errors.js';
import { generateSecret, hashSecret, isSecretHash, verifySecret } from '../../src/registry/secrets.js';

describe('device secrets', () => {
  it('are 32 random bytes, base64url', () => {
    const a = generateSecret();
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(a).not.toBe(generateSecret());
  });

  it('are stored as salted scrypt hashes that verify only the right secret', async () => {
    const secret = generateSecret();
    const h1 = await hashSecret(secret, 1024);
    const h2 = await hashSecret(secret, 1024);
    expect(h1).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(h1).not.toBe(h2);
    expect(h1).not.toContain(secret);
    expect(isSecretHash(h1)).toBe(true);
    expect(await verifySecret(secret, h1)).toBe(true);
    expect(await verifySecret(Buffer.from(secret), h2)).toBe(true);
    expect(await verifySecret(`${secret}x`, h1)).toBe(false);
    expect(await verifySecret('', h1)).toBe(false);
  });

  it('treats a malformed stored hash as corrupt storage', async () => {
    for (const bad of ['', 'plain', 'scrypt$1000$8$1$c2FsdA==$a2V5', 'scrypt$1024$8$1$$', 'bcrypt$1024$8$1$a$b']) {
      expect(isSecretHash(bad)).toBe(false);
      await expect(verifySecret('x', bad)).rejects.toSatisfy((err: unknown) => isParleyError(err, 'STORAGE_CORRUPT'));
    }
  });
});
