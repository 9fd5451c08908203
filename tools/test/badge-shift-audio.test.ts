import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBadgeShiftAudio } from '../src/opus/badge-shift-audio.js';
import { OpusFrameSource } from '../src/opus/frame-source.js';
import { planConversations } from '../src/scenario/conversation-plan.js';
import { validateScenario } from '../src/scenario/scenario-file.js';
import type { ConversationScript } from '../src/speech/script.js';

const pool: ConversationScript[] = [
  { id: 'short-a', origin: 'generated', turns: [{ role: 'staff', text: '您好，请坐。' }, { role: 'customer', text: '我来取钱。' }] },
  { id: 'short-b', origin: 'generated', turns: [{ role: 'customer', text: '几点关门？' }, { role: 'staff', text: '五点关门。' }] },
];

let cacheDir: string;
beforeAll(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'parley-shift-'));
});
afterAll(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

describe('buildBadgeShiftAudio', () => {
  it('lays planned conversations on the scenario clock with silence between, frame-exact', async () => {
    const scenario = validateScenario({
      version: 1,
      name: 'tiny',
      duration: '2m',
      seed: 9,
      dialogues: { generated: { count: 1, seed: 1 } },
      branches: [{ id: 'br', staff: [{ id: 's', name: '陈静' }], badges: [{ id: 'badge-1', staff: 's' }] }],
      shifts: [{ badges: 'all', length: '2m', conversationsPerHour: 90 }],
    });
    const plan = planConversations(scenario, pool).get('badge-1')!;
    expect(plan).toHaveLength(3);
    const shift = await buildBadgeShiftAudio(scenario, 'badge-1', plan, pool, { cacheDir });
    expect(shift.totalFrames).toBe(6000);
    expect(shift.placed).toHaveLength(3);
    shift.placed.forEach((p, i) => {
      expect(p.startMs).toBeGreaterThanOrEqual(Math.round(plan[i]!.startMs / 20) * 20);
      if (i > 0) expect(p.startMs).toBeGreaterThanOrEqual(shift.placed[i - 1]!.endMs);
      expect(p.speechFrames).toBeGreaterThan(0);
    });

    const source = new OpusFrameSource(shift.playlist);
    expect(source.framesPerPass).toBe(6000);
    const frames = [];
    for (let f = source.next(); f; f = source.next()) frames.push(f);
    for (const p of shift.placed) {
      expect(frames[p.firstFrame]!.label).toBe(p.scriptId);
      expect(frames[p.firstFrame - 1]!.vad).toBe(false);
      const speech = frames.slice(p.firstFrame, p.firstFrame + p.frameCount).filter((f) => f.vad).length;
      expect(speech).toBe(p.speechFrames);
    }
    // Outside the placed conversations every frame is silence.
    const inside = new Set(shift.placed.flatMap((p) => Array.from({ length: p.frameCount }, (_, k) => p.firstFrame + k)));
    expect(frames.filter((f, i) => !inside.has(i) && f.vad)).toHaveLength(0);

    // Same inputs, same result (from the cache this time).
    const again = await buildBadgeShiftAudio(scenario, 'badge-1', plan, pool, { cacheDir });
    expect(again.placed.map((p) => [p.startMs, p.endMs])).toEqual(shift.placed.map((p) => [p.startMs, p.endMs]));
    expect(again.placed.every((p) => p.conversation.fromCache)).toBe(true);
  });
});
