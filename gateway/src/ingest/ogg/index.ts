export { OggOpusWriter, writeOggOpus, encodeOpusHead, encodeOpusTags, OPUS_PRE_SKIP } from './writer.js';
export type { OpusHead, OpusTags } from './writer.js';
export { readOggOpus, OggFormatError } from './reader.js';
export type { OggOpusFile } from './reader.js';
export { oggCrc } from './crc.js';
export { opusPacketSamples, opusFrameSamples, opusLossPacket } from './opus-packet.js';
