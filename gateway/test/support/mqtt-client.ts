import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';

export interface ConnectOutcome {
  client: MqttClient | null;
  /** CONNACK return code (0 = accepted). */
  returnCode: number;
}

/** Connects with mqtt.js (no reconnects) and reports the CONNACK return code. */
export function connect(url: string, options: IClientOptions): Promise<ConnectOutcome> {
  return new Promise((resolve, reject) => {
    const client = mqtt.connect(url, { protocolVersion: 4, reconnectPeriod: 0, connectTimeout: 5_000, clean: true, ...options });
    const timer = setTimeout(() => {
      client.end(true);
      reject(new Error('no CONNACK within 5 s'));
    }, 5_000);
    client.once('connect', () => {
      clearTimeout(timer);
      resolve({ client, returnCode: 0 });
    });
    client.once('error', (err) => {
      clearTimeout(timer);
      client.end(true);
      const code = (err as { code?: number }).code;
      if (typeof code === 'number') resolve({ client: null, returnCode: code });
      else reject(err);
    });
  });
}

/** Resolves when the client's connection closes (or after `ms`, with false). */
export function closed(client: MqttClient, ms = 3_000): Promise<boolean> {
  return new Promise((resolve) => {
    if (!client.connected) return resolve(true);
    const timer = setTimeout(() => resolve(false), ms);
    client.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export function end(client: MqttClient | null): Promise<void> {
  return new Promise((resolve) => (client ? client.end(true, {}, () => resolve()) : resolve()));
}

/** Subscribes and returns the granted QoS from the SUBACK (128 = refused). */
export async function grantedQos(client: MqttClient, filter: string, qos: 0 | 1 = 1): Promise<number> {
  try {
    const granted = await client.subscribeAsync(filter, { qos });
    return granted[0]!.qos;
  } catch (err) {
    const packet = (err as { packet?: { granted?: number[] } }).packet;
    if (packet?.granted?.[0] !== undefined) return packet.granted[0];
    if ((err as Error).message.startsWith('Subscribe error')) return 128;
    throw err;
  }
}
