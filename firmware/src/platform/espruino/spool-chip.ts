import { NOR_PAGE_BYTES } from './spi-nor-flash.js';

/** One spool segment's slot on the chip: its header page and the segment, 256 sectors. */
export const SPOOL_SLOT_BYTES = 1024 * 1024;

/** The `spoolChip` of the provisioning `id` file: the spool's segment size and count on the SPI NOR chip. */
export interface SpoolChipConfig {
  segmentBytes: number;
  segments: number;
}

/**
 * The spool of a badge provisioned with its SPI NOR chip (the `id` file's
 * `spoolChip`): the W25Q01JV's 124 MiB spool (hardware `storage.spoolBytes`,
 * the power model's figure) in 124 segments of 1 MiB less the header page.
 * A segment holds ~8.5 minutes of 16 kbps Opus, the spool ~17.5 hours: an
 * 8-hour shift offline (~58 MB) fills under half of it. The spool's RAM index
 * is 10 bytes a segment, so the whole chip costs ~1.2 KB.
 */
export const BADGE_SPOOL_CHIP: SpoolChipConfig = { segmentBytes: SPOOL_SLOT_BYTES - NOR_PAGE_BYTES, segments: 124 };

/**
 * The `spoolChip` to provision a board with: `BADGE_SPOOL_CHIP` when the
 * board's storage data has the SPI NOR chip it is laid out for (a spool
 * area of exactly its slots, on a chip that holds them, programmed in
 * 256-byte pages and erased in 4 KiB sectors), else null: the spool then
 * stays in Espruino Storage.
 */
export function spoolChipFor(storage: { spoolFlashBytes: number; spoolBytes: number; pageBytes: number; eraseBlockBytes: number }): SpoolChipConfig | null {
  const bytes = BADGE_SPOOL_CHIP.segments * SPOOL_SLOT_BYTES;
  const fits = storage.spoolBytes === bytes && storage.spoolFlashBytes >= bytes;
  return fits && storage.pageBytes === NOR_PAGE_BYTES && SPOOL_SLOT_BYTES % storage.eraseBlockBytes === 0 ? BADGE_SPOOL_CHIP : null;
}
