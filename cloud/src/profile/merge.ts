import type { Taxonomy } from '../analysis/index.js';
import { PipelineError } from '../errors.js';
import type { ConversationStore } from '../store/conversation-store.js';

/**
 * Attaches a conversation's profile tags to its customer. Observations are
 * replaced per conversation (re-analysis cannot duplicate them); the store
 * keeps the whole history and marks the values in force: latest conversation
 * wins for single-value tags, every value stays for `multi` tags. Dismissed
 * tags do not count; corrected tags count with the corrected value. No customer: nothing to merge (yet).
 */
export function mergeConversationProfile(store: ConversationStore, taxonomy: Taxonomy, conversationId: string): number {
  const detail = store.getDetail(conversationId);
  if (!detail) throw new PipelineError('NOT_FOUND', `conversation ${conversationId}`);
  if (!detail.customerId) return 0;
  const obs = detail.tags
    .filter((t) => t.review.state !== 'dismissed')
    .map((t) => ({
      family: t.family,
      tag: t.tag,
      // a reviewer's correction replaces the value the rules found
      value: t.review.correctedValue ?? t.value,
      detail: t.detail,
      quote: t.evidence[0]?.quote ?? '',
      multi: taxonomy.profile[t.family]?.[t.tag]?.multi ?? false,
    }));
  store.replaceProfileObservations(conversationId, detail.customerId, obs);
  return obs.length;
}
