import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROTO_PATHS } from '../src/codegen/paths.js';
import { DOWN, UP } from '../src/index.js';
import { renderSizesTable, renderTopicsTable } from './support/protocol-doc.js';

const DOC = join(PROTO_PATHS.packageDir, '..', 'docs', 'protocol.md');
const doc = readFileSync(DOC, 'utf8');

function section(name: string): string {
  const match = new RegExp(`<!-- ${name}:begin -->\\n([\\s\\S]*?)\\n<!-- ${name}:end -->`).exec(doc);
  if (!match?.[1]) throw new Error(`docs/protocol.md has no ${name} section`);
  return match[1];
}

const FIX = 'print the current tables with `npx tsx proto/test/support/protocol-doc.ts` and paste them into docs/protocol.md';

describe('docs/protocol.md', () => {
  it('lists exactly the topics of topics.ts with their message, QoS and retain flag', () => {
    expect(section('topics'), FIX).toBe(renderTopicsTable());
  });

  it('names every up and down kind and message', () => {
    for (const [kind, message] of [...Object.entries(UP), ...Object.entries(DOWN)]) {
      expect(doc).toContain(`/${kind}\``);
      expect(doc).toContain(`\`${message}\``);
    }
  });

  it('states payload sizes that match the codec', () => {
    expect(section('sizes'), FIX).toBe(renderSizesTable());
  });

  it('has a sequence diagram for every exchange', () => {
    const headings = [...doc.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    for (const exchange of ['Connect, hello and resume', 'Chunk upload and ack', 'Session end and finalisation', 'Config push and applied version', 'Commands and results', 'Time sync', 'Firmware update (OTA)']) {
      expect(headings).toContain(exchange);
      const body = doc.split(`## ${exchange}\n`)[1]?.split('\n## ')[0] ?? '';
      expect(body, exchange).toContain('```mermaid\nsequenceDiagram');
    }
  });
});
