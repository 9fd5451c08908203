import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import multipart from '@fastify/multipart';
import Fastify from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPipeline, type Pipeline } from '../../src/index.js';
import { REAL_AUDIO, silentLogger, tempDir } from '../helpers.js';

function upload(callId: string, audio: Buffer) {
  const boundary = 'mnt' + callId;
  const meta = JSON.stringify({ callId, agentId: 'a1', direction: 'inbound', startTime: 1_790_000_000_000 });
  return {
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n${meta}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="audio"; filename="a.wav"\r\nContent-Type: audio/wav\r\n\r\n`),
      audio,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('mounting the pipeline routes in a host app', () => {
  let tmp: ReturnType<typeof tempDir>;
  let pipeline: Pipeline;
  beforeEach(() => {
    tmp = tempDir();
    pipeline = createPipeline({ dataDir: tmp.dir, logger: silentLogger(), asr: null, config: { upload: { maxBytes: 200_000 } } });
  });
  afterEach(async () => {
    await pipeline.close();
    tmp.cleanup();
  });

  it('works under any prefix, beside a host that registered multipart itself, and enforces the upload limit', async () => {
    const host = Fastify();
    await host.register(multipart);
    host.get('/healthz', async () => ({ ok: true }));
    await host.register(pipeline.routes, { prefix: '/api/v1' });
    await host.ready();
    try {
      const small = await host.inject({ method: 'POST', url: '/api/v1/calls', ...upload('small', readFileSync(join(REAL_AUDIO, '2.wav'))) });
      expect(small.statusCode, small.body).toBe(201);
      const big = await host.inject({ method: 'POST', url: '/api/v1/calls', ...upload('big', readFileSync(join(REAL_AUDIO, '4.wav'))) });
      expect(big.statusCode).toBe(413);
      expect(big.json().error).toBe('PAYLOAD_TOO_LARGE');
      expect((await host.inject({ url: '/api/v1/conversations' })).json().items.map((c: { id: string }) => c.id)).toEqual(['phone-small']);
      expect((await host.inject({ url: '/healthz' })).json()).toEqual({ ok: true });
    } finally {
      await host.close();
    }
  });
});
