/**
 * Shapes of the pipeline API's responses (cloud/src/api/routes.ts). The
 * conversation and directory model types are the pipeline's own.
 */
import type { ComplianceFinding, Conversation, ConversationDetail, ReviewState } from '../../../src/model/conversation.js';
import type { Branch, CustomerProfile, Staff, Team } from '../../../src/model/directory.js';

export type {
  AudioGap,
  Channel,
  ComplianceFinding,
  Conversation,
  ConversationDetail,
  EvidenceRef,
  KeyPointFinding,
  ReviewState,
  Segment,
  TagHit,
} from '../../../src/model/conversation.js';
export type { CustomerProfile, ProfileObservation } from '../../../src/model/directory.js';

export type Severity = ComplianceFinding['severity'];
export type HitKind = 'tag' | 'compliance' | 'keyPoint';

export interface MatchLine {
  index: number;
  text: string;
  startMs: number | null;
}

export interface ConversationListItem extends Conversation {
  matches?: MatchLine[];
}

export interface ConversationPage {
  items: ConversationListItem[];
  nextCursor: string | null;
  total?: number;
}

export interface ConversationWithProfile extends ConversationDetail {
  customerProfile: CustomerProfile | null;
}

export interface Directory {
  branches: Branch[];
  teams: Team[];
  staff: Staff[];
}

export type RollupDimension = 'staff' | 'team' | 'branch' | 'all';

export interface KeyPointRateRow {
  point: string;
  group: string | null;
  applicable: number;
  raised: number;
  toStandard: number;
  openingRate: number | null;
  executionRate: number | null;
}

export interface Taxonomy {
  profile: Record<string, Record<string, { zh: string; multi: boolean; values: Record<string, string> }>>;
  compliance: Record<string, { zh: string; severity: Severity }>;
  keyPoints: Record<string, { zh: string }>;
}

export interface ReviewResult {
  conversationId: string;
  hitId: number;
  state: ReviewState;
}
