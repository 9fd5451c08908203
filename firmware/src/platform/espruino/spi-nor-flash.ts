import type { FlashStorage } from '../../hal/flash.js';
import { FirmwareError } from '../../core/errors.js';
import type { EspruinoSpi } from './globals.js';

/** W25Q-series commands, 4-byte-address forms (the W25Q01JV is 128 MB: beyond 3-byte addresses). */
const CMD_WRITE_ENABLE = 0x06;
const CMD_READ_STATUS1 = 0x05;
const CMD_READ4 = 0x13;
const CMD_PAGE_PROGRAM4 = 0x12;
const CMD_SECTOR_ERASE4 = 0x21;
const STATUS_BUSY = 0x01;
const STATUS_WEL = 0x02;

/** Program granularity: a page program wraps inside its 256-byte page, so writes are split at page boundaries. */
export const NOR_PAGE_BYTES = 256;
/** Erase granularity. */
export const NOR_SECTOR_BYTES = 4096;
/** Status polls before a program or erase is declared hung (a 4 KB erase takes up to 400 ms). */
const BUSY_POLLS = 100000;

/** Slot header, programmed last when a file is created: magic, size (u32 LE), name length, name. */
const MAGIC0 = 0x50; // 'P'
const MAGIC1 = 0x53; // 'S'
const MAGIC2 = 0x46; // 'F'
const MAGIC3 = 0x31; // '1'
const HEADER_BYTES = NOR_PAGE_BYTES;
const NAME_MAX = 28;
/** Header byte programmed to 0 when the file is erased (released): its slot is erased in the background. */
const RELEASED_AT = 9 + NAME_MAX;
/**
 * The clean mark `PSFE`, programmed into the header page once every sector
 * of the slot, the header's last, is erased; cleared (programmed to 0) when
 * the slot is taken, before anything else is programmed in it.
 */
const CLEAN_AT = RELEASED_AT + 1;
const CLEAN3 = 0x45; // 'E'
/** The slot table's value for a slot to erase before use (released, torn, or never erased by this driver). */
const DIRTY = -2147483648;

export interface SpiNorOptions {
  /** Bytes of the chip used for files (from address `base`). */
  bytes: number;
  /** Bytes per file slot, a multiple of the sector size: the header page plus the largest file. */
  slotBytes: number;
  /** First byte of the area (sector-aligned; default 0). */
  base?: number;
  /** At most this many slots (the slot table lives in RAM: 4 bytes a slot). */
  maxSlots?: number;
  /** Told of each stall (a file created with no erased slot left). */
  log?: (text: string) => void;
}

/** A 32-bit hash of a file name (the slot table's key; the header's name decides). */
function nameHash(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) | 0;
  // 0 marks a clean slot, DIRTY one to erase.
  return h === 0 || h === DIRTY ? 1 : h;
}

/** Sized files on the SPI NOR chip (see `createSpiNorFileArea`). */
export interface SpiNorFileArea {
  /** Bytes of file data the area holds when empty. */
  capacity(): number;
  getFree(): number;
  create(name: string, size: number, data: Uint8Array): void;
  writeAt(name: string, offset: number, data: Uint8Array): void;
  read(name: string, offset: number, length: number): Uint8Array | undefined;
  size(name: string): number;
  erase(name: string): void;
  list(prefix: string): string[];
  /**
   * One step of the background erase: when the chip is idle and a slot is
   * to be erased, issues one 4 KB SECTOR ERASE (or programs the clean mark
   * after the last) and returns without waiting. True while work remains.
   */
  service(): boolean;
  /** Files created with no erased slot left, each after a whole slot's erase (a stall); FlashStorage's `stalls`, reported in Telemetry. */
  readonly stalls: number;
}

/**
 * Opens the file area: sized files on the badge's external SPI NOR chip (W25Q01JV on VSPI),
 * driven through Espruino's `SPIx.send(data, cs)`: the spool's segments.
 *
 * Layout: the area is cut into fixed slots; a slot holds one file: its
 * first page is the header (magic, size, name, released byte, clean mark),
 * its data starts at the next page. NOR rules are kept: a slot's sectors
 * are erased before use, programming only clears bits (a write that would
 * need a 0 → 1 change is refused with FLASH_NOT_ERASED after reading the
 * bytes back), programs are split at 256-byte page boundaries, and each
 * program is read back (FLASH_WRITE on a mismatch).
 *
 * Erasing never stalls the caller for a slot: `erase` only programs the
 * header's released byte (1 → 0, no erase needed), and `service` (a timer)
 * erases released slots one 4 KB sector at a time without waiting for it;
 * a read or program that comes while a sector erase runs waits for that
 * one (45 ms typ., 400 ms max). A slot's data sectors go first, its header
 * sector last, then the clean mark is programmed; `create` takes a slot
 * with the clean mark and clears the mark before it programs anything. Only
 * when no slot is clean does `create` erase one itself, waiting (counted in
 * `stalls`, logged); opening an area with no clean slot (a new chip) erases
 * one then, at boot.
 *
 * Crash safety, read from the header at boot (no blank check): a valid
 * header with the released byte erased is a file; a header with the clean
 * mark and no magic is a clean slot (the mark is programmed only after the
 * whole slot's erase finished, and cleared before the slot is used);
 * anything else (released, torn while created or erased, never erased by
 * this driver) is erased again in the background before use. So a power
 * cut leaves each slot a whole file, clean, or to erase. What is inside a
 * file is the spool's business (its records carry CRCs).
 */
export function createSpiNorFileArea(spi: EspruinoSpi, cs: string, o: SpiNorOptions): SpiNorFileArea {
  return new (driverClass())(spi, cs, o, null, '');
}

/**
 * The badge's flash as the firmware sees it: the spool's segment files
 * (names starting with `spoolPrefix`) in a file area on the external SPI NOR
 * chip (as `createSpiNorFileArea`); the small files (config, state, boot
 * record, identity) and the firmware images (which the loader reads from
 * Storage) in `small`, Espruino Storage on the MCU's own flash. One object
 * (the area routes what is not its own), not an area and a router: on
 * Espruino each method costs ~6 variables.
 */
export function createSpoolOnSpiNorFlash(spi: EspruinoSpi, cs: string, o: SpiNorOptions, small: FlashStorage, spoolPrefix: string): SpiNorFileArea & FlashStorage {
  return new (driverClass())(spi, cs, o, small, spoolPrefix);
}

type SpiNorFlash = SpiNorFileArea & FlashStorage;

/**
 * The driver's class is defined on first use, not when the bundle loads:
 * on Espruino every method is a function object costing ~6 variables from
 * the moment its class is evaluated, and a badge whose spool stays in
 * Storage never uses it.
 */
let driver: (new (spi: EspruinoSpi, cs: string, o: SpiNorOptions, small: FlashStorage | null, spoolPrefix: string) => SpiNorFlash) | null = null;

function driverClass(): NonNullable<typeof driver> {
  if (driver !== null) return driver;
  class Area implements SpiNorFlash {
    private readonly spi: EspruinoSpi;
    private readonly cs: string;
    private readonly base: number;
    private readonly slotBytes: number;
    private readonly slots: number;
    /** Where the files that are not the spool's go (null: a file area alone). */
    private readonly small: FlashStorage | null;
    private readonly spoolPrefix: string;
    /**
     * A hash of the name of each slot's file (0: clean, DIRTY: to erase), and nothing else per
     * slot: no object keyed by name, whose entries would grow with the files
     * held (a shift's backlog is up to every slot), and no sizes (in the
     * header). A name is found by its hash and checked against the slot's
     * header; the last one found is remembered with its size.
     */
    private readonly hashes: Int32Array;
    /** The slot the background erase works on (-1: none), and its next step (1..sectors-1 the data sectors, sectors the header's, then the clean mark). */
    private erasing = -1;
    private step = 0;
    /** A program or erase was issued and BUSY not yet seen clear. */
    private busy = false;
    stalls = 0;
    private readonly log: ((text: string) => void) | null;
    private lastName = '';
    private lastSlot = -1;
    private lastSize = 0;
    /** The size in the header `headerName` read last. */
    private headerSize = 0;

    constructor(spi: EspruinoSpi, cs: string, o: SpiNorOptions, small: FlashStorage | null, spoolPrefix: string) {
      if (o.slotBytes % NOR_SECTOR_BYTES !== 0 || o.slotBytes <= HEADER_BYTES) throw new FirmwareError('FLASH_WRITE', 'slot size must be whole sectors');
      this.spi = spi;
      this.cs = cs;
      this.base = o.base ?? 0;
      this.slotBytes = o.slotBytes;
      this.slots = Math.min(Math.floor(o.bytes / o.slotBytes), o.maxSlots ?? 256);
      this.small = small;
      this.spoolPrefix = spoolPrefix;
      this.log = o.log ?? null;
      this.hashes = new Int32Array(this.slots);
      for (let i = 0; i < this.slots; i++) {
        const name = this.headerName(i);
        // Clean (0), a file, or to erase before use: released, torn by a power cut, never erased, a duplicate name.
        if (name !== null) this.hashes[i] = name !== '' && this.find(name) < 0 ? nameHash(name) : DIRTY;
      }
      // No clean slot (a chip never erased by this driver: a new badge's first boot): one is erased now,
      // while the badge boots, not when its first recording needs it. A chip that does not erase is
      // reported by `create`; the badge still boots.
      try {
        this.cleanSlot();
      } catch (err) {
        if (this.log) this.log('spool flash: ' + String(err));
      }
    }

    /** Bytes of file data the area holds when empty (and Storage's, when it routes there). */
    capacity(): number {
      return this.slots * (this.slotBytes - HEADER_BYTES) + (this.small ? this.small.capacity() : 0);
    }

    getFree(): number {
      let free = 0;
      for (let i = 0; i < this.slots; i++) if (this.hashes[i] === 0 || this.hashes[i] === DIRTY) free++;
      return free * (this.slotBytes - HEADER_BYTES) + (this.small ? this.small.getFree() : 0);
    }

    create(name: string, size: number, data: Uint8Array): void {
      if (this.small && name.indexOf(this.spoolPrefix) !== 0) return this.small.create(name, size, data);
      if (name.length === 0 || name.length > NAME_MAX) throw new FirmwareError('FLASH_NAME', name);
      if (this.find(name) >= 0) throw new FirmwareError('FLASH_WRITE', 'file exists: ' + name);
      if (size > this.slotBytes - HEADER_BYTES || data.length > size) throw new FirmwareError('FLASH_FULL', name + ' does not fit a slot');
      let slot = this.hashes.indexOf(0);
      if (slot < 0) {
        // No clean slot: erase one now, waiting (a stall).
        slot = this.cleanSlot();
        if (slot < 0) throw new FirmwareError('FLASH_FULL', name);
        this.stalls++;
        if (this.log) this.log('spool flash: no erased slot for ' + name + ', one erased in the foreground (stall ' + this.stalls + ')');
      }
      const at = this.base + slot * this.slotBytes;
      // Taken: from here a power cut leaves the slot without its clean mark, to erase again.
      this.program(at + CLEAN_AT, new Uint8Array(4));
      if (data.length > 0) this.program(at + HEADER_BYTES, data);
      const header = new Uint8Array(9 + name.length);
      header[0] = MAGIC0;
      header[1] = MAGIC1;
      header[2] = MAGIC2;
      header[3] = MAGIC3;
      header[4] = size & 0xff;
      header[5] = (size >>> 8) & 0xff;
      header[6] = (size >>> 16) & 0xff;
      header[7] = (size >>> 24) & 0xff;
      header[8] = name.length;
      for (let i = 0; i < name.length; i++) header[9 + i] = name.charCodeAt(i) & 0xff;
      this.program(at, header);
      this.hashes[slot] = nameHash(name);
      this.lastName = name;
      this.lastSlot = slot;
      this.lastSize = size;
    }

    writeAt(name: string, offset: number, data: Uint8Array): void {
      const slot = this.onChip(name);
      if (slot < 0 && this.small) return this.small.writeAt(name, offset, data);
      if (slot < 0) throw new FirmwareError('FLASH_MISSING', name);
      if (offset < 0 || offset + data.length > this.lastSize) throw new FirmwareError('FLASH_WRITE', 'outside the file');
      const at = this.base + slot * this.slotBytes + HEADER_BYTES + offset;
      const current = this.readRaw(at, data.length);
      for (let i = 0; i < data.length; i++) {
        const want = data[i] as number;
        if (((current[i] as number) & want) !== want) throw new FirmwareError('FLASH_NOT_ERASED', name + '@' + (offset + i));
      }
      this.program(at, data);
    }

    read(name: string, offset: number, length: number): Uint8Array | undefined {
      const slot = this.onChip(name);
      if (slot < 0) return this.small ? this.small.read(name, offset, length) : undefined;
      const size = this.lastSize;
      const start = Math.min(Math.max(0, offset), size);
      const n = Math.max(0, Math.min(length, size - start));
      if (n === 0) return new Uint8Array(0);
      return this.readRaw(this.base + slot * this.slotBytes + HEADER_BYTES + start, n);
    }

    size(name: string): number {
      const slot = this.onChip(name);
      if (slot < 0) return this.small ? this.small.size(name) : -1;
      return this.lastSize;
    }

    writeFile(name: string, data: Uint8Array): void {
      if (this.onChip(name) >= 0 || !this.small) throw new FirmwareError('FLASH_WRITE', name + ': only sized files on the chip');
      this.small.writeFile(name, data);
    }

    readFile(name: string): Uint8Array | undefined {
      const slot = this.onChip(name);
      if (slot < 0) return this.small ? this.small.readFile(name) : undefined;
      return this.read(name, 0, this.lastSize);
    }

    erase(name: string): void {
      const slot = this.onChip(name);
      if (slot < 0) {
        if (this.small) this.small.erase(name);
        return;
      }
      // Released: the file is gone as soon as this byte is programmed; `service` erases the slot.
      this.program(this.base + slot * this.slotBytes + RELEASED_AT, new Uint8Array(1));
      this.hashes[slot] = DIRTY;
      this.lastSlot = -1;
    }

    /** A clean slot, erasing one in the foreground (waiting) when there is none; -1 when every slot holds a file. */
    private cleanSlot(): number {
      let slot = this.hashes.indexOf(0);
      while (slot < 0 && this.hashes.indexOf(DIRTY) >= 0) {
        if (this.busy) this.idle();
        this.service();
        slot = this.hashes.indexOf(0);
      }
      return slot;
    }

    service(): boolean {
      if (this.busy && ((this.spi.send(new Uint8Array([CMD_READ_STATUS1, 0]), this.cs)[1] as number) & STATUS_BUSY) !== 0) return true;
      this.busy = false;
      if (this.erasing < 0) {
        this.erasing = this.hashes.indexOf(DIRTY);
        this.step = 1;
        if (this.erasing < 0) return false;
      }
      const at = this.base + this.erasing * this.slotBytes;
      const sectors = this.slotBytes / NOR_SECTOR_BYTES;
      const k = this.step++;
      // The data sectors, then the header's (k = sectors), then the clean mark.
      if (k <= sectors) this.modify(this.command(CMD_SECTOR_ERASE4, at + (k % sectors) * NOR_SECTOR_BYTES, 0), false);
      else {
        this.program(at + CLEAN_AT, new Uint8Array([MAGIC0, MAGIC1, MAGIC2, CLEAN3]));
        this.hashes[this.erasing] = 0;
        this.erasing = -1;
      }
      return true;
    }

    list(prefix: string): string[] {
      const out = this.small ? this.small.list(prefix) : [];
      for (let i = 0; i < this.slots; i++) {
        if (this.hashes[i] === 0 || this.hashes[i] === DIRTY) continue;
        const n = this.headerName(i);
        if (n && n.indexOf(prefix) === 0) out.push(n);
      }
      out.sort();
      return out;
    }

    /** The chip slot of `name`, -1 when it is not on the chip (only names with the spool's prefix are, when Storage takes the rest). */
    private onChip(name: string): number {
      return this.small && name.indexOf(this.spoolPrefix) !== 0 ? -1 : this.find(name);
    }

    /** The slot of file `name`, -1 when none; its size is then `lastSize`. */
    private find(name: string): number {
      if (name === this.lastName && this.lastSlot >= 0) return this.lastSlot;
      const h = nameHash(name);
      for (let i = 0; i < this.slots; i++) {
        if (this.hashes[i] === h && this.headerName(i) === name) {
          this.lastName = name;
          this.lastSlot = i;
          this.lastSize = this.headerSize;
          return i;
        }
      }
      return -1;
    }

    /**
     * The file name in slot `i`'s header, '' when it holds no file (released,
     * torn by a power cut, never erased), null when the slot is clean; sets `headerSize`.
     */
    private headerName(i: number): string | null {
      const h = this.readRaw(this.base + i * this.slotBytes, CLEAN_AT + 4);
      const len = h[8] as number;
      const size = ((h[4] as number) | ((h[5] as number) << 8) | ((h[6] as number) << 16) | ((h[7] as number) << 24)) >>> 0;
      const valid = h[0] === MAGIC0 && h[1] === MAGIC1 && h[2] === MAGIC2 && h[3] === MAGIC3 && len > 0 && len <= NAME_MAX && size <= this.slotBytes - HEADER_BYTES && h[RELEASED_AT] === 0xff;
      let name = '';
      if (valid) for (let k = 0; k < len; k++) name += String.fromCharCode(h[9 + k] as number);
      this.headerSize = size;
      return h[0] === 0xff && h[CLEAN_AT] === MAGIC0 && h[CLEAN_AT + 1] === MAGIC1 && h[CLEAN_AT + 2] === MAGIC2 && h[CLEAN_AT + 3] === CLEAN3 ? null : name;
    }

    private command(cmd: number, address: number, extra: number): Uint8Array {
      const out = new Uint8Array(5 + extra);
      out[0] = cmd;
      out[1] = (address >>> 24) & 0xff;
      out[2] = (address >>> 16) & 0xff;
      out[3] = (address >>> 8) & 0xff;
      out[4] = address & 0xff;
      return out;
    }

    private readRaw(address: number, length: number): Uint8Array {
      if (this.busy) this.idle();
      const res = this.spi.send(this.command(CMD_READ4, address, length), this.cs);
      if (res.length < 5 + length) throw new FirmwareError('FLASH_WRITE', 'short SPI answer');
      return new Uint8Array(res.buffer, res.byteOffset + 5, length);
    }

    /** A program or erase command, after the one running: write enable (checked), the command, then (with `wait`) wait for BUSY to clear. */
    private modify(cmd: Uint8Array, wait: boolean): void {
      if (this.busy) this.idle();
      this.spi.send(new Uint8Array([CMD_WRITE_ENABLE]), this.cs);
      if (((this.spi.send(new Uint8Array([CMD_READ_STATUS1, 0]), this.cs)[1] as number) & STATUS_WEL) === 0) throw new FirmwareError('FLASH_WRITE', 'write enable did not latch');
      this.spi.send(cmd, this.cs);
      this.busy = true;
      if (wait) this.idle();
    }

    /** Waits for the program or erase running to end. */
    private idle(): void {
      for (let i = 0; i < BUSY_POLLS; i++) {
        if (((this.spi.send(new Uint8Array([CMD_READ_STATUS1, 0]), this.cs)[1] as number) & STATUS_BUSY) === 0) {
          this.busy = false;
          return;
        }
      }
      throw new FirmwareError('FLASH_WRITE', 'flash stayed busy');
    }


    /** Page-split program, each page read back. */
    private program(address: number, data: Uint8Array): void {
      let done = 0;
      while (done < data.length) {
        const at = address + done;
        const room = NOR_PAGE_BYTES - (at % NOR_PAGE_BYTES);
        const n = Math.min(room, data.length - done);
        const cmd = this.command(CMD_PAGE_PROGRAM4, at, n);
        cmd.set(data.subarray(done, done + n), 5);
        this.modify(cmd, true);
        const back = this.readRaw(at, n);
        for (let i = 0; i < n; i++) if (back[i] !== data[done + i]) throw new FirmwareError('FLASH_WRITE', 'program did not take at ' + (at + i));
        done += n;
      }
    }
  }

  driver = Area;
  return driver;
}
