import { resolve } from 'node:path';
import { StoreMigrationError } from './errors.js';

export interface StoreMigrateArguments {
  sqliteFile: string;
  postgresUrl: string;
  batchRows: number;
}

export const USAGE = 'usage: npm run store-migrate -- --from sqlite:<dataDir>/cloud/cloud.db --to postgres://user@host:5432/db [--batch <rows>]';

/** Parses `--from sqlite:<path> --to <postgres url> [--batch N]` (also `--from=…`). */
export function parseStoreMigrateArguments(argv: readonly string[], cwd = process.cwd()): StoreMigrateArguments {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const [name, inline] = arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    if (name !== '--from' && name !== '--to' && name !== '--batch') throw new StoreMigrationError('USAGE', `unknown argument ${JSON.stringify(arg)}\n${USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') throw new StoreMigrationError('USAGE', `${name} needs a value\n${USAGE}`);
    values.set(name, value);
  }
  const from = values.get('--from');
  const to = values.get('--to');
  if (!from || !to) throw new StoreMigrationError('USAGE', `--from and --to are required\n${USAGE}`);
  if (!from.startsWith('sqlite:') || from.length === 'sqlite:'.length) throw new StoreMigrationError('USAGE', `--from must be sqlite:<path to cloud.db>, got ${JSON.stringify(from)}\n${USAGE}`);
  if (!/^postgres(ql)?:\/\//.test(to)) throw new StoreMigrationError('USAGE', `--to must be a postgres:// or postgresql:// URL\n${USAGE}`);
  const batch = values.get('--batch') ?? '500';
  if (!/^\d+$/.test(batch) || Number(batch) < 1 || Number(batch) > 10_000) throw new StoreMigrationError('USAGE', `--batch must be an integer 1-10000, got ${batch}`);
  return { sqliteFile: resolve(cwd, from.slice('sqlite:'.length)), postgresUrl: to, batchRows: Number(batch) };
}
