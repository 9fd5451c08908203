import { Kind, type TSchema } from '@sinclair/typebox';

/**
 * Environment variables for configuration keys: every leaf of the schema maps
 * to `PARLEY_` + its path in SCREAMING_SNAKE_CASE (`http.port` ->
 * `PARLEY_HTTP_PORT`, `dataDir` -> `PARLEY_DATA_DIR`). Arrays and objects
 * without properties take JSON.
 */
export const ENV_PREFIX = 'PARLEY_';

/** PARLEY_* variables that are not configuration keys. */
export const NON_CONFIG_ENV: ReadonlySet<string> = new Set(['PARLEY_CONFIG']);

export interface ConfigLeaf {
  path: readonly string[];
  env: string;
  schema: TSchema;
}

function snake(segment: string): string {
  return segment.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

export function envNameFor(path: readonly string[]): string {
  return ENV_PREFIX + path.map(snake).join('_');
}

function isObjectWithProperties(schema: TSchema): schema is TSchema & { properties: Record<string, TSchema> } {
  return schema[Kind] === 'Object' && typeof schema.properties === 'object' && Object.keys(schema.properties).length > 0;
}

/** Lists the schema's leaves in declaration order; throws when two leaves would share an env name. */
export function configLeaves(schema: TSchema, prefix: readonly string[] = []): ConfigLeaf[] {
  const out: ConfigLeaf[] = [];
  const walk = (node: TSchema, path: readonly string[]) => {
    if (isObjectWithProperties(node)) {
      for (const [key, child] of Object.entries(node.properties)) walk(child, [...path, key]);
      return;
    }
    out.push({ path, env: envNameFor(path), schema: node });
  };
  walk(schema, prefix);
  const seen = new Map<string, string>();
  for (const leaf of out) {
    const other = seen.get(leaf.env);
    if (other !== undefined) throw new Error(`config keys '${other}' and '${leaf.path.join('.')}' both map to ${leaf.env}`);
    seen.set(leaf.env, leaf.path.join('.'));
  }
  return out;
}

/** Converts an environment string to the leaf's type; throws a message on failure. */
export function parseEnvValue(leaf: ConfigLeaf, raw: string): unknown {
  const kind = leaf.schema[Kind];
  switch (kind) {
    case 'Integer':
    case 'Number': {
      const text = raw.trim();
      const ok = kind === 'Integer' ? /^-?\d+$/.test(text) : text !== '' && Number.isFinite(Number(text));
      if (!ok) throw new Error(`expected ${kind === 'Integer' ? 'an integer' : 'a number'}, got '${raw}'`);
      return Number(text);
    }
    case 'Boolean': {
      const text = raw.trim().toLowerCase();
      if (text === 'true' || text === '1') return true;
      if (text === 'false' || text === '0') return false;
      throw new Error(`expected true/false, got '${raw}'`);
    }
    case 'Array':
    case 'Object':
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        throw new Error('expected JSON');
      }
    default:
      return raw;
  }
}
