import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PipelineError } from '../errors.js';

/**
 * Recordings the pipeline keeps, under `<dataDir>/audio/<channel>/<id>.<ext>`.
 * Files are written to a temporary name, fsynced, renamed and the directory
 * fsynced, so a recorded conversation never points at a half-written file.
 * Names come only from validated ids.
 */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function assertSafeId(id: string, what: string): void {
  if (!SAFE_ID.test(id) || id.includes('..')) {
    throw new PipelineError('ID_INVALID', `${what} ${JSON.stringify(id.slice(0, 80))}`, { retryable: false });
  }
}

export const EXTENSIONS = { wav: 'wav', ogg_opus: 'ogg', mp3: 'mp3' } as const;

export class AudioStore {
  constructor(private readonly dataDir: string) {}

  relativePath(channel: 'phone' | 'badge', id: string, format: keyof typeof EXTENSIONS): string {
    assertSafeId(id, 'recording id');
    return join('audio', channel, `${id}.${EXTENSIONS[format]}`);
  }

  absolute(relative: string): string {
    return join(this.dataDir, relative);
  }

  /** Durably places `source` (copied, or moved when `move`) at `relative`. */
  async put(relative: string, source: string, move = false): Promise<void> {
    const dest = this.absolute(relative);
    await mkdir(dirname(dest), { recursive: true });
    const tmp = `${dest}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      if (move) await rename(source, tmp).catch(() => copyFile(source, tmp));
      else await copyFile(source, tmp);
      const fh = await open(tmp, 'r+');
      try {
        await fh.sync();
      } finally {
        await fh.close();
      }
      await rename(tmp, dest);
      const dh = await open(dirname(dest), 'r');
      try {
        await dh.sync();
      } finally {
        await dh.close();
      }
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }
}
