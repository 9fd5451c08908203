/**
 * `npm run bench -- espruino-link`: the co-processor link decoder on a real
 * Espruino interpreter (set ESPRUINO_BIN to a Linux build of Espruino), timed
 * against an empty loop over the same bytes in the same run.
 */
await import('../../hardware/src/bench/link-on-espruino.js');
