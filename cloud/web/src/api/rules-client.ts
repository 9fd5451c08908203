/**
 * Typed client of the rules API (cloud/src/api/rules-routes.ts) and of tag /
 * key-point review (review-routes.ts) and waveform peaks (peaks-route.ts).
 */
import type { AnalysisResult, ComplianceHit, KeyPointResult, ProfileHit, Turn } from '../../../src/analysis/types.js';
import type { Review } from '../../../src/model/conversation.js';
import type { DiffHunk, RuleSetDiff as RuleSetChanges } from '../../../src/rules/version-diff.js';
import { API_BASE, ApiError, queryString } from './client.js';

export type { Turn };

// Shapes of the rules API's answers (their server-side modules import node APIs, so they are restated here).

/** A validation problem; line/column (1-based) in the edited text when it is about the edited rule. */
export interface LocatedIssue {
  path: string;
  message: string;
  line?: number;
  column?: number;
}

export interface RuleSummary {
  index: number;
  id: string;
  kind: string;
  target: string;
  severity: string | null;
  enabled: boolean;
  description: string | null;
}

export interface RuleSetVersionInfo {
  version: string;
  seq: number;
  source: 'files' | 'edit';
  basedOn: string | null;
  author: string;
  note: string | null;
  contentHash: string;
  createdAt: number;
  active: boolean;
}

export type { DiffHunk };

/** What changed between two versions (cloud/src/rules/version-diff.ts, imported for its types only). */
export interface RuleSetDiff extends RuleSetChanges {
  from: RuleSetVersionInfo;
  to: RuleSetVersionInfo;
}

export interface RerunJob {
  id: string;
  state: 'running' | 'done' | 'cancelled';
  filter: RerunFilter;
  rulesVersion: string;
  total: number;
  done: number;
  failed: number;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
  lastError: string | null;
}

/** A non-2xx answer that carries validation problems (422 RULES_INVALID, 400 DIALOGUE_INVALID). */
export class IssuesError extends ApiError {
  constructor(status: number, code: string, message: string, readonly issues: LocatedIssue[]) {
    super(status, code, message);
    this.name = 'IssuesError';
  }
}

async function call<T>(url: string, init?: { method: string; body?: unknown }): Promise<T> {
  const res = await fetch(url, {
    method: init?.method ?? 'GET',
    ...(init?.body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(init.body) } : {}),
  });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: reported with the status below
  }
  if (!res.ok) {
    const e = (body ?? {}) as { error?: string; message?: string; issues?: LocatedIssue[] };
    const code = e.error ?? `HTTP_${res.status}`;
    const message = e.message ?? (text.slice(0, 200) || res.statusText);
    if (Array.isArray(e.issues)) throw new IssuesError(res.status, code, message, e.issues);
    throw new ApiError(res.status, code, message);
  }
  return body as T;
}

export interface RuleTestResponse {
  rulesVersion: string;
  draft: boolean;
  turns: Turn[];
  result: AnalysisResult;
  rule: { profile: ProfileHit[]; compliance: ComplianceHit[]; keyPoint: ({ point: string } & Partial<KeyPointResult>) | null };
}

export interface WaveformPeaksResponse {
  durationMs: number;
  perSecond: number;
  levels: number[];
  scale: number;
  min: number[];
  max: number[];
}

export interface RerunFilter {
  from?: number;
  to?: number;
  channel?: 'phone' | 'badge';
  branchId?: string;
  teamId?: string;
  staffId?: string;
}

const enc = encodeURIComponent;

export const rulesApi = {
  versions: () => call<{ items: RuleSetVersionInfo[] }>(`${API_BASE}/rules/versions`),
  diff: (from?: string, to?: string) => call<RuleSetDiff>(`${API_BASE}/rules/diff${queryString({ from, to })}`),
  list: (version?: string) => call<{ version: RuleSetVersionInfo; rules: RuleSummary[]; shared: { patterns: string[]; lexicons: string[] } }>(`${API_BASE}/rules/list${queryString({ version })}`),
  rule: (id: string, version?: string) =>
    call<{ version: string; rule: RuleSummary; yaml: string }>(`${API_BASE}/rules/items/${enc(id)}${queryString({ version })}`),
  validate: (ruleId: string | null, yaml: string) =>
    call<{ ok: boolean; issues: LocatedIssue[] }>(`${API_BASE}/rules/validate`, { method: 'POST', body: { ruleId, yaml } }),
  save: (body: { ruleId: string | null; yaml: string; note?: string; expectedVersion?: string; reviewer: string }) =>
    call<{ version: RuleSetVersionInfo }>(`${API_BASE}/rules/items`, { method: 'POST', body }),
  activate: (version: string, reviewer: string) =>
    call<{ version: RuleSetVersionInfo }>(`${API_BASE}/rules/versions/${enc(version)}/activate`, { method: 'POST', body: { reviewer } }),
  test: (body: { ruleId: string | null; yaml?: string; dialogue: string; channel: 'phone' | 'badge' }) =>
    call<RuleTestResponse>(`${API_BASE}/rules/test`, { method: 'POST', body }),
  startRerun: (filter: RerunFilter, reviewer: string) =>
    call<RerunJob>(`${API_BASE}/rules/rerun-jobs`, { method: 'POST', body: { ...filter, reviewer } }),
  rerunJobs: (limit = 10) => call<{ items: RerunJob[] }>(`${API_BASE}/rules/rerun-jobs${queryString({ limit })}`),
  rerunJob: (id: string) => call<RerunJob>(`${API_BASE}/rules/rerun-jobs/${enc(id)}`),
  cancelRerun: (id: string) => call<RerunJob>(`${API_BASE}/rules/rerun-jobs/${enc(id)}/cancel`, { method: 'POST', body: {} }),
};

export const reviewApi = {
  tag: (hitId: number, body: { action: 'confirm' | 'correct' | 'reject' | 'reset'; value?: string; reason?: string; reviewer: string }) =>
    call<{ conversationId: string; hitId: number; review: Review }>(`${API_BASE}/reviews/tag/${hitId}`, { method: 'POST', body }),
  keyPoint: (hitId: number, body: { verdict: 'right' | 'wrong' | 'reset'; reason?: string; reviewer: string }) =>
    call<{ conversationId: string; hitId: number; review: Review }>(`${API_BASE}/reviews/key-point/${hitId}`, { method: 'POST', body }),
};

export const peaksApi = {
  peaks: (conversationId: string, maxPairs: number) =>
    call<WaveformPeaksResponse>(`${API_BASE}/conversations/${enc(conversationId)}/peaks${queryString({ maxPairs })}`),
};
