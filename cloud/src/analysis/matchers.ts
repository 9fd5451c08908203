/**
 * Matchers against one prepared turn. Spans are in normalised coordinates
 * ([s, e) of `pt.norm.text`); the condition layer turns them into evidence.
 */
import { profileRefMatches, type CompiledWord, type Matcher, type NegationMode } from '../rules/schema.js';
import type { PreparedTurn } from './prepared.js';
import { isNegated } from './negation.js';
import { isPause } from './clauses.js';

export interface Span {
  s: number;
  e: number;
}

/** Chinese numerals and digits: they match only themselves, never by sound. */
const NUMERAL = /[0-9零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]/u;

/** Every occurrence of a word: exact on normalised text, or by toneless pinyin. */
export function findWord(pt: PreparedTurn, w: CompiledWord): Span[] {
  const cached = pt.wordCache.get(w);
  if (cached) return cached;
  const found = searchWord(pt, w);
  pt.wordCache.set(w, found);
  return found;
}

/**
 * A shared empty result: most words are in no turn, and a lookup that finds
 * nothing allocates nothing. Frozen, so a caller that added to it would throw
 * instead of corrupting every other lookup.
 */
const NOWHERE = Object.freeze([]) as unknown as Span[];

/** Where each pinyin syllable of the turn starts, in ascending order (built once per turn). */
function syllableStarts(pt: PreparedTurn): Map<string, number[]> {
  if (!pt.syllables) {
    const at = new Map<string, number[]>();
    pt.py.forEach((syl, i) => {
      const list = at.get(syl);
      if (list) list.push(i);
      else at.set(syl, [i]);
    });
    pt.syllables = at;
  }
  return pt.syllables;
}

function searchWord(pt: PreparedTurn, w: CompiledWord): Span[] {
  const text = pt.norm.text;
  let out = NOWHERE;
  for (let i = text.indexOf(w.norm); i >= 0; i = text.indexOf(w.norm, i + 1)) {
    if (out === NOWHERE) out = [];
    out.push({ s: i, e: i + w.norm.length });
  }
  const py = w.py;
  // by sound: only where the word's first syllable starts
  const starts = py && py.length > 0 ? syllableStarts(pt).get(py[0] ?? '') : undefined;
  if (!py || !starts) return out;
  const exact = out.length;
  const n = py.length;
  for (const i of starts) {
    if (i + n > pt.py.length) break;
    let ok = true;
    for (let j = 0; j < n; j++) {
      if (pt.py[i + j] !== py[j]) { ok = false; break; }
      // a numeral sounds like words (十 shi ≈ 事, 四 si ≈ 死) but is never their homophone: 还有十七八年 is no 还有事
      const a = text[i + j] ?? '';
      const b = w.norm[j] ?? '';
      if (a !== b && (NUMERAL.test(a) || NUMERAL.test(b))) { ok = false; break; }
    }
    if (!ok) continue;
    let already = false;
    for (let k = 0; k < exact; k++) if (out[k]?.s === i) already = true;
    if (already) continue;
    if (out === NOWHERE) out = [];
    out.push({ s: i, e: i + n });
  }
  if (exact > 0 && out.length > exact) out.sort((a, b) => a.s - b.s);
  return out;
}

function keep(pt: PreparedTurn, spans: Span[], negation: NegationMode, except: readonly CompiledWord[]): Span[] {
  if (spans.length === 0) return spans;
  let out = spans;
  if (except.length > 0) {
    // an occurrence inside a longer excepted word (理财 inside 理财经理) does not count
    const blocked = except.flatMap((w) => findWord(pt, w));
    out = out.filter((sp) => !blocked.some((b) => b.s <= sp.s && sp.e <= b.e));
  }
  if (negation === 'ignore') return out;
  return out.filter((sp) => isNegated(pt.norm.text, sp.s, sp.e) === (negation === 'require'));
}

const globalCache = new WeakMap<RegExp, RegExp>();
function globalRegex(re: RegExp): RegExp {
  let g = globalCache.get(re);
  if (!g) {
    g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
    globalCache.set(re, g);
  }
  return g;
}

/** The clause (between pauses) around a span, for exclusion patterns. */
function clauseAround(text: string, s: number, e: number): string {
  let a = s;
  while (a > 0 && !isPause(text, a - 1)) a--;
  let b = e;
  while (b < text.length && !isPause(text, b)) b++;
  // a clause ending in a question mark keeps it, so exclusions can recognise questions
  if (text[b] === '?' || text[b] === '？') b++;
  return text.slice(a, b);
}

/**
 * Every span a positive matcher finds in the turn (for proximity checks).
 * Keyword and regex matchers list each occurrence; others their first hit.
 */
export function allSpans(pt: PreparedTurn, m: Matcher, negation: NegationMode): Span[] {
  if (m.type === 'any') return m.words.flatMap((w) => keep(pt, findWord(pt, w), negation, m.except));
  if (m.type === 'regex') {
    const out: Span[] = [];
    const text = pt.norm.text;
    for (const hit of text.matchAll(globalRegex(m.re))) {
      if (hit[0].length === 0) continue;
      const sp = { s: hit.index, e: hit.index + hit[0].length };
      if (m.exclude && m.exclude.test(clauseAround(text, sp.s, sp.e))) continue;
      if (negation !== 'ignore' && isNegated(text, sp.s, sp.e) !== (negation === 'require')) continue;
      out.push(sp);
    }
    return out;
  }
  const one = runMatcher(pt, m, negation);
  return one ? [one] : [];
}

/**
 * The span a positive matcher found in the turn, or undefined. For `none`,
 * returns an empty span when the turn is clean and undefined otherwise.
 */
export function runMatcher(pt: PreparedTurn, m: Matcher, negation: NegationMode): Span | undefined {
  switch (m.type) {
    case 'any': {
      let best: Span | undefined;
      for (const w of m.words) {
        const sp = keep(pt, findWord(pt, w), negation, m.except)[0];
        if (sp && (!best || sp.s < best.s)) best = sp;
      }
      return best;
    }
    case 'none': {
      for (const w of m.words) if (findWord(pt, w).length > 0) return undefined;
      return { s: 0, e: 0 };
    }
    case 'all':
    case 'atLeast': {
      const need = m.type === 'atLeast' ? m.n : m.words.length;
      const found: Span[] = [];
      for (const w of m.words) {
        const sp = keep(pt, findWord(pt, w), negation, m.except)[0];
        if (sp) found.push(sp);
      }
      if (found.length < need) return undefined;
      found.sort((a, b) => a.s - b.s);
      // the tightest group of `need` words, which must fit the window if one is set
      let best: Span | undefined;
      for (let i = 0; i + need <= found.length; i++) {
        const group = found.slice(i, i + need);
        const s = Math.min(...group.map((g) => g.s));
        const e = Math.max(...group.map((g) => g.e));
        if (m.window !== undefined && e - s > m.window) continue;
        if (!best || e - s < best.e - best.s) best = { s, e };
      }
      return best;
    }
    case 'regex': {
      const text = pt.norm.text;
      for (const hit of text.matchAll(globalRegex(m.re))) {
        if (hit[0].length === 0) continue;
        const sp = { s: hit.index, e: hit.index + hit[0].length };
        if (m.exclude) {
          // the exclusion pattern vetoes a hit when it matches the clause around it
          if (m.exclude.test(clauseAround(text, sp.s, sp.e))) continue;
        }
        if (negation !== 'ignore' && isNegated(text, sp.s, sp.e) !== (negation === 'require')) continue;
        return sp;
      }
      return undefined;
    }
    case 'profile': {
      // a profile finding in this turn (negation was already judged by the profile rule)
      const f = pt.findings.find((x) => m.refs.some((r) => profileRefMatches(r, x.key)));
      return f ? { s: f.s, e: f.e } : undefined;
    }
    case 'amount':
    case 'duration':
    case 'percent': {
      for (const q of pt.norm.quantities) {
        if (q.kind !== m.type) continue;
        // a range (两三个月, 半年到一年) is classified by its upper end
        if (m.min !== undefined && q.max < m.min) continue;
        if (m.max !== undefined && q.max > m.max) continue;
        // back to normalised coordinates for a uniform span type
        const s = pt.norm.map.findIndex((o) => o >= q.start);
        let e = pt.norm.map.findIndex((o) => o >= q.end);
        if (e < 0) e = pt.norm.text.length;
        if (s < 0) continue;
        const span = { s, e: Math.max(e, s + 1) };
        // the exclusion pattern vetoes a quantity when it matches the clause around it (五年太久了)
        if (m.exclude && m.exclude.test(clauseAround(pt.norm.text, span.s, span.e))) continue;
        return span;
      }
      return undefined;
    }
  }
}
