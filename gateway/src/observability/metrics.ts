import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The gateway's Prometheus metrics. `registry` is shared: other modules
 * (ingest, the analysis pipeline) register their own metrics on it and they
 * appear on GET /metrics.
 */
export interface GatewayMetrics {
  registry: Registry;
  /** MQTT clients connected and authenticated, by identity kind (device / service). */
  connectedClients: Gauge<'kind'>;
  /** PUBLISH packets accepted by the broker, by topic kind (e.g. chunk, hello) and direction (up / down / other). */
  publishes: Counter<'direction' | 'kind'>;
  /** Payload bytes of accepted PUBLISH packets, by direction. */
  publishBytes: Counter<'direction'>;
  /** Failed MQTT logins, by reason. */
  authFailures: Counter<'reason'>;
  /** Refused traffic by reason (oversized packets, forbidden topics, ...). Other modules may add reasons. */
  rejects: Counter<'reason'>;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): GatewayMetrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'parley_' });
  return {
    registry,
    connectedClients: new Gauge({
      name: 'parley_mqtt_connected_clients',
      help: 'Authenticated MQTT clients currently connected, by identity kind',
      labelNames: ['kind'],
      registers: [registry],
    }),
    publishes: new Counter({
      name: 'parley_mqtt_publishes_total',
      help: 'PUBLISH packets accepted, by direction and topic kind',
      labelNames: ['direction', 'kind'],
      registers: [registry],
    }),
    publishBytes: new Counter({
      name: 'parley_mqtt_publish_bytes_total',
      help: 'Payload bytes of accepted PUBLISH packets, by direction',
      labelNames: ['direction'],
      registers: [registry],
    }),
    authFailures: new Counter({
      name: 'parley_mqtt_auth_failures_total',
      help: 'Failed MQTT logins, by reason',
      labelNames: ['reason'],
      registers: [registry],
    }),
    rejects: new Counter({
      name: 'parley_rejects_total',
      help: 'Refused packets, connections and messages, by reason',
      labelNames: ['reason'],
      registers: [registry],
    }),
  };
}
