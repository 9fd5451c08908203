import type { Command, FirmwareUpdate } from './messages.js';
import { CommandKind, CommandStatus } from './messages.js';

/** What commands may do to the badge. */
export interface BadgeControl {
  /** Unix ms when the clock is synced, else -1. */
  unixNow(): number;
  start(): string | null;
  stop(): string | null;
  mute(on: boolean): string | null;
  locate(): void;
  reboot(): void;
  lock(): void;
  wipeAcknowledged(): string;
  wipeAll(): string;
  /** Starts or resumes a firmware download; returns bytes already staged, or throws. */
  firmwareUpdate(commandId: string, u: FirmwareUpdate): number;
  result(commandId: string, status: number, detail: string, progress: number): void;
}

/** Ids remembered to ignore redelivered commands. */
const REMEMBER = 16;

/**
 * Runs the gateway's commands and answers each with one CommandResult
 * (firmware updates answer IN_PROGRESS first and their outcome later).
 * A command id seen before is answered again without running twice.
 */
export interface CommandHandler {
  handle(cmd: Command): void;
  /** The outcome of a long command (firmware) arrived. */
  finish(id: string, status: number, detail: string, progress: number): void;
}

/**
 * The handler class is defined on first use, not when the bundle loads: on
 * Espruino every method costs ~6 variables from the moment its class is
 * evaluated, and commands are rare (Badge creates its handler when the first
 * one arrives).
 */
let handlerClass: (new (control: BadgeControl) => CommandHandler) | null = null;

export function createCommandHandler(control: BadgeControl): CommandHandler {
  if (handlerClass === null) handlerClass = defineCommandHandler();
  return new handlerClass(control);
}

function defineCommandHandler(): new (control: BadgeControl) => CommandHandler {
  class Handler implements CommandHandler {
    private readonly control: BadgeControl;
    private seen: string[] = [];
    private outcomes: { [id: string]: { status: number; detail: string } } = {};

    constructor(control: BadgeControl) {
      this.control = control;
    }

    handle(cmd: Command): void {
      const c = this.control;
      if (!cmd.id) return;
      const prior = this.outcomes[cmd.id];
      if (prior) {
        c.result(cmd.id, prior.status, prior.detail, 0);
        return;
      }
      const now = c.unixNow();
      if (cmd.expiresAtMs && now >= 0 && now > cmd.expiresAtMs) {
        this.done(cmd.id, CommandStatus.EXPIRED, 'expired at ' + cmd.expiresAtMs);
        return;
      }
      let refusal: string | null = null;
      switch (cmd.kind) {
        case CommandKind.START:
          refusal = c.start();
          break;
        case CommandKind.STOP:
          refusal = c.stop();
          break;
        case CommandKind.MUTE:
          refusal = c.mute(true);
          break;
        case CommandKind.UNMUTE:
          refusal = c.mute(false);
          break;
        case CommandKind.LOCATE:
          c.locate();
          break;
        case CommandKind.LOCK:
          c.lock();
          break;
        case CommandKind.WIPE_ACKNOWLEDGED:
          this.done(cmd.id, CommandStatus.OK, c.wipeAcknowledged());
          return;
        case CommandKind.WIPE_ALL:
          this.done(cmd.id, CommandStatus.OK, c.wipeAll());
          return;
        case CommandKind.REBOOT:
          this.done(cmd.id, CommandStatus.OK, 'rebooting');
          c.reboot();
          return;
        case CommandKind.FIRMWARE_UPDATE:
          this.firmware(cmd);
          return;
        default:
          this.done(cmd.id, CommandStatus.UNSUPPORTED, 'kind ' + cmd.kind);
          return;
      }
      if (refusal) this.done(cmd.id, CommandStatus.REJECTED, refusal);
      else this.done(cmd.id, CommandStatus.OK, '');
    }

    /** The outcome of a long command (firmware) arrived. */
    finish(id: string, status: number, detail: string, progress: number): void {
      this.remember(id, status, detail);
      this.control.result(id, status, detail, progress);
    }

    private firmware(cmd: Command): void {
      if (!cmd.firmware) {
        this.done(cmd.id, CommandStatus.FAILED, 'no firmware in the command');
        return;
      }
      try {
        const done = this.control.firmwareUpdate(cmd.id, cmd.firmware);
        this.control.result(cmd.id, CommandStatus.IN_PROGRESS, 'downloading', done);
      } catch (err) {
        this.done(cmd.id, CommandStatus.REJECTED, String(err instanceof Error ? err.message : err));
      }
    }

    private done(id: string, status: number, detail: string): void {
      this.remember(id, status, detail);
      this.control.result(id, status, detail, 0);
    }

    private remember(id: string, status: number, detail: string): void {
      if (!this.outcomes[id]) {
        this.seen.push(id);
        if (this.seen.length > REMEMBER) delete this.outcomes[this.seen.shift() as string];
      }
      this.outcomes[id] = { status: status, detail: detail };
    }
  }
  return Handler;
}
