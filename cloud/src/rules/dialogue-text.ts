/**
 * A dialogue pasted into the rules tester: one turn per line, each starting
 * with its speaker (客户 / 员工 / 其他, or customer / staff / other) and a
 * colon (half or full width). A line without a speaker continues the turn
 * before it; blank lines are ignored.
 */
import { AnalysisError } from '../analysis/errors.js';
import type { Role, Turn } from '../analysis/types.js';

const SPEAKERS: Record<string, Role> = {
  客户: 'customer',
  顾客: 'customer',
  customer: 'customer',
  员工: 'staff',
  客户经理: 'staff',
  理财经理: 'staff',
  柜员: 'staff',
  staff: 'staff',
  其他: 'other',
  other: 'other',
};

const LINE = /^\s*([^:：\s]{1,8})\s*[:：]\s*(.*)$/;

export const MAX_DIALOGUE_TURNS = 500;

/** Turns of a pasted dialogue; INPUT_INVALID (with the line) when a line cannot be read. */
export function parseDialogue(text: string): Turn[] {
  const turns: Turn[] = [];
  const problems: Array<{ path: string; message: string }> = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const m = LINE.exec(raw);
    const role = m ? SPEAKERS[m[1]!.toLowerCase()] : undefined;
    if (m && role) {
      turns.push({ index: turns.length, role, text: m[2]!.trim() });
      return;
    }
    const last = turns[turns.length - 1];
    if (last) last.text += raw.trim();
    else problems.push({ path: `line ${i + 1}`, message: 'start the line with 客户: / 员工: / 其他: (or customer: / staff: / other:)' });
  });
  if (turns.length === 0 && problems.length === 0) problems.push({ path: 'dialogue', message: 'paste at least one line such as 客户: 我想存一笔钱' });
  if (turns.length > MAX_DIALOGUE_TURNS) problems.push({ path: 'dialogue', message: `at most ${MAX_DIALOGUE_TURNS} turns` });
  if (problems.length > 0) throw new AnalysisError('INPUT_INVALID', 'the dialogue cannot be read', problems);
  return turns;
}
