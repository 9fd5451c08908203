import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpusDecoder } from 'opus-decoder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isToolsError } from '../src/errors.js';
import { encodeConversation, encodeSilence } from '../src/opus/conversation-opus.js';
import { createOpusEncoder, type OpusBackendName } from '../src/opus/encoder.js';
import { encodePcm, encodedBytes, encodedDurationMs } from '../src/opus/encoded-audio.js';
import { readFrameFile, writeFrameFile } from '../src/opus/frame-file.js';
import { OpusFrameSource, type PaceClock } from '../src/opus/frame-source.js';
import { buildShiftPlaylist } from '../src/opus/shift-playlist.js';
import { vadFromEnergy, vadFromTimeline } from '../src/opus/vad.js';
import { synthesizeConversation } from '../src/speech/conversation-audio.js';
import { rmsDbfs } from '../src/speech/pcm.js';
import type { ConversationScript } from '../src/speech/script.js';

const dialogue: ConversationScript = {
  id: 'opus-short',
  origin: 'generated',
  turns: [
    { role: 'staff', text: '您好，欢迎光临，请问办理什么业务？' },
    { role: 'customer', text: '我想问问大额存单的利率。' },
    { role: 'staff', text: '三年期是百分之二点一五，二十万起存。' },
  ],
};

let cacheDir: string;
beforeAll(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'parley-opus-'));
});
afterAll(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

async function decode(packets: Uint8Array[]): Promise<Float32Array> {
  const decoder = new OpusDecoder({ sampleRate: 16000, channels: 1 });
  await decoder.ready;
  try {
    const out = decoder.decodeFrames(packets);
    expect(out.errors).toEqual([]);
    return out.channelData[0]!;
  } finally {
    decoder.free();
  }
}

describe.each<OpusBackendName>(['opus-recorder', 'opusscript'])('Opus encoding with %s', (backend) => {
  it('encodes speech that an independent decoder turns back into the same duration and levels', async () => {
    const track = await synthesizeConversation(dialogue, { cacheDir, customerGainJitterDb: 0 });
    const encoder = await createOpusEncoder({ backend, bitrate: 16000 });
    const audio = encodePcm(track.pcm, encoder);
    encoder.destroy();
    expect(audio.packets.length).toBe(track.durationMs / 20);
    expect(encodedDurationMs(audio)).toBe(track.durationMs);
    // 16 kbps ≈ 40 bytes per 20 ms frame on average (silence is much smaller).
    const speechFrames = vadFromTimeline(track.timeline, audio.packets.length, 320);
    let speechBytes = 0;
    let speechCount = 0;
    audio.packets.forEach((p, i) => {
      if (speechFrames[i]) {
        speechBytes += p.length;
        speechCount++;
      }
    });
    expect(speechBytes / speechCount).toBeGreaterThan(25);
    expect(speechBytes / speechCount).toBeLessThan(60);

    const pcm = await decode(audio.packets);
    expect(pcm.length).toBe(track.pcm.length);
    for (const t of track.timeline) {
      // Opus's own delay is a few ms; levels over a whole turn match within 2 dB.
      const decoded = rmsDbfs(pcm, t.startSample, t.endSample, 1);
      expect(Math.abs(decoded - t.levelDbfs)).toBeLessThan(2);
    }
  });

  it('rejects a frame of the wrong size', async () => {
    const encoder = await createOpusEncoder({ backend });
    expect(() => encoder.encode(new Int16Array(100))).toThrow(/expected 320/);
    encoder.destroy();
    expect(() => encoder.encode(new Int16Array(320))).toThrow(/destroyed/);
  });
});

describe('encodeConversation', () => {
  it('caches frames with their timeline and VAD, and reads them back identically', async () => {
    const first = await encodeConversation(dialogue, { cacheDir, opus: { bitrate: 12000 } });
    const second = await encodeConversation(dialogue, { cacheDir, opus: { bitrate: 12000 } });
    expect(first.fromCache).toBe(false);
    expect(second.fromCache).toBe(true);
    expect(second.audio.packets).toEqual(first.audio.packets);
    expect(second.audio.vad).toEqual(first.audio.vad);
    expect(second.timeline).toEqual(first.timeline);
    expect(first.audio.params.bitrate).toBe(12000);
    // VAD flags follow the timeline: on inside turns, off in the lead-in.
    const t0 = first.timeline[0]!;
    expect(first.audio.vad[Math.floor(t0.startSample / 320) + 5]).toBe(1);
    expect(first.audio.vad[0]).toBe(0);
    expect(encodedBytes(first.audio)).toBeGreaterThan(0);
  });

  it('can flag VAD from frame energy instead of the timeline', async () => {
    const speech = { noise: { colour: 'pink' as const, snrDb: 25 } };
    const truth = await encodeConversation(dialogue, { cacheDir, speech });
    const energy = await encodeConversation(dialogue, { cacheDir, speech, vad: { from: 'energy', thresholdDbfs: -45 } });
    expect(energy.fromCache).toBe(false); // a different VAD source is a different cache entry
    expect(energy.audio.packets).toEqual(truth.audio.packets);
    let agree = 0;
    truth.audio.vad.forEach((v, i) => {
      if (v === energy.audio.vad[i]) agree++;
    });
    // Speech is 25 dB above the noise: energy VAD agrees with the ground truth on most frames, but not all
    // (quiet syllable tails, pauses inside turns).
    expect(agree / truth.audio.vad.length).toBeGreaterThan(0.8);
    expect(energy.audio.vad).not.toEqual(truth.audio.vad);
  });

  it('bad options fail with a coded error', async () => {
    await expect(encodeConversation(dialogue, { cacheDir: false, opus: { frameMs: 25 } })).rejects.toSatisfy((e) =>
      isToolsError(e, 'OPUS_INVALID_OPTIONS'),
    );
    await expect(createOpusEncoder({ bitrate: 100 })).rejects.toThrow(/bitrate/);
  });
});

describe('frame file', () => {
  it('round-trips and detects truncation and damage', async () => {
    const silence = await encodeSilence(200);
    silence.vad[3] = 1;
    const file = writeFrameFile(silence, { hello: 'world' });
    const back = readFrameFile(file);
    expect(back.audio.packets).toEqual(silence.packets);
    expect(back.audio.vad).toEqual(silence.vad);
    expect(back.meta).toEqual({ hello: 'world' });
    expect(() => readFrameFile(file.subarray(0, file.length - 1))).toThrow(/runs past the end/);
    expect(() => readFrameFile(Buffer.concat([file, Buffer.from([0])]))).toThrow(/trailing/);
    const bad = Buffer.from(file);
    bad.write('XX', 0, 'latin1');
    expect(() => readFrameFile(bad)).toSatisfy((fn: () => unknown) => {
      try {
        fn();
        return false;
      } catch (e) {
        return isToolsError(e, 'FRAME_FILE_CORRUPT');
      }
    });
  });
});

describe('VAD', () => {
  it('marks frames from the timeline and from energy', () => {
    const flags = vadFromTimeline([{ startSample: 330, endSample: 700 }], 5, 320, 1);
    expect([...flags]).toEqual([0, 1, 1, 1, 0]);
    const pcm = new Int16Array(960);
    for (let i = 320; i < 640; i++) pcm[i] = i % 2 ? 3000 : -3000;
    expect([...vadFromEnergy(pcm, 320)]).toEqual([0, 1, 0]);
  });
});

describe('OpusFrameSource', () => {
  it('plays a shift playlist in order, loops, and decodes to the played duration', async () => {
    const conv = await encodeConversation(dialogue, { cacheDir });
    const playlist = await buildShiftPlaylist({ conversations: [conv, conv], gapMs: { min: 200, max: 400 }, seed: 3 });
    expect(playlist.map((i) => i.kind)).toEqual(['silence', 'audio', 'silence', 'audio']);
    const source = new OpusFrameSource(playlist, { loop: true, maxFrames: 0 });
    const perPass = source.framesPerPass;
    const looping = new OpusFrameSource(playlist, { loop: true, maxFrames: perPass + 10 });
    const frames = [];
    for (let f = looping.next(); f; f = looping.next()) frames.push(f);
    expect(frames.length).toBe(perPass + 10);
    expect(frames.at(-1)!.loop).toBe(1);
    expect(frames.map((f) => f.index)).toEqual(frames.map((_, i) => i));
    expect(frames[perPass]!.timeMs).toBe(perPass * 20);
    const speech = frames.filter((f) => f.vad).length;
    expect(speech).toBeGreaterThan(0);
    const pcm = await decode(frames.map((f) => f.data));
    expect(pcm.length).toBe(frames.length * 320);
    // Gaps decode to silence.
    expect(rmsDbfs(pcm, 0, 320 * 5, 1)).toBeLessThan(-60);
  });

  it('paces frames on the clock without drift, catching up when late', async () => {
    let now = 0;
    const sleeps: number[] = [];
    const clock: PaceClock = {
      now: () => now,
      sleep: async (ms) => {
        sleeps.push(ms);
        now += ms + (sleeps.length === 3 ? 55 : 0); // the third timer fires 55 ms late
      },
    };
    const silence = await encodeSilence(400);
    const source = new OpusFrameSource([{ kind: 'audio', label: 'a', audio: silence }], { pace: 'realtime', clock });
    const deliveredAt: number[] = [];
    const { frames } = await source.run(() => deliveredAt.push(now));
    expect(frames).toBe(20);
    deliveredAt.forEach((t, i) => {
      expect(t).toBeGreaterThanOrEqual(i * 20);
      expect(t).toBeLessThan(i * 20 + 20 + 55);
    });
    // Overall: the last frame is due at 380 ms; the lateness was absorbed, not accumulated.
    expect(deliveredAt.at(-1)).toBeLessThanOrEqual(400);
  });

  it('runs against the real clock at 5x speed, and stops on abort', async () => {
    const silence = await encodeSilence(1000);
    const source = new OpusFrameSource([{ kind: 'audio', label: 'a', audio: silence }], { pace: { speed: 5 } });
    const t0 = performance.now();
    const { frames } = await source.run(() => undefined);
    const elapsed = performance.now() - t0;
    expect(frames).toBe(50);
    expect(elapsed).toBeGreaterThan(170);
    expect(elapsed).toBeLessThan(600);

    const endless = new OpusFrameSource([{ kind: 'audio', label: 'a', audio: silence }], { pace: 'realtime', loop: true });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const result = await endless.run(() => undefined, ac.signal);
    expect(result.frames).toBeGreaterThanOrEqual(4);
    expect(result.frames).toBeLessThan(15);
    expect(endless.next()).toBeNull();
  });

  it('async iteration yields every frame', async () => {
    const silence = await encodeSilence(100);
    const source = new OpusFrameSource([{ kind: 'audio', label: 'a', audio: silence }]);
    const seen = [];
    for await (const f of source) seen.push(f.index);
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });
});
