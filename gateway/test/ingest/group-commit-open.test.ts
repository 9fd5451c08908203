import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GroupCommitter } from '../../src/ingest/group-commit.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function committer(root: string, durable: string[][]): GroupCommitter<string> {
  return new GroupCommitter<string>({
    journalDir: join(root, 'journal'),
    lastSegment: 0,
    intervalMs: 1,
    maxItems: 100,
    segmentBytes: 1 << 20,
    checkpointIntervalMs: 60_000,
    spoolWriteBytes: 0,
    spoolIoParallel: 2,
    onDurable: (group) => durable.push(group.map((a) => a.item)),
    onFailed: (_items, err) => {
      throw err;
    },
    onCheckpointError: (err) => {
      throw err;
    },
  });
}

describe('GroupCommitter spool files', () => {
  it('creates a new session file (in a new device directory) and appends to an existing one at its end', async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-gc-'));
    const spool = join(dir, 'spool');
    mkdirSync(join(spool, 'dev-old'), { recursive: true });
    const existing = join(spool, 'dev-old', 'a.spool');
    writeFileSync(existing, Buffer.from('0123456789'));
    const durable: string[][] = [];
    const c = committer(dir, durable);
    c.knownDirectory(join(spool, 'dev-old'));
    const fresh = join(spool, 'dev-new', 'b.spool');
    const hOld = c.handle('dev-old/a', existing);
    const hNew = c.handle('dev-new/b', fresh);
    c.append(hOld, 'dev-old', 'aa'.repeat(16), Buffer.from('OLD'), 'x');
    c.append(hNew, 'dev-new', 'bb'.repeat(16), Buffer.from('NEW'), 'y');
    await c.flush();
    expect(durable.flat().sort()).toEqual(['x', 'y']);
    expect(readFileSync(existing, 'latin1')).toBe('0123456789OLD');
    expect(readFileSync(fresh, 'latin1')).toBe('NEW');
    // More records go after them, in order.
    c.append(hOld, 'dev-old', 'aa'.repeat(16), Buffer.from('+1'), 'z');
    c.append(hNew, 'dev-new', 'bb'.repeat(16), Buffer.from('+2'), 'w');
    await c.flush();
    expect(readFileSync(existing, 'latin1')).toBe('0123456789OLD+1');
    expect(readFileSync(fresh, 'latin1')).toBe('NEW+2');
    await c.close();
  });
});
