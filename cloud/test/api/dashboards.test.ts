/**
 * Dashboard and customer API (issue 9) through fastify inject on the real
 * pipeline and a real SQLite store: corpus dialogues uploaded as phone calls
 * with call-system transcripts (analysed by the real rules), one badge visit
 * of the same customer added to the store, then every dashboard figure,
 * the VoC click-through lines, the customer insight filter and its CSV.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type DataExportEvent, type Pipeline } from '../../src/index.js';
import type { ConversationDetail } from '../../src/model/conversation.js';
import { corpusDialogue, silentLogger, tempDir } from '../helpers.js';

const API = '/api/v1/cloud';
const DAY = 86_400_000;
const MONDAY = Date.UTC(2026, 10, 16); // 00:00 UTC

interface Upload {
  dialogue: string;
  staff: string;
  customer: string;
  at: number;
}

const UPLOADS: Upload[] = [
  { dialogue: 'dev-002', staff: 'agent-1', customer: '13800138000', at: MONDAY + 2 * 3_600_000 },
  { dialogue: 'dev-005', staff: 'agent-1', customer: '13800138001', at: MONDAY + DAY + 2 * 3_600_000 },
  { dialogue: 'dev-006', staff: 'agent-2', customer: '13800138002', at: MONDAY + 7 * DAY + 2 * 3_600_000 },
  { dialogue: 'dev-010', staff: 'agent-2', customer: '13800138000', at: MONDAY + 8 * DAY + 2 * 3_600_000 },
];

function multipart(metadata: object) {
  const boundary = 'dash' + Math.random().toString(16).slice(2);
  return {
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n${JSON.stringify(metadata)}\r\n--${boundary}--\r\n`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('dashboard and customer API', () => {
  let tmp: ReturnType<typeof tempDir>;
  let app: FastifyInstance;
  let pipeline: Pipeline;
  const ids: string[] = [];
  const exports: DataExportEvent[] = [];

  async function get<T>(url: string, status = 200): Promise<T> {
    const res = await app.inject({ url: `${API}${url}` });
    expect(res.statusCode, res.body).toBe(status);
    return res.json() as T;
  }

  beforeAll(async () => {
    tmp = tempDir('parley-dash-');
    ({ app, pipeline } = await build({
      dataDir: tmp.dir,
      logger: silentLogger(),
      asr: null,
      webApp: false,
      config: { stages: { pollMs: 10 } },
      auditExport: (e) => exports.push(e),
    }));
    const team = { 'agent-1': 'team-a', 'agent-2': 'team-b' } as const;
    for (const [id, t] of Object.entries(team)) {
      await app.inject({ method: 'PUT', url: `${API}/directory/staff/${id}`, payload: { teamId: t, branchId: 'branch-1' } });
    }
    for (const u of UPLOADS) {
      const d = corpusDialogue(u.dialogue);
      const res = await app.inject({
        method: 'POST',
        url: `${API}/calls`,
        ...multipart({
          callId: u.dialogue,
          agentId: u.staff,
          customerNumber: u.customer,
          direction: 'inbound',
          startTime: new Date(u.at).toISOString(),
          endTime: new Date(u.at + d.turns.length * 4000).toISOString(),
          transcript: d.turns.map((t, n) => ({ speaker: t.role === 'staff' ? '坐席' : '客户', text: t.text, startMs: n * 4000, endMs: n * 4000 + 3800 })),
        }),
      });
      expect(res.statusCode, res.body).toBe(201);
      ids.push((res.json() as { conversationId: string }).conversationId);
    }
    // A badge visit of the first customer (the timeline spans channels).
    pipeline.services.store.createConversation(
      {
        id: 'badge-visit-1', channel: 'badge', source: { sessionId: 'x' }, staffId: 'agent-1', branchId: 'branch-1', customerId: 'tel-13800138000',
        startedAt: MONDAY + 9 * DAY, endedAt: MONDAY + 9 * DAY + 60_000, durationMs: 60_000, audioPath: null, audioFormat: null,
        transcriptSource: null, gaps: [], skipStages: [], segments: [],
      },
      MONDAY + 9 * DAY,
    );
    await pipeline.whenIdle();
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    tmp?.cleanup();
  });

  it('overview: totals, per channel, week over week and a trend', async () => {
    const o = await get<{
      totals: { conversations: number; customers: number; avgDurationMs: number };
      byChannel: Array<{ channel: string; conversations: number }>;
      weekOverWeek: { current: { conversations: number }; previous: { conversations: number }; change: { conversations: number | null } };
      trend: Array<{ bucket: number; channel: string; conversations: number }>;
    }>(`/dashboards/overview?to=${MONDAY + 14 * DAY}&interval=week&utcOffsetMinutes=480`);
    expect(o.totals).toMatchObject({ conversations: 5, customers: 3 });
    expect(o.byChannel).toEqual([
      expect.objectContaining({ channel: 'phone', conversations: 4 }),
      expect.objectContaining({ channel: 'badge', conversations: 1 }),
    ]);
    // last 7 days: dev-006, dev-010 and the visit; the 7 before: dev-002, dev-005
    expect(o.weekOverWeek.current.conversations).toBe(3);
    expect(o.weekOverWeek.previous.conversations).toBe(2);
    expect(o.weekOverWeek.change.conversations).toBeCloseTo(0.5);
    // weeks start on Monday at local (UTC+8) midnight = Sunday 16:00 UTC
    expect(o.trend).toEqual([
      expect.objectContaining({ bucket: MONDAY - 8 * 3_600_000, channel: 'phone', conversations: 2 }),
      expect.objectContaining({ bucket: MONDAY + 7 * DAY - 8 * 3_600_000, channel: 'badge', conversations: 1 }),
      expect.objectContaining({ bucket: MONDAY + 7 * DAY - 8 * 3_600_000, channel: 'phone', conversations: 2 }),
    ]);
    await get('/dashboards/overview?interval=year', 400);
  });

  it('key-point trend per team with rates that match their own numerators and denominators', async () => {
    const r = await get<{ rows: Array<{ bucket: number; point: string; group: string; applicable: number; raised: number; openingRate: number | null; executionRate: number | null; toStandard: number }> }>(
      '/dashboards/key-points/trend?by=team&interval=week',
    );
    expect(r.rows.length).toBeGreaterThan(0);
    expect(new Set(r.rows.map((x) => x.group))).toEqual(new Set(['team-a', 'team-b']));
    for (const row of r.rows) {
      expect(row.openingRate).toBe(row.applicable ? row.raised / row.applicable : null);
      expect(row.executionRate).toBe(row.applicable ? row.toStandard / row.applicable : null);
    }
    // the trend pools to the same totals as the existing roll-up
    const all = await get<{ rows: Array<{ point: string; applicable: number; raised: number }> }>('/metrics/key-points?by=all');
    for (const total of all.rows) {
      const pooled = r.rows.filter((x) => x.point === total.point).reduce((a, x) => a + x.applicable, 0);
      expect(pooled, total.point).toBe(total.applicable);
    }
    const one = all.rows.find((x) => x.applicable > 0)!;
    const only = await get<{ rows: Array<{ point: string }> }>(`/dashboards/key-points/trend?point=${one.point}&interval=day`);
    expect(new Set(only.rows.map((x) => x.point))).toEqual(new Set([one.point]));
  });

  it('compliance by rule, severity and staff, and its trend', async () => {
    const c = await get<{
      rows: Array<{ rule: string; group: string; hits: number }>;
      byRule: Array<{ rule: string; severity: string; hits: number }>;
      bySeverity: Array<{ severity: string; hits: number }>;
    }>('/dashboards/compliance?by=staff');
    const total = c.byRule.reduce((a, r) => a + r.hits, 0);
    expect(total).toBeGreaterThan(0);
    expect(c.rows.reduce((a, r) => a + r.hits, 0)).toBe(total);
    expect(c.bySeverity.reduce((a, r) => a + r.hits, 0)).toBe(total);
    const trend = await get<{ rows: Array<{ rule: string; hits: number; bucket: number }> }>('/dashboards/compliance/trend?interval=day');
    expect(trend.rows.reduce((a, r) => a + r.hits, 0)).toBe(total);
    const rule = c.byRule[0]!;
    const narrowed = await get<{ rows: Array<{ rule: string }> }>(`/dashboards/compliance/trend?rule=${rule.rule}&severity=${rule.severity}`);
    expect(new Set(narrowed.rows.map((r) => r.rule))).toEqual(new Set([rule.rule]));
  });

  it('voice of the customer: every quote is on the line it links to', async () => {
    const v = await get<{
      items: Array<{ conversationId: string; kind: string; segment: number | null; quote: string | null }>;
      nextCursor: string | null;
      counts: Array<{ kind: string; items: number }>;
    }>('/dashboards/voc?limit=200');
    expect(v.items.length).toBeGreaterThan(0);
    expect(v.counts.reduce((a, c) => a + c.items, 0)).toBe(v.items.length);
    // dev-002's customer asks questions and praises the gift (gold annotations)
    const kinds = new Set(v.items.filter((i) => i.conversationId === ids[0]).map((i) => i.kind));
    expect(kinds.has('question')).toBe(true);
    const details = new Map<string, ConversationDetail>();
    for (const item of v.items) {
      if (!details.has(item.conversationId)) details.set(item.conversationId, await get<ConversationDetail>(`/conversations/${item.conversationId}`));
      const line = details.get(item.conversationId)!.segments.find((s) => s.index === item.segment);
      expect(line?.text, `${item.kind} ${item.quote}`).toContain(item.quote);
    }
    const questions = await get<{ items: Array<{ kind: string }> }>('/dashboards/voc?kind=question');
    expect(questions.items.every((i) => i.kind === 'question')).toBe(true);
    // paging: two at a time gives the same list
    const paged: unknown[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: unknown[]; nextCursor: string | null } = await get(`/dashboards/voc?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(v.items);
    await get('/dashboards/voc?cursor=nonsense', 400);
  });

  it('customer insight: filter by current tags (AND), page, count; bad filters are rejected', async () => {
    const profile = await get<{ current: Array<{ family: string; tag: string; value: string }> }>('/customers/tel-13800138000/profile-sources');
    expect(profile.current.length).toBeGreaterThan(0);
    const t = profile.current[0]!;
    const page = await get<{ items: Array<{ id: string; conversations: number; channels: string[] }>; total: number }>(
      `/customer-insight?tag=${t.family}.${t.tag}=${t.value}&count=true`,
    );
    expect(page.items.map((c) => c.id)).toContain('tel-13800138000');
    expect(page.total).toBe(page.items.length);
    expect(page.items.find((c) => c.id === 'tel-13800138000')).toMatchObject({ conversations: 3, channels: ['badge', 'phone'] });
    const none = await get<{ items: unknown[] }>(`/customer-insight?tag=${t.family}.${t.tag}=${t.value}&tag=${t.family}.${t.tag}=zz_none`);
    expect(none.items).toEqual([]);
    const all = await get<{ items: Array<{ id: string }>; nextCursor: string | null; total: number }>('/customer-insight?limit=2&count=true');
    expect(all.total).toBe(3);
    expect(all.items).toHaveLength(2);
    const rest = await get<{ items: Array<{ id: string }>; nextCursor: string | null }>(`/customer-insight?limit=2&cursor=${all.nextCursor}`);
    expect([...all.items, ...rest.items].map((c) => c.id)).toEqual(['tel-13800138000', 'tel-13800138001', 'tel-13800138002']);
    expect(rest.nextCursor).toBeNull();
    await get('/customer-insight?tag=DROP%20TABLE', 400);
    await get('/customer-insight?cursor=%21%21', 400);
  });

  it('exports the filtered customers as UTF-8 CSV with a BOM, taxonomy labels and proper quoting', async () => {
    const store = pipeline.services.store;
    // a name that needs quoting, and one that would be a formula in Excel
    store.upsertCustomer({ id: 'tel-13800138001', phone: null, name: '王, "小明"' });
    store.upsertCustomer({ id: 'tel-13800138002', phone: null, name: '=HYPERLINK("x")' });
    const res = await app.inject({ url: `${API}/customer-insight.csv?utcOffsetMinutes=480` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="customers-\d{4}-\d{2}-\d{2}\.csv"$/);
    const raw = res.rawPayload;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.body.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    const header = lines[0]!.split(',');
    expect(header.slice(0, 6)).toEqual(['客户编号', '姓名', '电话', '会话数', '最近会话', '渠道']);
    const taxonomy = pipeline.services.context.taxonomy;
    const columns = Object.values(taxonomy.profile).flatMap((tags) => Object.values(tags).map((d) => d.zh));
    expect(header.slice(6)).toEqual(columns);
    expect(lines).toHaveLength(3 + 2);
    expect(lines[1]).toMatch(/^tel-13800138000,,13800138000,3,2026-11-25 08:00:00 \+08:00,工牌; 电话,/);
    expect(lines[2]).toMatch(/^tel-13800138001,"王, ""小明""",13800138001,1,/);
    expect(lines[3]).toMatch(/^tel-13800138002,"'=HYPERLINK\(""x""\)",/);
    // the first customer's current tag values appear under their columns, as Chinese labels
    const profile = await get<{ current: Array<{ family: string; tag: string; value: string }> }>('/customers/tel-13800138000/profile-sources');
    const t = profile.current[0]!;
    const col = header.indexOf(taxonomy.profile[t.family]![t.tag]!.zh);
    expect(col).toBeGreaterThan(5);
    const label = taxonomy.profile[t.family]![t.tag]!.values[t.value]!;
    expect(res.body).toContain(label);

    const filtered = await app.inject({ url: `${API}/customer-insight.csv?lang=en&tag=${t.family}.${t.tag}=${t.value}` });
    const rows = filtered.body.slice(1).split('\r\n').filter(Boolean);
    expect(rows[0]!.startsWith('customer_id,name,phone,conversations,last_conversation,channels,')).toBe(true);
    expect(rows.slice(1).map((r) => r.split(',')[0])).toContain('tel-13800138000');
    expect(rows.slice(1).every((r) => r.includes(t.value))).toBe(true);

    // each export is audited with what it held
    const file = res.headers['content-disposition']!.toString().match(/filename="([^"]+)"/)![1];
    expect(exports).toEqual([
      expect.objectContaining({ action: 'customers.export', target: file, details: { customers: 3, tags: [], lang: 'zh' } }),
      expect.objectContaining({ action: 'customers.export', target: file, details: { customers: rows.length - 1, tags: [`${t.family}.${t.tag}=${t.value}`], lang: 'en' } }),
    ]);
  });

  it('customer page: profile history with source lines, and the cross-channel timeline', async () => {
    const p = await get<{
      customer: { id: string };
      current: unknown[];
      history: Array<{ conversationId: string; segment: number | null; quote: string; channel: string }>;
    }>('/customers/tel-13800138000/profile-sources');
    expect(p.history.length).toBeGreaterThanOrEqual(p.current.length);
    expect(new Set(p.history.map((h) => h.conversationId))).toEqual(new Set([ids[0], ids[3]]));
    for (const h of p.history) {
      const d = await get<ConversationDetail>(`/conversations/${h.conversationId}`);
      expect(d.segments.find((s) => s.index === h.segment)?.text, h.quote).toContain(h.quote);
    }
    const tl = await get<{ items: Array<{ id: string; channel: string; tags: number; complianceHits: number }>; total: number; nextCursor: string | null }>(
      '/customers/tel-13800138000/timeline?limit=2',
    );
    expect(tl.total).toBe(3);
    expect(tl.items.map((c) => c.id)).toEqual(['badge-visit-1', ids[3]]);
    expect(tl.items[0]!.channel).toBe('badge');
    expect(tl.items[1]!.tags).toBeGreaterThan(0);
    const more = await get<{ items: Array<{ id: string }>; nextCursor: string | null }>(`/customers/tel-13800138000/timeline?limit=2&cursor=${tl.nextCursor}`);
    expect(more.items.map((c) => c.id)).toEqual([ids[0]]);
    await get('/customers/nobody/timeline', 404);
    await get('/customers/nobody/profile-sources', 404);
    await get('/customers/..%2Fetc/timeline', 400);
  });
});
