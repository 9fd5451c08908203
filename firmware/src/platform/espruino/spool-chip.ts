import { NOR_PAGE_BYTES } from './spi-nor-flash.js';

/** One spool segment's slot on the chip: its header page and the segment, 256 sectors. */
export const SPOOL_SLOT_BYTES = 1024 * 1024;

/**
 * The spool of a badge provisioned with its SPI NOR chip (the `id` file's
 * `spoolChip`): the W25Q01JV's 124 MiB spool (hardware `storage.spoolBytes`,
 * the power model's figure) in 124 segments of 1 MiB less the header page.
 * A segment holds ~8.5 minutes of 16 kbps Opus, the spool ~17.5 hours: an
 * 8-hour shift offline (~58 MB) fills under half of it. The spool's RAM index
 * is 10 bytes a segment, so the whole chip costs ~1.2 KB.
 */
export const BADGE_SPOOL_CHIP = { segmentBytes: SPOOL_SLOT_BYTES - NOR_PAGE_BYTES, segments: 124 };
