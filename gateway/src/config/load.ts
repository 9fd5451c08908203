import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Static, TObject } from '@sinclair/typebox';
import { Value, ValueErrorType } from '@sinclair/typebox/value';
import { ParleyError } from '../errors.js';
import { ENV_PREFIX, NON_CONFIG_ENV, configLeaves, parseEnvValue } from './env.js';
import { gatewayConfigSchema } from './schema.js';

export interface LoadConfigOptions<S extends TObject> {
  /** Command-line arguments (without node and script): `--config <file>` or `--config=<file>`. */
  argv?: readonly string[];
  env?: Readonly<Record<string, string | undefined>>;
  /** Relative paths (config file, dataDir) resolve against this. */
  cwd?: string;
  /** Root schema; defaults to the gateway core's. */
  schema?: S;
  /** Values below the file and the environment (e.g. a test's settings). */
  base?: Record<string, unknown>;
}

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeInto(target: Plain, source: Plain): Plain {
  for (const [key, value] of Object.entries(source)) {
    const current = target[key];
    target[key] = isPlain(current) && isPlain(value) ? mergeInto({ ...current }, value) : value;
  }
  return target;
}

function setPath(target: Plain, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (!isPlain(next)) node[key] = {};
    node = node[key] as Plain;
  }
  node[path[path.length - 1]!] = value;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

function configFileFrom(argv: readonly string[], env: LoadConfigOptions<TObject>['env']): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--config') {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new ParleyError('CONFIG_INVALID', '--config needs a file path');
      return next;
    }
    if (arg.startsWith('--config=')) return arg.slice('--config='.length);
  }
  const fromEnv = env?.PARLEY_CONFIG;
  return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
}

function readConfigFile(file: string): Plain {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ParleyError('CONFIG_INVALID', `cannot read config file ${file}: ${(err as Error).message}`, { file }, { cause: err });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new ParleyError('CONFIG_INVALID', `config file ${file} is not valid JSON: ${(err as Error).message}`, { file }, { cause: err });
  }
  if (!isPlain(parsed)) throw new ParleyError('CONFIG_INVALID', `config file ${file} must hold a JSON object`, { file });
  return parsed;
}

/**
 * Builds the one validated configuration: schema defaults < `base` < JSON
 * file (`--config` or PARLEY_CONFIG) < PARLEY_* environment variables.
 * Unknown keys (in the file or as PARLEY_* variables) and invalid values are
 * rejected with every problem listed. The result is deeply frozen, with
 * `dataDir` made absolute.
 */
export function loadConfig<S extends TObject = typeof gatewayConfigSchema>(options: LoadConfigOptions<S> = {}): Static<S> {
  const schema = (options.schema ?? gatewayConfigSchema) as S;
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? {};
  const problems: string[] = [];

  const file = configFileFrom(options.argv ?? [], env);
  const merged: Plain = structuredClone(options.base ?? {});
  if (file !== undefined) mergeInto(merged, readConfigFile(isAbsolute(file) ? file : resolve(cwd, file)));

  const leaves = configLeaves(schema);
  const byEnv = new Map(leaves.map((leaf) => [leaf.env, leaf]));
  for (const [name, raw] of Object.entries(env)) {
    if (!name.startsWith(ENV_PREFIX) || raw === undefined || NON_CONFIG_ENV.has(name)) continue;
    const leaf = byEnv.get(name);
    if (!leaf) {
      problems.push(`${name}: unknown environment variable (no such configuration key)`);
      continue;
    }
    try {
      setPath(merged, leaf.path, parseEnvValue(leaf, raw));
    } catch (err) {
      problems.push(`${name}: ${(err as Error).message}`);
    }
  }

  const value = Value.Default(schema, merged) as Plain;
  for (const error of Value.Errors(schema, value)) {
    const where = error.path === '' ? '(root)' : error.path.slice(1).replaceAll('/', '.');
    const unknown = error.type === ValueErrorType.ObjectAdditionalProperties;
    problems.push(unknown ? `${where}: unknown key` : `${where}: ${error.message}`);
  }
  if (problems.length === 0) problems.push(...crossChecks(value));
  if (problems.length > 0) {
    const source = file === undefined ? 'environment' : `${file} + environment`;
    throw new ParleyError('CONFIG_INVALID', `${source}:\n  ${[...new Set(problems)].join('\n  ')}`, { problems });
  }

  if (typeof value.dataDir === 'string') value.dataDir = resolve(cwd, value.dataDir);
  return deepFreeze(value) as Static<S>;
}

/** Rules that span several keys of the core sections. */
function crossChecks(value: Plain): string[] {
  const out: string[] = [];
  const mqtt = value.mqtt as { tls?: { certFile?: string; keyFile?: string }; services?: { name: string }[] } | undefined;
  const tls = mqtt?.tls;
  if (tls && Boolean(tls.certFile) !== Boolean(tls.keyFile)) out.push('mqtt.tls: set both certFile and keyFile, or neither');
  const names = (mqtt?.services ?? []).map((s) => s.name);
  const dup = names.find((name, i) => names.indexOf(name) !== i);
  if (dup !== undefined) out.push(`mqtt.services: service '${dup}' is defined twice`);
  const token = (value.admin as { token?: string } | undefined)?.token ?? '';
  if (token !== '' && token.length < 32) out.push('admin.token: must be at least 32 characters');
  const auth = value.auth as { lockoutBaseMs?: number; lockoutMaxMs?: number; scryptCost?: number } | undefined;
  if (auth?.lockoutBaseMs !== undefined && auth.lockoutMaxMs !== undefined && auth.lockoutBaseMs > auth.lockoutMaxMs) {
    out.push('auth.lockoutBaseMs: must not exceed auth.lockoutMaxMs');
  }
  if (auth?.scryptCost !== undefined && (auth.scryptCost & (auth.scryptCost - 1)) !== 0) out.push('auth.scryptCost: must be a power of two');
  return out;
}
