/**
 * Reading and validating scenario files. The parser reports every problem it
 * finds, each with its path in the file (e.g. `faults[2].duration: required
 * for stall`), rejects unknown keys (a typo must not silently become a
 * default), and checks cross-references: badge and staff ids, times inside
 * the scenario, offline periods and faults naming known badges.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ToolsError } from '../errors.js';
import { parseDuration } from './duration.js';
import type {
  BadgeSet,
  BadgeSpec,
  BranchSpec,
  DialogueSpec,
  FaultSpec,
  NetworkTarget,
  OfflinePeriod,
  RecordingMode,
  Scenario,
  ShiftSpec,
  SpeechSpec,
  StaffMember,
  UploadPolicy,
} from './types.js';

const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

type Obj = Record<string, unknown>;

/** What required() returns for a missing key: already reported, so readers skip it quietly. */
const MISSING = Symbol('missing');

/** Walks a parsed document, collecting errors with their paths. */
class Reader {
  readonly errors: string[] = [];

  fail(path: string, msg: string): undefined {
    this.errors.push(`${path || '(root)'}: ${msg}`);
    return undefined;
  }

  obj(v: unknown, path: string, keys: readonly string[]): Obj | undefined {
    if (v === MISSING) return undefined;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return this.fail(path, 'must be a mapping');
    for (const k of Object.keys(v)) if (!keys.includes(k)) this.fail(join(path, k), `unknown key (expected one of ${keys.join(', ')})`);
    return v as Obj;
  }

  list(v: unknown, path: string, opts: { min?: number; max?: number } = {}): unknown[] | undefined {
    if (v === MISSING) return undefined;
    if (!Array.isArray(v)) return this.fail(path, 'must be a list');
    if (opts.min !== undefined && v.length < opts.min) return this.fail(path, `needs at least ${opts.min} item(s)`);
    if (opts.max !== undefined && v.length > opts.max) return this.fail(path, `has more than ${opts.max} items`);
    return v;
  }

  str(v: unknown, path: string, opts: { max?: number; pattern?: RegExp } = {}): string | undefined {
    if (v === MISSING) return undefined;
    if (typeof v !== 'string' || v.trim() === '') return this.fail(path, 'must be a non-empty string');
    if (v.length > (opts.max ?? 200)) return this.fail(path, `longer than ${opts.max ?? 200} characters`);
    if (opts.pattern && !opts.pattern.test(v)) return this.fail(path, `${JSON.stringify(v)} does not match ${opts.pattern}`);
    return v;
  }

  id(v: unknown, path: string): string | undefined {
    return this.str(v, path, { max: 64, pattern: ID_RE });
  }

  num(v: unknown, path: string, min: number, max: number, integer = false): number | undefined {
    if (v === MISSING) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) return this.fail(path, 'must be a number');
    if (integer && !Number.isInteger(v)) return this.fail(path, 'must be a whole number');
    if (v < min || v > max) return this.fail(path, `${v} is not in ${min}..${max}`);
    return v;
  }

  bool(v: unknown, path: string): boolean | undefined {
    if (v === MISSING) return undefined;
    if (typeof v !== 'boolean') return this.fail(path, 'must be true or false');
    return v;
  }

  oneOf<T extends string>(v: unknown, path: string, options: readonly T[]): T | undefined {
    if (v === MISSING) return undefined;
    if (typeof v !== 'string' || !options.includes(v as T)) return this.fail(path, `must be one of ${options.join(', ')} (got ${JSON.stringify(v)})`);
    return v as T;
  }

  duration(v: unknown, path: string, opts: { min?: number; max?: number } = {}): number | undefined {
    if (v === MISSING) return undefined;
    const ms = typeof v === 'string' ? parseDuration(v) : undefined;
    if (ms === undefined) return this.fail(path, `must be a duration like "250ms", "30s", "15m", "8h" or "1h30m" (got ${JSON.stringify(v)})`);
    if (opts.min !== undefined && ms < opts.min) return this.fail(path, `${v} is shorter than ${opts.min} ms`);
    if (opts.max !== undefined && ms > opts.max) return this.fail(path, `${v} is longer than ${opts.max} ms`);
    return ms;
  }

  required(o: Obj, key: string, path: string): unknown {
    if (!(key in o) || o[key] === undefined || o[key] === null) {
      this.fail(join(path, key), 'is required');
      return MISSING;
    }
    return o[key];
  }
}

function join(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

const DAY_MS = 24 * 3_600_000;
const WEEK_MS = 7 * DAY_MS;

const FAULT_KEYS: Record<FaultSpec['kind'], readonly string[]> = {
  cut: ['target', 'mode'],
  stall: ['target', 'duration'],
  throttle: ['target', 'bytesPerSecond', 'scope', 'duration'],
  delay: ['target', 'latency', 'duration'],
  flap: ['target', 'up', 'down', 'duration'],
  'network-down': ['target', 'duration'],
  'gateway-crash': ['restartAfter'],
  'badge-reboot': ['badges', 'powerCut', 'midFlashWrite'],
  'flash-full': ['badges', 'freeBytes', 'duration'],
  'clock-unsynced': ['badges', 'duration'],
  'duplicate-deliveries': ['badges', 'probability', 'duration'],
  'reorder-deliveries': ['badges', 'window', 'duration'],
};
export const FAULT_KINDS = Object.keys(FAULT_KEYS) as FaultSpec['kind'][];

/** Validates a parsed scenario document; throws SCENARIO_INVALID listing every problem. */
export function validateScenario(doc: unknown, source = 'scenario'): Scenario {
  const r = new Reader();
  const top = r.obj(doc, '', ['version', 'name', 'description', 'seed', 'duration', 'speed', 'opus', 'speech', 'dialogues', 'branches', 'shifts', 'offline', 'faults']);
  if (!top) throw invalid(source, r.errors);

  if (top.version !== 1) r.fail('version', `must be 1 (got ${JSON.stringify(top.version)})`);
  const name = r.id(r.required(top, 'name', ''), 'name') ?? 'invalid';
  const description = top.description === undefined ? '' : (r.str(top.description, 'description', { max: 2000 }) ?? '');
  const seed = top.seed === undefined ? 1 : (r.num(top.seed, 'seed', 0, 2 ** 32 - 1, true) ?? 1);
  const durationMs = r.duration(r.required(top, 'duration', ''), 'duration', { min: 1000, max: WEEK_MS }) ?? 0;
  const speed = top.speed === undefined ? 1 : (r.num(top.speed, 'speed', 0.01, 10_000) ?? 1);

  let opus = { bitrate: 16000, frameMs: 20 };
  if (top.opus !== undefined) {
    const o = r.obj(top.opus, 'opus', ['bitrate', 'frameMs']);
    if (o) {
      opus = {
        bitrate: o.bitrate === undefined ? 16000 : (r.num(o.bitrate, 'opus.bitrate', 6000, 510000, true) ?? 16000),
        frameMs: o.frameMs === undefined ? 20 : (r.num(o.frameMs, 'opus.frameMs', 10, 60, true) ?? 20),
      };
    }
  }

  if (![10, 20, 40, 60].includes(opus.frameMs)) r.fail('opus.frameMs', `must be 10, 20, 40 or 60 (got ${opus.frameMs})`);
  const speech = readSpeech(r, top.speech);
  const dialogues = readDialogues(r, top.dialogues);

  // Branches, staff and badges.
  const branches: BranchSpec[] = [];
  const badges: BadgeSpec[] = [];
  const badgeIds = new Set<string>();
  const staffIds = new Set<string>();
  const branchList = r.list(r.required(top, 'branches', ''), 'branches', { min: 1, max: 1000 }) ?? [];
  branchList.forEach((b, bi) => {
    const p = join('branches', bi);
    const bo = r.obj(b, p, ['id', 'name', 'staff', 'badges']);
    if (!bo) return;
    const id = r.id(r.required(bo, 'id', p), join(p, 'id'));
    if (id && branches.some((x) => x.id === id)) r.fail(join(p, 'id'), `duplicate branch id ${id}`);
    const branchName = bo.name === undefined ? (id ?? '') : (r.str(bo.name, join(p, 'name')) ?? '');
    const staff: StaffMember[] = [];
    (r.list(r.required(bo, 'staff', p), join(p, 'staff'), { min: 1, max: 1000 }) ?? []).forEach((s, si) => {
      const sp = join(join(p, 'staff'), si);
      const so = r.obj(s, sp, ['id', 'name', 'role']);
      if (!so) return;
      const sid = r.id(r.required(so, 'id', sp), join(sp, 'id'));
      if (sid && staffIds.has(sid)) r.fail(join(sp, 'id'), `duplicate staff id ${sid}`);
      if (sid) staffIds.add(sid);
      const sname = r.str(r.required(so, 'name', sp), join(sp, 'name'), { max: 64 });
      const role = so.role === undefined ? 'wealth_manager' : r.oneOf(so.role, join(sp, 'role'), ['lobby_manager', 'wealth_manager', 'teller'] as const);
      // An invalid role is reported above; keep the member so badges referring to it do not cascade errors.
      if (sid && sname) staff.push({ id: sid, name: sname, role: role ?? 'wealth_manager' });
    });
    (r.list(r.required(bo, 'badges', p), join(p, 'badges'), { min: 1, max: 10_000 }) ?? []).forEach((x, xi) => {
      const xp = join(join(p, 'badges'), xi);
      const xo = r.obj(x, xp, ['id', 'staff', 'recordingMode', 'uploadPolicy', 'flashBytes', 'clock', 'silenceSplit', 'workingHours']);
      if (!xo) return;
      const bid = r.id(r.required(xo, 'id', xp), join(xp, 'id'));
      if (bid && badgeIds.has(bid)) r.fail(join(xp, 'id'), `duplicate badge id ${bid}`);
      if (bid) badgeIds.add(bid);
      const staffRef = r.id(r.required(xo, 'staff', xp), join(xp, 'staff'));
      if (staffRef && !staff.some((s) => s.id === staffRef)) r.fail(join(xp, 'staff'), `no staff member ${staffRef} in branch ${id ?? bi}`);
      const recordingMode: RecordingMode | undefined =
        xo.recordingMode === undefined ? 'button' : r.oneOf(xo.recordingMode, join(xp, 'recordingMode'), ['button', 'voice', 'scheduled'] as const);
      const uploadPolicy = xo.uploadPolicy === undefined ? ({ mode: 'live' } as UploadPolicy) : readUploadPolicy(r, xo.uploadPolicy, join(xp, 'uploadPolicy'));
      const flashBytes = xo.flashBytes === undefined ? undefined : r.num(xo.flashBytes, join(xp, 'flashBytes'), 64 * 1024, 2 ** 40, true);
      const clock = xo.clock === undefined ? 'synced' : r.oneOf(xo.clock, join(xp, 'clock'), ['synced', 'unsynced-at-boot'] as const);
      if (xo.silenceSplit !== undefined && recordingMode === 'button') r.fail(join(xp, 'silenceSplit'), 'only applies to the voice and scheduled modes');
      const silenceSplitMs = xo.silenceSplit === undefined ? 30_000 : r.duration(xo.silenceSplit, join(xp, 'silenceSplit'), { min: 1000 });
      const workingHours: { fromMs: number; toMs: number }[] = [];
      if (xo.workingHours !== undefined) {
        if (recordingMode !== 'scheduled') r.fail(join(xp, 'workingHours'), 'only applies to the scheduled mode');
        (r.list(xo.workingHours, join(xp, 'workingHours'), { min: 1, max: 14 }) ?? []).forEach((w, wi) => {
          const wp = join(join(xp, 'workingHours'), wi);
          const wo = r.obj(w, wp, ['from', 'to']);
          if (!wo) return;
          const fromMs = r.duration(r.required(wo, 'from', wp), join(wp, 'from'));
          const toMs = r.duration(r.required(wo, 'to', wp), join(wp, 'to'));
          if (fromMs !== undefined && toMs !== undefined && toMs <= fromMs) r.fail(join(wp, 'to'), 'must be after from');
          if (fromMs !== undefined && toMs !== undefined) workingHours.push({ fromMs, toMs });
        });
      }
      if (bid && staffRef && recordingMode && uploadPolicy && clock && id && silenceSplitMs !== undefined) {
        badges.push({ id: bid, branch: id, staff: staffRef, recordingMode, uploadPolicy, flashBytes, clockSyncedAtBoot: clock === 'synced', silenceSplitMs, workingHours });
      }
    });
    if (id) branches.push({ id, name: branchName, staff });
  });

  const badgeSet = (v: unknown, path: string): BadgeSet | undefined => {
    if (v === 'all') return 'all';
    const l = r.list(v, path, { min: 1 });
    if (!l) return undefined;
    const ids = l.map((x, i) => r.id(x, join(path, i)));
    ids.forEach((x, i) => {
      if (x && !badgeIds.has(x)) r.fail(join(path, i), `no badge ${x} in this scenario`);
    });
    return ids.every((x): x is string => x !== undefined) ? ids : undefined;
  };
  const at = (v: unknown, path: string) => {
    const ms = r.duration(v, path);
    if (ms !== undefined && durationMs > 0 && ms > durationMs) r.fail(path, `is after the scenario ends (${String(top.duration)})`);
    return ms;
  };

  const shifts: ShiftSpec[] = [];
  (top.shifts === undefined ? [] : (r.list(top.shifts, 'shifts') ?? [])).forEach((s, i) => {
    const p = join('shifts', i);
    const so = r.obj(s, p, ['badges', 'start', 'length', 'conversationsPerHour']);
    if (!so) return;
    const b = badgeSet(r.required(so, 'badges', p), join(p, 'badges'));
    const startMs = so.start === undefined ? 0 : at(so.start, join(p, 'start'));
    const lengthMs = r.duration(r.required(so, 'length', p), join(p, 'length'), { min: 1000 });
    const cph = r.num(r.required(so, 'conversationsPerHour', p), join(p, 'conversationsPerHour'), 0, 120);
    if (startMs !== undefined && lengthMs !== undefined && durationMs > 0 && startMs + lengthMs > durationMs) {
      r.fail(join(p, 'length'), 'the shift runs past the end of the scenario');
    }
    if (b && startMs !== undefined && lengthMs !== undefined && cph !== undefined) shifts.push({ badges: b, startMs, lengthMs, conversationsPerHour: cph });
  });

  const offline: OfflinePeriod[] = [];
  (top.offline === undefined ? [] : (r.list(top.offline, 'offline') ?? [])).forEach((s, i) => {
    const p = join('offline', i);
    const so = r.obj(s, p, ['badges', 'from', 'to']);
    if (!so) return;
    const b = badgeSet(r.required(so, 'badges', p), join(p, 'badges'));
    const fromMs = at(r.required(so, 'from', p), join(p, 'from'));
    const toMs = at(r.required(so, 'to', p), join(p, 'to'));
    if (fromMs !== undefined && toMs !== undefined && toMs <= fromMs) r.fail(join(p, 'to'), 'must be after from');
    if (b && fromMs !== undefined && toMs !== undefined) offline.push({ badges: b, fromMs, toMs });
  });

  const faults: FaultSpec[] = [];
  (top.faults === undefined ? [] : (r.list(top.faults, 'faults') ?? [])).forEach((f, i) => {
    const p = join('faults', i);
    if (!f || typeof f !== 'object' || Array.isArray(f)) return void r.fail(p, 'must be a mapping');
    const kind = r.oneOf((f as Obj).kind, join(p, 'kind'), FAULT_KINDS);
    if (!kind) return;
    const fo = r.obj(f, p, ['kind', 'at', ...FAULT_KEYS[kind]]);
    if (!fo) return;
    const atMs = at(r.required(fo, 'at', p), join(p, 'at'));
    const spec = readFault(r, kind, fo, p, badgeSet, badgeIds);
    if (atMs !== undefined && spec) faults.push({ ...spec, atMs } as FaultSpec);
  });
  faults.sort((a, b) => a.atMs - b.atMs);

  if (r.errors.length > 0) throw invalid(source, r.errors);
  return { version: 1, name, description, seed, durationMs, speed, opus, speech, dialogues, branches, badges, shifts, offline, faults };
}

function readSpeech(r: Reader, v: unknown): SpeechSpec {
  const spec: SpeechSpec = { customerGainDb: -10, customerGainJitterDb: 2, pauseMs: { min: 250, max: 900 }, noise: null };
  if (v === undefined) return spec;
  const o = r.obj(v, 'speech', ['customerGainDb', 'customerGainJitterDb', 'pause', 'noise']);
  if (!o) return spec;
  if (o.customerGainDb !== undefined) spec.customerGainDb = r.num(o.customerGainDb, 'speech.customerGainDb', -40, 6) ?? spec.customerGainDb;
  if (o.customerGainJitterDb !== undefined) spec.customerGainJitterDb = r.num(o.customerGainJitterDb, 'speech.customerGainJitterDb', 0, 10) ?? spec.customerGainJitterDb;
  if (o.pause !== undefined) {
    const po = r.obj(o.pause, 'speech.pause', ['min', 'max']);
    if (po) {
      const min = r.duration(r.required(po, 'min', 'speech.pause'), 'speech.pause.min', { max: 60_000 });
      const max = r.duration(r.required(po, 'max', 'speech.pause'), 'speech.pause.max', { max: 60_000 });
      if (min !== undefined && max !== undefined) {
        if (max < min) r.fail('speech.pause.max', 'must not be less than min');
        else spec.pauseMs = { min, max };
      }
    }
  }
  if (o.noise !== undefined && o.noise !== null) {
    const no = r.obj(o.noise, 'speech.noise', ['colour', 'snrDb']);
    if (no) {
      const colour = r.oneOf(r.required(no, 'colour', 'speech.noise'), 'speech.noise.colour', ['brown', 'pink', 'white'] as const);
      const snrDb = r.num(r.required(no, 'snrDb', 'speech.noise'), 'speech.noise.snrDb', -10, 80);
      if (colour && snrDb !== undefined) spec.noise = { colour, snrDb };
    }
  }
  return spec;
}

function readDialogues(r: Reader, v: unknown): DialogueSpec {
  const spec: DialogueSpec = { corpus: { ids: 'all' }, generated: null };
  if (v === undefined) return spec;
  const o = r.obj(v, 'dialogues', ['corpus', 'generated']);
  if (!o) return spec;
  spec.corpus = null;
  if (o.corpus !== undefined && o.corpus !== null) {
    const co = r.obj(o.corpus, 'dialogues.corpus', ['ids']);
    if (co) {
      if (co.ids === undefined || co.ids === 'all') spec.corpus = { ids: 'all' };
      else {
        const ids = (r.list(co.ids, 'dialogues.corpus.ids', { min: 1 }) ?? []).map((x, i) => r.id(x, `dialogues.corpus.ids[${i}]`));
        if (ids.every((x): x is string => x !== undefined)) spec.corpus = { ids };
      }
    }
  }
  if (o.generated !== undefined && o.generated !== null) {
    const go = r.obj(o.generated, 'dialogues.generated', ['count', 'seed']);
    if (go) {
      const count = r.num(r.required(go, 'count', 'dialogues.generated'), 'dialogues.generated.count', 1, 100_000, true);
      const seed = go.seed === undefined ? 1 : r.num(go.seed, 'dialogues.generated.seed', 0, 2 ** 32 - 1, true);
      if (count !== undefined && seed !== undefined) spec.generated = { count, seed };
    }
  }
  if (!spec.corpus && !spec.generated) r.fail('dialogues', 'needs corpus, generated, or both');
  return spec;
}

function readUploadPolicy(r: Reader, v: unknown, path: string): UploadPolicy | undefined {
  const o = r.obj(v, path, ['mode', 'every']);
  if (!o) return undefined;
  const mode = r.oneOf(r.required(o, 'mode', path), join(path, 'mode'), ['live', 'batched', 'charger'] as const);
  if (mode === 'batched') {
    const everyMs = r.duration(r.required(o, 'every', path), join(path, 'every'), { min: 1000, max: DAY_MS });
    return everyMs === undefined ? undefined : { mode, everyMs };
  }
  if (o.every !== undefined) r.fail(join(path, 'every'), `only applies to mode batched`);
  return mode ? { mode } : undefined;
}

function readFault(
  r: Reader,
  kind: FaultSpec['kind'],
  o: Obj,
  p: string,
  badgeSet: (v: unknown, path: string) => BadgeSet | undefined,
  badgeIds: Set<string>,
): Omit<FaultSpec, 'atMs'> | undefined {
  const dur = (key: string, min = 1) => r.duration(r.required(o, key, p), join(p, key), { min });
  const target = (): NetworkTarget | undefined => {
    const v = o.target ?? 'all';
    if (v === 'all') return 'all';
    const to = r.obj(v, join(p, 'target'), ['badge']);
    if (!to) return undefined;
    const b = r.id(r.required(to, 'badge', join(p, 'target')), join(p, 'target.badge'));
    if (b && !badgeIds.has(b)) r.fail(join(p, 'target.badge'), `no badge ${b} in this scenario`);
    return b ? { badge: b } : undefined;
  };
  const badges = () => badgeSet(r.required(o, 'badges', p), join(p, 'badges'));
  const all = <T extends object>(x: T): T | undefined => (Object.values(x).every((v) => v !== undefined) ? x : undefined);
  switch (kind) {
    case 'cut':
      return all({ kind, target: target(), mode: o.mode === undefined ? ('rst' as const) : r.oneOf(o.mode, join(p, 'mode'), ['rst', 'close'] as const) });
    case 'stall':
      return all({ kind, target: target(), durationMs: dur('duration') });
    case 'throttle':
      return all({
        kind,
        target: target(),
        bytesPerSecond: r.num(r.required(o, 'bytesPerSecond', p), join(p, 'bytesPerSecond'), 1, 1e10),
        scope: o.scope === undefined ? ('per-connection' as const) : r.oneOf(o.scope, join(p, 'scope'), ['per-connection', 'aggregate'] as const),
        durationMs: dur('duration'),
      });
    case 'delay':
      return all({ kind, target: target(), latencyMs: dur('latency', 0), durationMs: dur('duration') });
    case 'flap':
      return all({ kind, target: target(), upMs: dur('up'), downMs: dur('down'), durationMs: dur('duration') });
    case 'network-down':
      return all({ kind, target: target(), durationMs: dur('duration') });
    case 'gateway-crash':
      return all({ kind, restartAfterMs: o.restartAfter === undefined ? 0 : r.duration(o.restartAfter, join(p, 'restartAfter')) });
    case 'badge-reboot':
      return all({
        kind,
        badges: badges(),
        powerCut: o.powerCut === undefined ? true : r.bool(o.powerCut, join(p, 'powerCut')),
        midFlashWrite: o.midFlashWrite === undefined ? false : r.bool(o.midFlashWrite, join(p, 'midFlashWrite')),
      });
    case 'flash-full':
      return all({
        kind,
        badges: badges(),
        freeBytes: o.freeBytes === undefined ? 0 : r.num(o.freeBytes, join(p, 'freeBytes'), 0, 2 ** 40, true),
        durationMs: o.duration === undefined ? null : dur('duration'),
      });
    case 'clock-unsynced':
      return all({ kind, badges: badges(), durationMs: dur('duration') });
    case 'duplicate-deliveries':
      return all({ kind, badges: badges(), probability: r.num(r.required(o, 'probability', p), join(p, 'probability'), 0, 1), durationMs: dur('duration') });
    case 'reorder-deliveries':
      return all({ kind, badges: badges(), window: r.num(r.required(o, 'window', p), join(p, 'window'), 2, 1000, true), durationMs: dur('duration') });
  }
}

function invalid(source: string, errors: string[]): ToolsError {
  return new ToolsError('SCENARIO_INVALID', `${source}:\n  ${errors.join('\n  ')}`, { errors });
}

/** Parses YAML (.yaml/.yml) or JSON (.json) text. */
export function parseScenarioText(text: string, format: 'yaml' | 'json', source = 'scenario'): Scenario {
  let doc: unknown;
  try {
    doc = format === 'json' ? JSON.parse(text) : parseYaml(text, { prettyErrors: true });
  } catch (e) {
    throw new ToolsError('SCENARIO_UNREADABLE', `${source}: ${(e as Error).message}`, undefined, { cause: e });
  }
  return validateScenario(doc, source);
}

export async function loadScenarioFile(path: string): Promise<Scenario> {
  const ext = extname(path).toLowerCase();
  if (!['.yaml', '.yml', '.json'].includes(ext)) throw new ToolsError('SCENARIO_UNREADABLE', `${path}: expected a .yaml, .yml or .json file`);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new ToolsError('SCENARIO_UNREADABLE', `${path}: ${(e as Error).message}`, undefined, { cause: e });
  }
  return parseScenarioText(text, ext === '.json' ? 'json' : 'yaml', path);
}

/** Resolves a badge set to badge ids. */
export function badgesOf(scenario: Scenario, set: BadgeSet): string[] {
  return set === 'all' ? scenario.badges.map((b) => b.id) : set;
}
