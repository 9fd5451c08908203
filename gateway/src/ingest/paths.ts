import { join, resolve } from 'node:path';
import { isDeviceId } from '@parley/proto';
import { ParleyError } from '../errors.js';

const SESSION_HEX = /^[0-9a-f]{32}$/;

/**
 * The ingest's layout under the data directory (docs/ingest.md):
 *   spool/{deviceId}/{sessionHex}.spool     chunks as received, until finalised
 *   sessions/{deviceId}/{sessionHex}.opus   the assembled Ogg Opus file
 *   journal/{16-digit number}.wal           write-ahead journal segments (group commit)
 * Every component is validated before it reaches a path: device ids by
 * DEVICE_ID_PATTERN, session ids as 32 lowercase hex characters.
 */
export class IngestPaths {
  readonly root: string;
  readonly spoolRoot: string;
  readonly sessionsRoot: string;
  readonly journalDir: string;

  constructor(dataDir: string) {
    this.root = resolve(dataDir);
    this.spoolRoot = join(this.root, 'spool');
    this.sessionsRoot = join(this.root, 'sessions');
    this.journalDir = join(this.root, 'journal');
  }

  spoolDir(deviceId: string): string {
    return join(this.spoolRoot, checkDevice(deviceId));
  }

  spoolFile(deviceId: string, sessionHex: string): string {
    return join(this.spoolDir(deviceId), `${checkSession(sessionHex)}.spool`);
  }

  sessionDir(deviceId: string): string {
    return join(this.sessionsRoot, checkDevice(deviceId));
  }

  audioFile(deviceId: string, sessionHex: string): string {
    return join(this.sessionDir(deviceId), `${checkSession(sessionHex)}.opus`);
  }
}

export function checkDevice(deviceId: string): string {
  if (!isDeviceId(deviceId)) throw new ParleyError('PATH_UNSAFE', `device id ${JSON.stringify(deviceId.slice(0, 80))}`);
  return deviceId;
}

export function checkSession(sessionHex: string): string {
  if (!SESSION_HEX.test(sessionHex)) throw new ParleyError('PATH_UNSAFE', `session id ${JSON.stringify(sessionHex.slice(0, 80))}`);
  return sessionHex;
}
