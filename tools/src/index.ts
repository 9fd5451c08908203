/**
 * @parley/tools: the simulator's building blocks. Speech synthesis of
 * conversation scripts, Opus encoding and frame sources, scenario files and
 * the dialogue generator, and the fault layer (TCP fault proxy, process
 * supervisor). docs/simulator.md describes them.
 */
export * from './errors.js';
export { SeededRandom, hashString } from './random/seeded-random.js';
export { runProgram } from './external-program.js';
export { ContentCache, cacheKey, canonicalJson, defaultCacheRoot } from './cache/content-cache.js';
export * from './speech/script.js';
export * from './speech/voices.js';
export * from './speech/pcm.js';
export * from './speech/conversation-audio.js';
export * from './opus/encoder.js';
export * from './opus/encoded-audio.js';
export * from './opus/vad.js';
export * from './opus/frame-file.js';
export * from './opus/conversation-opus.js';
export * from './opus/frame-source.js';
export * from './opus/shift-playlist.js';
export * from './faults/token-bucket.js';
export * from './faults/mqtt-connect-sniffer.js';
export * from './faults/fault-proxy.js';
export * from './faults/process-supervisor.js';
export * from './scenario/types.js';
export * from './scenario/duration.js';
export * from './scenario/scenario-file.js';
export * from './scenario/dialogue-generator.js';
export * from './scenario/conversation-plan.js';
export * from './faults/fault-schedule.js';
export * from './opus/badge-shift-audio.js';
