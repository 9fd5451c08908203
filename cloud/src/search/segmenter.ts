import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { pinyin } from 'pinyin-pro';
import { bankingDictionary } from './banking-dictionary.js';

/**
 * Turns transcript text into what the full-text index stores and what
 * queries match against: jieba words (general + banking dictionary) and the
 * toneless pinyin of every character, so homophones an ASR produces
 * (宝本 for 保本) still match.
 */
export interface IndexedText {
  /** Space-separated words. */
  words: string;
  /** Space-separated toneless pinyin syllables, one per Han character; other runs lower-cased. */
  pinyin: string;
}

let shared: Jieba | null = null;

function jieba(): Jieba {
  if (!shared) {
    shared = Jieba.withDict(dict);
    shared.loadDict(bankingDictionary());
  }
  return shared;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Words of `text`; punctuation and whitespace dropped, Latin lower-cased.
 * 'index' mode also emits the shorter words inside long ones (保本保息 →
 * 保本, 保息, 保本保息) so a query for either part finds the document.
 */
export function segmentWords(text: string, mode: 'index' | 'query' = 'query'): string[] {
  if (!text) return [];
  const j = jieba();
  return (mode === 'index' ? j.cutForSearch(text, true) : j.cut(text, true))
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w.length > 0 && WORD_CHAR.test(w));
}

/** Toneless pinyin syllables of `text` (one per Han character; other word runs lower-cased). */
export function pinyinSyllables(text: string): string[] {
  if (!text) return [];
  const parts = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }) as string[];
  const out: string[] = [];
  for (const part of parts) {
    for (const piece of part.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (piece) out.push(piece);
  }
  return out;
}

export function indexText(text: string): IndexedText {
  return { words: segmentWords(text, 'index').join(' '), pinyin: pinyinSyllables(text).join(' ') };
}
