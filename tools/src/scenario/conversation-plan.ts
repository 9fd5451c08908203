/**
 * Which conversation each badge records when: the scenario's shifts and
 * conversations-per-hour turned into a deterministic plan (seeded), and the
 * dialogue pool (corpus and/or generated) the plan draws from.
 */
import { join } from 'node:path';
import { ToolsError } from '../errors.js';
import { SeededRandom } from '../random/seeded-random.js';
import { loadCorpus, loadCorpusScript, type ConversationScript } from '../speech/script.js';
import { generateDialogues } from './dialogue-generator.js';
import { badgesOf } from './scenario-file.js';
import type { Scenario } from './types.js';

/** The scenario's dialogues: the chosen corpus files (badge channel for "all") plus the generated ones. */
export async function resolveDialogues(scenario: Scenario, corpusDir: string): Promise<ConversationScript[]> {
  const pool: ConversationScript[] = [];
  const corpus = scenario.dialogues.corpus;
  if (corpus) {
    if (corpus.ids === 'all') pool.push(...(await loadCorpus(corpusDir, { channel: 'badge' })));
    else {
      for (const id of corpus.ids) {
        // Ids were validated against the id pattern, so they cannot climb out of the directory.
        try {
          pool.push(await loadCorpusScript(join(corpusDir, `${id}.json`)));
        } catch (e) {
          throw new ToolsError('SCENARIO_INVALID', `${scenario.name}: dialogues.corpus.ids: ${id} is not in ${corpusDir}`, { id }, { cause: e });
        }
      }
    }
  }
  if (scenario.dialogues.generated) pool.push(...generateDialogues(scenario.dialogues.generated));
  if (pool.length === 0) throw new ToolsError('SCENARIO_INVALID', `${scenario.name}: no dialogues to play`);
  return pool;
}

export interface PlannedConversation {
  badge: string;
  /** When the conversation starts, scenario ms. */
  startMs: number;
  scriptId: string;
}

/**
 * Conversations per badge, in start order. Each shift of length L with rate
 * r gets round(L × r) conversations, one per equal slot, starting at a
 * random point in the first half of its slot (so conversations of a few
 * minutes fit before the next one). Dialogues are drawn from the pool
 * without repeating until it is exhausted.
 */
export function planConversations(scenario: Scenario, pool: readonly ConversationScript[]): Map<string, PlannedConversation[]> {
  if (pool.length === 0) throw new ToolsError('SCENARIO_INVALID', `${scenario.name}: no dialogues to plan with`);
  const plan = new Map<string, PlannedConversation[]>(scenario.badges.map((b) => [b.id, []]));
  for (const badge of scenario.badges) {
    const rng = new SeededRandom(`${scenario.seed}:plan:${badge.id}`);
    let deck: ConversationScript[] = [];
    const draw = (): ConversationScript => {
      if (deck.length === 0) {
        deck = [...pool];
        for (let i = deck.length - 1; i > 0; i--) {
          const j = rng.int(0, i);
          [deck[i], deck[j]] = [deck[j]!, deck[i]!];
        }
      }
      return deck.pop()!;
    };
    const list = plan.get(badge.id)!;
    for (const shift of scenario.shifts) {
      if (!badgesOf(scenario, shift.badges).includes(badge.id)) continue;
      const n = Math.round((shift.lengthMs / 3_600_000) * shift.conversationsPerHour);
      const slot = shift.lengthMs / Math.max(1, n);
      for (let k = 0; k < n; k++) {
        list.push({ badge: badge.id, startMs: Math.round(shift.startMs + k * slot + rng.range(0, slot / 2)), scriptId: draw().id });
      }
    }
    list.sort((a, b) => a.startMs - b.startMs);
  }
  return plan;
}
