/**
 * The analysis contract: what the pipeline hands the engine and what it gets
 * back. Evidence spans index the turn's ORIGINAL text, so
 * `turns[e.turn].text.slice(e.start, e.end) === e.quote` always holds.
 */
export type Role = 'staff' | 'customer' | 'other';

export interface Turn {
  index: number;
  role: Role;
  text: string;
  startMs?: number;
  endMs?: number;
}

export interface AnalysisInput {
  conversationId: string;
  channel: 'phone' | 'badge';
  turns: Turn[];
}

export interface Evidence {
  turn: number;
  /** char span in the turn's original text */
  start: number;
  end: number;
  quote: string;
  startMs?: number;
  endMs?: number;
}

export interface ProfileHit {
  family: string;
  tag: string;
  value: string;
  detail?: string;
  evidence: Evidence;
  ruleId: string;
  confidence: number;
}

export type Severity = 'low' | 'medium' | 'high' | 'critical';

export interface ComplianceHit {
  rule: string;
  severity: Severity;
  evidence: Evidence;
  ruleId: string;
}

export interface KeyPointResult {
  /** the point applied to this conversation */
  applicable: boolean;
  /** staff raised it (开口) */
  raised: boolean;
  /** raised, its standard conditions held and no compliance violation is tied to it (执行) */
  toStandard: boolean;
  /** the corpus's three-valued form: true raised, false applicable but not raised, null not applicable */
  value: true | false | null;
  evidence: Evidence[];
}

export type VocKind = 'positive' | 'negative' | 'question' | 'suggestion';

export interface VocItem {
  kind: VocKind;
  text: string;
  evidence: Evidence;
}

export interface Summary {
  customerSituation: string;
  needs: string;
  objections: string;
  nextStep: string;
  text: string;
}

export interface AnalysisResult {
  rulesVersion: string;
  /** the learned tagger's model version, when one ran beside the rules */
  taggerVersion?: string;
  profile: ProfileHit[];
  compliance: ComplianceHit[];
  keyPoints: Record<string, KeyPointResult>;
  voc: VocItem[];
  summary: Summary;
}
