import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isToolsError, type ToolsError } from '../src/errors.js';
import { planConversations, resolveDialogues } from '../src/scenario/conversation-plan.js';
import { generateDialogue, generateDialogues } from '../src/scenario/dialogue-generator.js';
import { formatDuration, parseDuration } from '../src/scenario/duration.js';
import { loadScenarioFile, parseScenarioText, validateScenario } from '../src/scenario/scenario-file.js';
import { summarizeScenario } from '../src/scenario/scenario-summary.js';
import { validateScript } from '../src/speech/script.js';

const scenarioDir = fileURLToPath(new URL('../scenarios/', import.meta.url));
const corpusDir = process.env.PARLEY_CORPUS_DIR ?? fileURLToPath(new URL('../../../shared/corpus/dev/', import.meta.url));

const minimal = {
  version: 1,
  name: 'mini',
  duration: '1h',
  branches: [{ id: 'br-1', staff: [{ id: 's1', name: '陈静' }], badges: [{ id: 'b1', staff: 's1' }] }],
};

function errorsOf(doc: unknown): string[] {
  try {
    validateScenario(doc, 'test');
  } catch (e) {
    expect(isToolsError(e, 'SCENARIO_INVALID')).toBe(true);
    return ((e as ToolsError).details?.errors as string[]) ?? [];
  }
  throw new Error('expected the scenario to be invalid');
}

describe('durations', () => {
  it('parses unit strings and rejects bare numbers and junk', () => {
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('1.5s')).toBe(1500);
    expect(parseDuration('15')).toBeUndefined();
    expect(parseDuration('15 m')).toBeUndefined();
    expect(parseDuration('m')).toBeUndefined();
    expect(formatDuration(5_400_000)).toBe('90m');
  });
});

describe('scenario files', () => {
  it('applies defaults to a minimal scenario', () => {
    const s = validateScenario(minimal);
    expect(s).toMatchObject({ name: 'mini', durationMs: 3_600_000, speed: 1, seed: 1, opus: { bitrate: 16000, frameMs: 20 } });
    expect(s.badges).toEqual([
      { id: 'b1', branch: 'br-1', staff: 's1', recordingMode: 'button', uploadPolicy: { mode: 'live' }, flashBytes: undefined, clockSyncedAtBoot: true, silenceSplitMs: 30_000, workingHours: [] },
    ]);
    expect(s.dialogues).toEqual({ corpus: { ids: 'all' }, generated: null });
  });

  it('reports every problem with its path', () => {
    const errors = errorsOf({
      ...minimal,
      speed: 0,
      duraton: '1h',
      branches: [
        {
          id: 'br-1',
          staff: [{ id: 's1', name: '陈静', role: 'boss' }],
          badges: [
            { id: 'b1', staff: 's2', uploadPolicy: { mode: 'batched' } },
            { id: 'b1', staff: 's1', clock: 'late' },
          ],
        },
      ],
      shifts: [{ badges: ['b9'], length: '2h', conversationsPerHour: 6 }],
      offline: [{ badges: 'all', from: '30m', to: '10m' }],
      faults: [
        { at: '10m', kind: 'stall' },
        { at: '2h', kind: 'cut' },
        { at: '5m', kind: 'explode' },
        { at: '5m', kind: 'throttle', bytesPerSecond: 100, duration: '1m', target: { badge: 'nope' }, extra: 1 },
      ],
    });
    const expected = [
      /^speed: 0 is not in/,
      /^duraton: unknown key/,
      /^branches\[0\]\.staff\[0\]\.role: must be one of/,
      /^branches\[0\]\.badges\[0\]\.staff: no staff member s2/,
      /^branches\[0\]\.badges\[0\]\.uploadPolicy\.every: is required/,
      /^branches\[0\]\.badges\[1\]\.id: duplicate badge id b1/,
      /^branches\[0\]\.badges\[1\]\.clock: must be one of synced, unsynced-at-boot/,
      /^shifts\[0\]\.badges\[0\]: no badge b9/,
      /^shifts\[0\]\.length: the shift runs past the end/,
      /^offline\[0\]\.to: must be after from/,
      /^faults\[0\]\.duration: is required/,
      /^faults\[1\]\.at: is after the scenario ends/,
      /^faults\[2\]\.kind: must be one of cut, stall/,
      /^faults\[3\]\.extra: unknown key/,
      /^faults\[3\]\.target\.badge: no badge nope/,
    ];
    for (const re of expected) expect(errors.some((e) => re.test(e)), `${re} in\n${errors.join('\n')}`).toBe(true);
    expect(errors).toHaveLength(expected.length);
  });

  it('rejects path tricks in ids and malformed files', () => {
    expect(errorsOf({ ...minimal, name: '../../etc/passwd' })[0]).toMatch(/^name: .* does not match/);
    try {
      parseScenarioText('version: 1\nname: [unclosed', 'yaml', 'broken.yaml');
      throw new Error('parsed');
    } catch (e) {
      expect(isToolsError(e, 'SCENARIO_UNREADABLE')).toBe(true);
      expect((e as Error).message).toMatch(/broken\.yaml/);
    }
    expect(() => parseScenarioText('{"version": 1', 'json')).toThrow(/Scenario file cannot be read/);
  });

  it('loads every example scenario, JSON and YAML alike', async () => {
    const files = (await readdir(scenarioDir)).filter((f) => f.endsWith('.yaml')).sort();
    expect(files).toEqual([
      'branch-day.yaml',
      'clock-unsynced.yaml',
      'flaky-network.yaml',
      'flash-full.yaml',
      'gateway-crash.yaml',
      'offline-shift-drain.yaml',
      'smoke.yaml',
    ]);
    for (const f of files) {
      const s = await loadScenarioFile(join(scenarioDir, f));
      expect(s.name).toBe(f.replace('.yaml', ''));
    }
    const flaky = await loadScenarioFile(join(scenarioDir, 'flaky-network.yaml'));
    expect(flaky.faults.map((f) => f.kind)).toEqual([
      'stall',
      'cut',
      'cut',
      'delay',
      'throttle',
      'flap',
      'network-down',
      'duplicate-deliveries',
      'reorder-deliveries',
    ]);
    const json = parseScenarioText(JSON.stringify(minimal), 'json');
    expect(json.name).toBe('mini');
    await expect(loadScenarioFile(join(scenarioDir, 'nope.toml'))).rejects.toThrow(/\.yaml, \.yml or \.json/);
  });
});

describe('dialogue generator', () => {
  it('is deterministic, varied, Mandarin, and valid for speech', () => {
    const a = generateDialogues({ count: 100, seed: 42 });
    const b = generateDialogues({ count: 100, seed: 42 });
    expect(a).toEqual(b);
    expect(generateDialogue(43, 0)).not.toEqual(a[0]);
    const texts = new Set(a.map((d) => d.turns.map((t) => t.text).join('|')));
    expect(texts.size).toBeGreaterThan(85);
    const lengths = a.map((d) => d.turns.length);
    expect(Math.min(...lengths)).toBeLessThanOrEqual(4);
    expect(Math.max(...lengths)).toBeGreaterThanOrEqual(12);
    for (const d of a) {
      validateScript(d);
      expect(d.turns.some((t) => t.role === 'staff')).toBe(true);
      expect(d.turns.some((t) => t.role === 'customer')).toBe(true);
      for (const t of d.turns) {
        expect(t.text).toMatch(/[\u4e00-\u9fff]/);
        expect(t.text).not.toMatch(/[{}]/); // every slot filled
      }
    }
    expect(a[0]!.id).toBe('gen-42-0000');
  });
});

describe('conversation plan', () => {
  it('draws corpus and generated dialogues and schedules them inside each badge shift', async () => {
    const s = await loadScenarioFile(join(scenarioDir, 'branch-day.yaml'));
    const pool = await resolveDialogues(s, corpusDir);
    expect(pool.filter((d) => d.origin === 'generated')).toHaveLength(200);
    expect(pool.some((d) => d.origin === 'corpus')).toBe(true);
    const plan = planConversations(s, pool);
    expect([...plan.keys()]).toEqual(s.badges.map((b) => b.id));
    for (const list of plan.values()) {
      // 3.5 h × 5 + 4.5 h × 6 = 44.5 → 18 + 27
      expect(list).toHaveLength(45);
      for (const c of list) {
        const inShift = s.shifts.some((sh) => c.startMs >= sh.startMs && c.startMs < sh.startMs + sh.lengthMs);
        expect(inShift).toBe(true);
      }
      expect(new Set(list.map((c) => c.scriptId)).size).toBe(45);
    }
    expect(planConversations(s, pool)).toEqual(plan);
  });

  it('reports corpus ids that do not exist', async () => {
    const s = validateScenario({ ...minimal, dialogues: { corpus: { ids: ['dev-999'] } } });
    await expect(resolveDialogues(s, corpusDir)).rejects.toThrow(/dev-999 is not in/);
  });
});

describe('scenario summary', () => {
  it('lists badges with their settings and plan, offline periods and faults', async () => {
    const s = await loadScenarioFile(join(scenarioDir, 'offline-shift-drain.yaml'));
    const text = summarizeScenario(s, planConversations(s, await resolveDialogues(s, corpusDir)));
    expect(text).toContain('duration 10h at 120x (5m of wall time)');
    expect(text).toMatch(/badge-0002: 王磊 \(lobby_manager\), button, upload live, flash 134217728 B; 48 conversations planned/);
    expect(text).toContain('offline badge-0002 0s–8h');
    expect(text).toContain('fault at 8h: throttle {"target":{"badge":"badge-0002"},"bytesPerSecond":4000,"scope":"per-connection","durationMs":7200000}');
  });
});
