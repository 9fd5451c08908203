import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ParleyError } from '../errors.js';

export const ADMIN_TOKEN_FILE = 'admin-token';

/**
 * The admin API token when none is configured: read from
 * `<dataDir>/admin-token`, created (48 random bytes, base64url, mode 0600)
 * on first start so `npm start` works without setup and the token never
 * appears in a log line.
 */
export function loadOrCreateAdminToken(dataDir: string): { token: string; file: string; created: boolean } {
  const file = join(dataDir, ADMIN_TOKEN_FILE);
  try {
    const token = readFileSync(file, 'utf8').trim();
    if (token.length < 32) throw new ParleyError('CONFIG_INVALID', `${file} holds a token shorter than 32 characters`);
    return { token, file, created: false };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(dataDir, { recursive: true });
  const token = randomBytes(48).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return { token, file, created: true };
}
