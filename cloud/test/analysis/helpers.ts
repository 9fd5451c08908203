import { analyze, validateRuleSet, type AnalysisInput, type AnalysisResult, type Role } from '../../src/analysis/index.js';

/** A conversation from [role, text] pairs. */
export function convo(turns: [Role, string][], channel: 'phone' | 'badge' = 'badge'): AnalysisInput {
  return { conversationId: 't', channel, turns: turns.map(([role, text], index) => ({ index, role, text })) };
}

/** A one-rule profile rule set whose rule fires when condition `c` holds. */
export function profileRule(condition: Record<string, unknown>, extra: Record<string, unknown> = {}): ReturnType<typeof validateRuleSet> {
  return validateRuleSet({
    version: 'test',
    defaults: { pinyin: true },
    rules: [{ id: 'r', kind: 'profile', family: 'f', tag: 't', value: 'v', conditions: { c: condition }, when: 'c', ...extra }],
  });
}

export function fires(condition: Record<string, unknown>, turns: [Role, string][]): AnalysisResult['profile'] {
  return analyze(convo(turns), profileRule(condition)).profile;
}
