import { closeSync, mkdtempSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
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
});
