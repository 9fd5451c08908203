import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateNodeCodec } from '../src/codegen/node-codec.js';
import { PROTO_PATHS } from '../src/codegen/paths.js';

describe('generated Node codec', () => {
  it('matches what pbjs/pbts generate from badge.proto now (run `npm run generate -w proto` if not)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parley-proto-'));
    try {
      const fresh = await generateNodeCodec(PROTO_PATHS.schema, dir);
      for (const file of ['badge.js', 'badge.d.ts']) {
        const checkedIn = await readFile(join(PROTO_PATHS.nodeCodecDir, file), 'utf8');
        const regenerated = await readFile(file === 'badge.js' ? fresh.js : fresh.dts, 'utf8');
        expect(regenerated === checkedIn, `${file} drifted from badge.proto`).toBe(true);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('imports protobufjs/minimal.js as an ES module default import', async () => {
    const js = await readFile(join(PROTO_PATHS.nodeCodecDir, 'badge.js'), 'utf8');
    expect(js).toContain('import $protobuf from "protobufjs/minimal.js";');
  });
});
