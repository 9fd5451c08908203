import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configLeaves, gatewayConfigSchema, renderConfigurationDoc } from '../../src/config/index.js';

describe('docs/configuration.md', () => {
  it('is the document generated from the schema (regenerate: npx tsx gateway/src/config/write-docs.ts)', () => {
    const checkedIn = readFileSync(new URL('../../../docs/configuration.md', import.meta.url), 'utf8');
    expect(checkedIn).toBe(renderConfigurationDoc());
  });

  it('names every key and environment variable', () => {
    const doc = renderConfigurationDoc();
    for (const leaf of configLeaves(gatewayConfigSchema)) {
      expect(doc).toContain(`| \`${leaf.path.join('.')}\` | \`${leaf.env}\` |`);
    }
  });
});
