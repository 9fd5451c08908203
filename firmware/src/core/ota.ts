import type { Clock, TimerId } from '../hal/clock.js';
import type { FlashStorage } from '../hal/flash.js';
import type { FirmwareSlot, System } from '../hal/system.js';
import type { BootRecord } from './boot-slot.js';
import { readBootRecord, writeBootRecord } from './boot-slot.js';
import { bytesToString, stringToBytes } from './device-store.js';
import { FirmwareError } from './errors.js';
import type { FirmwareChunk, FirmwareRequest, FirmwareUpdate } from './messages.js';
import { toHex } from './bytes.js';

/** Progress of a download, persisted after every chunk so it resumes after a reboot. */
interface Download {
  commandId: string;
  releaseId: string;
  version: string;
  size: number;
  sha256: string;
  chunkSize: number;
  done: number;
  target: FirmwareSlot;
}

const STATE_FILE = 'ota';
const REQUEST_TIMEOUT_MS = 15000;
/**
 * The most the badge asks for in one FirmwareRequest, whatever chunk size the
 * update announces (the gateway answers min(request, its chunk size)): on
 * Espruino a chunk is held three times while it is handled (the MQTT
 * message string, its bytes, the decoded message), and at the gateway's 4 KiB
 * the worst-case peak on the 2v29 interpreter was ~260 variables higher than
 * at 1 KiB.
 */
const MAX_REQUEST_BYTES = 1024;

export interface OtaOptions {
  flash: FlashStorage;
  clock: Clock;
  system: System;
  request: (req: FirmwareRequest) => boolean;
  /** Progress or outcome of the update command. */
  result: (commandId: string, status: 'progress' | 'staged' | 'failed', detail: string, progress: number) => void;
  event: (detail: string, errorCode: number) => void;
}

export function imageFile(slot: FirmwareSlot): string {
  return 'fw.' + slot;
}

/** The download half of the OTA: defined on first use (see defineTransfer). */
interface Transfer {
  /** The download under way, if any. */
  download(): Download | null;
  begin(commandId: string, u: FirmwareUpdate): number;
  resume(): void;
  chunk(c: FirmwareChunk): void;
  stop(): void;
}

type TransferClass = new (o: OtaOptions, dl: Download | null, staged: (boot: BootRecord) => void) => Transfer;

/**
 * Firmware update: pulls the image in ranges (FirmwareRequest/FirmwareChunk)
 * into the other slot's file, resumable from the persisted progress; verifies
 * size and sha256; stages it in the boot record and reboots. The new image
 * must reach the gateway (HelloReply) within the confirm timeout, or it rolls
 * back (here by timer, in the loader by boot counter).
 *
 * The download code is a class defined when a download first exists (a
 * command, or progress persisted before a reboot): on Espruino each method
 * costs ~6 variables from the moment its class is evaluated, and most boots
 * never download.
 */
export class Ota {
  private readonly o: OtaOptions;
  /** Progress read at boot, until the transfer takes it over. */
  private saved: Download | null = null;
  private transfer: Transfer | null = null;
  private confirmTimer: TimerId | null = null;
  private boot: BootRecord;

  constructor(o: OtaOptions) {
    this.o = o;
    this.boot = readBootRecord(o.flash);
    const bytes = o.flash.readFile(STATE_FILE);
    if (bytes) {
      try {
        this.saved = JSON.parse(bytesToString(bytes)) as Download;
      } catch {
        o.flash.erase(STATE_FILE);
      }
    }
  }

  /** The running image has not been confirmed by the gateway yet. */
  pendingConfirm(): boolean {
    return this.boot.pending && this.boot.slot === this.o.system.runningSlot();
  }

  /** A rollback the loader did at this boot, reported once. */
  takeRollback(): string {
    if (!this.boot.rolledBack) return '';
    const why = this.boot.rolledBack;
    this.boot.rolledBack = '';
    writeBootRecord(this.o.flash, this.boot);
    return why;
  }

  /** At boot: a pending image must be confirmed within `timeoutMin` or it is rolled back. */
  armConfirmTimer(timeoutMin: number): void {
    if (!this.pendingConfirm() || this.confirmTimer !== null) return;
    this.confirmTimer = this.o.clock.setTimeout(() => {
      this.confirmTimer = null;
      if (!this.pendingConfirm()) return;
      this.boot.rolledBack = this.boot.version + ': not confirmed within ' + timeoutMin + ' min';
      this.boot.slot = this.boot.previous;
      this.boot.pending = false;
      this.boot.attempts = 0;
      writeBootRecord(this.o.flash, this.boot);
      this.o.event('rolled back: ' + this.boot.rolledBack, new FirmwareError('OTA_ROLLBACK', '').code);
      this.o.system.reboot();
    }, timeoutMin * 60000);
  }

  /** The gateway answered Hello: the running image works. */
  confirm(): void {
    if (!this.pendingConfirm()) return;
    this.boot.pending = false;
    this.boot.attempts = 0;
    writeBootRecord(this.o.flash, this.boot);
    if (this.confirmTimer !== null) this.o.clock.clearTimeout(this.confirmTimer);
    this.confirmTimer = null;
    this.o.event('confirmed ' + this.boot.version, 0);
  }

  /** Whether a download is under way (its command id). */
  busy(): string {
    const dl = this.transfer ? this.transfer.download() : this.saved;
    return dl ? dl.commandId : '';
  }

  /**
   * Starts (or resumes, for the same release) an update. Returns the
   * bytes already staged; throws OTA_BUSY for a different release under way.
   */
  begin(commandId: string, u: FirmwareUpdate): number {
    return this.downloader().begin(commandId, u);
  }

  /** Connected again: ask for the next range. */
  resume(): void {
    if (this.transfer || this.saved) this.downloader().resume();
  }

  chunk(c: FirmwareChunk): void {
    if (this.transfer || this.saved) this.downloader().chunk(c);
  }

  /** Stops the timers (shutdown). */
  stop(): void {
    if (this.transfer) this.transfer.stop();
    if (this.confirmTimer !== null) this.o.clock.clearTimeout(this.confirmTimer);
    this.confirmTimer = null;
  }

  private downloader(): Transfer {
    if (this.transfer === null) {
      if (transferClass === null) transferClass = defineTransfer();
      this.transfer = new transferClass(this.o, this.saved, (boot) => {
        this.boot = boot;
      });
      this.saved = null;
    }
    return this.transfer;
  }
}

let transferClass: TransferClass | null = null;

function defineTransfer(): TransferClass {
  class Downloader implements Transfer {
    private readonly o: OtaOptions;
    private dl: Download | null;
    private timer: TimerId | null = null;
    private readonly staged: (boot: BootRecord) => void;

    constructor(o: OtaOptions, dl: Download | null, staged: (boot: BootRecord) => void) {
      this.o = o;
      this.dl = dl;
      this.staged = staged;
    }

    /**
     * Starts (or resumes, for the same release) an update. Returns the
     * bytes already staged; throws OTA_BUSY for a different release under way.
     */
    begin(commandId: string, u: FirmwareUpdate): number {
      if (this.dl && this.dl.releaseId === u.releaseId) {
        this.dl.commandId = commandId;
        this.save();
        this.requestNext();
        return this.dl.done;
      }
      if (this.dl) throw new FirmwareError('OTA_BUSY', this.dl.releaseId);
      if (!(u.size > 0) || u.sha256.length !== 32) throw new FirmwareError('OTA_SIZE', 'update has no size or sha256');
      const target: FirmwareSlot = this.o.system.runningSlot() === 'a' ? 'b' : 'a';
      // The image file is created by its first chunk (offset 0): Espruino's Storage can write
      // offset 0 of a file only when it creates it (a write there makes a new file).
      // No room for the image fails the download at that chunk (FAILED, nothing staged).
      this.o.flash.erase(imageFile(target));
      this.dl = {
        commandId: commandId, releaseId: u.releaseId, version: u.version, size: u.size, sha256: toHex(u.sha256),
        chunkSize: u.chunkSize > 0 ? Math.min(u.chunkSize, MAX_REQUEST_BYTES) : MAX_REQUEST_BYTES, done: 0, target: target,
      };
      this.save();
      this.requestNext();
      return 0;
    }

    /** Connected again: ask for the next range. */
    resume(): void {
      if (this.dl) this.requestNext();
    }

    download(): Download | null {
      return this.dl;
    }

    stop(): void {
      if (this.timer !== null) this.o.clock.clearTimeout(this.timer);
      this.timer = null;
    }

    chunk(c: FirmwareChunk): void {
      const dl = this.dl;
      if (!dl || c.releaseId !== dl.releaseId) return;
      if (c.offset !== dl.done) {
        // A duplicate or an answer to an older request: ask again for what we need.
        this.requestNext();
        return;
      }
      if (c.data.length === 0 || c.offset + c.data.length > dl.size || (c.totalSize && c.totalSize !== dl.size)) {
        this.fail(new FirmwareError('OTA_SIZE', 'chunk at ' + c.offset + ' of ' + c.data.length + ' bytes, image ' + dl.size + ' (announced ' + c.totalSize + ')'));
        return;
      }
      const file = imageFile(dl.target);
      try {
        if (c.offset === 0) {
          this.o.flash.erase(file);
          this.o.flash.create(file, dl.size, c.data);
        } else {
          this.o.flash.writeAt(file, c.offset, c.data);
        }
      } catch (err) {
        this.fail(err instanceof FirmwareError ? err : new FirmwareError('FLASH_WRITE', String(err)));
        return;
      }
      dl.done += c.data.length;
      this.save();
      if (dl.done < dl.size) {
        this.o.result(dl.commandId, 'progress', 'downloading', dl.done);
        this.requestNext();
        return;
      }
      this.finish();
    }

    private finish(): void {
      const dl = this.dl as Download;
      if (this.timer !== null) this.o.clock.clearTimeout(this.timer);
      this.timer = null;
      const file = imageFile(dl.target);
      const size = this.o.flash.size(file);
      if (size !== dl.size) {
        this.fail(new FirmwareError('OTA_SIZE', 'staged ' + size + ' of ' + dl.size));
        return;
      }
      const image = this.o.flash.read(file, 0, size) as Uint8Array;
      const digest = toHex(this.o.system.sha256(image));
      if (digest !== dl.sha256) {
        this.fail(new FirmwareError('OTA_DIGEST', 'got ' + digest));
        return;
      }
      const boot: BootRecord = { slot: dl.target, previous: this.o.system.runningSlot(), pending: true, attempts: 0, version: dl.version, rolledBack: '' };
      writeBootRecord(this.o.flash, boot);
      this.staged(boot);
      this.o.flash.erase(STATE_FILE);
      this.dl = null;
      this.o.event('staged ' + dl.version + ' in slot ' + dl.target, 0);
      this.o.result(dl.commandId, 'staged', 'staged ' + dl.version + '; rebooting', dl.size);
      this.o.clock.setTimeout(() => this.o.system.reboot(), 1000);
    }

    private fail(err: FirmwareError): void {
      const dl = this.dl as Download;
      if (this.timer !== null) this.o.clock.clearTimeout(this.timer);
      this.timer = null;
      this.o.flash.erase(imageFile(dl.target));
      this.o.flash.erase(STATE_FILE);
      this.dl = null;
      this.o.event('update ' + dl.version + ' failed: ' + err.message, err.code);
      this.o.result(dl.commandId, 'failed', err.message, dl.done);
    }

    private requestNext(): void {
      const dl = this.dl;
      if (!dl) return;
      if (this.timer !== null) this.o.clock.clearTimeout(this.timer);
      this.timer = this.o.clock.setTimeout(() => {
        this.timer = null;
        this.requestNext();
      }, REQUEST_TIMEOUT_MS);
      this.o.request({ releaseId: dl.releaseId, offset: dl.done, length: Math.min(dl.chunkSize, dl.size - dl.done) });
    }

    private save(): void {
      this.o.flash.writeFile(STATE_FILE, stringToBytes(JSON.stringify(this.dl)));
    }
  }
  return Downloader;
}
