/**
 * Flash storage shaped after Espruino's `require("Storage")`: named files in
 * NOR flash. Files created with a size start erased (every byte 0xFF) and are
 * then programmed piece by piece at offsets (`Storage.write(name, data,
 * offset, size)`); a programmed byte cannot be programmed again until the file
 * is erased. `writeFile` replaces a small file as a whole (Espruino writes the
 * new copy before it drops the old one, so a power cut leaves one of them).
 */
export interface FlashStorage {
  /** Bytes the storage area holds in total. */
  capacity(): number;
  /** Bytes still free for new files. */
  getFree(): number;
  /** Creates `name` with `size` erased bytes and programs `data` at offset 0. Fails if it exists or does not fit. */
  create(name: string, size: number, data: Uint8Array): void;
  /** Programs `data` at `offset` of an existing file; every byte written must still be erased. */
  writeAt(name: string, offset: number, data: Uint8Array): void;
  /** Reads `length` bytes at `offset` (clipped to the file); undefined when the file does not exist. */
  read(name: string, offset: number, length: number): Uint8Array | undefined;
  /** Size of the file, or -1 when it does not exist. */
  size(name: string): number;
  /** Replaces the whole file (small files: config, state). */
  writeFile(name: string, data: Uint8Array): void;
  readFile(name: string): Uint8Array | undefined;
  erase(name: string): void;
  /** Names starting with `prefix`, sorted. */
  list(prefix: string): string[];
  /**
   * Since the flash was opened (boot): the files `create` could make only
   * after erasing flash in the foreground, its caller waiting (the SPI NOR
   * spool when no erased slot was left: the recording waits ~11 s). Never
   * decreases; `create` adds at most 1, nothing else adds. Absent on flash
   * that never makes a caller wait for an erase (Node, browser, Espruino
   * Storage): read it as 0.
   */
  readonly stalls?: number;
}
