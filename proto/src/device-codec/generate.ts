/** Generates the device codec from a .proto file (see emit.ts for the output). */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { DOWN, TOPIC_ROOT, UP } from '../topics.js';
import { emitDeviceCodecDts, emitDeviceCodecJs, type TopicTables } from './emit.js';
import { readSchema } from './schema.js';

const RUNTIME_URL = new URL('./runtime.js', import.meta.url);

/** The badge protocol's topic tables (topics.ts), emitted with the badge codec. */
export const BADGE_TOPICS: TopicTables = { root: TOPIC_ROOT, up: UP, down: DOWN };

/** Renders badge-codec.js and badge-codec.d.ts for `protoPath` (no files written). */
export async function renderDeviceCodec(protoPath: string, topics: TopicTables | null): Promise<{ js: string; dts: string }> {
  const [source, runtime] = await Promise.all([readFile(protoPath, 'utf8'), readFile(RUNTIME_URL, 'utf8')]);
  const schema = readSchema(source);
  const file = basename(protoPath);
  return { js: emitDeviceCodecJs(schema, runtime, file, topics), dts: emitDeviceCodecDts(schema, file, topics) };
}

/** Writes `badge-codec.js` and `badge-codec.d.ts` into `outDir`; returns their paths. */
export async function generateDeviceCodec(protoPath: string, outDir: string, topics: TopicTables | null): Promise<{ js: string; dts: string }> {
  const rendered = await renderDeviceCodec(protoPath, topics);
  await mkdir(outDir, { recursive: true });
  const js = join(outDir, 'badge-codec.js');
  const dts = join(outDir, 'badge-codec.d.ts');
  await writeFile(js, rendered.js);
  await writeFile(dts, rendered.dts);
  return { js, dts };
}
