import { Type, type Static } from '@sinclair/typebox';

const Id = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$' });

export const listQuery = Type.Object(
  {
    channel: Type.Optional(Type.Union([Type.Literal('phone'), Type.Literal('badge')])),
    branchId: Type.Optional(Id),
    teamId: Type.Optional(Id),
    staffId: Type.Optional(Id),
    customerId: Type.Optional(Id),
    from: Type.Optional(Type.Integer({ minimum: 0 })),
    to: Type.Optional(Type.Integer({ minimum: 0 })),
    state: Type.Optional(
      Type.Union([
        Type.Literal('processing'),
        Type.Literal('awaiting_transcription'),
        Type.Literal('analyzed'),
        Type.Literal('failed'),
      ]),
    ),
    tag: Type.Optional(Type.String({ pattern: '^[a-z_]+\\.[a-z_]+(=[a-z0-9_]+)?$' })),
    severity: Type.Optional(
      Type.Union([Type.Literal('critical'), Type.Literal('high'), Type.Literal('medium'), Type.Literal('low')]),
    ),
    rule: Type.Optional(Type.String({ pattern: '^[a-z_]+$' })),
    reviewState: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('confirmed'), Type.Literal('dismissed')])),
    hasGaps: Type.Optional(Type.Boolean()),
    keyPoint: Type.Optional(Type.String({ pattern: '^[a-z_]+$' })),
    raised: Type.Optional(Type.Boolean()),
    toStandard: Type.Optional(Type.Boolean()),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    mode: Type.Optional(Type.Union([Type.Literal('exact'), Type.Literal('pinyin'), Type.Literal('fuzzy')])),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 100 })),
    count: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ListQuery = Static<typeof listQuery>;

export const idParams = Type.Object({ id: Id });

export const reviewParams = Type.Object({
  kind: Type.Union([Type.Literal('tag'), Type.Literal('compliance'), Type.Literal('keyPoint')]),
  hitId: Type.Integer({ minimum: 1 }),
});

export const reviewBody = Type.Object(
  {
    state: Type.Union([Type.Literal('pending'), Type.Literal('confirmed'), Type.Literal('dismissed')]),
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
    reviewer: Type.String({ minLength: 1, maxLength: 100 }),
  },
  { additionalProperties: false },
);

export const rerunBody = Type.Object(
  {
    fromStage: Type.Optional(
      Type.Union(
        ['decode', 'vad', 'roles', 'transcribe', 'normalize', 'analyze', 'index'].map((s) => Type.Literal(s)),
      ),
    ),
  },
  { additionalProperties: false },
);

export const linkCustomerBody = Type.Object(
  {
    customerId: Type.Optional(Id),
    phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9]{3,20}$' })),
    name: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);

export const rollupQuery = Type.Object(
  {
    by: Type.Union([Type.Literal('staff'), Type.Literal('team'), Type.Literal('branch'), Type.Literal('all')], {
      default: 'all',
    }),
    from: Type.Optional(Type.Integer({ minimum: 0 })),
    to: Type.Optional(Type.Integer({ minimum: 0 })),
    channel: Type.Optional(Type.Union([Type.Literal('phone'), Type.Literal('badge')])),
    branchId: Type.Optional(Id),
    teamId: Type.Optional(Id),
    staffId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type RollupQuery = Static<typeof rollupQuery>;

export const vocQuery = Type.Object(
  {
    kind: Type.Optional(
      Type.Union([Type.Literal('positive'), Type.Literal('negative'), Type.Literal('question'), Type.Literal('suggestion')]),
    ),
    from: Type.Optional(Type.Integer({ minimum: 0 })),
    to: Type.Optional(Type.Integer({ minimum: 0 })),
    channel: Type.Optional(Type.Union([Type.Literal('phone'), Type.Literal('badge')])),
    branchId: Type.Optional(Id),
    teamId: Type.Optional(Id),
    staffId: Type.Optional(Id),
    limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
  },
  { additionalProperties: false },
);

export const customerQuery = Type.Object(
  {
    /** Repeatable: family.tag or family.tag=value; all must hold (current values). */
    tag: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z_]+\\.[a-z_]+(=[a-z0-9_]+)?$' }), { maxItems: 10 })),
    limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
  },
  { additionalProperties: false },
);

export const directoryBody = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 100 })),
    teamId: Type.Optional(Id),
    branchId: Type.Optional(Id),
  },
  { additionalProperties: false },
);

/** Which analysed conversations to re-analyse with the current rules (all when empty). */
export const rerunAllBody = Type.Object(
  {
    from: Type.Optional(Type.Integer({ minimum: 0 })),
    to: Type.Optional(Type.Integer({ minimum: 0 })),
    channel: Type.Optional(Type.Union([Type.Literal('phone'), Type.Literal('badge')])),
    branchId: Type.Optional(Id),
    teamId: Type.Optional(Id),
    staffId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
