// The browser platform's MQTT client is the shared mqtt.js one, over WebSocket to the gateway's `/mqtt`.
export { MqttJsClient as BrowserMqtt, type MqttJsOptions as BrowserMqttOptions } from '../mqtt-js/client.js';
