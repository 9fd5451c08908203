import type { StageName } from '../model/conversation.js';
import type { ConversationStore } from './conversation-store.js';
import { SqliteConversationStore } from './sqlite-store.js';

/**
 * Where conversations stand in the pipeline, per stage, for the backlog
 * metrics: each unfinished conversation counted once, at its next stage.
 * - due: pending and due now (waiting for a runner slot),
 * - scheduled: pending, due later (a retry backing off),
 * - running, waiting (blocked outside the pipeline, e.g. no ASR model), failed (gave up).
 */
export type BacklogStatus = 'due' | 'scheduled' | 'running' | 'waiting' | 'failed';

export interface StageBacklogRow {
  stage: StageName;
  status: BacklogStatus;
  conversations: number;
}

export interface StageBacklogSource {
  stageBacklog(now: number): StageBacklogRow[];
}

/** The SQL both stores run (conversations point at their next stage; the stage row has its state). */
export const STAGE_BACKLOG_SQL = `SELECT c.next_stage AS stage, s.state AS state,
    CASE WHEN c.next_due_at IS NOT NULL AND c.next_due_at <= $1 THEN 1 ELSE 0 END AS due, COUNT(*) AS n
  FROM conversations c JOIN stages s ON s.conversation_id = c.id AND s.stage = c.next_stage
  WHERE c.next_stage IS NOT NULL
  GROUP BY c.next_stage, s.state, due`;

export function backlogRows(rows: Array<{ stage: string; state: string; due: unknown; n: unknown }>): StageBacklogRow[] {
  const out = new Map<string, StageBacklogRow>();
  for (const r of rows) {
    const status: BacklogStatus =
      r.state === 'pending' ? (Number(r.due) === 1 ? 'due' : 'scheduled') : r.state === 'running' ? 'running' : r.state === 'waiting' ? 'waiting' : 'failed';
    const key = `${r.stage}|${status}`;
    const row = out.get(key) ?? { stage: r.stage as StageName, status, conversations: 0 };
    row.conversations += Number(r.n);
    out.set(key, row);
  }
  return [...out.values()];
}

function isBacklogSource(store: unknown): store is StageBacklogSource {
  return typeof (store as Partial<StageBacklogSource>).stageBacklog === 'function';
}

/** The backlog query for a store: its own when it has one (PostgreSQL), the SQLite file's otherwise; null for other stores. */
export function stageBacklogOf(store: ConversationStore): StageBacklogSource | null {
  if (isBacklogSource(store)) return store;
  if (store instanceof SqliteConversationStore) {
    const st = store.db.prepare(STAGE_BACKLOG_SQL.replace('$1', '@now'));
    return { stageBacklog: (now) => backlogRows(st.all({ now }) as Array<{ stage: string; state: string; due: number; n: number }>) };
  }
  return null;
}
