/**
 * The structured summary (customer situation, needs, objections, next step),
 * filled from the analysis itself: profile tags with their taxonomy labels,
 * the key points staff reached, and the closing turns of the conversation.
 */
import type { Taxonomy } from './taxonomy.js';
import type { AnalysisInput, KeyPointResult, ProfileHit, Summary } from './types.js';

function label(h: ProfileHit, taxonomy?: Taxonomy): string {
  const tag = taxonomy?.profile[h.family]?.[h.tag];
  const value = tag?.values[h.value] ?? h.value;
  const tagZh = tag?.zh ?? h.tag;
  return h.detail ? `${tagZh}：${value}（${h.detail}）` : `${tagZh}：${value}`;
}

function join(items: string[], empty: string): string {
  const uniq = [...new Set(items)];
  return uniq.length === 0 ? empty : uniq.join('；');
}

export function buildSummary(
  input: AnalysisInput,
  profile: readonly ProfileHit[],
  keyPoints: Readonly<Record<string, KeyPointResult>>,
  taxonomy?: Taxonomy,
): Summary {
  const pick = (pred: (h: ProfileHit) => boolean): string[] => profile.filter(pred).map((h) => label(h, taxonomy));
  const customerSituation = join(pick((h) => h.family === 'basic'), '客户未透露资金与投资情况');
  const needs = join([
    ...pick((h) => h.family === 'preference'),
    ...pick((h) => h.family === 'feedback' && h.tag === 'question'),
  ], '未明确表达需求');
  const objections = join([
    ...pick((h) => h.family === 'objection'),
    ...pick((h) => h.family === 'feedback' && h.tag === 'negative'),
  ], '无');
  const steps: string[] = [];
  const kpZh = (id: string): string => taxonomy?.keyPoints[id]?.zh ?? id;
  for (const id of ['closing_attempt', 'invite_visit', 'add_wecom']) {
    if (keyPoints[id]?.raised) steps.push(kpZh(id));
  }
  const lastStaff = [...input.turns].reverse().find((t) => t.role === 'staff');
  if (lastStaff) steps.push(`员工收尾：「${lastStaff.text.length > 60 ? lastStaff.text.slice(0, 60) + '…' : lastStaff.text}」`);
  const nextStep = join(steps, '无明确后续安排');
  const channel = input.channel === 'phone' ? '电话' : '网点';
  const text = `【${channel}】客户情况：${customerSituation}。需求：${needs}。异议：${objections}。后续：${nextStep}。`;
  return { customerSituation, needs, objections, nextStep, text };
}
