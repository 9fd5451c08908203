/**
 * A real gateway (`build()` from @parley/gateway: aedes, ingest, SQLite,
 * fastify) in this process on free ports, with its data in a directory of
 * the caller's, for the simulator, the end-to-end suite and benchmarks.
 * Badges are provisioned through the gateway's own device registry, so they
 * get real secrets checked by the broker's authenticator.
 */
import { build, createLogger, loadConfig } from '@parley/gateway';
import type { Gateway, GatewayExtension, ListenAddresses } from '@parley/gateway';
import type { SimulatorGateway } from './simulator.js';

export interface InProcessGatewayOptions {
  dataDir: string;
  /** pino level (default silent). */
  logLevel?: 'silent' | 'error' | 'warn' | 'info' | 'debug';
  /** Cheap scrypt for tests (default 1024; production uses the gateway's default). */
  scryptCost?: number;
  /** Mounted into the gateway (e.g. the web badge page). */
  extensions?: readonly GatewayExtension[];
  /** Ingest settings other than the defaults (e.g. `packedFrames: false` for a gateway of the first protocol version). */
  ingest?: Record<string, unknown>;
}

export interface InProcessGateway {
  gateway: Gateway;
  addresses: ListenAddresses;
  mqttUrl: string;
  httpUrl: string;
  provisioner(mqttUrl?: string): SimulatorGateway;
  close(): Promise<void>;
}

export async function startInProcessGateway(opts: InProcessGatewayOptions): Promise<InProcessGateway> {
  const level = opts.logLevel ?? 'silent';
  const config = loadConfig({
    base: {
      dataDir: opts.dataDir,
      host: '127.0.0.1',
      http: { port: 0 },
      mqtt: { port: 0, tlsPort: 0 },
      auth: { scryptCost: opts.scryptCost ?? 1024 },
      log: { level },
      ...(opts.ingest ? { ingest: opts.ingest } : {}),
    },
    env: {},
  });
  const gateway = await build({ config, logger: createLogger({ level }), processMetrics: false, extensions: opts.extensions });
  let addresses: ListenAddresses;
  try {
    addresses = await gateway.listen();
  } catch (err) {
    await gateway.close();
    throw err;
  }
  const mqttUrl = `mqtt://127.0.0.1:${addresses.mqtt}`;
  let serial = 0;
  return {
    gateway,
    addresses,
    mqttUrl,
    httpUrl: `http://127.0.0.1:${addresses.http}`,
    provisioner: (url = mqttUrl) => ({
      mqttUrl: url,
      provision: async (deviceId) => {
        const { secret } = await gateway.devices.provision({ id: deviceId, serial: `SIM-${++serial}`, hardwareRevision: 'sim-1' }, { actor: 'simulator' });
        return secret;
      },
      configure: async (deviceId, settings) => {
        await gateway.fleet.profiles.setProfile('device', deviceId, settings, { actor: 'simulator' });
      },
    }),
    close: () => gateway.close(),
  };
}
