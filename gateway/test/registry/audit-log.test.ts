import { describe, expect, it } from 'vitest';
import { SqliteAuditLog } from '../../src/registry/audit-log.js';
import { openDatabase } from '../../src/storage/database.js';

describe('SqliteAuditLog', () => {
  it('appends entries in order and filters them', async () => {
    const db = openDatabase(':memory:');
    const log = new SqliteAuditLog(db);
    const a = await log.append({ actor: 'admin', action: 'device.provisioned', target: 'badge-1', outcome: 'ok', details: { serial: 'S' }, atMs: 1 });
    await log.append({ actor: 'anonymous', action: 'mqtt.auth.failed', target: 'x'.repeat(1000), source: '10.0.0.1', outcome: 'denied', atMs: 2 });
    expect(a).toEqual({ seq: 1, atMs: 1, actor: 'admin', action: 'device.provisioned', target: 'badge-1', source: null, outcome: 'ok', details: { serial: 'S' } });
    const all = await log.list();
    expect(all.map((e) => e.seq)).toEqual([1, 2]);
    expect(all[1]!.target!.length).toBeLessThanOrEqual(257);
    expect((await log.list({ action: 'mqtt.auth.failed' })).map((e) => e.seq)).toEqual([2]);
    expect((await log.list({ afterSeq: 1 })).map((e) => e.seq)).toEqual([2]);
    db.close();
  });

  it('refuses updates and deletes at the storage level', async () => {
    const db = openDatabase(':memory:');
    const log = new SqliteAuditLog(db);
    await log.append({ actor: 'admin', action: 'x', outcome: 'ok', atMs: 1 });
    expect(() => db.prepare("UPDATE audit_log SET actor = 'someone else'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(await log.list()).toHaveLength(1);
    db.close();
  });
});
