import { closeSync, fstatSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SpoolOpener } from '../../src/ingest/spool-opener.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('SpoolOpener', () => {
  it('opens a batch on its thread: new files in new directories (size 0), existing files with their size, errors per file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-opener-'));
    const existing = join(dir, 'old.spool');
    writeFileSync(existing, 'abcdef');
    const opener = new SpoolOpener();
    const [a, b, c, bad] = await Promise.allSettled([
      opener.open(join(dir, 'dev-a'), join(dir, 'dev-a', 's1.spool'), true),
      opener.open(join(dir, 'dev-a'), join(dir, 'dev-a', 's2.spool'), false),
      opener.open(dir, existing, false),
      opener.open(join(dir, 'missing'), join(dir, 'missing', 'x.spool'), false),
    ]);
    expect(a.status === 'fulfilled' && a.value.size).toBe(0);
    expect(b.status === 'fulfilled' && b.value.size).toBe(0);
    expect(c.status === 'fulfilled' && c.value.size).toBe(6);
    expect(bad.status === 'rejected' && (bad.reason as NodeJS.ErrnoException).code).toBe('ENOENT');
    // The descriptors are the process's: writable from the main thread.
    const fd = (a as PromiseFulfilledResult<{ fd: number }>).value.fd;
    writeSync(fd, 'hello', 0);
    closeSync(fd);
    closeSync((b as PromiseFulfilledResult<{ fd: number }>).value.fd);
    closeSync((c as PromiseFulfilledResult<{ fd: number }>).value.fd);
    expect(readFileSync(join(dir, 'dev-a', 's1.spool'), 'latin1')).toBe('hello');
    await opener.close();
    await expect(opener.open(dir, join(dir, 'late.spool'), false)).rejects.toThrow('closed');
  });

  it('descriptors outlive the opener thread: its exit closes neither a spool file still in use nor a file that reused a closed number', async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-opener-'));
    const opener = new SpoolOpener();
    const kept = await opener.open(dir, join(dir, 'kept.spool'), false);
    const reused = await opener.open(dir, join(dir, 'reused.spool'), false);
    closeSync(reused.fd);
    // The main thread opens another file: it usually gets the number the opener's file had.
    const other = openSync(join(dir, 'other.bin'), 'w');
    await opener.close(); // the thread exits
    writeSync(kept.fd, 'still open', 0);
    expect(fstatSync(kept.fd).size).toBe(10);
    writeSync(other, 'mine', 0);
    expect(fstatSync(other).size).toBe(4);
    closeSync(kept.fd);
    closeSync(other);
    expect(readFileSync(join(dir, 'kept.spool'), 'latin1')).toBe('still open');
  });
});
