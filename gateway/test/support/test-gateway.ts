import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type BuildOptions, type Gateway, type ListenAddresses } from '../../src/app.js';
import { loadConfig } from '../../src/config/load.js';
import { createLogger } from '../../src/observability/logger.js';

export interface TestGateway {
  gateway: Gateway;
  addresses: ListenAddresses;
  dataDir: string;
  /** Provisions a device and returns its secret. */
  provision(id: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * A real gateway on 127.0.0.1 with free ports, a temporary data directory,
 * silent logs and a cheap scrypt cost. `settings` overrides config keys.
 */
export async function startTestGateway(
  settings: Record<string, unknown> = {},
  options: Omit<BuildOptions, 'config'> & { listen?: boolean } = {},
): Promise<TestGateway> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-gw-'));
  const base = {
    dataDir,
    host: '127.0.0.1',
    http: { port: 0 },
    mqtt: { port: 0, tlsPort: 0 },
    auth: { scryptCost: 1024 },
    log: { level: 'silent' },
  };
  const config = loadConfig({ base: mergeDeep(base, settings), env: {} });
  const gateway = await build({ logger: createLogger({ level: config.log.level }), processMetrics: false, ...options, config });
  const addresses = options.listen === false ? { host: '127.0.0.1', http: 0, mqtt: 0, mqtts: null } : await gateway.listen();
  let serial = 0;
  return {
    gateway,
    addresses,
    dataDir,
    async provision(id: string) {
      serial += 1;
      const { secret } = await gateway.devices.provision({ id, serial: `SN-${id}-${serial}`, hardwareRevision: 'r1' }, { actor: 'test' });
      return secret;
    },
    async stop() {
      await gateway.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function mergeDeep(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const current = out[key];
    out[key] =
      typeof current === 'object' && current !== null && !Array.isArray(current) && typeof value === 'object' && value !== null && !Array.isArray(value)
        ? mergeDeep(current as Record<string, unknown>, value as Record<string, unknown>)
        : value;
  }
  return out;
}
