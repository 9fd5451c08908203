import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runBundleOnInterpreter } from '../../src/build/espruino-interpreter.js';

/**
 * The device bundle on Espruino's own interpreter (a 2v29 Linux build with
 * 12,000 variables, built outside the repo). Set PARLEY_ESPRUINO_BIN to run.
 * Regression: on the interpreter the badge once sent 3 chunks for ~10 s of
 * audio (the decoder fed byte by byte from Serial strings could not keep up,
 * the co-processor ran out of credit, and nothing counted the frames that
 * never arrived). Now every frame index the session used is either delivered
 * or reported lost in the SessionEnd's gaps.
 */
const bin = process.env.PARLEY_ESPRUINO_BIN;
const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe.skipIf(!bin)('device bundle on the real Espruino interpreter (PARLEY_ESPRUINO_BIN)', () => {
  it('boots, records 10 s and uploads; every frame is delivered or counted lost; memory is reported', async () => {
    const file = join(pkg, 'dist', 'badge.min.js');
    if (!existsSync(file)) {
      const tsx = join(pkg, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
      execFileSync(process.execPath, [tsx, join(pkg, 'src', 'build', 'main.ts')], { env: { ...process.env, PARLEY_ESPRUINO_BIN: '' }, timeout: 120_000 });
    }
    const r = await runBundleOnInterpreter({ bin: bin as string, bundle: readFileSync(file, 'latin1'), recordSeconds: 10 });
    console.log(`interpreter: prelude ${r.preludeVars}, boot ${r.bootVars}, peak ${r.peakVars} of ${r.totalVars} variables; ` +
      `${r.gateway.sessionFrames} frames, ${r.gateway.frames} delivered, ${r.gateway.gapFrames} lost; CPU ${r.cpuPerAudioSecond.toFixed(2)} s/s`);
    expect(r.errors).toEqual([]);
    expect(r.gateway.hellos).toBeGreaterThan(0);
    expect(r.gateway.complete).toBe(1);
    // Nothing silently missing: delivered + reported lost = the frame indices the session used.
    expect(r.gateway.frames + r.gateway.gapFrames).toBe(r.gateway.sessionFrames);
    // 10 s is 500 frame indices; the interpreter on a loaded machine reads the UART late, so allow
    // for frames still queued in the co-processor when STOP lands (up to its 64-frame queue).
    expect(r.gateway.sessionFrames).toBeGreaterThan(250);
    expect(r.gateway.chunks).toBeGreaterThan(5);
    expect(r.link?.crcErrors ?? 0).toBe(0);
    expect(r.peakVars).toBeLessThan(r.totalVars);
  }, 120_000);
});
