import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { SyncPostgresConnection } from '../../src/store/postgres-connection.js';

/**
 * A throwaway PostgreSQL server for tests: initdb into a temp directory,
 * started with pg_ctl on a Unix socket in that directory (no TCP port, so
 * parallel runs cannot collide), fsync off. PostgreSQL refuses to run as
 * root; as root (CI runs .ci/run as root) the server runs as the `postgres`
 * system user that Debian's postgresql package creates, through runuser.
 */
export interface PostgresServer {
  /** Connection URL of database `name` on this server. */
  url(name?: string): string;
  /** Creates an empty database and returns its URL. */
  createDatabase(): string;
  stop(): void;
}

/** The directory holding initdb and pg_ctl, or null when PostgreSQL is not installed. */
export function findPostgresBin(): string | null {
  const fromEnv = process.env.PARLEY_PG_BIN;
  if (fromEnv && existsSync(join(fromEnv, 'initdb'))) return fromEnv;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const found = which.stdout.trim();
  return which.status === 0 && found ? join(found, '..') : null;
}

const POSTGRES_MISSING = 'needs PostgreSQL server binaries (Debian: apt-get install postgresql; or set PARLEY_PG_BIN): none found';

/** Registers `title` as a skipped suite and prints why at run time, for a machine without PostgreSQL. */
export function skipWithoutPostgres(title: string): void {
  console.log(`${title}: skipped, ${POSTGRES_MISSING}`);
  describe(title, () => {
    it.skip(POSTGRES_MISSING, () => {});
  });
}

function runAs(user: string | null, cmd: string, args: string[]): void {
  const [file, argv] = user ? ['runuser', ['-u', user, '--', cmd, ...args]] : [cmd, args];
  execFileSync(file, argv, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 });
}

export function startPostgres(bin: string): PostgresServer {
  const dir = mkdtempSync(join(tmpdir(), 'parley-pg-'));
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? 'postgres' : null;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o755);
  }
  const data = join(dir, 'data');
  runAs(user, join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'parley', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const options = `-k ${dir} -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50`;
  runAs(user, join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  const url = (name = 'postgres') => `postgresql://parley@localhost/${name}?host=${encodeURIComponent(dir)}`;
  const admin = new SyncPostgresConnection({ url: url(), statementTimeoutMs: 30_000, connectTimeoutMs: 10_000 });
  let n = 0;
  return {
    url,
    createDatabase() {
      const name = `parley_test_${++n}`;
      admin.run(`CREATE DATABASE ${name}`);
      return url(name);
    },
    stop() {
      admin.close();
      try {
        runAs(user, join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
