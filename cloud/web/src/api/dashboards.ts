/**
 * Typed client of the dashboard and customer API (cloud/src/api/dashboard-routes.ts
 * and customer-routes.ts). Row shapes are the store's own types, imported type-only.
 */
import type { Customer, ProfileObservation } from '../../../src/model/directory.js';
import { API_BASE, ApiError, queryString } from './client.js';
import type { Channel, Conversation, EvidenceRef, RollupDimension, Severity } from './types.js';

// Row shapes of the store's dashboard queries (cloud/src/store/conversation-store.ts), as the API sends them.
export type TrendInterval = 'day' | 'week' | 'month';

export interface ConversationTrendRow {
  bucket: number;
  channel: Channel;
  conversations: number;
  customers: number;
  avgDurationMs: number | null;
}

export interface ComplianceCounts {
  rule: string;
  severity: string;
  group: string | null;
  hits: number;
  conversations: number;
  confirmed: number;
  dismissed: number;
}

export interface ComplianceTrendRow extends ComplianceCounts {
  bucket: number;
}

export interface VocListItem {
  conversationId: string;
  startedAt: number;
  kind: string;
  text: string;
  evidence: EvidenceRef | null;
  ord: number;
  channel: Channel;
  staffId: string | null;
  customerId: string | null;
  segment: number | null;
  quote: string | null;
  startMs: number | null;
}

export interface VocKindCount {
  kind: string;
  items: number;
  conversations: number;
}

export interface CustomerListing extends Customer {
  current: Array<{ family: string; tag: string; value: string }>;
  conversations: number;
  lastConversationAt: number | null;
  channels: Channel[];
}

export interface ProfileSource extends ProfileObservation {
  segment: number | null;
  startMs: number | null;
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: reported with the status below
  }
  if (!res.ok) {
    const e = (body ?? {}) as { error?: string; message?: string };
    throw new ApiError(res.status, e.error ?? `HTTP_${res.status}`, e.message ?? (text.slice(0, 200) || res.statusText));
  }
  return body as T;
}

/** Which conversations a dashboard covers. */
export interface Scope {
  from?: number;
  to?: number;
  channel?: 'phone' | 'badge';
  branchId?: string;
  teamId?: string;
  staffId?: string;
}

/** The browser's offset from UTC in minutes (buckets start at local midnight). */
export function localUtcOffset(): number {
  return -new Date().getTimezoneOffset();
}

interface Totals {
  conversations: number;
  customers: number;
  avgDurationMs: number | null;
}

export interface OverviewResponse {
  totals: Totals;
  byChannel: Array<Totals & { channel: 'phone' | 'badge' }>;
  weekOverWeek: {
    current: Totals & { from: number; to: number };
    previous: Totals & { from: number; to: number };
    change: { conversations: number | null; customers: number | null; avgDurationMs: number | null };
  };
  interval: TrendInterval;
  trend: ConversationTrendRow[];
}

export interface KeyPointTrendRateRow {
  bucket: number;
  point: string;
  group: string | null;
  applicable: number;
  raised: number;
  toStandard: number;
  openingRate: number | null;
  executionRate: number | null;
}

export interface ComplianceResponse {
  by: RollupDimension;
  rows: ComplianceCounts[];
  byRule: Array<Omit<ComplianceCounts, 'group'>>;
  bySeverity: Array<{ severity: string; hits: number }>;
  conversations: number;
}

export interface TimelineItem extends Conversation {
  tags: number;
  complianceHits: number;
  worstSeverity: Severity | null;
  summary: Record<string, unknown> | null;
}

const D = `${API_BASE}/dashboards`;

export const dashboardsApi = {
  overview: (scope: Scope, interval: TrendInterval) =>
    getJson<OverviewResponse>(`${D}/overview${queryString({ ...scope, interval, utcOffsetMinutes: localUtcOffset() })}`),
  keyPointTrend: (by: RollupDimension, interval: TrendInterval, scope: Scope, point?: string) =>
    getJson<{ rows: KeyPointTrendRateRow[] }>(
      `${D}/key-points/trend${queryString({ ...scope, by, interval, point, utcOffsetMinutes: localUtcOffset() })}`,
    ),
  compliance: (by: RollupDimension, scope: Scope) => getJson<ComplianceResponse>(`${D}/compliance${queryString({ ...scope, by })}`),
  complianceTrend: (by: RollupDimension, interval: TrendInterval, scope: Scope, narrow: { rule?: string; severity?: string } = {}) =>
    getJson<{ rows: ComplianceTrendRow[] }>(
      `${D}/compliance/trend${queryString({ ...scope, ...narrow, by, interval, utcOffsetMinutes: localUtcOffset() })}`,
    ),
  voc: (scope: Scope, kind: string | undefined, limit: number, cursor?: string) =>
    getJson<{ items: VocListItem[]; nextCursor: string | null; counts: VocKindCount[] }>(
      `${D}/voc${queryString({ ...scope, kind, limit, cursor })}`,
    ),
  customers: (tags: string[], limit: number, cursor?: string) =>
    getJson<{ items: CustomerListing[]; nextCursor: string | null; total?: number }>(
      `${API_BASE}/customer-insight${tagQuery(tags, { limit, cursor, count: true })}`,
    ),
  /** Link that downloads the filtered list (the server streams it). */
  customersCsvUrl: (tags: string[], lang: string) =>
    `${API_BASE}/customer-insight.csv${tagQuery(tags, { lang: lang === 'en' ? 'en' : 'zh-CN', utcOffsetMinutes: localUtcOffset() })}`,
  profileSources: (id: string) =>
    getJson<{ customer: Customer; current: ProfileSource[]; history: ProfileSource[] }>(
      `${API_BASE}/customers/${encodeURIComponent(id)}/profile-sources`,
    ),
  timeline: (id: string, limit: number, cursor?: string) =>
    getJson<{ items: TimelineItem[]; nextCursor: string | null; total: number }>(
      `${API_BASE}/customers/${encodeURIComponent(id)}/timeline${queryString({ limit, cursor })}`,
    ),
};

/** Query string with a repeated `tag` parameter. */
function tagQuery(tags: string[], rest: Record<string, string | number | boolean | undefined>): string {
  const q = new URLSearchParams();
  for (const t of tags) q.append('tag', t);
  for (const [k, v] of Object.entries(rest)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
