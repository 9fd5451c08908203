import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configLeaves, renderConfigurationDoc } from '../../src/config/index.js';
import { mainJobConfigSchema } from '../../src/main-job.js';

describe('docs/configuration.md', () => {
  it('is the document generated from the schema (regenerate: npx tsx gateway/src/config/write-docs.ts)', () => {
    const checkedIn = readFileSync(new URL('../../../docs/configuration.md', import.meta.url), 'utf8');
    expect(checkedIn).toBe(renderConfigurationDoc(mainJobConfigSchema));
  });

  it('names every key and environment variable', () => {
    const doc = renderConfigurationDoc(mainJobConfigSchema);
    for (const leaf of configLeaves(mainJobConfigSchema)) {
      expect(doc).toContain(`| \`${leaf.path.join('.')}\` | \`${leaf.env}\` |`);
    }
  });
});
