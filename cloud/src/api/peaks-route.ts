/**
 * GET /conversations/:id/peaks: the recording's waveform as min/max pairs,
 * so the analyst app draws a long recording without downloading and decoding
 * it in the browser. Peaks are computed by the decode stage; a recording
 * decoded before peaks existed gets them on the first request (decoded once,
 * then stored). `maxPairs` picks the finest stored level that fits the view.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { join } from 'node:path';
import { PEAK_SCALE, peaksOfFile, pickLevel, type WaveformPeaks } from '../audio/peaks.js';
import { PipelineError } from '../errors.js';
import type { PipelineServices } from '../pipeline/create.js';
import { idParams } from './schemas.js';

const peaksQuery = Type.Object(
  { maxPairs: Type.Integer({ minimum: 100, maximum: 1_000_000, default: 20_000 }) },
  { additionalProperties: false },
);

export function peaksRoute(s: PipelineServices): FastifyPluginAsync {
  return async (app: FastifyInstance) => {
    // One decode per recording even when several viewers open it at once.
    const computing = new Map<string, Promise<WaveformPeaks>>();
    const peaksOf = (id: string, audioPath: string): Promise<WaveformPeaks> => {
      let p = computing.get(id);
      if (!p) {
        p = peaksOfFile(join(s.context.dataDir, audioPath))
          .then((peaks) => {
            s.store.setWaveformPeaks(id, peaks);
            s.logger.info({ conversationId: id, durationMs: peaks.durationMs }, 'waveform peaks computed on first request');
            return peaks;
          })
          .finally(() => computing.delete(id));
        computing.set(id, p);
      }
      return p;
    };

    app.get('/conversations/:id/peaks', { schema: { params: idParams, querystring: peaksQuery } }, async (req) => {
      const { id } = req.params as Static<typeof idParams>;
      const { maxPairs } = req.query as Static<typeof peaksQuery>;
      const c = s.store.getConversation(id);
      if (!c?.audioPath) throw new PipelineError('NOT_FOUND', `recording of ${id}`);
      const peaks = s.store.getWaveformPeaks(id) ?? (await peaksOf(id, c.audioPath));
      const level = pickLevel(peaks, maxPairs);
      if (!level) throw new PipelineError('STORE_CORRUPT', `waveform peaks of ${id} have no level`);
      const n = level.data.length / 2;
      const min = new Array<number>(n);
      const max = new Array<number>(n);
      for (let i = 0; i < n; i++) {
        min[i] = level.data[i * 2]!;
        max[i] = level.data[i * 2 + 1]!;
      }
      return { durationMs: peaks.durationMs, perSecond: level.perSecond, levels: peaks.levels.map((l) => l.perSecond), scale: PEAK_SCALE, min, max };
    });
  };
}
