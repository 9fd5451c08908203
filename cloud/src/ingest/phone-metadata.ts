import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { PipelineError } from '../errors.js';
import type { Role } from '../model/conversation.js';

/** Metadata sent with a phone recording (upload field `metadata` or the drop folder's sidecar .json). */
export const phoneMetadataSchema = Type.Object(
  {
    callId: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' }),
    agentId: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' }),
    agentName: Type.Optional(Type.String({ maxLength: 100 })),
    teamId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' })),
    branchId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' })),
    customerNumber: Type.Optional(Type.String({ pattern: '^\\+?[0-9]{3,20}$' })),
    direction: Type.Union([Type.Literal('inbound'), Type.Literal('outbound')]),
    /** ISO 8601 or Unix ms. */
    startTime: Type.Union([Type.String({ minLength: 10, maxLength: 40 }), Type.Integer({ minimum: 0 })]),
    endTime: Type.Optional(Type.Union([Type.String({ minLength: 10, maxLength: 40 }), Type.Integer({ minimum: 0 })])),
    /** Stereo recordings: which channel carries the agent (default 0). */
    agentChannel: Type.Optional(Type.Union([Type.Literal(0), Type.Literal(1)])),
    /** The call system's own transcript; used as is (no ASR). */
    transcript: Type.Optional(
      Type.Array(
        Type.Object(
          {
            speaker: Type.String({ minLength: 1, maxLength: 40 }),
            text: Type.String({ maxLength: 10_000 }),
            startMs: Type.Optional(Type.Integer({ minimum: 0 })),
            endMs: Type.Optional(Type.Integer({ minimum: 0 })),
          },
          { additionalProperties: false },
        ),
        { maxItems: 5000 },
      ),
    ),
    /** Maps transcript speaker labels to roles when they are not the usual ones (agent/customer, 坐席/客户…). */
    speakerRoles: Type.Optional(
      Type.Record(Type.String(), Type.Union([Type.Literal('staff'), Type.Literal('customer'), Type.Literal('other')])),
    ),
  },
  { additionalProperties: false },
);

export type PhoneMetadata = Static<typeof phoneMetadataSchema>;

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export function parsePhoneMetadata(raw: unknown): PhoneMetadata {
  let value = raw;
  if (typeof raw === 'string' || Buffer.isBuffer(raw)) {
    try {
      value = JSON.parse(String(raw));
    } catch {
      throw new PipelineError('METADATA_INVALID', 'not valid JSON', { retryable: false });
    }
  }
  const errors = [...Value.Errors(phoneMetadataSchema, value)];
  if (errors.length > 0) {
    throw new PipelineError('METADATA_INVALID', errors.slice(0, 5).map((e) => `${e.path || '/'} ${e.message}`).join('; '), {
      retryable: false,
    });
  }
  const m = value as PhoneMetadata;
  // Date-times are checked here (TypeBox's checker knows no string formats).
  for (const key of ['startTime', 'endTime'] as const) {
    const v = m[key];
    if (typeof v === 'string' && (!DATE_TIME.test(v) || Number.isNaN(Date.parse(v)))) {
      throw new PipelineError('METADATA_INVALID', `/${key} is not an ISO 8601 date-time`, { retryable: false });
    }
  }
  return m;
}

export function timeMs(v: string | number): number {
  return typeof v === 'number' ? v : Date.parse(v);
}

const STAFF_LABELS = new Set(['agent', 'staff', 'seat', 'operator', 'a', '坐席', '客服', '员工', '座席']);
const CUSTOMER_LABELS = new Set(['customer', 'client', 'caller', 'callee', 'user', 'b', '客户', '用户']);

export function roleForSpeaker(label: string, map: PhoneMetadata['speakerRoles']): Role {
  const explicit = map?.[label];
  if (explicit) return explicit;
  const l = label.trim().toLowerCase();
  if (STAFF_LABELS.has(l)) return 'staff';
  if (CUSTOMER_LABELS.has(l)) return 'customer';
  return 'other';
}
