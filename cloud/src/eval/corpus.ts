/**
 * Reading annotated dialogues in the shared corpus format
 * (../shared/corpus/README.md) and converting them to engine input.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AnalysisError } from '../analysis/errors.js';
import type { AnalysisInput, Role } from '../analysis/types.js';

export interface GoldProfile { family: string; tag: string; value: string; detail?: string; turn: number; quote: string }
export interface GoldCompliance { rule: string; turn: number; quote: string }
export type KeyPointValue = true | false | null;

/** The corpus's annotation block; the engine's predictions use the same shape. */
export interface Gold {
  profile: GoldProfile[];
  compliance: GoldCompliance[];
  keyPoints: Record<string, KeyPointValue>;
  summary?: string;
}

export interface Dialogue {
  id: string;
  channel: 'phone' | 'badge';
  scenario?: string;
  asrLike?: boolean;
  turns: { role: Role; text: string }[];
  gold: Gold;
}

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DEFAULT_CORPUS_DIR = path.resolve(REPO_ROOT, '../shared/corpus/dev');

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Checks an annotation block (the corpus's `gold`, or a system's predictions in
 * the same shape) and returns it typed; `source` names it in the error.
 */
export function parseGold(gold: unknown, source: string): Gold {
  const bad = (message: string): never => { throw new AnalysisError('CORPUS_INVALID', `${source}: ${message}`); };
  if (!isRecord(gold)) return bad('gold must be an object');
  const profile = Array.isArray(gold['profile']) ? gold['profile'] : bad('gold.profile must be a list');
  profile.forEach((p: unknown, i: number) => {
    if (!isRecord(p) || typeof p['family'] !== 'string' || typeof p['tag'] !== 'string' || typeof p['value'] !== 'string') bad(`gold.profile[${i}] needs family, tag and value`);
  });
  const compliance = Array.isArray(gold['compliance']) ? gold['compliance'] : bad('gold.compliance must be a list');
  compliance.forEach((c: unknown, i: number) => {
    if (!isRecord(c) || typeof c['rule'] !== 'string') bad(`gold.compliance[${i}] needs a rule`);
  });
  const keyPoints = isRecord(gold['keyPoints']) ? gold['keyPoints'] : bad('gold.keyPoints must be an object');
  for (const [k, v] of Object.entries(keyPoints)) if (v !== true && v !== false && v !== null) bad(`gold.keyPoints.${k} must be true, false or null`);
  return gold as unknown as Gold;
}

export function parseDialogue(raw: unknown, source: string): Dialogue {
  const bad = (message: string): never => { throw new AnalysisError('CORPUS_INVALID', `${source}: ${message}`); };
  if (!isRecord(raw)) return bad('not an object');
  if (typeof raw['id'] !== 'string' || raw['id'] === '') bad('id must be a non-empty string');
  if (raw['channel'] !== 'phone' && raw['channel'] !== 'badge') bad('channel must be phone or badge');
  const turns = raw['turns'];
  if (!Array.isArray(turns)) return bad('turns must be a list');
  turns.forEach((t, i) => {
    if (!isRecord(t) || typeof t['text'] !== 'string' || !['staff', 'customer', 'other'].includes(String(t['role']))) bad(`turns[${i}] needs role and text`);
  });
  parseGold(raw['gold'], source);
  return raw as unknown as Dialogue;
}

/** Every *.json dialogue in a folder (sorted by file name), or one file. */
export function loadDialogues(dirOrFile: string = DEFAULT_CORPUS_DIR): Dialogue[] {
  let files: string[];
  try {
    files = statSync(dirOrFile).isDirectory()
      ? readdirSync(dirOrFile).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(dirOrFile, f))
      : [dirOrFile];
  } catch (err) {
    throw new AnalysisError('CORPUS_INVALID', `cannot read ${dirOrFile}`, [], { cause: err });
  }
  return files.map((f) => {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(f, 'utf8'));
    } catch (err) {
      throw new AnalysisError('CORPUS_INVALID', `${path.basename(f)} is not JSON`, [], { cause: err });
    }
    return parseDialogue(raw, path.basename(f));
  });
}

export function toAnalysisInput(d: Dialogue): AnalysisInput {
  return { conversationId: d.id, channel: d.channel, turns: d.turns.map((t, index) => ({ index, role: t.role, text: t.text })) };
}
