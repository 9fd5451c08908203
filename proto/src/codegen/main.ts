/**
 * `npm run generate -w proto`: regenerates the checked-in codecs from
 * badge.proto: the Node protobufjs static code (src/generated/) and the
 * device codec (device/badge-codec.js).
 */
import { BADGE_TOPICS, generateDeviceCodec } from '../device-codec/generate.js';
import { generateNodeCodec } from './node-codec.js';
import { PROTO_PATHS } from './paths.js';

const node = await generateNodeCodec(PROTO_PATHS.schema, PROTO_PATHS.nodeCodecDir);
const device = await generateDeviceCodec(PROTO_PATHS.schema, PROTO_PATHS.deviceCodecDir, BADGE_TOPICS);
for (const file of [node.js, node.dts, device.js, device.dts]) console.log(`wrote ${file}`);
