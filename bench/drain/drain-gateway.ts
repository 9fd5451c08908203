/**
 * The drain benchmark's gateway: a real one (`build()` from @parley/gateway)
 * in this process, like tools' in-process gateway, but with the ingest's
 * `packedFrames` setting chosen, so one run can measure a gateway that takes
 * packed chunk frames and one that announces only the first protocol
 * version (its badges send the legacy form).
 */
import { build, createLogger, loadConfig, type ListenAddresses } from '@parley/gateway';
import type { Gateway } from '@parley/gateway';

export interface DrainGateway {
  gateway: Gateway;
  addresses: ListenAddresses;
  provision(deviceId: string): Promise<string>;
  configure(deviceId: string, settings: { chunkDurationMs: number; uploadPolicy: number }): Promise<void>;
  close(): Promise<void>;
}

export async function startDrainGateway(opts: { dataDir: string; packedFrames: boolean }): Promise<DrainGateway> {
  const config = loadConfig({
    base: {
      dataDir: opts.dataDir,
      host: '127.0.0.1',
      http: { port: 0 },
      mqtt: { port: 0, tlsPort: 0 },
      auth: { scryptCost: 1024 },
      log: { level: 'silent' },
      ingest: { packedFrames: opts.packedFrames },
    },
    env: {},
  });
  const gateway = await build({ config, logger: createLogger({ level: 'silent' }), processMetrics: false });
  let addresses: ListenAddresses;
  try {
    addresses = await gateway.listen();
  } catch (err) {
    await gateway.close();
    throw err;
  }
  return {
    gateway,
    addresses,
    provision: async (deviceId) => {
      const { secret } = await gateway.devices.provision({ id: deviceId, serial: `DRAIN-${deviceId}`, hardwareRevision: 'sim-1' }, { actor: 'bench' });
      return secret;
    },
    configure: async (deviceId, settings) => {
      await gateway.fleet.profiles.setProfile('device', deviceId, settings, { actor: 'bench' });
    },
    close: () => gateway.close(),
  };
}
