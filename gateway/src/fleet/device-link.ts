import type { AedesPublishPacket, Client } from 'aedes';
import type { Logger } from 'pino';
import { decodeUp, downTopic, encodeDown, parseTopic, pb, QOS, type DownKind, type DownMessages } from '@parley/proto';
import type { MqttBroker } from '../broker/broker.js';
import type { CommandQueue } from './commands.js';
import type { ConfigProfiles } from './config-profiles.js';
import type { HealthStore } from './health.js';

export interface DeviceLinkDeps {
  broker: MqttBroker;
  profiles: ConfigProfiles;
  commands: CommandQueue;
  health: HealthStore;
  logger: Logger;
  now: () => number;
  /** A badge said Hello (the registry records the firmware version it runs). */
  onHello?: (deviceId: string, hello: ReturnType<typeof decodeUp<'hello'>>) => void;
  /** Extra handlers (alerts, rollouts) for what badges report. */
  onEvent?: (deviceId: string, event: ReturnType<typeof decodeUp<'event'>>) => void;
  onFirmwareRequest?: (deviceId: string, request: ReturnType<typeof decodeUp<'firmware-request'>>) => void;
}

/**
 * The fleet's MQTT side. Reads what badges report (Hello, Telemetry,
 * Event, CommandResult, FirmwareRequest) off the broker's publish stream,
 * and sends them their config (retained, re-sent on a Hello that reports
 * another version) and queued commands (after each Hello, and at once to a
 * badge that is online). The ingest answers the Hello itself.
 */
export class DeviceLink {
  private readonly log: Logger;
  private readonly listener: (packet: AedesPublishPacket, client: Client | null) => void;

  constructor(private readonly deps: DeviceLinkDeps) {
    this.log = deps.logger.child({ module: 'fleet' });
    this.listener = (packet, client) => {
      if (!client) return;
      const topic = parseTopic(packet.topic);
      if (!topic || topic.direction !== 'up') return;
      const identity = deps.broker.identityOf(client);
      if (identity?.kind !== 'device' || identity.deviceId !== topic.deviceId) return;
      try {
        this.onUp(topic.deviceId, topic.kind, packet.payload as Buffer);
      } catch (err) {
        this.log.warn({ err, deviceId: topic.deviceId, kind: topic.kind }, `fleet could not use ${topic.kind} from ${topic.deviceId}`);
      }
    };
    deps.broker.aedes.on('publish', this.listener);
    deps.profiles.onChange((deviceId, config) => this.publishConfig(deviceId, config));
  }

  close(): void {
    this.deps.broker.aedes.removeListener('publish', this.listener);
  }

  /** Sends a device its pending commands now, if it is online. */
  deliverCommands(deviceId: string): number {
    if (!this.deps.broker.isOnline(deviceId)) return 0;
    const commands = this.deps.commands.takeDeliverable(deviceId);
    for (const command of commands) this.publish(deviceId, 'command', command, false);
    return commands.length;
  }

  /** Publishes (retained) a device's current config. */
  publishConfig(deviceId: string, config: DownMessages['config']): void {
    this.publish(deviceId, 'config', config, true);
  }

  /** Removes a device's retained config (retired or revoked devices keep no Wi-Fi credentials on the broker). */
  clearConfig(deviceId: string): void {
    this.deps.broker.aedes.publish(
      { cmd: 'publish', topic: downTopic(deviceId, 'config'), payload: Buffer.alloc(0), qos: QOS, retain: true, dup: false },
      (err) => {
        if (err) this.log.error({ err, deviceId }, 'could not clear the retained config');
      },
    );
  }

  publish<K extends DownKind>(deviceId: string, kind: K, message: DownMessages[K], retain: boolean): void {
    const payload = Buffer.from(encodeDown(kind, message));
    this.deps.broker.aedes.publish({ cmd: 'publish', topic: downTopic(deviceId, kind), payload, qos: QOS, retain, dup: false }, (err) => {
      if (err) this.log.error({ err, deviceId, kind }, 'could not publish to the badge');
    });
  }

  private onUp(deviceId: string, kind: string, payload: Buffer): void {
    const atMs = this.deps.now();
    const { profiles, commands, health } = this.deps;
    switch (kind) {
      case 'hello': {
        const hello = decodeUp('hello', payload);
        health.recordHello(deviceId, hello, atMs);
        this.deps.onHello?.(deviceId, hello);
        profiles.recordApplied(deviceId, hello.configVersion, atMs);
        const state = profiles.refresh(deviceId);
        if (hello.configVersion !== state.wantedVersion) this.publishConfig(deviceId, state.config);
        this.deliverCommands(deviceId);
        return;
      }
      case 'telemetry': {
        const telemetry = decodeUp('telemetry', payload);
        health.recordTelemetry(deviceId, telemetry, atMs);
        profiles.recordApplied(deviceId, telemetry.configVersion, atMs);
        return;
      }
      case 'event': {
        const event = decodeUp('event', payload);
        if (event.kind === pb.EventKind.EVENT_KIND_CONFIG_APPLIED) profiles.recordApplied(deviceId, event.value, atMs);
        if (event.kind === pb.EventKind.EVENT_KIND_STATE_CHANGE) health.recordState(deviceId, event.toState, atMs);
        this.deps.onEvent?.(deviceId, event);
        return;
      }
      case 'command-result': {
        const result = decodeUp('command-result', payload);
        if (!commands.recordResult(deviceId, result)) this.log.warn({ deviceId, commandId: result.commandId.slice(0, 64) }, 'result for an unknown command');
        return;
      }
      case 'firmware-request':
        this.deps.onFirmwareRequest?.(deviceId, decodeUp('firmware-request', payload));
        return;
      default:
        return;
    }
  }
}
