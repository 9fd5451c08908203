/**
 * A content-addressed disk cache: an entry's key is the sha256 of everything
 * that determines its content (inputs, parameters, format version), so a hit
 * is always valid and nothing needs invalidating. Entries are written to a
 * temporary file and renamed into place, so a crash never leaves a torn entry
 * under a real key; each entry carries its own sha256 so a damaged file is
 * detected on read, reported, and regenerated.
 *
 * Layout: <root>/<namespace>/<key[0..2]>/<key>.<ext>
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ToolsError } from '../errors.js';

export const DEFAULT_CACHE_DIR = './data/cache';

/** The cache root: PARLEY_CACHE_DIR, else ./data/cache (relative to the working directory). */
export function defaultCacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.PARLEY_CACHE_DIR ?? DEFAULT_CACHE_DIR);
}

/** sha256 hex of a canonical JSON rendering (object keys sorted). */
export function cacheKey(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && !ArrayBuffer.isView(v)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }
    return v;
  });
}

const KEY_RE = /^[0-9a-f]{64}$/;
const NAMESPACE_RE = /^[a-z0-9][a-z0-9-]{0,40}$/;
const EXT_RE = /^[a-z0-9]{1,8}$/;
const MAGIC = Buffer.from('PRLYCACHE1\n', 'latin1');

export interface CacheWarning {
  key: string;
  path: string;
  reason: string;
}

export class ContentCache {
  readonly dir: string;
  private readonly onCorrupt: (w: CacheWarning) => void;

  constructor(root: string, namespace: string, opts: { onCorrupt?: (w: CacheWarning) => void } = {}) {
    if (!NAMESPACE_RE.test(namespace)) throw new ToolsError('CACHE_KEY_INVALID', `bad namespace ${JSON.stringify(namespace)}`);
    this.dir = join(resolve(root), namespace);
    this.onCorrupt =
      opts.onCorrupt ?? ((w) => console.warn(`[cache] dropping corrupt entry ${w.path}: ${w.reason}`));
  }

  pathFor(key: string, ext: string): string {
    if (!KEY_RE.test(key)) throw new ToolsError('CACHE_KEY_INVALID', JSON.stringify(key));
    if (!EXT_RE.test(ext)) throw new ToolsError('CACHE_KEY_INVALID', `bad extension ${JSON.stringify(ext)}`);
    return join(this.dir, key.slice(0, 2), `${key}.${ext}`);
  }

  /** The entry's payload, or undefined when absent or corrupt (a corrupt entry is reported and removed). */
  async get(key: string, ext: string): Promise<Buffer | undefined> {
    const path = this.pathFor(key, ext);
    let file: Buffer;
    try {
      file = await readFile(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
    try {
      return unwrap(file);
    } catch (e) {
      this.onCorrupt({ key, path, reason: (e as Error).message });
      await unlink(path).catch(() => undefined);
      return undefined;
    }
  }

  async put(key: string, ext: string, payload: Uint8Array): Promise<string> {
    const path = this.pathFor(key, ext);
    await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
    const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, wrap(payload));
    await rename(tmp, path);
    return path;
  }

  async getOrCreate(key: string, ext: string, create: () => Promise<Uint8Array>): Promise<{ payload: Buffer; hit: boolean }> {
    const cached = await this.get(key, ext);
    if (cached) return { payload: cached, hit: true };
    const made = Buffer.from(await create());
    await this.put(key, ext, made);
    return { payload: made, hit: false };
  }
}

/** MAGIC | sha256(payload) (32 bytes) | payload length (u64 LE) | payload */
function wrap(payload: Uint8Array): Buffer {
  const head = Buffer.alloc(MAGIC.length + 40);
  MAGIC.copy(head, 0);
  createHash('sha256').update(payload).digest().copy(head, MAGIC.length);
  head.writeBigUInt64LE(BigInt(payload.length), MAGIC.length + 32);
  return Buffer.concat([head, payload]);
}

function unwrap(file: Buffer): Buffer {
  const headLen = MAGIC.length + 40;
  if (file.length < headLen || !file.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new ToolsError('CACHE_ENTRY_CORRUPT', 'bad header');
  }
  const length = Number(file.readBigUInt64LE(MAGIC.length + 32));
  const payload = file.subarray(headLen);
  if (payload.length !== length) throw new ToolsError('CACHE_ENTRY_CORRUPT', `length ${payload.length} != ${length}`);
  const digest = createHash('sha256').update(payload).digest();
  if (!digest.equals(file.subarray(MAGIC.length, MAGIC.length + 32))) {
    throw new ToolsError('CACHE_ENTRY_CORRUPT', 'sha256 mismatch');
  }
  return payload;
}
