import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { ParleyError } from '../errors.js';

/**
 * Device and service secrets: 32 random bytes shown once (base64url), stored
 * only as `scrypt$<N>$<r>$<p>$<salt b64>$<hash b64>` with a per-secret salt.
 */
export const SECRET_BYTES = 32;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
const BLOCK_SIZE = 8;
const PARALLELIZATION = 1;

export function generateSecret(): string {
  return randomBytes(SECRET_BYTES).toString('base64url');
}

function scryptAsync(secret: Buffer | string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

function scryptOptions(cost: number, blockSize: number, parallelization: number): ScryptOptions {
  return { N: cost, r: blockSize, p: parallelization, maxmem: 256 * cost * blockSize + 1024 * 1024 };
}

export async function hashSecret(secret: string, cost = 4096): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await scryptAsync(secret, salt, scryptOptions(cost, BLOCK_SIZE, PARALLELIZATION));
  return ['scrypt', cost, BLOCK_SIZE, PARALLELIZATION, salt.toString('base64'), key.toString('base64')].join('$');
}

interface ParsedHash {
  cost: number;
  blockSize: number;
  parallelization: number;
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash {
  const parts = stored.split('$');
  const [scheme, n, r, p, salt, key] = parts;
  const cost = Number(n);
  const blockSize = Number(r);
  const parallelization = Number(p);
  const valid =
    parts.length === 6 &&
    scheme === 'scrypt' &&
    Number.isInteger(cost) && cost >= 2 && cost <= 1 << 20 && (cost & (cost - 1)) === 0 &&
    Number.isInteger(blockSize) && blockSize >= 1 && blockSize <= 32 &&
    Number.isInteger(parallelization) && parallelization >= 1 && parallelization <= 16 &&
    salt !== undefined && salt.length > 0 && key !== undefined && key.length > 0;
  if (!valid) throw new ParleyError('STORAGE_CORRUPT', 'secret hash is not in scrypt$N$r$p$salt$hash form');
  return { cost, blockSize, parallelization, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
}

/** True when `secret` matches `stored` (constant-time compare). Throws STORAGE_CORRUPT for a malformed hash. */
export async function verifySecret(secret: string | Buffer, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  const key = await scryptAsync(secret, parsed.salt, scryptOptions(parsed.cost, parsed.blockSize, parsed.parallelization));
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

export function isSecretHash(value: string): boolean {
  try {
    parseHash(value);
    return true;
  } catch {
    return false;
  }
}
