import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { bundleForEspruino } from '../../src/espruino-bundle/bundle.js';
import { STRIP_TO_ESPRUINO } from '../../src/espruino-subset/index.js';

const link = join(dirname(fileURLToPath(import.meta.url)), '../../src/coproc-link/index.ts');

describe('bundleForEspruino', () => {
  it.each([false, true])('gives one flat script with top-level names, no module syntax (whitespace-minified: %s)', async (minify) => {
    const code = await bundleForEspruino(link, minify);
    expect(code).not.toMatch(/\bexport\s*\{/);
    expect(code).not.toMatch(/\bimport\b/);
    const context = vm.createContext({});
    vm.runInContext(STRIP_TO_ESPRUINO, context);
    vm.runInContext(code, context);
    expect(vm.runInContext('typeof LinkDecoder + typeof McuLink + typeof crc16(new Uint8Array([0x31]), 0, 1)', context)).toBe('functionfunctionnumber');
  });
});
