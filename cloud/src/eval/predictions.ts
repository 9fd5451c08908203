/** The engine's findings for a dialogue, written in the corpus's own `gold` format. */
import type { AnalysisResult } from '../analysis/types.js';
import type { Gold } from './corpus.js';

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
