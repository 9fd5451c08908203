import type { TextQuery } from '../store/conversation-store.js';
import { pinyinSyllables, segmentWords } from './segmenter.js';

/**
 * How a search box string becomes a store text query.
 * - exact: every jieba word of the query must occur;
 * - pinyin (default): exact, or the query's pinyin syllables occur in a row
 *   (catches ASR homophones: 宝本 finds 保本 and vice versa);
 * - fuzzy: pinyin, with words matched as prefixes (partial input).
 */
export type SearchMode = 'exact' | 'pinyin' | 'fuzzy';

export const MAX_QUERY_CHARS = 200;

export function buildTextQuery(input: string, mode: SearchMode = 'pinyin'): TextQuery | null {
  const text = input.normalize('NFKC').slice(0, MAX_QUERY_CHARS).trim();
  if (!text) return null;
  const words = segmentWords(text, 'query');
  const pinyinPhrase = mode === 'exact' ? [] : pinyinSyllables(text);
  if (words.length === 0 && pinyinPhrase.length === 0) return null;
  return { words, pinyinPhrase, prefix: mode === 'fuzzy' };
}
