import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { Kind, type TSchema } from '@sinclair/typebox';
import { pipelineConfigSchema, resolvePipelineConfig, type PipelineConfig } from '../config.js';
import { PipelineError } from '../errors.js';

/**
 * A pipeline worker's configuration, read from the same sources as the main
 * job's (`npm start`): a JSON file named by `--config <file>` or
 * PARLEY_CONFIG, then PARLEY_* environment variables over it. The worker
 * takes `dataDir`, `log.level` and the `pipeline` section; the main job's
 * other sections (mqtt, http, ingest…) and their variables are left to it,
 * so one file and one environment serve both. The main job's loader lives in
 * @parley/gateway, which depends on this package, so it cannot be imported
 * here: the file and variable conventions are the same (docs/configuration.md).
 */
export interface WorkerConfig {
  /** Absolute; the pipeline's files are under `<dataDir>/cloud` as in the main job. */
  dataDir: string;
  logLevel: LogLevel;
  pipeline: PipelineConfig;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const ENV_PREFIX = 'PARLEY_';
const PIPELINE_ENV_PREFIX = 'PARLEY_PIPELINE_';

export interface LoadWorkerConfigOptions {
  /** Command-line arguments (without node and script). */
  argv?: readonly string[];
  env?: Readonly<Record<string, string | undefined>>;
  /** Relative paths (config file, dataDir) resolve against this. */
  cwd?: string;
}

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(detail: string): PipelineError {
  return new PipelineError('CONFIG_INVALID', detail, { retryable: false });
}

function configFile(argv: readonly string[], env: LoadWorkerConfigOptions['env']): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--config') {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw invalid('--config needs a file path');
      return next;
    }
    if (arg.startsWith('--config=')) return arg.slice('--config='.length);
    throw invalid(`unknown argument ${JSON.stringify(arg)} (only --config <file>)`);
  }
  const fromEnv = env?.PARLEY_CONFIG;
  return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
}

function readFile(file: string): Plain {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw invalid(`config file ${file}: ${(err as Error).message}`);
  }
  if (!isPlain(parsed)) throw invalid(`config file ${file} must hold a JSON object`);
  return parsed;
}

function snake(segment: string): string {
  return segment.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

interface Leaf {
  path: string[];
  schema: TSchema;
}

/** The pipeline section's leaves by environment name (`asr.modelDir` -> PARLEY_PIPELINE_ASR_MODEL_DIR). */
function pipelineLeaves(): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  const walk = (node: TSchema, path: string[]) => {
    if (node[Kind] === 'Object' && node.properties && Object.keys(node.properties as object).length > 0) {
      for (const [key, child] of Object.entries(node.properties as Record<string, TSchema>)) walk(child, [...path, key]);
      return;
    }
    out.set(PIPELINE_ENV_PREFIX + path.map(snake).join('_'), { path, schema: node });
  };
  walk(pipelineConfigSchema, []);
  return out;
}

/** An environment string as the leaf's type: integers, numbers and booleans parsed, anything else as is. */
function parseEnv(leaf: Leaf, raw: string): unknown {
  const kinds = leaf.schema[Kind] === 'Union' ? (leaf.schema.anyOf as TSchema[]).map((s) => s[Kind]) : [leaf.schema[Kind]];
  const text = raw.trim();
  if (kinds.includes('Integer') || kinds.includes('Number')) {
    const integer = kinds.includes('Integer');
    if (integer ? !/^-?\d+$/.test(text) : text === '' || !Number.isFinite(Number(text))) {
      throw new Error(`expected ${integer ? 'an integer' : 'a number'}, got '${raw}'`);
    }
    return Number(text);
  }
  if (kinds.includes('Boolean')) {
    const t = text.toLowerCase();
    if (t === 'true' || t === '1') return true;
    if (t === 'false' || t === '0') return false;
    throw new Error(`expected true/false, got '${raw}'`);
  }
  return raw;
}

function setPath(target: Plain, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (!isPlain(node[key])) node[key] = {};
    node = node[key] as Plain;
  }
  node[path[path.length - 1]!] = value;
}

/**
 * Loads and validates the worker's configuration. Throws CONFIG_INVALID
 * listing every problem: unreadable file, an unknown PARLEY_PIPELINE_*
 * variable, a value of the wrong type, and `pipeline.store` other than
 * postgres (SQLite is single-process: a worker needs the database the main
 * job shares). `pipeline.stages.runInProcess` is the main job's switch and
 * is ignored here: a worker always runs stages.
 */
export function loadWorkerConfig(options: LoadWorkerConfigOptions = {}): WorkerConfig {
  const env = options.env ?? {};
  const cwd = options.cwd ?? process.cwd();
  const file = configFile(options.argv ?? [], env);
  const fromFile = file === undefined ? {} : readFile(isAbsolute(file) ? file : resolve(cwd, file));
  const problems: string[] = [];

  const pipeline: Plain = isPlain(fromFile['pipeline']) ? structuredClone(fromFile['pipeline']) : {};
  if (fromFile['pipeline'] !== undefined && !isPlain(fromFile['pipeline'])) problems.push('pipeline: must be an object');
  let dataDir: unknown = fromFile['dataDir'] ?? './data';
  const log = isPlain(fromFile['log']) ? fromFile['log'] : {};
  let logLevel: unknown = log['level'] ?? 'info';

  const leaves = pipelineLeaves();
  for (const [name, raw] of Object.entries(env)) {
    if (raw === undefined || !name.startsWith(ENV_PREFIX)) continue;
    if (name === 'PARLEY_DATA_DIR') dataDir = raw;
    else if (name === 'PARLEY_LOG_LEVEL') logLevel = raw;
    else if (name.startsWith(PIPELINE_ENV_PREFIX)) {
      const leaf = leaves.get(name);
      if (!leaf) {
        problems.push(`${name}: unknown environment variable (no such pipeline configuration key)`);
        continue;
      }
      try {
        setPath(pipeline, leaf.path, parseEnv(leaf, raw));
      } catch (err) {
        problems.push(`${name}: ${(err as Error).message}`);
      }
    }
  }
  if (typeof dataDir !== 'string' || dataDir === '') problems.push('dataDir: must be a non-empty string');
  if (!LOG_LEVELS.includes(logLevel as LogLevel)) problems.push(`log.level: must be one of ${LOG_LEVELS.join(', ')}`);

  let resolved: PipelineConfig | null = null;
  if (problems.length === 0) {
    // The main job's switch: a worker always runs the stages (and the cross-check on it concerns the main job).
    if (isPlain(pipeline['stages'])) delete pipeline['stages']['runInProcess'];
    try {
      resolved = resolvePipelineConfig(pipeline);
    } catch (err) {
      problems.push(`pipeline: ${(err as Error).message}`);
    }
  }
  if (resolved && resolved.store !== 'postgres') {
    problems.push(
      "pipeline.store: a pipeline worker needs 'postgres' (PARLEY_PIPELINE_STORE=postgres and pipeline.postgres.url): SQLite is single-process, the worker must share the main job's database",
    );
  }
  if (problems.length > 0 || !resolved) {
    const source = file === undefined ? 'environment' : `${file} + environment`;
    throw invalid(`${source}:\n  ${problems.join('\n  ')}`);
  }
  return { dataDir: resolve(cwd, dataDir as string), logLevel: logLevel as LogLevel, pipeline: resolved };
}
