import { Kind, type TObject, type TSchema } from '@sinclair/typebox';
import { configLeaves } from './env.js';
import { gatewayConfigSchema } from './schema.js';

function typeOf(schema: TSchema): string {
  switch (schema[Kind]) {
    case 'Integer': {
      const range = [schema.minimum, schema.maximum].some((v) => v !== undefined)
        ? ` ${schema.minimum ?? '…'}–${schema.maximum ?? '…'}`
        : '';
      return `integer${range}`;
    }
    case 'Union': {
      const members = schema.anyOf as TSchema[];
      if (members.every((s) => s.const !== undefined)) return `one of ${members.map((s) => JSON.stringify(s.const)).join(' | ')}`;
      return members.map((s) => (s[Kind] === 'Null' ? 'null' : typeOf(s))).join(' or ');
    }
    case 'Array':
      return `JSON array of ${typeOf(schema.items as TSchema)}`;
    case 'Object':
      return 'object';
    default:
      return String(schema[Kind]).toLowerCase();
  }
}

function defaultOf(schema: TSchema): string {
  if (!('default' in schema)) return '(required)';
  const value = schema.default as unknown;
  if (value === '') return '(empty)';
  return `\`${JSON.stringify(value)}\``;
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function objectFields(schema: TObject): string[] {
  return Object.entries(schema.properties).map(
    ([key, child]) => `\`${key}\` (${typeOf(child)}${'default' in child ? `, default ${defaultOf(child)}` : ''}): ${child.description ?? ''}`,
  );
}

/** docs/configuration.md, generated from the schema (a test fails when the checked-in file drifts). */
export function renderConfigurationDoc(schema: TObject = gatewayConfigSchema): string {
  const lines: string[] = [
    '# Configuration',
    '',
    '<!-- Generated from gateway/src/config/schema.ts by renderConfigurationDoc(); do not edit by hand.',
    '     Regenerate: npx tsx gateway/src/config/write-docs.ts -->',
    '',
    'The gateway (`npm start`) reads one configuration, validated before anything starts:',
    '',
    '1. the defaults below;',
    '2. a JSON file, if one is named by `--config <file>` or the `PARLEY_CONFIG` environment variable;',
    '3. `PARLEY_*` environment variables, which override the file.',
    '',
    'Unknown keys in the file and unknown `PARLEY_*` variables are rejected, as are values of the wrong type or',
    'range; the error lists every problem. The result is frozen; relative `dataDir` is resolved against the',
    'working directory. Integers and booleans (`true`/`false`/`1`/`0`) are parsed from environment strings;',
    'arrays take JSON.',
    '',
    'Example file:',
    '',
    '```json',
    '{ "dataDir": "/var/lib/parley", "http": { "port": 8080 }, "mqtt": { "tls": { "certFile": "/etc/parley/tls.crt", "keyFile": "/etc/parley/tls.key" } } }',
    '```',
    '',
    '| key | environment variable | type | default | description |',
    '|---|---|---|---|---|',
  ];
  for (const leaf of configLeaves(schema)) {
    const path = leaf.path.join('.');
    lines.push(
      `| \`${path}\` | \`${leaf.env}\` | ${cell(typeOf(leaf.schema))} | ${cell(defaultOf(leaf.schema))} | ${cell(leaf.schema.description ?? '')} |`,
    );
  }
  const arrays = configLeaves(schema).filter((leaf) => leaf.schema[Kind] === 'Array' && (leaf.schema.items as TSchema)[Kind] === 'Object');
  for (const leaf of arrays) {
    lines.push('', `Each entry of \`${leaf.path.join('.')}\` is an object with:`, '');
    for (const field of objectFields(leaf.schema.items as TObject)) lines.push(`- ${field}`);
  }
  lines.push('');
  return lines.join('\n');
}
