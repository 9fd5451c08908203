import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Type } from '@sinclair/typebox';
import { afterEach, describe, expect, it } from 'vitest';
import { composeConfigSchema, configLeaves, loadConfig } from '../../src/config/index.js';
import { isParleyError } from '../../src/errors.js';

const dirs: string[] = [];
function configFile(content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-cfg-'));
  dirs.push(dir);
  const file = join(dir, 'parley.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (isParleyError(err, 'CONFIG_INVALID')) return (err.details?.problems as string[] | undefined) ?? [err.message];
    throw err;
  }
  throw new Error('expected a CONFIG_INVALID error');
}

describe('loadConfig', () => {
  it('applies the documented defaults and freezes the result', () => {
    const config = loadConfig({ env: {}, cwd: '/srv/parley' });
    expect(config.dataDir).toBe('/srv/parley/data');
    expect(config.host).toBe('0.0.0.0');
    expect(config.http.port).toBe(8080);
    expect(config.mqtt).toMatchObject({ port: 1883, tlsPort: 8883, maxPacketBytes: 65_536, websocket: true, tls: { certFile: '', keyFile: '' } });
    expect(config.ingest.fsyncIntervalMs).toBe(50);
    expect(config.log.level).toBe('info');
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.mqtt.tls)).toBe(true);
    expect(() => {
      (config.http as { port: number }).port = 1;
    }).toThrow();
  });

  it('reads a file named by --config or PARLEY_CONFIG, and lets PARLEY_* variables override it', () => {
    const file = configFile({ http: { port: 9000 }, mqtt: { maxPacketBytes: 4096 }, dataDir: 'spool' });
    expect(loadConfig({ argv: ['--config', file], env: {}, cwd: '/x' })).toMatchObject({ http: { port: 9000 }, dataDir: '/x/spool' });
    expect(loadConfig({ argv: [`--config=${file}`], env: {} }).mqtt.maxPacketBytes).toBe(4096);
    const both = loadConfig({
      env: { PARLEY_CONFIG: file, PARLEY_HTTP_PORT: '9100', PARLEY_DATA_DIR: '/data/p', PARLEY_MQTT_WEBSOCKET: 'false', PARLEY_INGEST_FSYNC_MAX_CHUNKS: '8' },
    });
    expect(both).toMatchObject({ http: { port: 9100 }, dataDir: '/data/p', mqtt: { maxPacketBytes: 4096, websocket: false }, ingest: { fsyncMaxChunks: 8 } });
  });

  it('takes JSON arrays from the environment', () => {
    const services = [{ name: 'monitor', secretHash: 'scrypt$1024$8$1$c2FsdA==$a2V5', subscribe: ['badges/+/up/#'] }];
    const config = loadConfig({ env: { PARLEY_MQTT_SERVICES: JSON.stringify(services) } });
    expect(config.mqtt.services).toEqual([{ ...services[0], publish: [] }]);
  });

  it('rejects unknown keys in the file and unknown PARLEY_* variables, listing every problem', () => {
    const file = configFile({ http: { port: 1, prot: 2 }, nonsense: true, mqtt: { tls: { cert: 'x' } } });
    const problems = problemsOf(() => loadConfig({ argv: ['--config', file], env: { PARLEY_HTTP_PROT: '1', PARLEY_CONFIG: 'ignored-when-argv' } }));
    expect(problems).toEqual(
      expect.arrayContaining([
        'PARLEY_HTTP_PROT: unknown environment variable (no such configuration key)',
        'http.prot: unknown key',
        'nonsense: unknown key',
        'mqtt.tls.cert: unknown key',
      ]),
    );
  });

  it('rejects values of the wrong type or range', () => {
    const problems = problemsOf(() =>
      loadConfig({ env: { PARLEY_HTTP_PORT: 'eighty', PARLEY_MQTT_PORT: '70000', PARLEY_MQTT_WEBSOCKET: 'maybe', PARLEY_LOG_LEVEL: 'loud', PARLEY_MQTT_SERVICES: '[oops' } }),
    );
    expect(problems.join('\n')).toMatch(/PARLEY_HTTP_PORT: expected an integer, got 'eighty'/);
    expect(problems.join('\n')).toMatch(/PARLEY_MQTT_WEBSOCKET: expected true\/false/);
    expect(problems.join('\n')).toMatch(/PARLEY_MQTT_SERVICES: expected JSON/);
    expect(problems.some((p) => p.startsWith('mqtt.port:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('log.level:'))).toBe(true);
  });

  it('checks rules spanning keys: TLS needs both files, short admin tokens, duplicate services', () => {
    expect(problemsOf(() => loadConfig({ env: { PARLEY_MQTT_TLS_CERT_FILE: '/c.pem' } }))).toEqual(['mqtt.tls: set both certFile and keyFile, or neither']);
    expect(problemsOf(() => loadConfig({ env: { PARLEY_ADMIN_TOKEN: 'short' } }))).toEqual(['admin.token: must be at least 32 characters']);
    const svc = { name: 'a', secretHash: 'scrypt$1024$8$1$c2FsdA==$a2V5' };
    expect(problemsOf(() => loadConfig({ base: { mqtt: { services: [svc, svc] } } }))).toEqual(["mqtt.services: service 'a' is defined twice"]);
    expect(problemsOf(() => loadConfig({ env: { PARLEY_AUTH_SCRYPT_COST: '3000' } }))).toEqual(['auth.scryptCost: must be a power of two']);
  });

  it('reports unreadable or malformed files clearly', () => {
    expect(problemsOf(() => loadConfig({ argv: ['--config', '/nonexistent/parley.json'] }))[0]).toMatch(/cannot read config file \/nonexistent\/parley.json/);
    expect(problemsOf(() => loadConfig({ argv: ['--config', configFile('{ not json')] }))[0]).toMatch(/is not valid JSON/);
    expect(problemsOf(() => loadConfig({ argv: ['--config', configFile('[1]')] }))[0]).toMatch(/must hold a JSON object/);
    expect(problemsOf(() => loadConfig({ argv: ['--config'] }))[0]).toMatch(/--config needs a file path/);
  });

  it('composes extra sections from other modules, with their own defaults and env variables', () => {
    const analysis = Type.Object(
      { workers: Type.Integer({ minimum: 1, default: 2, description: 'Parallel jobs.' }) },
      { additionalProperties: false, default: {} },
    );
    const schema = composeConfigSchema({ analysis });
    const config = loadConfig({ schema, env: { PARLEY_ANALYSIS_WORKERS: '4' } });
    expect(config.analysis.workers).toBe(4);
    expect(config.http.port).toBe(8080);
    expect(loadConfig({ schema, env: {} }).analysis.workers).toBe(2);
    expect(problemsOf(() => loadConfig({ schema, base: { analysis: { speed: 1 } } }))).toEqual(['analysis.speed: unknown key']);
    expect(() => composeConfigSchema({ http: analysis })).toThrow(/already defined/);
  });

  it('gives every key a default, a description and a unique environment variable', () => {
    for (const leaf of configLeaves(composeConfigSchema())) {
      expect([leaf.env, 'default' in leaf.schema]).toEqual([leaf.env, true]);
      if (leaf.path[0] !== 'ingest') expect([leaf.env, typeof leaf.schema.description]).toEqual([leaf.env, 'string']);
    }
  });
});
