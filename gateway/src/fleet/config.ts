import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/**
 * Fleet settings (alert thresholds, webhook, sweeps). Every field has a
 * default so `{}` is valid; meant to be composed into the gateway config as
 * section `fleet`, like `ingest`.
 */
export const fleetConfigSchema = Type.Object(
  {
    alertIntervalMs: Type.Integer({ minimum: 1_000, default: 60_000, description: 'How often alert rules are evaluated (ms).' }),
    alertWebhookUrl: Type.String({ default: '', description: 'http(s) URL that receives every opened and resolved alert as a JSON POST; empty: none.' }),
    alertWebhookTimeoutMs: Type.Integer({ minimum: 100, default: 5_000, description: 'Webhook request timeout (ms); failures are logged and retried at the next evaluation.' }),
    offlineAfterHours: Type.Number({ minimum: 0.01, default: 4, description: 'Alert when a badge has been offline this long within its working hours (all hours when it has none).' }),
    batteryLowPercent: Type.Integer({ minimum: 1, maximum: 100, default: 15, description: 'Alert below this battery level when not charging.' }),
    flashThresholdsPercent: Type.Array(Type.Integer({ minimum: 1, maximum: 100 }), { default: [80, 90, 95], description: 'Flash use levels that raise the flash alert (the highest crossed is reported).' }),
    backlogGrowingMinSeconds: Type.Integer({ minimum: 0, default: 600, description: 'Backlog alert: the last samples must grow and end above this many seconds of audio.' }),
    backlogGrowingSamples: Type.Integer({ minimum: 2, maximum: 100, default: 3, description: 'Backlog alert: how many consecutive growing samples (one per minute at most).' }),
    clockUnsyncedAfterMs: Type.Integer({ minimum: 0, default: 600_000, description: 'Alert when a badge reports an unsynced clock for this long (ms).' }),
    authFailuresThreshold: Type.Integer({ minimum: 1, default: 5, description: 'Alert when a device id collects this many refused MQTT logins within authFailuresWindowMs.' }),
    authFailuresWindowMs: Type.Integer({ minimum: 1_000, default: 3_600_000, description: 'Window for authFailuresThreshold (ms).' }),
    healthRetentionDays: Type.Integer({ minimum: 1, default: 90, description: 'Health samples older than this are deleted.' }),
  },
  { additionalProperties: false, default: {} },
);
export type FleetConfig = Static<typeof fleetConfigSchema>;

/** Fills defaults and validates (throws on an invalid value). */
export function resolveFleetConfig(partial: Partial<FleetConfig> = {}): FleetConfig {
  const value = Value.Default(fleetConfigSchema, structuredClone(partial)) as FleetConfig;
  if (!Value.Check(fleetConfigSchema, value)) {
    const first = [...Value.Errors(fleetConfigSchema, value)][0];
    throw new Error(`fleet config: ${first ? `${first.path} ${first.message}` : 'invalid'}`);
  }
  if (value.alertWebhookUrl !== '' && !/^https?:\/\//.test(value.alertWebhookUrl)) throw new Error('fleet config: alertWebhookUrl must be http(s)');
  return value;
}
