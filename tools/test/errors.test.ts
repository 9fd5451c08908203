import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TOOLS_ERRORS, ToolsError, isToolsError } from '../src/errors.js';

const srcDir = fileURLToPath(new URL('../src/', import.meta.url));
const doc = fileURLToPath(new URL('../../docs/simulator.md', import.meta.url));

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...(await sources(join(dir, e.name))));
    else if (e.name.endsWith('.ts')) out.push(await readFile(join(dir, e.name), 'utf8'));
  }
  return out;
}

describe('error registry', () => {
  it('has upper-snake codes, each raised somewhere and documented', async () => {
    const code = (await sources(srcDir)).join('\n');
    const docs = await readFile(doc, 'utf8');
    for (const c of Object.keys(TOOLS_ERRORS)) {
      expect(c).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(code.includes(`'${c}'`), `${c} is raised`).toBe(true);
      expect(docs.includes(`\`${c}\``), `${c} is in docs/simulator.md`).toBe(true);
    }
  });

  it('carries code, message and details', () => {
    const e = new ToolsError('SCENARIO_INVALID', 'x', { errors: ['a'] });
    expect(e.message).toBe('Scenario is invalid: x');
    expect(isToolsError(e, 'SCENARIO_INVALID')).toBe(true);
    expect(isToolsError(e, 'PROXY_STATE')).toBe(false);
    expect(e.details).toEqual({ errors: ['a'] });
  });
});
