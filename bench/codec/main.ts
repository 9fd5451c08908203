/**
 * `npm run bench -- codec`: the Node and device protobuf codecs on a 1 s
 * AudioChunk, against raw protobufjs measured in the same run.
 */
await import('../../proto/src/bench/codec.js');
