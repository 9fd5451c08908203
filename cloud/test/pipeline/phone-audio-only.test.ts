import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { build, type AsrEngine, type Pipeline } from '../../src/index.js';
import { REAL_AUDIO, makeStereoPhoneWav, run, silentLogger, tempDir } from '../helpers.js';

/** A phone call with audio only: VAD per channel, roles by channel, ASR per segment. */
describe('phone call without a transcript', { timeout: 30_000 }, () => {
  let tmp: ReturnType<typeof tempDir>;
  let app: FastifyInstance;
  let pipeline: Pipeline;
  const heard: Array<{ samples: number }> = [];

  beforeEach(async () => {
    tmp = tempDir();
    heard.length = 0;
    const asr: AsrEngine = {
      description: 'echo engine',
      transcribe: async (samples) => {
        heard.push({ samples: samples.length });
        return { text: `第${heard.length}句`, confidence: 0.5 };
      },
      close: async () => {},
    };
    ({ app, pipeline } = await build({ dataDir: join(tmp.dir, 'data'), logger: silentLogger(), asr, config: { stages: { pollMs: 20 } } }));
  });
  afterEach(async () => {
    await app.close();
    tmp.cleanup();
  });

  async function upload(callId: string, file: string, type: string, extra: Record<string, unknown> = {}) {
    const boundary = 'b' + callId;
    const meta = JSON.stringify({ callId, agentId: 'agent-2', direction: 'inbound', startTime: 1_790_000_000_000, ...extra });
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n${meta}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="audio"; filename="a"\r\nContent-Type: ${type}\r\n\r\n`),
      readFileSync(file),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await app.inject({ method: 'POST', url: '/api/v1/cloud/calls', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(res.statusCode, res.body).toBe(201);
    await pipeline.whenIdle();
    return (await app.inject({ url: `/api/v1/cloud/conversations/phone-${callId}` })).json();
  }

  it('stereo WAV: each channel is segmented on its own and its role comes from the channel', async () => {
    const d = await upload('st-1', makeStereoPhoneWav(tmp.dir), 'audio/wav', { agentChannel: 1 });
    expect(d.state).toBe('analyzed');
    expect(d.transcriptSource).toBeNull();
    const byChannel = (ch: number) => d.segments.filter((s: { channel: number }) => s.channel === ch);
    expect(byChannel(0).length).toBeGreaterThan(0);
    expect(byChannel(1).length).toBeGreaterThan(0);
    expect(byChannel(1).every((s: { role: string }) => s.role === 'staff')).toBe(true); // agentChannel: 1
    expect(byChannel(0).every((s: { role: string }) => s.role === 'customer')).toBe(true);
    // the right channel (1.wav, ~5 s) has no speech after its clip ends
    expect(byChannel(1).every((s: { endMs: number }) => s.endMs < 5_600)).toBe(true);
    expect(heard).toHaveLength(d.segments.length);
    expect(d.segments.every((s: { text: string }) => /^第\d+句$/.test(s.text))).toBe(true);
  });

  it('mono MP3 and Ogg Opus uploads go through decode and VAD', async () => {
    const mp3 = join(tmp.dir, 'call.mp3');
    run('ffmpeg', ['-loglevel', 'error', '-y', '-i', join(REAL_AUDIO, 'phone-8k.wav'), '-b:a', '32k', mp3]);
    const a = await upload('mp3-1', mp3, 'audio/mpeg');
    expect(a).toMatchObject({ state: 'analyzed', audioFormat: 'mp3' });
    expect(a.durationMs).toBeGreaterThan(17_000);
    expect(a.segments.length).toBeGreaterThan(0);
    expect(a.segments.every((s: { role: string }) => s.role === 'other')).toBe(true); // mono, no labels
    const ogg = join(tmp.dir, 'call.ogg');
    run('opusenc', ['--quiet', join(REAL_AUDIO, '0.wav'), ogg]);
    const b = await upload('ogg-1', ogg, 'audio/ogg');
    expect(b).toMatchObject({ state: 'analyzed', audioFormat: 'ogg_opus' });
    expect(b.segments.length).toBeGreaterThan(0);
  });
});
