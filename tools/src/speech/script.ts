/**
 * Conversation scripts: the dialogues the simulator speaks. A script is the
 * corpus format's `turns` (role staff/customer + text) plus an id; corpus
 * files (shared/corpus/dev/*.json) load directly, generated ones come from
 * scenario/dialogue-generator.ts.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ToolsError } from '../errors.js';

export type Role = 'staff' | 'customer';

export interface ScriptTurn {
  role: Role;
  text: string;
}

export interface ConversationScript {
  id: string;
  turns: ScriptTurn[];
  /** Where the script came from: a corpus file or the generator. */
  origin: 'corpus' | 'generated';
  /** Short description (the corpus's `scenario`, or the generator's topic). */
  description?: string;
}

const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const MAX_TURN_CHARS = 2000;
export const MAX_TURNS = 400;

/** Checks a script's shape; throws SCRIPT_INVALID naming the first problem. */
export function validateScript(value: unknown, source = 'script'): ConversationScript {
  const fail = (msg: string): never => {
    throw new ToolsError('SCRIPT_INVALID', `${source}: ${msg}`);
  };
  if (!value || typeof value !== 'object') fail('not an object');
  const v = value as Record<string, unknown>;
  if (typeof v.id !== 'string' || !ID_RE.test(v.id)) fail(`id must match ${ID_RE} (got ${JSON.stringify(v.id)})`);
  if (!Array.isArray(v.turns) || v.turns.length === 0) fail('turns must be a non-empty array');
  const turns = v.turns as unknown[];
  if (turns.length > MAX_TURNS) fail(`more than ${MAX_TURNS} turns`);
  const out: ScriptTurn[] = [];
  turns.forEach((t, i) => {
    if (!t || typeof t !== 'object') fail(`turns[${i}] is not an object`);
    const turn = t as Record<string, unknown>;
    if (turn.role !== 'staff' && turn.role !== 'customer') fail(`turns[${i}].role must be "staff" or "customer"`);
    if (typeof turn.text !== 'string' || turn.text.trim() === '') fail(`turns[${i}].text must be a non-empty string`);
    if ((turn.text as string).length > MAX_TURN_CHARS) fail(`turns[${i}].text is longer than ${MAX_TURN_CHARS} characters`);
    out.push({ role: turn.role as Role, text: (turn.text as string).trim() });
  });
  const origin = v.origin === 'generated' ? 'generated' : 'corpus';
  const description = typeof v.description === 'string' ? v.description : typeof v.scenario === 'string' ? v.scenario : undefined;
  return { id: v.id as string, turns: out, origin, ...(description !== undefined ? { description } : {}) };
}

/** Loads one corpus dialogue file (the gold annotations are ignored here). */
export async function loadCorpusScript(path: string): Promise<ConversationScript> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (e) {
    throw new ToolsError('CORPUS_UNREADABLE', `${path}: ${(e as Error).message}`, { path }, { cause: e });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (e) {
    throw new ToolsError('CORPUS_UNREADABLE', `${path}: not JSON (${(e as Error).message})`, { path }, { cause: e });
  }
  return validateScript({ ...(parsed as object), origin: 'corpus' }, path);
}

/** The corpus directory: PARLEY_CORPUS_DIR, else ../shared/corpus/dev beside the checkout. */
export function defaultCorpusDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.PARLEY_CORPUS_DIR ?? join(process.cwd(), '..', 'shared', 'corpus', 'dev');
}

/** All corpus dialogues in a directory, optionally only one channel ("badge" / "phone"), sorted by id. */
export async function loadCorpus(dir: string, opts: { channel?: 'badge' | 'phone' } = {}): Promise<ConversationScript[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (e) {
    throw new ToolsError('CORPUS_UNREADABLE', `${dir}: ${(e as Error).message}`, { dir }, { cause: e });
  }
  const scripts: ConversationScript[] = [];
  for (const name of names) {
    const path = join(dir, name);
    if (opts.channel) {
      const channel = (JSON.parse(await readFile(path, 'utf8')) as { channel?: unknown }).channel;
      if (channel !== opts.channel) continue;
    }
    scripts.push(await loadCorpusScript(path));
  }
  return scripts;
}
