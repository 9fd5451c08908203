import { open, rename, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { OggOpusWriter, OPUS_PRE_SKIP } from './ogg/writer.js';
import type { FinalisedSession } from '@parley/proto';

/** Ogg stream serial of a session: its first four id bytes (stable, so a rewrite is byte-identical). */
export function oggSerial(sessionHex: string): number {
  return parseInt(sessionHex.slice(0, 8), 16) >>> 0;
}

/** The OpusTags comments Parley writes (docs/ingest.md). */
export function sessionTags(record: FinalisedSession): Array<[string, string]> {
  const tags: Array<[string, string]> = [
    ['PARLEY_SESSION', record.sessionId],
    ['PARLEY_DEVICE', record.deviceId],
    ['PARLEY_STAFF', record.staffId ?? ''],
    ['PARLEY_BRANCH', record.branchId ?? ''],
    ['PARLEY_START_MS', String(record.startTimeMs)],
    ['PARLEY_CLOCK', record.clockSynced ? 'synced' : record.clockCorrected ? 'corrected' : 'gateway-receipt'],
    ['DATE', new Date(record.startTimeMs).toISOString()],
  ];
  return tags;
}

/**
 * Writes the session's Ogg Opus file atomically: to `<path>.tmp`, fsync,
 * rename over `path`, fsync the directory. Rewriting after a crash yields
 * the same bytes.
 */
export async function writeSessionAudio(path: string, record: FinalisedSession, packets: Iterable<Uint8Array>): Promise<{ bytes: number; samples: number }> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.tmp`;
  const fh = await open(tmp, 'w', 0o640);
  let bytes = 0;
  let samples = 0;
  try {
    let batch: Buffer[] = [];
    let batchBytes = 0;
    const pending: Buffer[][] = [];
    const writer = new OggOpusWriter(
      (page) => {
        batch.push(page);
        batchBytes += page.length;
        if (batchBytes >= 256 * 1024) {
          pending.push(batch);
          batch = [];
          batchBytes = 0;
        }
      },
      {
        serial: oggSerial(record.sessionId),
        head: { channels: record.codec.channels, preSkip: OPUS_PRE_SKIP, inputSampleRate: record.codec.sampleRate },
        tags: { vendor: 'Parley gateway', comments: sessionTags(record) },
      },
    );
    for (const p of packets) {
      writer.addPacket(p);
      while (pending.length > 0) {
        const b = Buffer.concat(pending.shift()!);
        await fh.write(b);
        bytes += b.length;
      }
    }
    writer.finish();
    pending.push(batch);
    for (const part of pending) {
      const b = Buffer.concat(part);
      await fh.write(b);
      bytes += b.length;
    }
    samples = writer.samples;
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
  const dir = await open(dirname(path), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
  return { bytes, samples };
}
