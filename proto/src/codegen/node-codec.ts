/**
 * Generates the Node codec: protobufjs static code (pbjs) and its typings
 * (pbts) from badge.proto. The output is checked in under src/generated/ and
 * a test regenerates it into a temporary directory to catch drift.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import cli from 'protobufjs-cli';

/** pbjs options: ES module, 64-bit fields as JS numbers, no RPC services. */
export const PBJS_ARGS = ['-t', 'static-module', '-w', 'es6', '--force-number', '--no-service', '--no-delimited'];

function runPbjs(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    cli.pbjs.main(args, (err, output) => {
      if (err) reject(err);
      else if (output === undefined) reject(new Error('pbjs produced no output'));
      else resolve(output);
    });
  });
}

function runPbts(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    cli.pbts.main(args, (err) => (err ? reject(err) : resolve()));
  });
}

/** Writes `badge.js` and `badge.d.ts` for `protoPath` into `outDir`; returns their paths. */
export async function generateNodeCodec(protoPath: string, outDir: string): Promise<{ js: string; dts: string }> {
  await mkdir(outDir, { recursive: true });
  const js = join(outDir, 'badge.js');
  const dts = join(outDir, 'badge.d.ts');
  const source = await runPbjs([...PBJS_ARGS, protoPath]);
  await writeFile(js, source);
  await runPbts(['--no-comments', '-o', dts, js]);
  return { js, dts };
}
