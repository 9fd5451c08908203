import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { describeError } from '../errors.js';
import { parsePhoneMetadata } from './phone-metadata.js';
import type { PhoneIngestResult } from './phone-call.js';

/**
 * The watched drop folder for phone calls: `<name>.json` (metadata, as for
 * the upload API) beside `<name>.wav|.ogg|.opus|.mp3`. A pair is picked up
 * only once both files have kept the same size and mtime for `settleMs`
 * (the call system may still be writing), then moved to `processed/`, or to
 * `failed/` with `<name>.reason.txt` saying why.
 */
const AUDIO_EXT = ['.wav', '.ogg', '.opus', '.mp3'];

interface Seen {
  signature: string;
  since: number;
}

export class DropFolderWatcher {
  private timer: NodeJS.Timeout | null = null;
  private readonly seen = new Map<string, Seen>();
  private scanning: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly dir: string,
    private readonly opts: { settleMs: number; pollMs: number },
    private readonly ingest: (metadata: ReturnType<typeof parsePhoneMetadata>, audioFile: string | null) => Promise<PhoneIngestResult>,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async start(): Promise<void> {
    await mkdir(join(this.dir, 'processed'), { recursive: true });
    await mkdir(join(this.dir, 'failed'), { recursive: true });
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.scanning = this.scan()
        .then(() => undefined)
        .catch((err: unknown) => this.logger.error({ err }, 'drop folder scan failed'))
        .finally(() => {
          this.scanning = null;
          this.schedule();
        });
    }, this.opts.pollMs);
    this.timer.unref();
  }

  /** One pass over the folder; returns the names handled. Public for tests. */
  async scan(): Promise<string[]> {
    const entries = await readdir(this.dir, { withFileTypes: true });
    const files = new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
    const handled: string[] = [];
    for (const name of files) {
      if (!name.endsWith('.json')) continue;
      const base = name.slice(0, -'.json'.length);
      const audio = AUDIO_EXT.map((e) => base + e).find((f) => files.has(f)) ?? null;
      const parts = audio ? [name, audio] : [name];
      const sig = (await Promise.all(parts.map((p) => stat(join(this.dir, p)).then((s) => `${s.size}:${s.mtimeMs}`, () => 'gone')))).join('|');
      if (sig.includes('gone')) continue;
      const prev = this.seen.get(base);
      if (!prev || prev.signature !== sig) {
        this.seen.set(base, { signature: sig, since: this.now() });
        if (this.opts.settleMs > 0) continue;
      } else if (this.now() - prev.since < this.opts.settleMs) continue;
      this.seen.delete(base);
      await this.handle(base, name, audio);
      handled.push(base);
    }
    return handled;
  }

  private async handle(base: string, sidecar: string, audio: string | null): Promise<void> {
    const parts = audio ? [sidecar, audio] : [sidecar];
    try {
      const meta = parsePhoneMetadata(await readFile(join(this.dir, sidecar)));
      const r = await this.ingest(meta, audio ? join(this.dir, audio) : null);
      for (const p of parts) await rename(join(this.dir, p), join(this.dir, 'processed', p));
      this.logger.info({ file: base, conversationId: r.conversationId, created: r.created }, 'drop folder call ingested');
    } catch (err) {
      const e = describeError(err);
      if (e.retryable) {
        // Not the file's fault (storage, internal): leave it for the next pass.
        this.logger.error({ file: base, code: e.code, err: e.message }, 'drop folder call not ingested, will retry');
        return;
      }
      for (const p of parts) await rename(join(this.dir, p), join(this.dir, 'failed', p)).catch(() => undefined);
      await writeFile(join(this.dir, 'failed', `${base}.reason.txt`), `${e.code}: ${e.message}\n`);
      this.logger.warn({ file: base, code: e.code, err: e.message }, 'drop folder call rejected');
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.scanning;
  }
}
