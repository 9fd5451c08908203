import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { AUDIT_OUTCOMES, type AuditEntry, type AuditQuery } from '../../api-types.js';
import { wireSchema, nullable, oneOf } from '../../http/wire-schema.js';
import type { FleetRouteOptions } from './index.js';

const EntrySchema = wireSchema<AuditEntry>()(
  Type.Object({
    seq: Type.Integer(),
    atMs: Type.Integer(),
    actor: Type.String(),
    action: Type.String(),
    target: nullable(Type.String()),
    source: nullable(Type.String()),
    outcome: oneOf(AUDIT_OUTCOMES),
    details: Type.Object({}, { additionalProperties: true }),
  }),
);
const Query = wireSchema<AuditQuery>()(
  Type.Object(
    {
      afterSeq: Type.Optional(Type.Integer({ minimum: 0 })),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
      action: Type.Optional(Type.String({ maxLength: 100 })),
      target: Type.Optional(Type.String({ maxLength: 256 })),
    },
    { additionalProperties: false },
  ),
);
const ExportQuery = Type.Composite([Query, Type.Object({ format: oneOf(['csv', 'jsonl']) })], { additionalProperties: false });

const CSV_COLUMNS = ['seq', 'atIso', 'actor', 'action', 'target', 'source', 'outcome', 'details'] as const;

/** RFC 4180 quoting; a leading = + - @ is prefixed with ' so spreadsheets do not run it as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvLine(e: AuditEntry): string {
  const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
    seq: String(e.seq),
    atIso: new Date(e.atMs).toISOString(),
    actor: e.actor,
    action: e.action,
    target: e.target ?? '',
    source: e.source ?? '',
    outcome: e.outcome,
    details: JSON.stringify(e.details),
  };
  return CSV_COLUMNS.map((c) => csvCell(cells[c])).join(',');
}

const tags = ['access'];
const auditRead = { permission: 'audit:read' as const };

/** The append-only audit log: paged JSON, and a full export as CSV or JSON Lines (read from the log in pages of 1000). */
export const auditRoutes: FastifyPluginAsync<FleetRouteOptions> = async (app, { audit }) => {
  app.get<{ Querystring: Static<typeof Query> }>(
    '/api/v1/audit',
    { config: auditRead, schema: { tags, querystring: Query, response: { 200: Type.Object({ entries: Type.Array(EntrySchema) }) } } },
    async (request) => ({ entries: await audit.list(request.query) }),
  );
  app.get<{ Querystring: Static<typeof ExportQuery> }>('/api/v1/audit/export', { config: auditRead, schema: { tags, querystring: ExportQuery } }, async (request, reply) => {
    const { format, limit, ...filter } = request.query;
    const max = limit ?? Number.MAX_SAFE_INTEGER;
    const lines: string[] = format === 'csv' ? [CSV_COLUMNS.join(',')] : [];
    let afterSeq = filter.afterSeq ?? 0;
    let count = 0;
    while (count < max) {
      const page = await audit.list({ ...filter, afterSeq, limit: Math.min(1000, max - count) });
      if (page.length === 0) break;
      for (const e of page) lines.push(format === 'csv' ? csvLine(e) : JSON.stringify(e));
      count += page.length;
      afterSeq = page.at(-1)!.seq;
    }
    return reply
      .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson')
      .header('content-disposition', `attachment; filename="parley-audit.${format === 'csv' ? 'csv' : 'jsonl'}"`)
      .send(`${lines.join('\n')}\n`);
  });
};
