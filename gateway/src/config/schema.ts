import { Type, type Static, type TObject } from '@sinclair/typebox';
import { ingestConfigSchema } from '../ingest/config.js';

/**
 * The gateway's configuration schema. Each module owns one section (a TypeBox
 * object whose every field has a default, so `{}` is valid) and the root
 * composes them; a module mounted later (e.g. the analysis pipeline) passes
 * its own sections to `composeConfigSchema`. Descriptions here are the
 * documentation: docs/configuration.md is generated from them.
 */

const port = (description: string, defaultPort: number) =>
  Type.Integer({ minimum: 0, maximum: 65_535, default: defaultPort, description });

export const httpConfigSchema = Type.Object(
  {
    port: port('HTTP port: REST API, web UIs, /healthz, /metrics and MQTT over WebSocket at /mqtt. 0 picks a free port.', 8080),
    bodyLimitBytes: Type.Integer({ minimum: 1024, default: 1_048_576, description: 'Largest accepted HTTP request body.' }),
    trustProxy: Type.Boolean({
      default: false,
      description:
        'Trust X-Forwarded-* headers (only behind a reverse proxy you control): request logs and MQTT-over-WebSocket lockouts then use the forwarded client address.',
    }),
  },
  { additionalProperties: false, default: {} },
);

export const mqttServiceSchema = Type.Object(
  {
    name: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,63}$', description: 'Service name; it connects with username `svc:<name>`.' }),
    secretHash: Type.String({ pattern: '^scrypt\\$', description: 'scrypt hash of its secret (`npx tsx gateway/src/cli/hash-secret.ts`).' }),
    publish: Type.Array(Type.String({ minLength: 1 }), { default: [], description: 'Topic filters it may publish to.' }),
    subscribe: Type.Array(Type.String({ minLength: 1 }), { default: [], description: 'Topic filters it may subscribe to (its filters must lie inside these).' }),
  },
  { additionalProperties: false },
);

export const mqttConfigSchema = Type.Object(
  {
    port: port('MQTT over TCP port. 0 picks a free port.', 1883),
    tlsPort: port('MQTT over TLS port; listens only when `mqtt.tls.certFile` and `mqtt.tls.keyFile` are set.', 8883),
    tls: Type.Object(
      {
        certFile: Type.String({ default: '', description: 'PEM certificate (chain) file for the TLS listener; empty disables TLS.' }),
        keyFile: Type.String({ default: '', description: 'PEM private key file for the TLS listener; empty disables TLS.' }),
      },
      { additionalProperties: false, default: {} },
    ),
    websocket: Type.Boolean({ default: true, description: 'Serve MQTT over WebSocket at /mqtt on the HTTP port.' }),
    maxPacketBytes: Type.Integer({
      minimum: 1024,
      maximum: 268_435_455,
      default: 65_536,
      description: 'Largest MQTT packet accepted (remaining length); a bigger one closes the connection before it is buffered.',
    }),
    connectTimeoutMs: Type.Integer({ minimum: 100, default: 30_000, description: 'A connection that sends no CONNECT within this time is closed.' }),
    maxPendingPerAddress: Type.Integer({
      minimum: 1,
      default: 1_000,
      description: 'Connections from one source address not yet past authentication; more are closed at once (holds off socket floods).',
    }),
    keepaliveLimitS: Type.Integer({ minimum: 0, maximum: 65_535, default: 0, description: 'Refuse clients whose keepalive exceeds this (seconds); 0 means no limit.' }),
    services: Type.Array(mqttServiceSchema, {
      default: [],
      description: 'Internal/admin MQTT identities (username `svc:<name>`), each with its own secret and topic permissions.',
    }),
  },
  { additionalProperties: false, default: {} },
);

export const authConfigSchema = Type.Object(
  {
    maxFailuresPerDevice: Type.Integer({ minimum: 1, default: 5, description: 'Failed MQTT logins for one device id before it is locked out.' }),
    maxFailuresPerAddress: Type.Integer({ minimum: 1, default: 50, description: 'Failed MQTT logins from one source address before it is locked out.' }),
    lockoutBaseMs: Type.Integer({ minimum: 1, default: 1_000, description: 'First lockout; each further failure doubles it.' }),
    lockoutMaxMs: Type.Integer({ minimum: 1, default: 900_000, description: 'Longest lockout.' }),
    failureWindowMs: Type.Integer({ minimum: 1, default: 600_000, description: 'Failures older than this (with no newer one) are forgotten.' }),
    maxTrackedKeys: Type.Integer({ minimum: 100, default: 100_000, description: 'Most device ids/addresses tracked by the limiter (oldest forgotten first).' }),
    scryptCost: Type.Integer({
      minimum: 1024,
      default: 4_096,
      description:
        'scrypt N for newly hashed secrets (power of two). Secrets are 256-bit random, so a low cost loses no security and keeps reconnect storms cheap (~15 ms per check here).',
    }),
    scryptConcurrency: Type.Integer({
      minimum: 1,
      maximum: 4,
      default: 2,
      description: 'Secret checks run at once (each holds a libuv thread that ingest fsyncs also need).',
    }),
  },
  { additionalProperties: false, default: {} },
);

export const adminConfigSchema = Type.Object(
  {
    token: Type.String({
      default: '',
      description:
        'Bearer token for the admin API (at least 32 characters). Empty: a random token is created in `<dataDir>/admin-token` (mode 0600) on first start.',
    }),
  },
  { additionalProperties: false, default: {} },
);

export const logConfigSchema = Type.Object(
  {
    level: Type.Union(
      [
        Type.Literal('fatal'),
        Type.Literal('error'),
        Type.Literal('warn'),
        Type.Literal('info'),
        Type.Literal('debug'),
        Type.Literal('trace'),
        Type.Literal('silent'),
      ],
      { default: 'info', description: 'pino log level.' },
    ),
  },
  { additionalProperties: false, default: {} },
);

/** The gateway core's sections; `composeConfigSchema` adds more. */
export const coreConfigProperties = {
  dataDir: Type.String({ minLength: 1, default: './data', description: 'Directory for the database and audio (created if missing).' }),
  host: Type.String({ minLength: 1, default: '0.0.0.0', description: 'Address every listener binds to.' }),
  http: httpConfigSchema,
  mqtt: mqttConfigSchema,
  auth: authConfigSchema,
  admin: adminConfigSchema,
  log: logConfigSchema,
  // Owned by ingest (gateway/src/ingest/config.ts). docs/configuration.md is generated from
  // these schemas and a test fails on drift: after changing a section, run
  // `npx tsx gateway/src/config/write-docs.ts` and commit the doc with it. A field's
  // `description` becomes its documentation.
  ingest: Type.Object(ingestConfigSchema.properties, {
    additionalProperties: false,
    default: {},
    description: 'Ingest: group commit, chunk limits, session timeouts, outbox retries.',
  }),
};

export type CoreConfigProperties = typeof coreConfigProperties;

/** Root schema: the core sections plus `extra` ones (section name -> object schema whose fields all have defaults). */
export function composeConfigSchema<E extends Record<string, TObject> = Record<never, never>>(extra?: E): TObject<CoreConfigProperties & E> {
  const extraProps = extra ?? ({} as E);
  for (const key of Object.keys(extraProps)) {
    if (key in coreConfigProperties) throw new Error(`config section '${key}' is already defined by the gateway core`);
  }
  return Type.Object({ ...coreConfigProperties, ...extraProps } as CoreConfigProperties & E, { additionalProperties: false });
}

export const gatewayConfigSchema = composeConfigSchema();
export type GatewayConfig = Static<typeof gatewayConfigSchema>;
export type MqttServiceConfig = Static<typeof mqttServiceSchema>;
