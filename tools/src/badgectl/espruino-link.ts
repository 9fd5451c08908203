import type { Duplex } from 'node:stream';
import { BadgectlError } from './errors.js';

/** Raw bytes per Storage write line (base64 makes a 684-character line, well inside Espruino's input buffer). */
export const WRITE_CHUNK_BYTES = 512;
const READ_CHUNK_BYTES = 512;
const MAX_BUFFER_CHARS = 1 << 20;

export interface EspruinoLinkOptions {
  /** How long one console round trip may take. */
  timeoutMs?: number;
}

/** JS string literal for a console line (ASCII only, so nothing depends on the console's encoding). */
function literal(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Talks to an Espruino console the way EspruinoTools does: Ctrl-C to drop
 * whatever was typed, then one line per request, each prefixed with DLE
 * (0x10) so the console neither echoes it nor prints a result or prompt. A
 * request prints its answer between markers that do not occur in the line
 * itself (they are put together by the code it runs), so the firmware's own
 * console output around it does not matter. Bytes go over `atob`/`btoa`
 * (Espruino strings hold bytes).
 */
export class EspruinoLink {
  private buffer = '';
  private seq = 0;
  private waiter: (() => void) | null = null;
  private readonly timeoutMs: number;
  private readonly onData = (chunk: Buffer): void => {
    this.buffer += chunk.toString('latin1');
    if (this.buffer.length > MAX_BUFFER_CHARS) this.buffer = this.buffer.slice(-MAX_BUFFER_CHARS / 2);
    this.waiter?.();
  };

  constructor(
    private readonly port: Duplex,
    opts: EspruinoLinkOptions = {},
  ) {
    this.timeoutMs = opts.timeoutMs ?? 3_000;
    port.on('data', this.onData);
  }

  close(): void {
    this.port.off('data', this.onData);
    this.waiter = null;
  }

  /** Ctrl-C: abandons a half-typed line (and interrupts a busy loop). */
  async interrupt(): Promise<void> {
    await this.send('\x03');
  }

  /**
   * Evaluates `expression` on the device and returns its JSON value. Throws
   * NOT_RESPONDING when no answer comes, and `failure` (with the device's
   * message) when the expression throws there.
   */
  async evaluate<T>(expression: string, failure: 'WRITE_FAILED' | 'NOT_RESPONDING' = 'NOT_RESPONDING', timeoutMs = this.timeoutMs): Promise<T> {
    const n = ++this.seq;
    const open = `"<<R${n}"+"<"`;
    const close = `">R${n}"+">>"`;
    const line = `\x10try{print(${open}+JSON.stringify({ok:(${expression})})+${close})}catch(e){print(${open}+JSON.stringify({err:String(e)})+${close})}\n`;
    const marker = new RegExp(`<<R${n}<(.*?)>R${n}>>`, 's');
    await this.send(line);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const m = marker.exec(this.buffer);
      if (m) {
        this.buffer = this.buffer.slice((m.index ?? 0) + m[0].length);
        let answer: { ok?: T; err?: string };
        try {
          answer = JSON.parse(m[1]!) as { ok?: T; err?: string };
        } catch {
          throw new BadgectlError('NOT_RESPONDING', `unreadable answer: ${m[1]!.slice(0, 80)}`);
        }
        if (answer.err !== undefined) throw new BadgectlError(failure, answer.err);
        return answer.ok as T;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new BadgectlError('NOT_RESPONDING', `no answer within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.waiter = null;
          resolve();
        }, left);
        this.waiter = () => {
          clearTimeout(timer);
          this.waiter = null;
          resolve();
        };
      });
    }
  }

  /**
   * Writes a Storage file: whole for small files, else created at its size and
   * programmed chunk by chunk (each chunk acknowledged before the next is sent,
   * which is the flow control). Throws WRITE_FAILED when Storage says no.
   */
  async writeFile(name: string, data: Uint8Array, onProgress?: (done: number, total: number) => void): Promise<void> {
    const storage = 'require("Storage")';
    if (data.length <= WRITE_CHUNK_BYTES) {
      const ok = await this.evaluate<boolean>(`${storage}.write(${literal(name)},atob(${literal(Buffer.from(data).toString('base64'))}))`, 'WRITE_FAILED');
      if (ok !== true) throw new BadgectlError('WRITE_FAILED', `${name}: Storage.write returned ${String(ok)}`);
      onProgress?.(data.length, data.length);
      return;
    }
    for (let offset = 0; offset < data.length; offset += WRITE_CHUNK_BYTES) {
      const part = Buffer.from(data.subarray(offset, offset + WRITE_CHUNK_BYTES)).toString('base64');
      const size = offset === 0 ? `,0,${data.length}` : `,${offset}`;
      const ok = await this.evaluate<boolean>(`${storage}.write(${literal(name)},atob(${literal(part)})${size})`, 'WRITE_FAILED');
      if (ok !== true) throw new BadgectlError('WRITE_FAILED', `${name} at byte ${offset}: Storage.write returned ${String(ok)}`);
      onProgress?.(Math.min(data.length, offset + WRITE_CHUNK_BYTES), data.length);
    }
  }

  /** Size and CRC32 of a Storage file as the device computes them (E.CRC32), or null when it does not exist. */
  async fileDigest(name: string): Promise<{ size: number; crc32: number } | null> {
    const answer = await this.evaluate<{ size: number; crc: number } | null>(`(function(f){return f===undefined?null:{size:f.length,crc:E.CRC32(f)}})(require("Storage").read(${literal(name)}))`);
    return answer === null ? null : { size: answer.size, crc32: answer.crc >>> 0 };
  }

  /** Reads a Storage file back whole, or null when it does not exist. */
  async readFile(name: string): Promise<Uint8Array | null> {
    const size = await this.evaluate<number>(`(function(f){return f===undefined?-1:f.length})(require("Storage").read(${literal(name)}))`);
    if (size < 0) return null;
    const parts: Buffer[] = [];
    for (let offset = 0; offset < size; offset += READ_CHUNK_BYTES) {
      const b64 = await this.evaluate<string>(`btoa(require("Storage").read(${literal(name)},${offset},${Math.min(READ_CHUNK_BYTES, size - offset)}))`);
      parts.push(Buffer.from(b64, 'base64'));
    }
    return new Uint8Array(Buffer.concat(parts));
  }

  /** Sends a console line that returns nothing (reset(), load()). */
  async command(code: string): Promise<void> {
    await this.send(`\x10${code}\n`);
  }

  private send(text: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.port.write(Buffer.from(text, 'latin1'), (err) => (err ? reject(new BadgectlError('WRITE_FAILED', `serial write: ${err.message}`)) : resolve()));
    });
  }
}
