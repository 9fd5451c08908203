/**
 * `npm run generate -w proto`: regenerates the checked-in codecs from
 * badge.proto (the Node protobufjs static code; the device codec once its
 * generator lands).
 */
import { generateNodeCodec } from './node-codec.js';
import { PROTO_PATHS } from './paths.js';

const node = await generateNodeCodec(PROTO_PATHS.schema, PROTO_PATHS.nodeCodecDir);
console.log(`wrote ${node.js}\nwrote ${node.dts}`);
