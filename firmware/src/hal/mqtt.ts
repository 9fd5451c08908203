/**
 * An MQTT 3.1.1 client shaped after Espruino's `require("MQTT")`: created with
 * the server and credentials, `connect()`, events for connected, disconnected
 * and publish. Binary payloads only (the Espruino adapter converts them with
 * `E.toString`). Clean session is always on and QoS 1 publishes are never
 * retransmitted by the client: the firmware's own acks make delivery reliable.
 */
export interface MqttHandlers {
  connected(): void;
  disconnected(reason: string): void;
  message(topic: string, payload: Uint8Array): void;
}

export interface MqttClient {
  setHandlers(handlers: MqttHandlers): void;
  /** Starts connecting; `connected` or `disconnected` follows. */
  connect(): void;
  /** Closes the connection; `disconnected` follows if it was open. */
  disconnect(): void;
  isConnected(): boolean;
  /** Returns false when the message could not be handed to the network. */
  publish(topic: string, payload: Uint8Array, qos: 0 | 1): boolean;
  subscribe(topic: string, qos: 0 | 1): void;
}
