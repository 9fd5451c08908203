/**
 * The session aliases of one MQTT connection (CAPABILITY_COMPACT_CHUNKS, see
 * docs/protocol.md): the badge announces a small number per session in its
 * Hello inventory and in SessionStart, and names the session by it in
 * AudioChunk instead of the 16-byte id. An alias means nothing beyond the
 * connection it was announced on: the ingest keeps one SessionAliases per
 * connection and drops it when the connection closes.
 */
import { ParleyError } from '../errors.js';

/** Aliases one connection may announce: a badge holds at most a few dozen sessions; this bounds a misbehaving one. */
export const MAX_ALIASES_PER_CONNECTION = 4096;

export class SessionAliases {
  /** Alias -> session id (32 hex characters), or null once the alias was announced for two sessions. */
  private readonly byAlias = new Map<number, string | null>();

  /**
   * Binds `alias` (1..2^32-1) to the session `sessionHex` for the rest of the
   * connection. Announcing the same pair again is harmless. An alias
   * announced for a second session is unusable from then on (chunks naming
   * it are rejected rather than stored under either session): throws
   * SESSION_ALIAS_CONFLICT. Throws CHUNK_INVALID past the per-connection bound.
   */
  announce(alias: number, sessionHex: string): void {
    const bound = this.byAlias.get(alias);
    if (bound === sessionHex) return;
    if (bound !== undefined) {
      this.byAlias.set(alias, null);
      throw new ParleyError('SESSION_ALIAS_CONFLICT', `alias ${alias}: ${bound ?? 'already conflicting'} and ${sessionHex}`);
    }
    if (this.byAlias.size >= MAX_ALIASES_PER_CONNECTION) throw new ParleyError('CHUNK_INVALID', `more than ${MAX_ALIASES_PER_CONNECTION} session aliases on one connection`);
    this.byAlias.set(alias, sessionHex);
  }

  /** The session `alias` names; SESSION_ALIAS_UNKNOWN if it was not announced (or conflicts) on this connection. */
  resolve(alias: number): string {
    const hex = this.byAlias.get(alias);
    if (hex === undefined) throw new ParleyError('SESSION_ALIAS_UNKNOWN', `alias ${alias}`);
    if (hex === null) throw new ParleyError('SESSION_ALIAS_UNKNOWN', `alias ${alias} was announced for two sessions`);
    return hex;
  }

  get size(): number {
    return this.byAlias.size;
  }
}
