/**
 * `npm run bench -- waveform [--minutes N]`
 *
 * Server-side waveform peaks for a long recording (default a 60-minute mono
 * Ogg Opus of real speech, built with sox + opusenc from shared/audio/real):
 *
 * - what the browser downloads to draw the waveform: the peaks answer the
 *   player asks for, against the baseline of the whole recording (what
 *   wavesurfer fetched and decoded before peaks existed);
 * - what the peaks cost the decode stage: decoding with the peak
 *   accumulator teed in, against decoding alone (baseline), same file, same run;
 * - the lazy path (a recording decoded before peaks existed): time of the
 *   first peaks request, and of a cached one from SQLite.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeFile, type DecodeSink } from '../../cloud/src/audio/decode.js';
import { PeakAccumulator, peaksOfFile, pickLevel, teeSink } from '../../cloud/src/audio/peaks.js';
import { SqliteConversationStore } from '../../cloud/src/store/sqlite-store.js';

const args = process.argv.slice(2);
const minutesArg = args.indexOf('--minutes');
const MINUTES = minutesArg >= 0 ? Number(args[minutesArg + 1]) : 60;
const REAL = join(import.meta.dirname, '..', '..', '..', 'shared', 'audio', 'real');

const dir = mkdtempSync(join(tmpdir(), 'parley-bench-waveform-'));
try {
  const wav = join(dir, 'long.wav');
  const ogg = join(dir, 'long.ogg');
  const ms = MINUTES * 60_000;
  const clips = ['0.wav', '1.wav', '2.wav', '3.wav', '4.wav'].map((f) => join(REAL, f));
  const loops = Math.ceil(ms / 20_000) + 1;
  execFileSync('sox', [...Array.from({ length: loops }, () => clips).flat(), '-r', '16000', '-c', '1', wav, 'trim', '0', String(ms / 1000)], { stdio: 'ignore' });
  execFileSync('opusenc', ['--quiet', '--bitrate', '24', wav, ogg], { stdio: 'ignore' });
  rmSync(wav);
  const oggBytes = statSync(ogg).size;

  const nullSink: DecodeSink = { start: () => undefined, write: () => undefined };
  const time = async (f: () => Promise<unknown>) => {
    const t = performance.now();
    await f();
    return performance.now() - t;
  };
  // warm-up (wasm decoder instantiation), then alternate so both see the same machine load
  await decodeFile(ogg, nullSink);
  const base: number[] = [];
  const withPeaks: number[] = [];
  let peaks = null as ReturnType<PeakAccumulator['finish']> | null;
  for (let i = 0; i < 3; i++) {
    base.push(await time(() => decodeFile(ogg, nullSink)));
    withPeaks.push(
      await time(async () => {
        const acc = new PeakAccumulator();
        await decodeFile(ogg, teeSink(nullSink, acc));
        peaks = acc.finish();
      }),
    );
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  if (!peaks) throw new Error('no peaks');
  const p = peaks as ReturnType<PeakAccumulator['finish']>;

  const answerBytes = (maxPairs: number) => {
    const level = pickLevel(p, maxPairs)!;
    const n = level.data.length / 2;
    const min: number[] = [];
    const max: number[] = [];
    for (let i = 0; i < n; i++) {
      min.push(level.data[i * 2]!);
      max.push(level.data[i * 2 + 1]!);
    }
    const body = JSON.stringify({ durationMs: p.durationMs, perSecond: level.perSecond, levels: p.levels.map((l) => l.perSecond), scale: 127, min, max });
    return { perSecond: level.perSecond, pairs: n, bytes: Buffer.byteLength(body) };
  };

  const store = new SqliteConversationStore(join(dir, 'cloud.db'));
  store.createConversation(
    { id: 'long', channel: 'badge', source: {}, staffId: null, branchId: null, customerId: null, startedAt: 0, endedAt: ms, durationMs: ms, audioPath: 'long.ogg', audioFormat: 'ogg_opus', transcriptSource: null, gaps: [], skipStages: [], segments: [] },
    0,
  );
  const lazy = await time(async () => store.setWaveformPeaks('long', await peaksOfFile(ogg)));
  const cachedRuns: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    store.getWaveformPeaks('long');
    cachedRuns.push(performance.now() - t);
  }
  const storedBytes = p.levels.reduce((s, l) => s + l.data.length, 0);
  store.close();

  const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
  console.log(`waveform peaks, ${MINUTES}-minute mono Ogg Opus of real speech (24 kbit/s, ${kb(oggBytes)})`);
  console.log('');
  console.log('what the browser downloads to draw the waveform');
  console.log(`  baseline: the whole recording                ${kb(oggBytes).padStart(12)}`);
  for (const maxPairs of [4000, 40_000]) {
    const a = answerBytes(maxPairs);
    console.log(
      `  peaks answer, maxPairs=${String(maxPairs).padEnd(6)} (${a.perSecond}/s, ${a.pairs} pairs) ${kb(a.bytes).padStart(10)}   ${(oggBytes / a.bytes).toFixed(1)}x smaller`,
    );
  }
  console.log('');
  console.log('decode stage cost (median of 3, same file)');
  console.log(`  baseline: decode alone                       ${median(base).toFixed(0).padStart(8)} ms`);
  console.log(`  decode + peaks                               ${median(withPeaks).toFixed(0).padStart(8)} ms   ${(median(withPeaks) / median(base)).toFixed(2)}x the baseline`);
  console.log('');
  console.log('lazy path and storage');
  console.log(`  first request, recording decoded before peaks ${lazy.toFixed(0).padStart(7)} ms (decode + store)`);
  console.log(`  cached request (read from SQLite), median     ${median(cachedRuns).toFixed(2).padStart(7)} ms`);
  console.log(`  stored per recording (levels ${p.levels.map((l) => `${l.perSecond}/s`).join(', ')})   ${kb(storedBytes)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
