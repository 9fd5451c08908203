/**
 * The gateway's finalised sessions, read from its database (the ingest's
 * outbox holds each finalised session's record), so the check works the
 * same for an in-process gateway and for one in a child process that was
 * killed and restarted.
 */
import type { Gateway } from '@parley/gateway';
import type { FinalisedSession } from '@parley/proto';

type Db = Pick<Gateway['db'], 'prepare'>;

export interface GatewaySessions {
  finalised: FinalisedSession[];
  /** Sessions the gateway has started but not finalised. */
  open: { deviceId: string; sessionId: string }[];
}

export function readGatewaySessions(db: Db): GatewaySessions {
  const finalised = (
    db
      .prepare(
        `SELECT o.record AS record FROM ingest_outbox o
         JOIN ingest_sessions s ON s.device_id = o.device_id AND s.session_id = o.session_id
         WHERE s.state = 'finalised' ORDER BY o.device_id, o.session_id`,
      )
      .all() as { record: string }[]
  ).map((r) => JSON.parse(r.record) as FinalisedSession);
  const open = (db.prepare("SELECT device_id AS deviceId, session_id AS sessionId FROM ingest_sessions WHERE state = 'open'").all() as {
    deviceId: string;
    sessionId: string;
  }[]);
  return { finalised, open };
}

/** Polls until the gateway has finalised `expected` sessions and has none open, or the time is up. */
export async function waitForFinalised(db: Db, expected: number, timeoutMs: number): Promise<GatewaySessions> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const s = readGatewaySessions(db);
    if ((s.finalised.length >= expected && s.open.length === 0) || Date.now() > end) return s;
    await new Promise((r) => setTimeout(r, 100));
  }
}
