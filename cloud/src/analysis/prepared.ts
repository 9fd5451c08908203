/**
 * A conversation prepared for matching: every turn normalised once (with its
 * offset map back to the original), its pinyin, its quantities and its
 * (real or estimated) time span.
 */
import { normalizeMapped, originalSpan, type NormalizedText } from '../normalize/index.js';
import { pinyinOf, type HomophoneVocabulary } from '../rules/schema.js';
import type { AnalysisInput, Evidence, Turn } from './types.js';
import { CLAUSE_BREAK } from './clauses.js';

/** Speaking rate used to estimate times when a transcript has none (chars per second). */
export const ESTIMATED_CHARS_PER_SECOND = 4;

export interface PreparedTurn {
  turn: Turn;
  /** position in the conversation (0-based), used for scopes and anchors */
  pos: number;
  norm: NormalizedText;
  py: string[];
  startMs: number;
  endMs: number;
  /** keyword occurrences already looked up in this turn (rules share words) */
  wordCache: Map<unknown, { s: number; e: number }[]>;
  /** where each pinyin syllable of `py` starts (ascending), made when a pinyin lookup first needs it */
  syllables?: Map<string, number[]>;
  /**
   * Profile findings whose evidence lies in this turn (`family.tag=value` and the span),
   * filled once the profile rules have run; the `profile` matcher of later rules reads them.
   */
  findings: { key: string; s: number; e: number }[];
  /** the clause of each normalised character (`clauseIndex`), made when a `sameClause` condition first needs it */
  clauses?: number[];
}

export interface PreparedConversation {
  input: AnalysisInput;
  turns: PreparedTurn[];
  startMs: number;
  endMs: number;
}

/**
 * Rewrite ASR homophones of domain terms in place. Replacements have the
 * term's length, so the offset map back to the original text stays valid.
 * A stretch is rewritten only when it sounds like the term and already shares
 * at least half of its characters (one, for two-character terms).
 */
export function correctHomophones(norm: NormalizedText, py: readonly string[], vocab: HomophoneVocabulary): NormalizedText {
  if (vocab.terms.length === 0) return norm;
  const chars = [...norm.text];
  if (chars.length !== py.length) return norm; // astral characters: leave as is
  const locked = new Array<boolean>(chars.length).fill(false);
  const lockMatches = (w: { norm: string; py: string[] | undefined }): void => {
    for (let i = norm.text.indexOf(w.norm); i >= 0; i = norm.text.indexOf(w.norm, i + 1)) {
      for (let j = i; j < i + w.norm.length; j++) locked[j] = true;
    }
    if (!w.py) return;
    for (let i = 0; i + w.py.length <= py.length; i++) {
      if (w.py.every((p, j) => py[i + j] === p)) for (let j = i; j < i + w.py.length; j++) locked[j] = true;
    }
  };
  // protected words, and every place a term is already written correctly
  for (const w of vocab.keep) lockMatches(w);
  for (const w of vocab.terms) {
    for (let i = norm.text.indexOf(w.norm); i >= 0; i = norm.text.indexOf(w.norm, i + 1)) {
      for (let j = i; j < i + w.norm.length; j++) locked[j] = true;
    }
  }
  let changed = false;
  for (const w of vocab.terms) {
    const tpy = w.py;
    if (!tpy) continue;
    for (let i = 0; i + tpy.length <= py.length; i++) {
      let ok = true;
      for (let j = 0; j < tpy.length; j++) {
        if (locked[i + j] || py[i + j] !== tpy[j]) { ok = false; break; }
      }
      if (!ok) continue;
      // a misheard word keeps some of its characters (宝本/保本, 鸡金/基金, 定头/定投);
      // a same-sound stretch across two words shares none (回头自己 is not 投资)
      let same = 0;
      for (let j = 0; j < tpy.length; j++) if (chars[i + j] === w.norm[j]) same++;
      if (same < Math.max(1, Math.floor(tpy.length / 2))) continue;
      for (let j = 0; j < tpy.length; j++) {
        chars[i + j] = w.norm[j] ?? chars[i + j] ?? '';
        locked[i + j] = true;
      }
      changed = true;
    }
  }
  return changed ? { ...norm, text: chars.join('') } : norm;
}

export function prepare(input: AnalysisInput, vocab: HomophoneVocabulary = { terms: [], keep: [] }): PreparedConversation {
  let clock = 0;
  const turns = input.turns.map((turn, pos): PreparedTurn => {
    const raw = normalizeMapped(turn.text);
    const rawPy = pinyinOf(raw.text);
    const norm = correctHomophones(raw, rawPy, vocab);
    const estDur = Math.max(500, (turn.text.length / ESTIMATED_CHARS_PER_SECOND) * 1000);
    const startMs = turn.startMs ?? clock;
    const endMs = turn.endMs ?? startMs + estDur;
    clock = endMs;
    return { turn, pos, norm, py: rawPy, startMs, endMs, wordCache: new Map(), findings: [] };
  });
  const startMs = turns[0]?.startMs ?? 0;
  const endMs = turns.reduce((m, t) => Math.max(m, t.endMs), startMs);
  return { input, turns, startMs, endMs };
}

/** Evidence for the normalised span [s, e) of a prepared turn. */
export function evidenceFor(pt: PreparedTurn, s: number, e: number): Evidence {
  const span = originalSpan(pt.norm, s, e, pt.turn.text);
  const { start, end } = expandToClause(pt.turn.text, span.start, span.end);
  const ev: Evidence = { turn: pt.turn.index, start, end, quote: pt.turn.text.slice(start, end) };
  if (pt.turn.startMs !== undefined) ev.startMs = pt.turn.startMs;
  if (pt.turn.endMs !== undefined) ev.endMs = pt.turn.endMs;
  return ev;
}

const MAX_CLAUSE = 40;

/** Widen a span to the clause around it (between pauses), so a quote reads on its own. */
export function expandToClause(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  while (s > 0 && start - s < MAX_CLAUSE && !CLAUSE_BREAK.test(text[s - 1] ?? '')) s--;
  let e = end;
  while (e < text.length && e - end < MAX_CLAUSE && !CLAUSE_BREAK.test(text[e] ?? '')) e++;
  return { start: s, end: e };
}
