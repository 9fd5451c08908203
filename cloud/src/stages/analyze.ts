import type { AnalysisInput, Evidence } from '../analysis/index.js';
import type { EvidenceRef, Segment } from '../model/conversation.js';
import { mergeConversationProfile } from '../profile/merge.js';
import type { StageHandler } from './context.js';

/** Turns handed to the engine: segments with text, in order; turn i ↔ segment `bySegment[i]`. */
export function turnsFromSegments(segments: Segment[]): { input: AnalysisInput['turns']; bySegment: Segment[] } {
  const spoken = segments.filter((s) => s.text.trim() !== '');
  return {
    input: spoken.map((s, i) => ({
      index: i,
      role: s.role,
      text: s.text,
      ...(s.startMs !== null ? { startMs: s.startMs } : {}),
      ...(s.endMs !== null ? { endMs: s.endMs } : {}),
    })),
    bySegment: spoken,
  };
}

/**
 * Analysis: the rules engine over the transcript; evidence re-pointed from
 * engine turns to segment indexes (what the UI highlights) with time spans;
 * results, summary and voice of the customer stored; profile merged into the
 * customer.
 */
export const analyzeStage: StageHandler = async (ctx, c) => {
  const { input, bySegment } = turnsFromSegments(ctx.store.getSegments(c.id));
  // On the analysis worker pool (or inline when analysis.workers is 0); engine errors arrive as ANALYSIS_FAILED.
  const result = await ctx.analysis.analyze({ conversationId: c.id, channel: c.channel, turns: input });
  const ref = (e: Evidence): EvidenceRef => {
    const seg = bySegment[e.turn];
    const out: EvidenceRef = { turn: seg?.index ?? e.turn, start: e.start, end: e.end, quote: e.quote };
    const startMs = e.startMs ?? seg?.startMs ?? undefined;
    const endMs = e.endMs ?? seg?.endMs ?? undefined;
    if (startMs !== undefined && startMs !== null) out.startMs = startMs;
    if (endMs !== undefined && endMs !== null) out.endMs = endMs;
    return out;
  };
  ctx.store.replaceAnalysis(
    c.id,
    {
      rulesVersion: result.rulesVersion,
      tags: result.profile.map((p) => ({
        family: p.family,
        tag: p.tag,
        value: p.value,
        detail: p.detail ?? null,
        confidence: p.confidence,
        ruleId: p.ruleId,
        evidence: [ref(p.evidence)],
      })),
      compliance: result.compliance.map((h) => ({
        rule: h.rule,
        severity: h.severity,
        ruleId: h.ruleId,
        evidence: [ref(h.evidence)],
      })),
      keyPoints: Object.entries(result.keyPoints).map(([point, k]) => ({
        point,
        applicable: k.applicable,
        raised: k.raised,
        toStandard: k.toStandard,
        evidence: k.evidence.map(ref),
      })),
      summary: { ...result.summary },
      voc: result.voc.map((v) => ({ kind: v.kind, text: v.text, evidence: ref(v.evidence) })),
    },
    Date.now(),
  );
  mergeConversationProfile(ctx.store, ctx.taxonomy, c.id);
  return { kind: 'done' };
};
