export * from './frame-format.js';
export { CRC16_INIT, crc16, crc16Update } from './crc16.js';
export { checkFrameShape, encodeFrame, frameLength, writeFrame } from './frame-writer.js';
export { LinkDecoder } from './decoder.js';
export type { LinkFrameHandler } from './decoder.js';
export * from './messages.js';
export { McuLink, McuLinkEvent, McuLinkState } from './mcu-link.js';
export type { McuLinkHandlers, McuLinkIo } from './mcu-link.js';
