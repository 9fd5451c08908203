import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze, isAnalysisError, loadRuleSet, loadTaxonomy } from '../../src/analysis/index.js';
import { loadDialogues, toAnalysisInput } from '../../src/eval/corpus.js';
import { convo } from './helpers.js';

const taxonomy = loadTaxonomy();
const rules = loadRuleSet(undefined, taxonomy);
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/dialogues');
const fixtures = loadDialogues(FIXTURES);
const dev = loadDialogues();
// These tests analyse every corpus and fixture dialogue (~1 s alone); allow for a loaded 2-core CI machine.
const CORPUS_TIMEOUT_MS = 30_000;

describe('the shipped rule set', () => {
  it('validates against the taxonomy and carries a version', () => {
    expect(rules.version).toMatch(/\S/);
    expect(rules.sources.length).toBeGreaterThan(1);
  });

  it('covers every profile value, compliance rule and key point of the taxonomy', () => {
    const have = new Set(rules.rules.map((r) => {
      switch (r.kind) {
        case 'profile': return `profile:${r.family}.${r.tag}.${r.value}`;
        case 'compliance': return `compliance:${r.rule}`;
        case 'keyPoint': return `keyPoint:${r.point}`;
        default: return `voc:${r.voc}`;
      }
    }));
    const missing: string[] = [];
    for (const [family, tags] of Object.entries(taxonomy.profile)) {
      for (const [tag, def] of Object.entries(tags)) {
        for (const value of Object.keys(def.values)) if (!have.has(`profile:${family}.${tag}.${value}`)) missing.push(`${family}.${tag}.${value}`);
      }
    }
    for (const id of Object.keys(taxonomy.compliance)) if (!have.has(`compliance:${id}`)) missing.push(id);
    for (const id of Object.keys(taxonomy.keyPoints)) if (!have.has(`keyPoint:${id}`)) missing.push(id);
    expect(missing).toEqual([]);
    expect(have.has('voc:suggestion')).toBe(true);
  });
});

describe('findings on the corpus and on our own dialogues', () => {
  it('every evidence quote is the exact substring at its span of the cited turn', () => {
    for (const d of [...dev, ...fixtures]) {
      const r = analyze(toAnalysisInput(d), rules, taxonomy);
      const all = [
        ...r.profile.map((p) => p.evidence),
        ...r.compliance.map((c) => c.evidence),
        ...r.voc.map((v) => v.evidence),
        ...Object.values(r.keyPoints).flatMap((k) => k.evidence),
      ];
      for (const e of all) {
        const text = d.turns[e.turn]?.text ?? '';
        expect(text.slice(e.start, e.end), `${d.id} turn ${e.turn}`).toBe(e.quote);
        expect(e.quote.length).toBeGreaterThan(0);
      }
      for (const p of r.profile) expect(d.turns[p.evidence.turn]?.role, `${d.id} ${p.ruleId}`).toBe('customer');
      for (const c of r.compliance) expect(d.turns[c.evidence.turn]?.role, `${d.id} ${c.ruleId}`).toBe('staff');
    }
  }, CORPUS_TIMEOUT_MS);

  it('single-valued tags carry at most one value', () => {
    for (const d of [...dev, ...fixtures]) {
      const r = analyze(toAnalysisInput(d), rules, taxonomy);
      const count = new Map<string, number>();
      for (const p of r.profile) if (!taxonomy.profile[p.family]?.[p.tag]?.multi) count.set(`${p.family}.${p.tag}`, (count.get(`${p.family}.${p.tag}`) ?? 0) + 1);
      for (const [k, n] of count) expect(n, `${d.id} ${k}`).toBe(1);
    }
  }, CORPUS_TIMEOUT_MS);

  it('our own dialogues: every gold compliance rule is found and nothing else', () => {
    for (const d of fixtures) {
      const r = analyze(toAnalysisInput(d), rules, taxonomy);
      expect([...new Set(r.compliance.map((c) => c.rule))].sort(), d.id).toEqual([...new Set(d.gold.compliance.map((c) => c.rule))].sort());
    }
  }, CORPUS_TIMEOUT_MS);

  it('negation traps are not violations or wrong tags', () => {
    const d = fixtures.find((x) => x.id === 'fix-002');
    expect(d).toBeDefined();
    const r = analyze(toAnalysisInput(d!), rules, taxonomy);
    expect(r.compliance).toEqual([]);
    const tags = r.profile.map((p) => `${p.tag}=${p.value}`);
    expect(tags).toContain('investment_experience=experienced');
    expect(tags).not.toContain('investment_experience=novice');
    expect(tags).not.toContain('investment_status=loss_at_other_bank');
    expect(r.keyPoints['risk_disclosure']?.value).toBe(true);
  });

  it('ASR homophones without punctuation are understood', () => {
    const d = fixtures.find((x) => x.id === 'fix-001');
    const r = analyze(toAnalysisInput(d!), rules, taxonomy);
    expect(r.profile.map((p) => `${p.tag}=${p.value}`)).toContain('risk=capital_preserving');
    expect(r.compliance.map((c) => c.rule)).toEqual(expect.arrayContaining(['suitability_mismatch', 'promise_guarantee', 'missing_risk_disclosure']));
  });

  it('a service call has N/A sales key points and no violations for a correct warning', () => {
    const d = fixtures.find((x) => x.id === 'fix-005');
    const r = analyze(toAnalysisInput(d!), rules, taxonomy);
    expect(r.compliance).toEqual([]);
    expect(r.keyPoints['kyc']?.value).toBeNull();
    expect(r.keyPoints['opening_intro']?.value).toBe(true);
  });

  it('a customer quoting another bank is not a staff violation', () => {
    const r = analyze(convo([
      ['staff', '您好，我是锦程银行理财经理小王。'],
      ['customer', '工行那个经理跟我说他们的理财稳赚不赔，那家银行就是骗人的，我不信。'],
      ['staff', '理财都有风险，我们不能承诺收益。'],
    ]), rules, taxonomy);
    expect(r.compliance).toEqual([]);
  });
});

describe('summary and voice of the customer', () => {
  it('fills the structured summary from the findings', () => {
    const d = fixtures.find((x) => x.id === 'fix-003');
    const r = analyze(toAnalysisInput(d!), rules, taxonomy);
    expect(r.summary.customerSituation).toContain('投资平台');
    expect(r.summary.objections).toContain('资金有用处');
    expect(r.summary.text).toContain(r.summary.needs);
    expect(r.summary.nextStep.length).toBeGreaterThan(0);
  });

  it('collects praise, complaints, questions and suggestions with evidence', () => {
    const r = analyze(convo([
      ['staff', '您好，给您介绍一款理财产品，业绩比较基准3%。'],
      ['customer', '你们服务态度挺好的。手续费多少？'],
      ['staff', '没有手续费。'],
      ['customer', '建议你们手机银行做得简单一点，现在太麻烦了。'],
    ]), rules, taxonomy);
    const kinds = r.voc.map((v) => v.kind);
    expect(kinds).toEqual(expect.arrayContaining(['positive', 'question', 'negative', 'suggestion']));
  });
});

describe('input checks', () => {
  it('rejects malformed input with a typed error', () => {
    const bad = { conversationId: 'x', channel: 'badge', turns: [{ index: 0, role: 'boss', text: 1 }] } as unknown as Parameters<typeof analyze>[0];
    try {
      analyze(bad, rules);
      expect.unreachable();
    } catch (err) {
      expect(isAnalysisError(err, 'INPUT_INVALID')).toBe(true);
    }
  });
});
