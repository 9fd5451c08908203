/** Findings in the corpus's own `gold` format: the engine's, written out, and anyone's, read back. */
import { readFileSync } from 'node:fs';
import { AnalysisError } from '../analysis/errors.js';
import type { AnalysisResult } from '../analysis/types.js';
import { parseGold, type Dialogue, type Gold } from './corpus.js';

export function toGoldFormat(r: AnalysisResult): Gold {
  const keyPoints: Gold['keyPoints'] = {};
  for (const [k, v] of Object.entries(r.keyPoints)) keyPoints[k] = v.value;
  return {
    profile: r.profile.map((p) => ({
      family: p.family, tag: p.tag, value: p.value, ...(p.detail ? { detail: p.detail } : {}), turn: p.evidence.turn, quote: p.evidence.quote,
    })),
    compliance: r.compliance.map((c) => ({ rule: c.rule, turn: c.evidence.turn, quote: c.evidence.quote })),
    keyPoints,
    summary: r.summary.text,
  };
}

/**
 * Reads annotations in the gold format keyed by dialogue id (what
 * `--predictions` writes, another system's output, or a second annotator's
 * work) for the given dialogues. Every dialogue needs an entry, and every
 * cited turn and quote must exist in that dialogue: a file written for other
 * dialogues is refused rather than scored as finding nothing.
 */
export function loadPredictions(file: string, dialogues: readonly Dialogue[]): Map<string, Gold> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new AnalysisError('CORPUS_INVALID', `cannot read annotations from ${file}`, [], { cause: err });
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new AnalysisError('CORPUS_INVALID', `${file}: must be an object keyed by dialogue id`);
  }
  const entries = raw as Record<string, unknown>;
  const missing = dialogues.filter((d) => !(d.id in entries)).map((d) => d.id);
  if (missing.length > 0) {
    throw new AnalysisError('CORPUS_INVALID', `${file}: no annotation for ${missing.length} dialogue(s): ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''} (--only narrows the dialogues)`);
  }
  const out = new Map<string, Gold>();
  for (const d of dialogues) {
    const source = `${file} ${d.id}`;
    const gold = parseGold(entries[d.id], source);
    const cited = [...gold.profile.map((p, i) => ({ at: `profile[${i}]`, turn: p.turn, quote: p.quote })),
      ...gold.compliance.map((c, i) => ({ at: `compliance[${i}]`, turn: c.turn, quote: c.quote }))];
    for (const c of cited) {
      const text = Number.isInteger(c.turn) ? d.turns[c.turn]?.text : undefined;
      if (text === undefined || typeof c.quote !== 'string' || !text.includes(c.quote)) {
        throw new AnalysisError('CORPUS_INVALID', `${source}: ${c.at} must cite a turn of the dialogue and a quote from it`);
      }
    }
    out.set(d.id, gold);
  }
  return out;
}
