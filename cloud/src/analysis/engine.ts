/**
 * The analysis engine: evaluates a compiled rule set against one
 * conversation and returns profile tags, compliance hits, key-point results,
 * voice of the customer and a structured summary, each finding with evidence.
 */
import { profileKey, type Condition, type KeyPointRule, type Rule, type RuleSet } from '../rules/schema.js';
import { evaluate, positiveNames, type Expr } from '../rules/expression.js';
import { AnalysisError } from './errors.js';
import { evidenceFor, prepare, type PreparedConversation, type PreparedTurn } from './prepared.js';
import { allSpans, runMatcher, type Span } from './matchers.js';
import { clauseIndex } from './clauses.js';
import { aboutSomeoneElse } from './attribution.js';
import { buildSummary } from './summary.js';
import { collectVoc } from './voc.js';
import { runTagger, type TaggerRun } from './learned/turn-tagger.js';
import type { Taxonomy } from './taxonomy.js';
import type {
  AnalysisInput, AnalysisResult, ComplianceHit, Evidence, KeyPointResult, ProfileHit, Severity, VocItem,
} from './types.js';

export interface ConditionHit {
  pt: PreparedTurn;
  span: Span;
}

function inScope(c: Condition, pt: PreparedTurn, conv: PreparedConversation): boolean {
  const s = c.scope;
  if (!s) return true;
  const n = conv.turns.length;
  if (s.firstTurns !== undefined && pt.pos >= s.firstTurns) return false;
  if (s.lastTurns !== undefined && pt.pos < n - s.lastTurns) return false;
  if (s.fromTurn !== undefined && pt.pos < s.fromTurn) return false;
  if (s.toTurn !== undefined && pt.pos > s.toTurn) return false;
  if (s.firstSeconds !== undefined && pt.startMs - conv.startMs >= s.firstSeconds * 1000) return false;
  if (s.lastSeconds !== undefined && pt.endMs < conv.endMs - s.lastSeconds * 1000) return false;
  return true;
}

/** Evaluates the conditions of one rule, memoising hits (anchors reuse them). */
class RuleContext {
  private readonly memo = new Map<string, ConditionHit[]>();
  constructor(private readonly rule: Rule, private readonly conv: PreparedConversation) {}

  hits(name: string): ConditionHit[] {
    const cached = this.memo.get(name);
    if (cached) return cached;
    const c = this.rule.conditions.get(name);
    const out: ConditionHit[] = [];
    if (c && (c.channel === undefined || c.channel === this.conv.input.channel)) {
      const anchors = c.after ? this.hits(c.after.condition).map((h) => h.pt.pos) : undefined;
      const vetoes = c.notAfter ? this.hits(c.notAfter.condition).map((h) => h.pt.pos) : undefined;
      for (const pt of this.conv.turns) {
        if (c.role !== 'any' && pt.turn.role !== c.role) continue;
        if (!inScope(c, pt, this.conv)) continue;
        if (anchors && c.after) {
          const { withinTurns, sameTurn } = c.after;
          const ok = anchors.some((a) => (sameTurn ? pt.pos >= a : pt.pos > a) && pt.pos - a <= withinTurns);
          if (!ok) continue;
        }
        if (vetoes && c.notAfter) {
          const { withinTurns, sameTurn } = c.notAfter;
          if (vetoes.some((a) => (sameTurn ? pt.pos >= a : pt.pos > a) && pt.pos - a <= withinTurns)) continue;
        }
        // every matcher must hold in this turn; the evidence spans what the positive ones found
        let span: Span | undefined;
        let ok = true;
        for (const m of c.matchers) {
          const sp = runMatcher(pt, m, m.negation ?? c.negation);
          if (!sp) { ok = false; break; }
          if (m.type !== 'none') span = span ? { s: Math.min(span.s, sp.s), e: Math.max(span.e, sp.e) } : sp;
        }
        if (ok && span && (c.within !== undefined || c.sameClause)) span = closeTogether(pt, c);
        // a product name the customer reads out (“锦程稳健一号”) says nothing about the customer
        if (ok && span && this.rule.kind === 'profile' && insideQuotedName(pt.norm.text, span)) continue;
        // with ownWords, what the customer says of someone else (他以前买过保险) is not about the customer
        if (ok && span && c.ownWords && aboutSomeoneElse(pt.norm.text, span.s)) continue;
        if (ok && span) out.push({ pt, span });
      }
    }
    this.memo.set(name, out);
    return out;
  }

  holds(e: Expr): boolean {
    return evaluate(e, (n) => this.hits(n).length > 0);
  }

  /** Hits of the first evidence condition that has any. */
  evidence(names: readonly string[]): ConditionHit[] {
    for (const n of names) {
      const h = this.hits(n);
      if (h.length > 0) return h;
    }
    return [];
  }
}

/** Quoted names: “…”, "…", 「…」, 《…》 of at most 20 characters (product and fund names). */
const QUOTED_NAME = /[“"「『《]([^“”"「」『』《》]{1,20})[”"」』》]/gu;

/** Whether a (non-empty) normalised span lies inside a quoted name. */
export function insideQuotedName(text: string, span: Span): boolean {
  if (span.e <= span.s) return false;
  for (const m of text.matchAll(QUOTED_NAME)) {
    const open = m.index;
    const close = open + m[0].length - 1;
    if (span.s > open && span.e <= close) return true;
  }
  return false;
}

/**
 * With `within`, the positive matchers must hit within that many characters of each other;
 * with `sameClause`, in one clause. The tightest combination of one hit per matcher, or undefined.
 */
function closeTogether(pt: PreparedTurn, c: Condition): Span | undefined {
  const lists = c.matchers.filter((m) => m.type !== 'none').map((m) => allSpans(pt, m, m.negation ?? c.negation));
  const within = c.within ?? Number.POSITIVE_INFINITY;
  // one clause map per turn, shared by every sameClause condition
  const clauseOf = c.sameClause ? (pt.clauses ??= clauseIndex(pt.norm.text)) : undefined;
  let best: Span | undefined;
  const walk = (i: number, lo: number, hi: number, clause: number | undefined): void => {
    if (hi - lo > within) return;
    if (i === lists.length) {
      if (!best || hi - lo < best.e - best.s) best = { s: lo, e: hi };
      return;
    }
    for (const sp of lists[i] ?? []) {
      const k = clauseOf?.[sp.s];
      if (clause !== undefined && k !== clause) continue;
      walk(i + 1, Math.min(lo, sp.s), Math.max(hi, sp.e), k);
    }
  };
  walk(0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, undefined);
  return best;
}

function toEvidence(h: ConditionHit): Evidence {
  return evidenceFor(h.pt, h.span.s, h.span.e);
}

function percentDetail(h: ConditionHit): string | undefined {
  const qs = h.pt.norm.quantities.filter((q) => q.kind === 'percent');
  if (qs.length === 0) return undefined;
  const at = h.pt.norm.map[h.span.s] ?? 0;
  const q = qs.reduce((best, x) => (Math.abs(x.start - at) < Math.abs(best.start - at) ? x : best));
  const fmt = (n: number): string => `${Number(n.toFixed(2))}%`;
  return q.max > q.value ? `${fmt(q.value).replace('%', '')}%-${fmt(q.max)}` : fmt(q.value);
}

function checkInput(input: AnalysisInput): void {
  const problems: { path: string; message: string }[] = [];
  if (typeof input?.conversationId !== 'string') problems.push({ path: 'conversationId', message: 'must be a string' });
  if (!Array.isArray(input?.turns)) problems.push({ path: 'turns', message: 'must be a list' });
  else input.turns.forEach((t, i) => {
    if (typeof t?.text !== 'string') problems.push({ path: `turns[${i}].text`, message: 'must be a string' });
    if (!['staff', 'customer', 'other'].includes(t?.role)) problems.push({ path: `turns[${i}].role`, message: 'must be staff, customer or other' });
    if (!Number.isInteger(t?.index)) problems.push({ path: `turns[${i}].index`, message: 'must be an integer' });
  });
  if (problems.length > 0) throw new AnalysisError('INPUT_INVALID', input?.conversationId, problems);
}

export function analyze(input: AnalysisInput, rules: RuleSet, taxonomy?: Taxonomy): AnalysisResult {
  checkInput(input);
  const conv = prepare(input, rules.homophones);
  const profile: ProfileHit[] = [];
  const compliance: ComplianceHit[] = [];
  const voc: VocItem[] = [];
  const kpRules: { rule: KeyPointRule; ctx: RuleContext }[] = [];
  const findingTurns: { h: ConditionHit; key: string }[] = [];
  // the final value of a single-valued tag is the merged one: index only what the merge keeps
  const indexFindings = (hits: ProfileHit[]): void => {
    const kept = new Set(mergeProfile(hits, taxonomy).map((h) => profileKey(h.family, h.tag, h.value)));
    for (const { h, key } of findingTurns) if (kept.has(key)) h.pt.findings.push({ key, s: h.span.s, e: h.span.e });
  };

  // profile rules first: every turn they cite is indexed for the `profile` matcher of the
  // compliance, key-point and voc rules (a KYC question is one the customer answered)
  const ordered = [...rules.rules.filter((r) => r.kind === 'profile'), ...rules.rules.filter((r) => r.kind !== 'profile')];
  let indexed = false;
  for (const rule of ordered) {
    if (rule.kind !== 'profile' && !indexed) {
      indexFindings(profile);
      indexed = true;
    }
    const ctx = new RuleContext(rule, conv);
    if (rule.kind === 'keyPoint') { kpRules.push({ rule, ctx }); continue; }
    if (rule.trigger && !ctx.holds(rule.trigger)) continue;
    if (!ctx.holds(rule.when)) continue;
    const hits = ctx.evidence(rule.evidence);
    const first = hits[0];
    if (!first) continue;
    switch (rule.kind) {
      case 'profile': {
        for (const h of hits) findingTurns.push({ h, key: profileKey(rule.family, rule.tag, rule.value) });
        const hit: ProfileHit = { family: rule.family, tag: rule.tag, value: rule.value, evidence: toEvidence(first), ruleId: rule.id, confidence: rule.confidence };
        if (rule.detail === 'percent') {
          const d = percentDetail(first);
          if (d) hit.detail = d;
        }
        profile.push(hit);
        break;
      }
      case 'compliance': {
        const severity: Severity = rule.severity ?? taxonomy?.compliance[rule.rule]?.severity ?? 'medium';
        const turns = new Set<number>();
        for (const h of hits) {
          if (turns.has(h.pt.pos)) continue;
          turns.add(h.pt.pos);
          compliance.push({ rule: rule.rule, severity, evidence: toEvidence(h), ruleId: rule.id });
        }
        break;
      }
      case 'voc':
        for (const h of hits) voc.push({ kind: rule.voc, text: toEvidence(h).quote, evidence: toEvidence(h) });
        break;
    }
  }

  if (!indexed) indexFindings(profile);
  const tagged = rules.tagger ? runTagger(conv, rules.tagger) : undefined;
  if (tagged && rules.tagger) addTaggerFindings(tagged, rules.tagger.version, profile, compliance, taxonomy);
  const mergedProfile = mergeProfile(profile, taxonomy);
  mergedProfile.sort((a, b) => a.evidence.turn - b.evidence.turn || a.evidence.start - b.evidence.start);
  compliance.sort((a, b) => a.evidence.turn - b.evidence.turn || a.rule.localeCompare(b.rule));
  // one compliance finding per (rule, turn) even when several rules express it
  const seen = new Set<string>();
  const dedupCompliance = compliance.filter((c) => {
    const k = `${c.rule}@${c.evidence.turn}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });

  const keyPoints = evaluateKeyPoints(kpRules, dedupCompliance, taxonomy);
  if (tagged) applyTaggerKeyPoints(tagged, keyPoints, kpRules, dedupCompliance);
  const allVoc = collectVoc(mergedProfile, voc, taxonomy);
  const summary = buildSummary(input, mergedProfile, keyPoints, taxonomy);
  const result: AnalysisResult = { rulesVersion: rules.version, profile: mergedProfile, compliance: dedupCompliance, keyPoints, voc: allVoc, summary };
  if (rules.tagger) result.taggerVersion = rules.tagger.version;
  return result;
}

/**
 * A learned finding's confidence is at most this, below every rule's (0.7 and up): where a
 * rule and the tagger give a single-valued tag different values, the rule's value stands.
 */
const TAGGER_MAX_CONFIDENCE = 0.6;

/**
 * Adds what the learned tagger finds beside the rules: profile values and compliance
 * violations in turns the rules did not flag for them (docs/rules.md, "The learned tagger").
 */
function addTaggerFindings(tagged: TaggerRun, version: string, profile: ProfileHit[], compliance: ComplianceHit[], taxonomy?: Taxonomy): void {
  const ruleId = `tagger:${version}`;
  const flagged = new Set(compliance.map((c) => `${c.rule}@${c.evidence.turn}`));
  for (const f of tagged.findings) {
    const h: ConditionHit = { pt: f.pt, span: f.span };
    if (f.kind === 'compliance') {
      if (taxonomy && !taxonomy.compliance[f.label]) continue;
      if (flagged.has(`${f.label}@${f.pt.turn.index}`)) continue;
      const severity: Severity = taxonomy?.compliance[f.label]?.severity ?? 'medium';
      compliance.push({ rule: f.label, severity, evidence: toEvidence(h), ruleId });
      continue;
    }
    const m = /^([^.]+)\.([^=]+)=(.+)$/.exec(f.label);
    if (!m) continue;
    const [, family = '', tag = '', value = ''] = m;
    if (taxonomy && taxonomy.profile[family]?.[tag]?.values[value] === undefined) continue;
    const hit: ProfileHit = { family, tag, value, evidence: toEvidence(h), ruleId, confidence: Number((TAGGER_MAX_CONFIDENCE * f.probability).toFixed(3)) };
    if (family === 'preference' && tag === 'return' && value === 'specific') {
      const d = percentDetail(h);
      if (d) hit.detail = d;
    }
    profile.push(hit);
  }
}

/** Whether evidence `a` was stated after `b` (a later turn, or later in the same turn). */
function laterThan(a: Evidence, b: Evidence): boolean {
  return a.turn > b.turn || (a.turn === b.turn && a.start > b.start);
}

/**
 * One finding per (family, tag, value), keeping the most confident (then the
 * earliest) evidence. Single-valued tags keep one value: the most confident,
 * then the latest stated (in a later turn, or later in the same turn: 三个月可以，
 * 我这钱也就放三四个月), since a customer's final word wins.
 */
function mergeProfile(hits: ProfileHit[], taxonomy?: Taxonomy): ProfileHit[] {
  const byValue = new Map<string, ProfileHit>();
  for (const h of hits) {
    const k = `${h.family}.${h.tag}=${h.value}`;
    const prev = byValue.get(k);
    if (!prev || h.confidence > prev.confidence || (h.confidence === prev.confidence && h.evidence.turn < prev.evidence.turn)) byValue.set(k, h);
  }
  const out: ProfileHit[] = [];
  const single = new Map<string, ProfileHit>();
  for (const h of byValue.values()) {
    const multi = taxonomy?.profile[h.family]?.[h.tag]?.multi ?? true;
    if (multi) { out.push(h); continue; }
    const k = `${h.family}.${h.tag}`;
    const prev = single.get(k);
    if (!prev || h.confidence > prev.confidence || (h.confidence === prev.confidence && laterThan(h.evidence, prev.evidence))) single.set(k, h);
  }
  return [...out, ...single.values()];
}

/**
 * Where the key-point models are confident, their value stands over the rules' (they see the
 * rules' values, and learned where those go wrong). A point they make raised rests on the
 * staff turn they weigh most, and is to standard when no violation tied to it was found.
 */
function applyTaggerKeyPoints(
  tagged: TaggerRun,
  keyPoints: Record<string, KeyPointResult>,
  kpRules: { rule: KeyPointRule }[],
  compliance: ComplianceHit[],
): void {
  const ruleValues = Object.fromEntries(Object.entries(keyPoints).map(([p, r]) => [p, r.value]));
  for (const [point, d] of tagged.keyPoints(ruleValues)) {
    const r = keyPoints[point];
    if (!r || r.value === d.value) continue;
    r.value = d.value;
    r.applicable = d.value !== null;
    r.raised = d.value === true;
    if (!r.raised) {
      r.toStandard = false;
      r.evidence = [];
      continue;
    }
    const tied = new Set(kpRules.filter((k) => k.rule.point === point).flatMap((k) => k.rule.violations));
    r.toStandard = !compliance.some((c) => tied.has(c.rule));
    const at = d.evidence?.();
    r.evidence = at ? [toEvidence({ pt: at.pt, span: at.span })] : [];
  }
}

function evaluateKeyPoints(
  kpRules: { rule: KeyPointRule; ctx: RuleContext }[],
  compliance: ComplianceHit[],
  taxonomy?: Taxonomy,
): Record<string, KeyPointResult> {
  const out: Record<string, KeyPointResult> = {};
  const points = new Set<string>([...Object.keys(taxonomy?.keyPoints ?? {}), ...kpRules.map((r) => r.rule.point)]);
  for (const p of points) out[p] = { applicable: false, raised: false, toStandard: false, value: null, evidence: [] };
  for (const { rule, ctx } of kpRules) {
    const r = out[rule.point];
    if (!r) continue;
    // a triggered point applies only when its trigger fires; raising it outside that is not counted
    const applicable = rule.trigger ? ctx.holds(rule.trigger) : true;
    if (!applicable) continue;
    const raised = ctx.holds(rule.when);
    r.applicable = true;
    if (raised) {
      r.raised = true;
      for (const h of ctx.evidence(positiveNames(rule.when))) r.evidence.push(toEvidence(h));
      const standardOk = rule.standard ? ctx.holds(rule.standard) : true;
      const violated = compliance.some((c) => rule.violations.includes(c.rule));
      r.toStandard = r.toStandard || (standardOk && !violated);
    }
  }
  for (const r of Object.values(out)) {
    r.value = r.raised ? true : r.applicable ? false : null;
    if (!r.raised) r.toStandard = false;
    r.evidence.sort((a, b) => a.turn - b.turn);
    r.evidence = r.evidence.filter((e, i, a) => i === 0 || e.turn !== a[i - 1]?.turn || e.start !== a[i - 1]?.start);
  }
  return out;
}
