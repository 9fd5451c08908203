import { mkdtemp, rm, readdir, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isToolsError } from '../src/errors.js';
import { runProgram } from '../src/external-program.js';
import { synthesizeConversation } from '../src/speech/conversation-audio.js';
import { rmsDbfs } from '../src/speech/pcm.js';
import { loadCorpusScript, validateScript, type ConversationScript } from '../src/speech/script.js';

const dialogue: ConversationScript = {
  id: 'test-short',
  origin: 'generated',
  turns: [
    { role: 'staff', text: '您好，请问今天办理什么业务？' },
    { role: 'customer', text: '我想存一笔定期，五万块。' },
    { role: 'staff', text: '好的，三年期利率是百分之二点一五。' },
    { role: 'customer', text: '行，那就存三年吧。' },
  ],
};

const corpusDir = process.env.PARLEY_CORPUS_DIR ?? fileURLToPath(new URL('../../../shared/corpus/dev/', import.meta.url));

let cacheDir: string;
beforeAll(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'parley-speech-'));
});
afterAll(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

describe('synthesizeConversation (real espeak-ng + sox)', () => {
  it('speaks every turn in order with pauses, customer quieter by the configured gain', async () => {
    const track = await synthesizeConversation(dialogue, {
      cacheDir,
      customerGainDb: -12,
      customerGainJitterDb: 0,
      pauseMs: { min: 300, max: 600 },
      edgeSilenceMs: 250,
    });
    expect(track.sampleRate).toBe(16000);
    expect(track.fromCache).toBe(false);
    expect(track.timeline.map((t) => t.role)).toEqual(['staff', 'customer', 'staff', 'customer']);
    // Each utterance is a real spoken sentence: Mandarin at these speeds runs ~3–6 characters a second.
    for (const t of track.timeline) {
      const chars = dialogue.turns[t.turn]!.text.length;
      const seconds = (t.endMs - t.startMs) / 1000;
      expect(seconds).toBeGreaterThan(chars / 12);
      expect(seconds).toBeLessThan(chars / 1.5);
    }
    // Pauses within bounds and the timeline covers the track.
    for (let i = 1; i < track.timeline.length; i++) {
      const gap = track.timeline[i]!.startMs - track.timeline[i - 1]!.endMs;
      expect(gap).toBeGreaterThanOrEqual(299);
      expect(gap).toBeLessThanOrEqual(601);
    }
    expect(track.timeline[0]!.startMs).toBe(250);
    const tail = track.durationMs - track.timeline.at(-1)!.endMs;
    expect(tail).toBeGreaterThanOrEqual(250);
    expect(tail).toBeLessThan(271);
    expect(track.durationMs % 20).toBe(0);
    expect(track.pcm.length).toBe((track.durationMs * 16000) / 1000);

    // Measured levels: staff at -20 dBFS, customer 12 dB below.
    const level = (t: (typeof track.timeline)[number]) => rmsDbfs(track.pcm, t.startSample, t.endSample);
    for (const t of track.timeline) {
      expect(level(t)).toBeCloseTo(t.role === 'staff' ? -20 : -32, 0);
    }
    const staff = track.timeline.filter((t) => t.role === 'staff').map(level);
    const customer = track.timeline.filter((t) => t.role === 'customer').map(level);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(staff) - mean(customer)).toBeGreaterThan(11.5);
    expect(mean(staff) - mean(customer)).toBeLessThan(12.5);
    // The silences between turns are digital silence without noise.
    expect(rmsDbfs(track.pcm, 0, track.timeline[0]!.startSample - 500)).toBe(-Infinity);

    // Staff and customer voices differ.
    expect(track.voices.staff).not.toEqual(track.voices.customer);
  });

  it('returns the cached track on the second call, and regenerates a corrupted entry', async () => {
    const opts = { cacheDir, seed: 7, noise: { colour: 'brown' as const, snrDb: 15 } };
    const first = await synthesizeConversation(dialogue, opts);
    const second = await synthesizeConversation(dialogue, opts);
    expect(first.fromCache).toBe(false);
    expect(second.fromCache).toBe(true);
    expect(second.cacheKey).toBe(first.cacheKey);
    expect(Buffer.from(second.pcm.buffer).equals(Buffer.from(first.pcm.buffer))).toBe(true);
    expect(second.timeline).toEqual(first.timeline);

    // Noise at 15 dB SNR: the pause before the first turn now carries noise ~15 dB below speech.
    const noiseLevel = rmsDbfs(first.pcm, 0, first.timeline[0]!.startSample);
    expect(noiseLevel).toBeGreaterThan(-60);
    expect(noiseLevel).toBeLessThan(-25);

    const dir = join(cacheDir, 'speech', first.cacheKey.slice(0, 2));
    const file = join(dir, (await readdir(dir)).find((n) => n.startsWith(first.cacheKey))!);
    const bytes = await readFile(file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 10) ^ 0xff, bytes.length - 10);
    await writeFile(file, bytes);
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (m: string) => warnings.push(m);
    try {
      const third = await synthesizeConversation(dialogue, opts);
      expect(third.fromCache).toBe(false);
      expect(Buffer.from(third.pcm.buffer).equals(Buffer.from(first.pcm.buffer))).toBe(true);
    } finally {
      console.warn = original;
    }
    expect(warnings.join('\n')).toMatch(/corrupt entry/);
    expect((await synthesizeConversation(dialogue, opts)).fromCache).toBe(true);
  });

  it('different seeds give different pauses and the same text', async () => {
    const a = await synthesizeConversation(dialogue, { cacheDir: false, seed: 1 });
    const b = await synthesizeConversation(dialogue, { cacheDir: false, seed: 2 });
    expect(a.cacheKey).not.toBe(b.cacheKey);
    expect(a.timeline.map((t) => t.text)).toEqual(b.timeline.map((t) => t.text));
  });

  it('rejects bad options and bad scripts with coded errors', async () => {
    await expect(synthesizeConversation(dialogue, { cacheDir: false, customerGainDb: -100 })).rejects.toSatisfy((e) =>
      isToolsError(e, 'SPEECH_INVALID_OPTIONS'),
    );
    expect(() => validateScript({ id: '../etc', turns: [{ role: 'staff', text: 'x' }] })).toThrow(/id must match/);
    expect(() => validateScript({ id: 'ok', turns: [{ role: 'boss', text: 'x' }] })).toThrow(/role/);
    expect(() => validateScript({ id: 'ok', turns: [] })).toThrow(/non-empty/);
  });

  it('loads corpus dialogues', async () => {
    const s = await loadCorpusScript(join(corpusDir, 'dev-001.json'));
    expect(s.id).toBe('dev-001');
    expect(s.turns.length).toBeGreaterThan(3);
    expect(s.turns[0]!.role).toBe('staff');
  });

  it('reports a missing program clearly', async () => {
    await expect(runProgram('espeak-ng-not-installed', [])).rejects.toSatisfy((e) => isToolsError(e, 'EXTERNAL_TOOL_MISSING'));
    await expect(runProgram('sox', ['-q', '/nonexistent.wav', '-n'])).rejects.toSatisfy((e) => isToolsError(e, 'EXTERNAL_TOOL_FAILED'));
  });
});
