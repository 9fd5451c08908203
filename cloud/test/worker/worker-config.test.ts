import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPipelineError } from '../../src/errors.js';
import { loadWorkerConfig } from '../../src/worker/config.js';
import { tempDir } from '../helpers.js';

const PG = { PARLEY_PIPELINE_STORE: 'postgres', PARLEY_PIPELINE_POSTGRES_URL: 'postgres://parley@db/parley' };

function failure(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    expect(isPipelineError(err, 'CONFIG_INVALID')).toBe(true);
    return err as Error;
  }
  throw new Error('expected CONFIG_INVALID');
}

describe('pipeline worker configuration', () => {
  it("reads the main job's file and PARLEY_* variables: dataDir, log level and the pipeline section, nothing else", () => {
    const tmp = tempDir();
    try {
      const file = join(tmp.dir, 'parley.json');
      writeFileSync(
        file,
        JSON.stringify({
          dataDir: 'var/parley',
          http: { port: 8081 },
          mqtt: { port: 1884 },
          log: { level: 'warn' },
          pipeline: { store: 'postgres', postgres: { url: 'postgres://file@db/parley' }, stages: { runInProcess: false, concurrency: 3 }, analysis: { workers: 2 } },
        }),
      );
      const c = loadWorkerConfig({
        argv: ['--config', file],
        cwd: tmp.dir,
        env: { PARLEY_PIPELINE_ANALYSIS_WORKERS: '3', PARLEY_PIPELINE_WORKER_PORT: '9500', PARLEY_HTTP_PORT: '9000', PARLEY_INGEST_GROUP_COMMIT_MS: '5' },
      });
      expect(c.dataDir).toBe(join(tmp.dir, 'var', 'parley'));
      expect(c.logLevel).toBe('warn');
      expect(c.pipeline.postgres.url).toBe('postgres://file@db/parley');
      expect(c.pipeline.stages.concurrency).toBe(3);
      expect(c.pipeline.analysis.workers).toBe(3); // the environment overrides the file
      expect(c.pipeline.worker.port).toBe(9500);
      expect(c.pipeline.stages.runInProcess).toBe(true); // the main job's switch: a worker always runs stages

      const viaEnv = loadWorkerConfig({ env: { ...PG, PARLEY_CONFIG: file, PARLEY_DATA_DIR: '/srv/parley', PARLEY_LOG_LEVEL: 'debug' }, cwd: tmp.dir });
      expect(viaEnv).toMatchObject({ dataDir: '/srv/parley', logLevel: 'debug' });
      expect(viaEnv.pipeline.postgres.url).toBe('postgres://parley@db/parley');
    } finally {
      tmp.cleanup();
    }
  });

  it('defaults like the main job: ./data and info', () => {
    const c = loadWorkerConfig({ env: PG, cwd: '/opt/parley' });
    expect(c).toMatchObject({ dataDir: '/opt/parley/data', logLevel: 'info' });
    expect(c.pipeline.worker).toEqual({ host: '0.0.0.0', port: 9464, rulesPollMs: 2000, recordingsCheckCount: 20 });
  });

  it('refuses SQLite (single-process) with the reason, and lists every other problem', () => {
    expect(failure(() => loadWorkerConfig({ env: {} })).message).toMatch(/pipeline\.store: a pipeline worker needs 'postgres'.*SQLite is single-process/);
    expect(failure(() => loadWorkerConfig({ env: { PARLEY_PIPELINE_STORE: 'postgres' } })).message).toMatch(/postgres\/url is required/);
    const many = failure(() =>
      loadWorkerConfig({ env: { ...PG, PARLEY_PIPELINE_STAGES_CONCURENCY: '2', PARLEY_PIPELINE_WORKER_PORT: 'eighty', PARLEY_LOG_LEVEL: 'loud' } }),
    ).message;
    expect(many).toMatch(/PARLEY_PIPELINE_STAGES_CONCURENCY: unknown environment variable/);
    expect(many).toMatch(/PARLEY_PIPELINE_WORKER_PORT: expected an integer, got 'eighty'/);
    expect(many).toMatch(/log\.level: must be one of/);
    expect(failure(() => loadWorkerConfig({ env: { ...PG, PARLEY_PIPELINE_STAGES_CONCURRENCY: '99' } })).message).toMatch(/stages\/concurrency/);
    expect(failure(() => loadWorkerConfig({ env: PG, argv: ['--config'] })).message).toMatch(/--config needs a file path/);
    expect(failure(() => loadWorkerConfig({ env: PG, argv: ['--port', '1'] })).message).toMatch(/unknown argument/);
    expect(failure(() => loadWorkerConfig({ env: PG, argv: ['--config=/no/such/file.json'] })).message).toMatch(/\/no\/such\/file\.json/);
  });
});
