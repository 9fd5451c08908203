/**
 * Runs an external program (espeak-ng, sox, opusenc) with its stdin/stdout as
 * buffers. A program that is not installed yields EXTERNAL_TOOL_MISSING with
 * the Debian package to install; a non-zero exit yields EXTERNAL_TOOL_FAILED
 * with the program's stderr.
 */
import { spawn } from 'node:child_process';
import { ToolsError } from './errors.js';

/** Debian package that provides each program the tools call. */
const DEBIAN_PACKAGE: Record<string, string> = {
  'espeak-ng': 'espeak-ng',
  sox: 'sox',
  opusenc: 'opus-tools',
  opusdec: 'opus-tools',
};

export interface RunOptions {
  stdin?: Uint8Array | string;
  /** Kill the program after this long (default 60 s). */
  timeoutMs?: number;
}

export async function runProgram(program: string, args: readonly string[], opts: RunOptions = {}): Promise<Buffer> {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  return new Promise<Buffer>((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(() => reject(new ToolsError('EXTERNAL_TOOL_FAILED', `${program} timed out after ${timeoutMs} ms`, { program, args })));
    }, timeoutMs);
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') {
        const pkg = DEBIAN_PACKAGE[program] ?? program;
        finish(() =>
          reject(
            new ToolsError('EXTERNAL_TOOL_MISSING', `${program} not found on PATH (install the Debian package "${pkg}")`, { program }, { cause: e }),
          ),
        );
      } else {
        finish(() => reject(new ToolsError('EXTERNAL_TOOL_FAILED', `${program}: ${e.message}`, { program, args }, { cause: e })));
      }
    });
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('close', (code, signal) => {
      if (code === 0) finish(() => resolve(Buffer.concat(out)));
      else {
        const stderr = Buffer.concat(err).toString('utf8').trim().slice(0, 2000);
        finish(() =>
          reject(
            new ToolsError('EXTERNAL_TOOL_FAILED', `${program} exited with ${code ?? signal}: ${stderr}`, { program, args, code, signal, stderr }),
          ),
        );
      }
    });
    // A program that exits without reading all of stdin raises EPIPE here; the exit code tells the story.
    child.stdin.on('error', () => undefined);
    child.stdin.end(opts.stdin ?? '');
  });
}
