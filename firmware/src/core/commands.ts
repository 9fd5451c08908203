import type { Command, FirmwareUpdate } from './messages.js';
import { CommandKind, CommandStatus, EndReason, StartTrigger } from './messages.js';

/**
 * What commands act on: the Badge. Commands are plain functions over this
 * host, not an object with callbacks: on Espruino every function, method or
 * closure costs ~6 variables for as long as it exists, and a handler object
 * with its eleven control callbacks (~165 variables) was held for the rest of
 * the badge's life once the first command had arrived. Now nothing is created
 * per command except its entry in the bounded log.
 */
export interface CommandHost {
  readonly clock: { isSynced(): boolean; now(): number };
  readonly spool: { collect(): number };
  readonly ota: { begin(commandId: string, u: FirmwareUpdate): number };
  /** Redelivered command ids and their answers. */
  readonly commandLog: CommandLog;
  startSession(trigger: number): string | null;
  stopSession(reason: number): string | null;
  setMuted(on: boolean): string | null;
  setLocked(on: boolean): void;
  locate(): void;
  /** Shuts down and reboots shortly (after the result is out). */
  rebootSoon(): void;
  /** Erases the whole spool; returns what was erased. */
  wipeAll(): string;
  commandResult(commandId: string, status: number, detail: string, progress: number): void;
}

/** Ids remembered to ignore redelivered commands. */
const REMEMBER = 16;

/**
 * The answers of the last REMEMBER commands, so a redelivered command id is
 * answered again without running twice: one flat array of strings, three
 * per command (id, status, detail), oldest first. No object per entry and no
 * class: on Espruino each method would cost ~6 variables for good.
 */
export type CommandLog = string[];

/** Where `id`'s answer starts in the log, or -1. */
export function findCommandAnswer(log: CommandLog, id: string): number {
  for (let i = 0; i < log.length; i += 3) if (log[i] === id) return i;
  return -1;
}

/**
 * Runs one of the gateway's commands and answers it with one CommandResult
 * (a firmware update answers IN_PROGRESS first and its outcome later, through
 * finishCommand). A command id seen before is answered again, not re-run.
 */
export function handleCommand(host: CommandHost, cmd: Command): void {
  const id = cmd.id;
  if (!id) return;
  const log = host.commandLog;
  const prior = findCommandAnswer(log, id);
  if (prior >= 0) {
    host.commandResult(id, Number(log[prior + 1]), log[prior + 2] as string, 0);
    return;
  }
  const now = host.clock.isSynced() ? host.clock.now() : -1;
  if (cmd.expiresAtMs && now >= 0 && now > cmd.expiresAtMs) {
    finishCommand(host, id, CommandStatus.EXPIRED, 'expired at ' + cmd.expiresAtMs, 0);
    return;
  }
  /** Why START/STOP/MUTE/UNMUTE were refused (REJECTED), or null. */
  let refusal: string | null = null;
  let detail = '';
  switch (cmd.kind) {
    case CommandKind.START:
      refusal = host.startSession(StartTrigger.COMMAND);
      break;
    case CommandKind.STOP:
      refusal = host.stopSession(EndReason.COMMAND);
      break;
    case CommandKind.MUTE:
      refusal = host.setMuted(true);
      break;
    case CommandKind.UNMUTE:
      refusal = host.setMuted(false);
      break;
    case CommandKind.LOCATE:
      host.locate();
      break;
    case CommandKind.LOCK:
      host.setLocked(true);
      break;
    case CommandKind.WIPE_ACKNOWLEDGED:
      detail = 'erased ' + host.spool.collect() + ' segments';
      break;
    case CommandKind.WIPE_ALL:
      detail = host.wipeAll();
      break;
    case CommandKind.REBOOT:
      finishCommand(host, id, CommandStatus.OK, 'rebooting', 0);
      host.rebootSoon();
      return;
    case CommandKind.FIRMWARE_UPDATE:
      if (!cmd.firmware) {
        finishCommand(host, id, CommandStatus.FAILED, 'no firmware in the command', 0);
        return;
      }
      try {
        // Not remembered: the outcome (finishCommand, from the download) is.
        host.commandResult(id, CommandStatus.IN_PROGRESS, 'downloading', host.ota.begin(id, cmd.firmware));
      } catch (err) {
        finishCommand(host, id, CommandStatus.REJECTED, String(err instanceof Error ? err.message : err), 0);
      }
      return;
    default:
      finishCommand(host, id, CommandStatus.UNSUPPORTED, 'kind ' + cmd.kind, 0);
      return;
  }
  if (refusal) finishCommand(host, id, CommandStatus.REJECTED, refusal, 0);
  else finishCommand(host, id, CommandStatus.OK, detail, 0);
}

/** Remembers and sends the answer of a command (also the outcome of a firmware update). */
export function finishCommand(host: CommandHost, id: string, status: number, detail: string, progress: number): void {
  const log = host.commandLog;
  const at = findCommandAnswer(log, id);
  if (at >= 0) {
    log[at + 1] = String(status);
    log[at + 2] = detail;
  } else {
    log.push(id);
    log.push(String(status));
    log.push(detail);
    if (log.length > 3 * REMEMBER) log.splice(0, 3);
  }
  host.commandResult(id, status, detail, progress);
}
