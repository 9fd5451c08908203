import { afterAll, describe, expect, it } from 'vitest';
import { formatZeroLossTable } from '../../src/simulator/zero-loss-check.js';
import type { ZeroLossRow } from '../../src/simulator/zero-loss-check.js';
import { runScenarioE2e } from './e2e-harness.js';

/**
 * The short end-to-end zero-loss suite: real firmware core, real gateway,
 * real speech in real Opus, every fault the in-process harness can reach.
 * Scenarios are short (2-3 simulated minutes at 20x); the long runs are
 * `npm run bench -- e2e`.
 */
const rows: ZeroLossRow[] = [];
afterAll(() => {
  if (rows.length > 0) console.log('\n' + formatZeroLossTable(rows));
});

function scenario(name: string, extra = '', badges = 2): string {
  const list = Array.from({ length: badges }, (_, i) => `      - { id: badge-${String(i + 1).padStart(4, '0')}, staff: st-${i % 2 === 0 ? 'chen' : 'wang'} }`).join('\n');
  return `version: 1
name: ${name}
seed: 3
duration: 3m
speed: 20
dialogues:
  corpus:
    ids: [dev-001, dev-002, dev-003]
branches:
  - id: br-north
    staff:
      - { id: st-chen, name: 陈静 }
      - { id: st-wang, name: 王磊 }
    badges:
${list}
shifts:
  - badges: all
    length: 3m
    conversationsPerHour: 60
${extra}`;
}

describe('end-to-end zero loss (badges → gateway → Ogg Opus)', () => {
  it('clean run: every captured frame in exactly one finalised session that decodes to its duration', async () => {
    const r = await runScenarioE2e(scenario('clean'));
    rows.push(r.row);
    expect(r.problems).toEqual([]);
    expect(r.row.framesCaptured).toBeGreaterThan(1000);
    expect(r.row.framesDelivered).toBe(r.row.framesCaptured);
  }, 120_000);
});
