import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Static } from '@sinclair/typebox';
import type { Taxonomy } from '../analysis/index.js';
import { PipelineError } from '../errors.js';
import type { PipelineServices } from '../pipeline/create.js';
import type { CustomerListing, TagCondition } from '../store/conversation-store.js';
import { UTF8_BOM, csvRow } from './csv-writer.js';
import {
  customerExportQuery,
  customerInsightQuery,
  timelineQuery,
  type CustomerExportQuery,
  type CustomerInsightQuery,
  type TimelineQuery,
} from './dashboard-schemas.js';
import { idParams } from './schemas.js';

/** Customers fetched per store query while the CSV streams. */
const EXPORT_PAGE = 500;

/** "family.tag" or "family.tag=value" (the schema has checked the shape). */
export function parseTagCondition(s: string): TagCondition {
  const m = /^([a-z_]+)\.([a-z_]+)(?:=([a-z0-9_]+))?$/.exec(s);
  if (!m) throw new PipelineError('BAD_REQUEST', `tag filter ${s} must be family.tag or family.tag=value`);
  return m[3] ? { family: m[1]!, tag: m[2]!, value: m[3] } : { family: m[1]!, tag: m[2]! };
}

/** Every profile tag of the taxonomy as family.tag, in taxonomy order: the export's tag columns. */
function profileColumns(taxonomy: Taxonomy): Array<{ family: string; tag: string; zh: string }> {
  const out = [];
  for (const [family, tags] of Object.entries(taxonomy.profile)) {
    for (const [tag, def] of Object.entries(tags)) out.push({ family, tag, zh: def.zh });
  }
  return out;
}

function localTime(ms: number | null, offsetMinutes: number): string {
  if (ms === null) return '';
  const d = new Date(ms + offsetMinutes * 60_000);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${d.toISOString().slice(0, 19).replace('T', ' ')} ${zone}`;
}

/**
 * Customer insight and the customer page (issue 9): customers filtered by
 * their current profile tags (AND) with keyset paging and a streamed CSV
 * export; a customer's profile history with the line of every source quote;
 * the timeline of their conversations across phone and badge.
 */
export function customerRoutes(s: PipelineServices): FastifyPluginAsync {
  return async (app: FastifyInstance) => {
    app.get('/customer-insight', { schema: { querystring: customerInsightQuery } }, async (req) => {
      const q = req.query as CustomerInsightQuery;
      const tags = (q.tag ?? []).map(parseTagCondition);
      const page = s.store.customersByTags(tags, { limit: q.limit, cursor: q.cursor ?? null });
      return { ...page, ...(q.count ? { total: s.store.countCustomersByTags(tags) } : {}) };
    });

    app.get('/customer-insight.csv', { schema: { querystring: customerExportQuery } }, async (req, reply) => {
      const q = req.query as CustomerExportQuery;
      const tags = (q.tag ?? []).map(parseTagCondition);
      const taxonomy = s.context.taxonomy;
      const zh = q.lang !== 'en';
      const columns = profileColumns(taxonomy);
      const valueLabel = (family: string, tag: string, value: string) =>
        (zh ? taxonomy.profile[family]?.[tag]?.values[value] : undefined) ?? value;
      const header = zh
        ? ['客户编号', '姓名', '电话', '会话数', '最近会话', '渠道', ...columns.map((c) => c.zh)]
        : ['customer_id', 'name', 'phone', 'conversations', 'last_conversation', 'channels', ...columns.map((c) => `${c.family}.${c.tag}`)];
      const channelLabel = (c: string) => (zh ? ({ phone: '电话', badge: '工牌' } as Record<string, string>)[c] ?? c : c);
      const line = (c: CustomerListing) => {
        const values = new Map<string, string[]>();
        for (const t of c.current) {
          const k = `${t.family}.${t.tag}`;
          values.set(k, [...(values.get(k) ?? []), valueLabel(t.family, t.tag, t.value)]);
        }
        return csvRow([
          c.id,
          c.name,
          c.phone,
          c.conversations,
          localTime(c.lastConversationAt, q.utcOffsetMinutes),
          c.channels.map(channelLabel).join('; '),
          ...columns.map((col) => (values.get(`${col.family}.${col.tag}`) ?? []).join('; ')),
        ]);
      };
      // A page at a time from the store, so a large export never sits in memory and the event loop keeps turning.
      async function* rows(): AsyncGenerator<string> {
        yield UTF8_BOM + csvRow(header);
        let cursor: string | null = null;
        let n = 0;
        do {
          const page = s.store.customersByTags(tags, { limit: EXPORT_PAGE, cursor });
          yield page.items.map(line).join('');
          n += page.items.length;
          cursor = page.nextCursor;
          await new Promise<void>((r) => setImmediate(r));
        } while (cursor);
        req.log.info({ customers: n, tags: q.tag ?? [] }, 'customer list exported');
      }
      const stamp = new Date().toISOString().slice(0, 10);
      const file = `customers-${stamp}.csv`;
      // audited when asked for, with what it holds: a client that stops reading still took what it read
      s.auditExport({
        action: 'customers.export',
        target: file,
        details: { customers: s.store.countCustomersByTags(tags), tags: q.tag ?? [], lang: zh ? 'zh' : 'en' },
        requestId: req.id,
        ip: req.ip,
        at: Date.now(),
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file}"`)
        .header('cache-control', 'no-store')
        .send(Readable.from(rows()));
    });

    app.get('/customers/:id/profile-sources', { schema: { params: idParams } }, async (req) => {
      const { id } = req.params as Static<typeof idParams>;
      const customer = s.store.getCustomer(id);
      if (!customer) throw new PipelineError('NOT_FOUND', `customer ${id}`);
      const history = s.store.profileSources(id);
      return { customer, current: history.filter((h) => h.current), history };
    });

    app.get('/customers/:id/timeline', { schema: { params: idParams, querystring: timelineQuery } }, async (req) => {
      const { id } = req.params as Static<typeof idParams>;
      const q = req.query as TimelineQuery;
      if (!s.store.getCustomer(id)) throw new PipelineError('NOT_FOUND', `customer ${id}`);
      const page = s.store.listConversations({ customerId: id }, { limit: q.limit, cursor: q.cursor ?? null });
      const digests = new Map(s.store.conversationDigests(page.items.map((c) => c.id)).map((d) => [d.conversationId, d]));
      return {
        items: page.items.map((c) => {
          const d = digests.get(c.id);
          return { ...c, tags: d?.tags ?? 0, complianceHits: d?.complianceHits ?? 0, worstSeverity: d?.worstSeverity ?? null, summary: d?.summary ?? null };
        }),
        nextCursor: page.nextCursor,
        total: s.store.countConversations({ customerId: id }),
      };
    });
  };
}
