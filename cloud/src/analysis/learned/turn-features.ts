/**
 * Features of one turn for the learned turn tagger: hashed character n-grams
 * (1–3) of the normalised turn, pinyin bigrams (so an ASR homophone, 宝本 for
 * 保本, shares features with the word it stands for), and the character
 * bigrams of the other party's turn just before it (a one-word answer, 年底吧,
 * means what the question before it asked), and the English dictionary
 * glosses of its words (word-glosses.ts: 巴适 and 不错 share "good"). Digits
 * collapse to one class, so 20万 and 50万 share their features.
 */
import type { PreparedConversation, PreparedTurn } from '../prepared.js';
import { segmentWords } from '../../search/segmenter.js';
import { wordGlosses } from './word-glosses.js';

/** Hash space of the features: 2^20 buckets. */
export const FEATURE_BITS = 20;
const MASK = (1 << FEATURE_BITS) - 1;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** One step of FNV-1a: the hash so far with one more UTF-16 code unit. */
const fnvStep = (h: number, code: number): number => Math.imul(h ^ code, FNV_PRIME);

/** FNV-1a over a string's UTF-16 code units, folded into the feature space. */
export function featureHash(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = fnvStep(h, s.charCodeAt(i));
  return (h >>> 0) & MASK;
}

/**
 * `featureHash(prefix + String(f))` for a one-letter prefix and a feature
 * number, without building the string: the conversation features rehash
 * every feature of every turn under its role.
 */
export function prefixedFeatureHash(prefix: string, f: number): number {
  let h = fnvStep(FNV_OFFSET, prefix.charCodeAt(0));
  let div = 1;
  while (div * 10 <= f) div *= 10;
  for (; div >= 1; div = Math.floor(div / 10)) h = fnvStep(h, 48 + (Math.floor(f / div) % 10));
  return (h >>> 0) & MASK;
}

const DROP = /[\s,，。.!！?？;；:：、…~～“”"'‘’「」『』《》()（）【】\-—·]/u;

/**
 * The characters of `all[s, e)` that carry meaning, with every digit as '0',
 * and the pinyin of each (`py` has one entry per character of `all`).
 */
function lettersIn(all: readonly string[], py: readonly string[], s: number, e: number): { chars: string[]; py: string[] } {
  const chars: string[] = [];
  const pys: string[] = [];
  for (let i = s; i < e; i++) {
    const c = all[i] ?? '';
    if (DROP.test(c)) continue;
    const lc = c.toLowerCase();
    const digit = /\d/.test(lc);
    chars.push(digit ? '0' : lc);
    pys.push(digit ? '0' : (py[i] ?? lc).toLowerCase());
  }
  return { chars, py: pys };
}

/** The characters of a turn and their pinyin. pt.py is the pinyin of the text before homophone correction, one entry per character. */
function turnLetters(pt: PreparedTurn): { all: string[]; py: readonly string[] } {
  const all = [...pt.norm.text];
  return { all, py: pt.py.length === all.length ? pt.py : all };
}

/** The meaningful characters of a whole turn and their pinyin. */
function letters(pt: PreparedTurn): { chars: string[]; py: string[] } {
  const { all, py } = turnLetters(pt);
  return lettersIn(all, py, 0, all.length);
}

function addNgrams(out: Set<number>, prefix: string, chars: readonly string[], sizes: readonly number[]): void {
  for (const n of sizes) {
    for (let i = 0; i + n <= chars.length; i++) {
      let g = prefix;
      for (let j = 0; j < n; j++) g += chars[i + j];
      out.add(featureHash(g));
    }
  }
}

/** The text features of a stretch of a turn: character 1–3-grams and pinyin bigrams. */
export function textFeatures(chars: readonly string[], py: readonly string[], out: Set<number> = new Set()): Set<number> {
  addNgrams(out, 'c', chars, [1, 2, 3]);
  for (let i = 0; i + 2 <= py.length; i++) out.add(featureHash(`y${py[i]} ${py[i + 1]}`));
  return out;
}

/**
 * The dictionary glosses of the turn's words of two or more characters
 * (a single character's senses are too many to say anything).
 */
function addGlossFeatures(out: Set<number>, text: string): void {
  const lex = wordGlosses();
  for (const w of segmentWords(text)) {
    if (w.length < 2) continue;
    for (const t of lex.tokens(w)) out.add(featureHash(`g${t}`));
  }
}

/** The nearest earlier turn of another role, if any. */
function previousOtherTurn(conv: PreparedConversation, pos: number): PreparedTurn | undefined {
  const role = conv.turns[pos]?.turn.role;
  for (let i = pos - 1; i >= 0; i--) {
    const t = conv.turns[i];
    if (t && t.turn.role !== role) return t;
  }
  return undefined;
}

/** Every feature of the turn at `pos`: its own text, its context and a bias-like length class. */
export function turnFeatures(conv: PreparedConversation, pos: number): number[] {
  const pt = conv.turns[pos];
  if (!pt) return [];
  const own = letters(pt);
  const out = textFeatures(own.chars, own.py);
  addGlossFeatures(out, pt.norm.text);
  const prev = previousOtherTurn(conv, pos);
  if (prev) addNgrams(out, 'p', letters(prev).chars, [2]);
  else out.add(featureHash('p^'));
  out.add(featureHash(`len${Math.min(6, Math.floor(own.chars.length / 8))}`));
  out.add(featureHash(`ch${conv.input.channel}`));
  return [...out];
}

/**
 * The clauses of a turn, each with its own text features only (no context), to
 * say which clause of a tagged turn carries the tag: spans in the normalised text.
 */
export function clauseFeatures(pt: PreparedTurn): { s: number; e: number; features: number[] }[] {
  const { all, py } = turnLetters(pt);
  if (all.length !== pt.norm.text.length) return [{ s: 0, e: pt.norm.text.length, features: turnOnly(pt) }];
  const out: { s: number; e: number; features: number[] }[] = [];
  let s = 0;
  const flush = (e: number): void => {
    const l = lettersIn(all, py, s, e);
    if (l.chars.length > 0) out.push({ s, e, features: [...textFeatures(l.chars, l.py)] });
  };
  for (let i = 0; i < all.length; i++) {
    if (/[,，。!！?？;；…]/u.test(all[i] ?? '') || (/\s/u.test(all[i] ?? '') && i - s >= 4)) {
      flush(i);
      s = i + 1;
    }
  }
  flush(all.length);
  return out;
}

function turnOnly(pt: PreparedTurn): number[] {
  const own = letters(pt);
  return [...textFeatures(own.chars, own.py)];
}

/**
 * Features of a whole conversation, for the key-point models: every turn's
 * features under its role (staff and customer words say different things),
 * the channel, a length class, and what the rules concluded for each key
 * point (the models learn where the rules are right).
 */
export function conversationFeatures(
  conv: PreparedConversation,
  turnFeats: readonly (readonly number[])[],
  ruleKeyPoints: Readonly<Record<string, boolean | null>>,
): number[] {
  const out = new Set<number>();
  conv.turns.forEach((pt, pos) => {
    const role = pt.turn.role.charAt(0);
    for (const f of turnFeats[pos] ?? []) out.add(prefixedFeatureHash(role, f));
  });
  out.add(featureHash(`ch${conv.input.channel}`));
  out.add(featureHash(`n${Math.min(8, Math.floor(conv.turns.length / 3))}`));
  for (const [p, v] of Object.entries(ruleKeyPoints)) out.add(featureHash(`r${p}=${String(v)}`));
  return [...out];
}

/** A staff turn's features as they appear in the conversation features (to find the turn a key point rests on). */
export function asConversationFeatures(role: string, features: readonly number[]): number[] {
  const r = role.charAt(0);
  return features.map((f) => prefixedFeatureHash(r, f));
}
