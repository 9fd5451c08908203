import { Type, type Static } from '@sinclair/typebox';

/** Query schemas of the dashboard and customer routes (issue 9). */

const Id = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$' });
const Channel = Type.Union([Type.Literal('phone'), Type.Literal('badge')]);
const Dimension = Type.Union([Type.Literal('staff'), Type.Literal('team'), Type.Literal('branch'), Type.Literal('all')], {
  default: 'all',
});
const Interval = Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month')], { default: 'week' });
const Severity = Type.Union([Type.Literal('critical'), Type.Literal('high'), Type.Literal('medium'), Type.Literal('low')]);
/** Repeatable `tag=family.tag` or `tag=family.tag=value`; all must hold on the customer's current profile. */
const TagFilters = Type.Array(Type.String({ pattern: '^[a-z_]+\\.[a-z_]+(=[a-z0-9_]+)?$' }), { maxItems: 10 });

const scope = {
  from: Type.Optional(Type.Integer({ minimum: 0 })),
  to: Type.Optional(Type.Integer({ minimum: 0 })),
  channel: Type.Optional(Channel),
  branchId: Type.Optional(Id),
  teamId: Type.Optional(Id),
  staffId: Type.Optional(Id),
};
/** Minutes east of UTC of the branch's local time (480 for China); buckets start at local midnight. */
const utcOffsetMinutes = Type.Integer({ minimum: -840, maximum: 840, default: 0 });

export const overviewQuery = Type.Object(
  { ...scope, interval: Interval, utcOffsetMinutes },
  { additionalProperties: false },
);
export type OverviewQuery = Static<typeof overviewQuery>;

export const keyPointTrendQuery = Type.Object(
  { ...scope, by: Dimension, interval: Interval, utcOffsetMinutes, point: Type.Optional(Type.String({ pattern: '^[a-z_]+$' })) },
  { additionalProperties: false },
);
export type KeyPointTrendQuery = Static<typeof keyPointTrendQuery>;

export const complianceQuery = Type.Object({ ...scope, by: Dimension }, { additionalProperties: false });
export type ComplianceQuery = Static<typeof complianceQuery>;

export const complianceTrendQuery = Type.Object(
  {
    ...scope,
    by: Dimension,
    interval: Interval,
    utcOffsetMinutes,
    rule: Type.Optional(Type.String({ pattern: '^[a-z_]+$' })),
    severity: Type.Optional(Severity),
  },
  { additionalProperties: false },
);
export type ComplianceTrendQuery = Static<typeof complianceTrendQuery>;

export const vocPageQuery = Type.Object(
  {
    ...scope,
    kind: Type.Optional(
      Type.Union([Type.Literal('positive'), Type.Literal('negative'), Type.Literal('question'), Type.Literal('suggestion')]),
    ),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type VocPageQuery = Static<typeof vocPageQuery>;

export const customerInsightQuery = Type.Object(
  {
    tag: Type.Optional(TagFilters),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 400 })),
    count: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CustomerInsightQuery = Static<typeof customerInsightQuery>;

export const customerExportQuery = Type.Object(
  {
    tag: Type.Optional(TagFilters),
    /** Header and value labels: Chinese (taxonomy labels) by default, English ids with `en`. */
    lang: Type.Union([Type.Literal('zh-CN'), Type.Literal('en')], { default: 'zh-CN' }),
    /** Offset of the times written in the file (minutes east of UTC). */
    utcOffsetMinutes,
  },
  { additionalProperties: false },
);
export type CustomerExportQuery = Static<typeof customerExportQuery>;

export const timelineQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type TimelineQuery = Static<typeof timelineQuery>;
