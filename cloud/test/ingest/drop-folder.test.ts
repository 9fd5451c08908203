import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DropFolderWatcher } from '../../src/ingest/drop-folder.js';
import { PipelineError } from '../../src/errors.js';
import type { PhoneMetadata } from '../../src/ingest/phone-metadata.js';
import { REAL_AUDIO, silentLogger, tempDir } from '../helpers.js';

const meta = (callId: string) => ({
  callId,
  agentId: 'agent-1',
  direction: 'inbound',
  startTime: '2026-11-20T10:00:00Z',
});

describe('drop folder', () => {
  let tmp: ReturnType<typeof tempDir>;
  let now: number;
  let ingested: Array<{ meta: PhoneMetadata; audio: string | null; bytes: number }>;
  let watcher: DropFolderWatcher;

  beforeEach(async () => {
    tmp = tempDir();
    now = 0;
    ingested = [];
    watcher = new DropFolderWatcher(
      tmp.dir,
      { settleMs: 1000, pollMs: 60_000 },
      async (m, audio) => {
        if (m.callId === 'explode') throw new PipelineError('INTERNAL', 'disk full');
        ingested.push({ meta: m, audio, bytes: audio ? readFileSync(audio).length : 0 });
        return { conversationId: `phone-${m.callId}`, created: true };
      },
      silentLogger(),
      () => now,
    );
    await watcher.start();
  });
  afterEach(async () => {
    await watcher.stop();
    tmp.cleanup();
  });

  it('picks up audio + sidecar only after both stopped changing, then moves them to processed/', async () => {
    copyFileSync(join(REAL_AUDIO, '1.wav'), join(tmp.dir, 'call-1.wav'));
    writeFileSync(join(tmp.dir, 'call-1.json'), JSON.stringify(meta('call-1')));
    expect(await watcher.scan()).toEqual([]); // first sight
    now = 500;
    expect(await watcher.scan()).toEqual([]); // not settled yet
    // still being written: grows, so the clock restarts
    writeFileSync(join(tmp.dir, 'call-1.wav'), Buffer.concat([readFileSync(join(REAL_AUDIO, '1.wav')), Buffer.alloc(100)]));
    now = 1200;
    expect(await watcher.scan()).toEqual([]);
    now = 2300;
    expect(await watcher.scan()).toEqual(['call-1']);
    expect(ingested).toHaveLength(1);
    expect(ingested[0]!.meta.callId).toBe('call-1');
    expect(ingested[0]!.bytes).toBe(readFileSync(join(REAL_AUDIO, '1.wav')).length + 100);
    expect(existsSync(join(tmp.dir, 'processed', 'call-1.wav'))).toBe(true);
    expect(existsSync(join(tmp.dir, 'processed', 'call-1.json'))).toBe(true);
    expect(existsSync(join(tmp.dir, 'call-1.wav'))).toBe(false);
  });

  it('moves bad metadata to failed/ with the reason; leaves retryable failures in place', async () => {
    writeFileSync(join(tmp.dir, 'bad.json'), '{"callId": "../../x"');
    writeFileSync(join(tmp.dir, 'explode.json'), JSON.stringify({ ...meta('explode'), transcript: [{ speaker: 'agent', text: '您好' }] }));
    await watcher.scan();
    now = 5000;
    await watcher.scan();
    expect(existsSync(join(tmp.dir, 'failed', 'bad.json'))).toBe(true);
    expect(readFileSync(join(tmp.dir, 'failed', 'bad.reason.txt'), 'utf8')).toMatch(/^METADATA_INVALID: .*not valid JSON/);
    expect(existsSync(join(tmp.dir, 'explode.json'))).toBe(true);
    expect(existsSync(join(tmp.dir, 'failed', 'explode.json'))).toBe(false);
  });
});
