import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PipelineError } from '../errors.js';
import type { ConversationStore } from '../store/conversation-store.js';

/**
 * A pipeline worker reads recordings and writes decoded audio at paths the
 * store keeps relative to the pipeline's data directory (`audio/…`,
 * `work/…` under `<dataDir>/cloud`), so every process that runs stages must
 * see the same directory (shared storage mounted as each one's
 * `<dataDir>/cloud`). This check looks for the recordings of the `sample`
 * latest conversations that have one and fails when none is there: the
 * worker is looking at another directory than the main job writes to.
 * Nothing to compare before the first recording (the check passes).
 */
export function checkSharedRecordings(store: ConversationStore, pipelineDataDir: string, sample: number): { checked: number; found: number } {
  if (sample <= 0) return { checked: 0, found: 0 };
  const withAudio = store
    .listConversations({}, { limit: Math.min(500, sample * 5) })
    .items.filter((c) => c.audioPath !== null)
    .slice(0, sample);
  const found = withAudio.filter((c) => existsSync(join(pipelineDataDir, c.audioPath!))).length;
  if (withAudio.length > 0 && found === 0) {
    const example = join(pipelineDataDir, withAudio[0]!.audioPath!);
    throw new PipelineError(
      'CONFIG_INVALID',
      `none of the ${withAudio.length} latest recordings is under ${pipelineDataDir} (e.g. ${example} is missing): a pipeline worker needs the main job's <dataDir>/cloud on shared storage, mounted as its own <dataDir>/cloud`,
      { retryable: false },
    );
  }
  return { checked: withAudio.length, found };
}
