import { SessionField } from '../../src/core/spool.js';
import type { SpoolSession } from '../../src/core/spool.js';

/** What a test reads of a held session: its row's numbers and its START/END bytes from flash (the firmware reads rows). */
export interface HeldSession {
  start: Uint8Array | null;
  end: Uint8Array | null;
  closed: boolean;
  lastSeq: number;
  ackedThrough: number;
  /** No longer held (completed or wiped). */
  complete: boolean;
}

export function heldOf(s: SpoolSession): HeldSession {
  const k = s.row();
  const field = (f: number): number => s.sp.rowField(k, f);
  return {
    start: s.sp.recordAt(field(SessionField.START_AT)),
    end: s.sp.recordAt(field(SessionField.END_AT)),
    closed: field(SessionField.END_AT) >= 0,
    lastSeq: field(SessionField.LAST),
    ackedThrough: field(SessionField.ACKED),
    complete: k < 0,
  };
}
