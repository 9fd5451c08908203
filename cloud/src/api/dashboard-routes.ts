import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { complianceBySeverity, keyPointRates } from '../metrics/rates.js';
import type { Channel } from '../model/conversation.js';
import type { PipelineServices } from '../pipeline/create.js';
import type { Overview, RollupFilter } from '../store/conversation-store.js';
import {
  complianceQuery,
  complianceTrendQuery,
  keyPointTrendQuery,
  overviewQuery,
  vocPageQuery,
  type ComplianceQuery,
  type ComplianceTrendQuery,
  type KeyPointTrendQuery,
  type OverviewQuery,
  type VocPageQuery,
} from './dashboard-schemas.js';

const WEEK_MS = 7 * 86_400_000;
const CHANNELS: Channel[] = ['phone', 'badge'];

function scopeOf(q: RollupFilter): RollupFilter {
  const f: RollupFilter = {};
  if (q.from !== undefined) f.from = q.from;
  if (q.to !== undefined) f.to = q.to;
  if (q.channel) f.channel = q.channel;
  if (q.branchId) f.branchId = q.branchId;
  if (q.teamId) f.teamId = q.teamId;
  if (q.staffId) f.staffId = q.staffId;
  return f;
}

function totals(o: Overview) {
  return { conversations: o.conversations, customers: o.customers, avgDurationMs: o.avgDurationMs };
}

/** Relative change from `previous` to `current` (0.25 = +25 %); null when there is nothing to compare with. */
function change(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / previous;
}

/**
 * Dashboard API (issue 9): overview with week over week, key-point and
 * compliance trends, compliance by rule / severity / team / staff, voice of
 * the customer. Read-only; every figure comes from the store's indexed
 * roll-ups, so the dashboards stay fast at 100,000 conversations.
 */
export function dashboardRoutes(s: PipelineServices): FastifyPluginAsync {
  return async (app: FastifyInstance) => {
    app.get('/dashboards/overview', { schema: { querystring: overviewQuery } }, async (req) => {
      const q = req.query as OverviewQuery;
      const scope = scopeOf(q);
      // Week over week: the 7 days before `to` (now when open-ended) against the 7 days before those.
      const anchor = q.to ?? Date.now();
      const { from: _from, to: _to, ...rest } = scope;
      const current = totals(s.store.overview({ ...rest, from: anchor - WEEK_MS, to: anchor }));
      const previous = totals(s.store.overview({ ...rest, from: anchor - 2 * WEEK_MS, to: anchor - WEEK_MS }));
      return {
        totals: totals(s.store.overview(scope)),
        byChannel: (q.channel ? [q.channel] : CHANNELS).map((channel) => ({ channel, ...totals(s.store.overview({ ...scope, channel })) })),
        weekOverWeek: {
          current: { from: anchor - WEEK_MS, to: anchor, ...current },
          previous: { from: anchor - 2 * WEEK_MS, to: anchor - WEEK_MS, ...previous },
          change: {
            conversations: change(current.conversations, previous.conversations),
            customers: change(current.customers, previous.customers),
            avgDurationMs: change(current.avgDurationMs, previous.avgDurationMs),
          },
        },
        interval: q.interval,
        trend: s.store.conversationTrend(q.interval, { ...scope, utcOffsetMinutes: q.utcOffsetMinutes }),
      };
    });

    app.get('/dashboards/key-points/trend', { schema: { querystring: keyPointTrendQuery } }, async (req) => {
      const q = req.query as KeyPointTrendQuery;
      const rows = s.store.keyPointTrend(q.interval, q.by, {
        ...scopeOf(q),
        utcOffsetMinutes: q.utcOffsetMinutes,
        ...(q.point ? { point: q.point } : {}),
      });
      return {
        interval: q.interval,
        by: q.by,
        rows: keyPointRates(rows).map((r, i) => ({ bucket: rows[i]!.bucket, ...r })),
      };
    });

    app.get('/dashboards/compliance', { schema: { querystring: complianceQuery } }, async (req) => {
      const q = req.query as ComplianceQuery;
      const scope = scopeOf(q);
      const rows = s.store.complianceCounts(q.by, scope);
      // Per-rule totals come from the ungrouped counts: a conversation hit by two staff-rows is one conversation.
      const byRule = q.by === 'all' ? rows : s.store.complianceCounts('all', scope);
      return {
        by: q.by,
        rows,
        byRule: byRule.map(({ group: _g, ...r }) => r),
        bySeverity: complianceBySeverity(byRule),
        conversations: s.store.countConversations(scope),
      };
    });

    app.get('/dashboards/compliance/trend', { schema: { querystring: complianceTrendQuery } }, async (req) => {
      const q = req.query as ComplianceTrendQuery;
      return {
        interval: q.interval,
        by: q.by,
        rows: s.store.complianceTrend(q.interval, q.by, {
          ...scopeOf(q),
          utcOffsetMinutes: q.utcOffsetMinutes,
          ...(q.rule ? { rule: q.rule } : {}),
          ...(q.severity ? { severity: q.severity } : {}),
        }),
      };
    });

    app.get('/dashboards/voc', { schema: { querystring: vocPageQuery } }, async (req) => {
      const q = req.query as VocPageQuery;
      const scope = scopeOf(q);
      const page = s.store.vocPage({ ...scope, ...(q.kind ? { kind: q.kind } : {}) }, { limit: q.limit, cursor: q.cursor ?? null });
      return { ...page, counts: s.store.vocCounts(scope) };
    });
  };
}
