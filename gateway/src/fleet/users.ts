import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { ROLES, type ApiToken, type NewApiToken, type Role, type User } from '../api-types.js';
import { ParleyError } from '../errors.js';
import type { AuditLog } from '../registry/audit-log.js';
import type { Actor } from '../registry/device-registry.js';
import { hashSecret, verifySecret } from '../registry/secrets.js';
import { FLEET_ID_PATTERN } from './directory.js';

interface UserRow {
  id: string;
  role: Role;
  password_hash: string;
  disabled: number;
  created_at: number;
}

const toUser = (r: UserRow): User => ({ id: r.id, role: r.role, disabled: r.disabled === 1, createdAtMs: r.created_at });

export const MIN_PASSWORD_LENGTH = 12;
export const SESSION_TTL_MS = 12 * 3600_000;
/** Refused logins per username within LOGIN_FAILURE_WINDOW_MS before further attempts are refused outright. */
export const LOGIN_FAILURE_LIMIT = 10;
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60_000;
const TOKEN_PREFIX = 'pat_';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * Users of the fleet API and UI: scrypt password hashes, sessions (web UI
 * cookie) and API tokens (CLI), both random 256-bit values stored only as
 * SHA-256. Every change and every login, good or bad, is audited.
 */
export class UserDirectory {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly options: { scryptCost: number; now: () => number },
  ) {}

  private now(): number {
    return this.options.now();
  }

  async create(input: { id: string; role: Role; password: string }, by: Actor): Promise<User> {
    if (!FLEET_ID_PATTERN.test(input.id)) throw new ParleyError('BAD_REQUEST', 'user id: 1-64 of A-Z a-z 0-9 . _ -');
    if (!(ROLES as readonly string[]).includes(input.role)) throw new ParleyError('BAD_REQUEST', `role: one of ${ROLES.join(', ')}`);
    checkPassword(input.password);
    const atMs = this.now();
    const hash = await hashSecret(input.password, this.options.scryptCost);
    try {
      this.db.prepare('INSERT INTO fleet_users (id, role, password_hash, created_at) VALUES (?, ?, ?, ?)').run(input.id, input.role, hash, atMs);
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new ParleyError('CONFLICT', `user '${input.id}' exists`);
      throw err;
    }
    await this.audit.append({ ...by, action: 'user.created', target: input.id, outcome: 'ok', details: { role: input.role }, atMs });
    return this.get(input.id);
  }

  get(id: string): User {
    const row = this.db.prepare('SELECT * FROM fleet_users WHERE id = ?').get(id) as UserRow | undefined;
    if (!row) throw new ParleyError('NOT_FOUND', `user '${id}'`);
    return toUser(row);
  }

  list(): User[] {
    return (this.db.prepare('SELECT * FROM fleet_users ORDER BY id').all() as UserRow[]).map(toUser);
  }

  /** Changes role, disables/enables, or sets a new password. Disabling ends the user's sessions and tokens. */
  async update(id: string, input: { role?: Role; disabled?: boolean; password?: string }, by: Actor): Promise<User> {
    const before = this.get(id);
    const atMs = this.now();
    if (input.password !== undefined) checkPassword(input.password);
    const hash = input.password === undefined ? null : await hashSecret(input.password, this.options.scryptCost);
    this.db.transaction(() => {
      this.db.prepare('UPDATE fleet_users SET role = ?, disabled = ?, password_hash = COALESCE(?, password_hash) WHERE id = ?').run(
        input.role ?? before.role,
        (input.disabled ?? before.disabled) ? 1 : 0,
        hash,
        id,
      );
      if (input.disabled === true || hash !== null) this.db.prepare('DELETE FROM fleet_sessions WHERE user_id = ?').run(id);
      if (input.disabled === true) this.db.prepare('UPDATE fleet_api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL').run(atMs, id);
    })();
    await this.audit.append({
      ...by,
      action: 'user.updated',
      target: id,
      outcome: 'ok',
      details: { ...(input.role ? { role: input.role } : {}), ...(input.disabled !== undefined ? { disabled: input.disabled } : {}), passwordChanged: hash !== null },
      atMs,
    });
    return this.get(id);
  }

  /** Checks a password and opens a session; returns its token (the cookie value). */
  async login(id: string, password: string, source: string | null): Promise<{ user: User; sessionToken: string; expiresAtMs: number }> {
    const atMs = this.now();
    const target = id.slice(0, 128);
    const recentFailures = (
      this.db.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE target = ? AND action = 'user.login.failed' AND at > ?`).get(target, atMs - LOGIN_FAILURE_WINDOW_MS) as { n: number }
    ).n;
    const refuse = async (reason: string, code: 'UNAUTHORIZED' | 'AUTH_RATE_LIMITED' = 'UNAUTHORIZED'): Promise<never> => {
      await this.audit.append({ actor: 'anonymous', action: 'user.login.failed', target, source, outcome: 'denied', details: { reason }, atMs });
      throw new ParleyError(code, code === 'UNAUTHORIZED' ? 'wrong username or password' : 'too many failed logins; wait and retry');
    };
    if (recentFailures >= LOGIN_FAILURE_LIMIT) return refuse('locked_out', 'AUTH_RATE_LIMITED');
    const row = this.db.prepare('SELECT * FROM fleet_users WHERE id = ?').get(id) as UserRow | undefined;
    // Unknown users cost a hash too, so timing does not tell which usernames exist.
    const ok = row ? await verifySecret(password, row.password_hash) : (await hashSecret(password, this.options.scryptCost), false);
    if (!row || !ok) return refuse(row ? 'bad_password' : 'unknown_user');
    if (row.disabled === 1) return refuse('disabled');
    const sessionToken = randomBytes(32).toString('base64url');
    const expiresAtMs = atMs + SESSION_TTL_MS;
    this.db.prepare('INSERT INTO fleet_sessions (token_sha256, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(sha256(sessionToken), row.id, atMs, expiresAtMs);
    this.db.prepare('DELETE FROM fleet_sessions WHERE expires_at <= ?').run(atMs);
    await this.audit.append({ actor: `user:${row.id}`, action: 'user.login', target: row.id, source, outcome: 'ok', atMs });
    return { user: toUser(row), sessionToken, expiresAtMs };
  }

  async logout(sessionToken: string, by: Actor): Promise<void> {
    const removed = this.db.prepare('DELETE FROM fleet_sessions WHERE token_sha256 = ? RETURNING user_id').get(sha256(sessionToken)) as { user_id: string } | undefined;
    if (removed) await this.audit.append({ ...by, action: 'user.logout', target: removed.user_id, outcome: 'ok', atMs: this.now() });
  }

  /** The user of a live session, or null. */
  bySession(sessionToken: string): User | null {
    const row = this.db
      .prepare('SELECT u.* FROM fleet_sessions s JOIN fleet_users u ON u.id = s.user_id WHERE s.token_sha256 = ? AND s.expires_at > ? AND u.disabled = 0')
      .get(sha256(sessionToken), this.now()) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  /** Creates an API token for a user; the token is returned once. */
  async createToken(userId: string, name: string, by: Actor): Promise<NewApiToken> {
    const user = this.get(userId);
    if (user.disabled) throw new ParleyError('CONFLICT', 'user is disabled');
    if (name.length === 0 || name.length > 100) throw new ParleyError('BAD_REQUEST', 'token name: 1-100 characters');
    const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const id = randomUUID();
    const atMs = this.now();
    this.db.prepare('INSERT INTO fleet_api_tokens (id, user_id, name, token_sha256, created_at) VALUES (?, ?, ?, ?, ?)').run(id, userId, name, sha256(token), atMs);
    await this.audit.append({ ...by, action: 'user.token.created', target: userId, outcome: 'ok', details: { tokenId: id, name }, atMs });
    return { token, info: this.tokens(userId).find((t) => t.id === id)! };
  }

  tokens(userId: string): ApiToken[] {
    return this.db
      .prepare('SELECT id, user_id AS userId, name, created_at AS createdAtMs, last_used_at AS lastUsedAtMs, revoked_at AS revokedAtMs FROM fleet_api_tokens WHERE user_id = ? ORDER BY created_at')
      .all(userId) as ApiToken[];
  }

  async revokeToken(userId: string, tokenId: string, by: Actor): Promise<void> {
    const atMs = this.now();
    if (this.db.prepare('UPDATE fleet_api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL').run(atMs, tokenId, userId).changes === 0) {
      throw new ParleyError('NOT_FOUND', `live token ${tokenId} of ${userId}`);
    }
    await this.audit.append({ ...by, action: 'user.token.revoked', target: userId, outcome: 'ok', details: { tokenId }, atMs });
  }

  /** The user of a live API token, or null. Tokens that do not look like ours are not even looked up. */
  byToken(token: string): User | null {
    if (!token.startsWith(TOKEN_PREFIX)) return null;
    const hash = sha256(token);
    const row = this.db
      .prepare('SELECT u.* FROM fleet_api_tokens t JOIN fleet_users u ON u.id = t.user_id WHERE t.token_sha256 = ? AND t.revoked_at IS NULL AND u.disabled = 0')
      .get(hash) as UserRow | undefined;
    if (!row) return null;
    this.db.prepare('UPDATE fleet_api_tokens SET last_used_at = ? WHERE token_sha256 = ?').run(this.now(), hash);
    return toUser(row);
  }
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > 1024) throw new ParleyError('BAD_REQUEST', `password: ${MIN_PASSWORD_LENGTH}-1024 characters`);
}
