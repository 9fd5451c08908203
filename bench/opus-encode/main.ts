/**
 * `npm run bench -- opus-encode [seconds]`: real-time factor of the Opus
 * encoders the simulator can use, on the same real speech (a corpus dialogue
 * spoken by espeak-ng, 16 kHz mono, looped to the requested length), 20 ms
 * frames at 16 kbps. Baseline: opus-recorder's libopus (the encoder the
 * simulator issue names). Debian's native opusenc is timed end to end (one
 * process, raw PCM in, Ogg Opus out); using it for frames would need an Ogg
 * demuxer, which is the gateway's readOggOpus.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOpusEncoder, encodePcm, int16ToS16le, loadCorpusScript, synthesizeConversation, type OpusBackendName } from '@parley/tools';

const seconds = Number(process.argv[2] ?? 120);
const corpus = process.env.PARLEY_CORPUS_DIR ?? join(process.cwd(), '..', 'shared', 'corpus', 'dev');
const script = await loadCorpusScript(join(corpus, 'dev-001.json'));
const track = await synthesizeConversation(script);
const total = Math.round(seconds * 16000 / 320) * 320;
const pcm = new Int16Array(total);
for (let at = 0; at < total; at += track.pcm.length) pcm.set(track.pcm.subarray(0, Math.min(track.pcm.length, total - at)), at);
const audioSeconds = total / 16000;
console.log(`input: ${script.id} spoken by espeak-ng, looped to ${audioSeconds.toFixed(0)} s of 16 kHz mono; 20 ms frames, 16 kbps\n`);

interface Row { encoder: string; wallMs: number; cpuMs: number | null; bytes: number }
const rows: Row[] = [];

for (const backend of ['opus-recorder', 'opusscript'] as OpusBackendName[]) {
  const encoder = await createOpusEncoder({ backend, bitrate: 16000 });
  encodePcm(pcm.subarray(0, 16000), encoder); // warm-up: JIT and wasm tiers
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const audio = encodePcm(pcm, encoder);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  encoder.destroy();
  rows.push({ encoder: `${backend} (wasm, in process)`, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, bytes: audio.packets.reduce((n, p) => n + p.length, 0) });
}

const dir = await mkdtemp(join(tmpdir(), 'parley-bench-opus-'));
try {
  const out = join(dir, 'out.opus');
  const raw = int16ToS16le(pcm);
  const t0 = performance.now();
  // `times` after opusenc prints the shell's children's user and system CPU time.
  const childCpuMs = await new Promise<number>((resolve, reject) => {
    const cmd = `opusenc --quiet --raw --raw-rate 16000 --raw-chan 1 --bitrate 16 --framesize 20 --vbr - '${out}' && times`;
    const child = spawn('sh', ['-c', cmd], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`opusenc exited ${code}: ${err}`));
      const line = stdout.trim().split('\n').at(-1) ?? '';
      const secs = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
      resolve(secs.length === 2 ? (secs[0]! + secs[1]!) * 1000 : NaN);
    });
    child.stdin.end(raw);
  });
  const wallMs = performance.now() - t0;
  rows.push({ encoder: 'opusenc (native, Debian opus-tools; Ogg out)', wallMs, cpuMs: Number.isNaN(childCpuMs) ? null : childCpuMs, bytes: (await readFile(out)).length });
} catch (e) {
  console.log(`opusenc not measured: ${(e as Error).message}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}

const base = rows[0]!;
// CPU time is the figure to compare: wall time moves with whatever else the two cores are doing.
console.log('encoder'.padEnd(48), 'wall ms'.padStart(9), 'cpu ms'.padStart(9), 'x real time (cpu)'.padStart(18), 'kbps'.padStart(7), 'speed vs baseline'.padStart(18));
for (const r of rows) {
  console.log(
    r.encoder.padEnd(48),
    r.wallMs.toFixed(0).padStart(9),
    (r.cpuMs === null ? '-' : r.cpuMs.toFixed(0)).padStart(9),
    (r.cpuMs === null ? '-' : (audioSeconds / (r.cpuMs / 1000)).toFixed(1)).padStart(18),
    ((r.bytes * 8) / audioSeconds / 1000).toFixed(1).padStart(7),
    (r.cpuMs === null || base.cpuMs === null ? '-' : `${(base.cpuMs / r.cpuMs).toFixed(2)}x`).padStart(18),
  );
}
