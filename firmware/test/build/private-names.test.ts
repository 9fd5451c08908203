import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { manglablePrivateNames, persistedKeys, privateMemberNames, protoFieldNames } from '../../src/build/private-names.js';

const src = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');
const dir = mkdtempSync(join(tmpdir(), 'parley-private-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('private member names the device build shortens', () => {
  it('finds private fields, methods and parameter properties, not public or protected ones', () => {
    writeFileSync(join(dir, 'a.ts'), `
      export class A {
        private readonly longFieldName = 1;
        private helperMethod(): void {}
        protected protectedName = 2;
        publicMethodName(): void {}
        constructor(private paramProperty: number) {}
      }
      // private commentWord is not a member
    `);
    expect([...privateMemberNames([dir])].sort()).toEqual(['helperMethod', 'longFieldName', 'paramProperty']);
  });

  it('keeps names that are short, protobuf fields, inside any string literal, or absent', () => {
    const bundle = `class A { constructor() { this.telemetryTimer = 1; this.frameIndex = 2; this.connected = false; this.timerRef = 3; }
      on() { c.on('connected', () => {}); } spoolPrefixx() {} }
      const board = {"rxBufferBytes": 2048};`;
    const names = new Set(['telemetryTimer', 'frameIndex', 'connected', 'timerRef', 'rxBufferBytes', 'notInBundle', 'spoolPrefix']);
    const proto = protoFieldNames('message Event {\n  uint32 frame_index = 3;\n  repeated Gap gaps = 4;\n}');
    expect(proto.has('frameIndex')).toBe(true);
    expect(proto.has('gaps')).toBe(true);
    expect(manglablePrivateNames(bundle, names, proto)).toEqual(['telemetryTimer']);
  });

  it('reserves the keys of the JSON the badge persists or is provisioned with, nested ones included', () => {
    const keys = persistedKeys(src);
    for (const k of ['rolledBack', 'bootCount', 'releaseId', 'commandId', 'chunkSize', 'deviceId', 'spoolChip', 'segmentBytes', 'uartPath']) expect(keys.has(k), k).toBe(true);
  });
});
