import type {
  ConversationPage,
  ConversationWithProfile,
  Directory,
  HitKind,
  KeyPointRateRow,
  ReviewResult,
  ReviewState,
  RollupDimension,
  Taxonomy,
} from './types.js';

/** Where the pipeline API is mounted (the gateway and the standalone app agree). */
export const API_BASE = '/api/v1/cloud';
/** Served by the analyst-app plugin next to the SPA. */
const TAXONOMY_URL = `${import.meta.env.BASE_URL}taxonomy.json`;

/** A non-2xx answer from the API, with its error code and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function request<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (a proxy's error page): reported below with the status.
  }
  if (!res.ok) {
    const e = (body ?? {}) as { error?: string; message?: string };
    throw new ApiError(res.status, e.error ?? `HTTP_${res.status}`, e.message ?? (text.slice(0, 200) || res.statusText));
  }
  return body as T;
}

/** Query string from defined values only (booleans and numbers as text). */
export function queryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

export interface ListParams {
  channel?: string;
  branchId?: string;
  teamId?: string;
  staffId?: string;
  from?: number;
  to?: number;
  tag?: string;
  severity?: string;
  /** Compliance rule id (drill-down from the compliance dashboard). */
  rule?: string;
  reviewState?: string;
  hasGaps?: boolean;
  keyPoint?: string;
  raised?: boolean;
  toStandard?: boolean;
  q?: string;
  mode?: 'exact' | 'pinyin' | 'fuzzy';
  limit?: number;
  cursor?: string;
}

export const api = {
  listConversations: (p: ListParams) => request<ConversationPage>(`${API_BASE}/conversations${queryString({ ...p })}`),
  conversation: (id: string) => request<ConversationWithProfile>(`${API_BASE}/conversations/${encodeURIComponent(id)}`),
  audioUrl: (id: string) => `${API_BASE}/conversations/${encodeURIComponent(id)}/audio`,
  review: (kind: HitKind, hitId: number, body: { state: ReviewState; reason?: string; reviewer: string }) =>
    request<ReviewResult>(`${API_BASE}/hits/${kind}/${hitId}/review`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  keyPoints: (by: RollupDimension, filter: { from?: number; to?: number; channel?: string } = {}) =>
    request<{ by: RollupDimension; rows: KeyPointRateRow[] }>(`${API_BASE}/metrics/key-points${queryString({ by, ...filter })}`),
  directory: () => request<Directory>(`${API_BASE}/directory`),
  taxonomy: () => request<Taxonomy>(TAXONOMY_URL),
};
