// The Node platform's MQTT client is the shared mqtt.js one.
export { MqttJsClient as NodeMqtt, type MqttJsOptions as NodeMqttOptions } from '../mqtt-js/client.js';
