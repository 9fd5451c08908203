import type { Logger } from 'pino';
import type { RuleSet, Taxonomy } from '../analysis/index.js';
import type { AsrEngine } from '../asr/engine.js';
import type { SpeakerEmbedder } from '../asr/speaker-embedder.js';
import type { PcmFiles } from '../audio/pcm-files.js';
import type { PipelineConfig } from '../config.js';
import type { AnalysisExecutor } from '../pipeline/analysis-executor.js';
import type { Conversation, StageName } from '../model/conversation.js';
import type { ConversationStore } from '../store/conversation-store.js';

/** What every stage gets: the store, the decoded-audio files, engines and config. */
export interface StageContext {
  store: ConversationStore;
  pcm: PcmFiles;
  /** Root that conversations' `audioPath`s are relative to. */
  dataDir: string;
  config: PipelineConfig;
  logger: Logger;
  asr: AsrEngine | null;
  /** Why there is no ASR engine (shown on waiting conversations). */
  asrUnavailableReason: string;
  /** Optional wearer enrolment (speaker embeddings); null: roles by loudness only. */
  embedder: SpeakerEmbedder | null;
  rules(): RuleSet;
  /** Runs analysis, normalisation and index building off the event loop (worker pool) or inline. */
  analysis: AnalysisExecutor;
  taxonomy: Taxonomy;
}

export type StageOutcome =
  | { kind: 'done' }
  | { kind: 'skipped' }
  /** Blocked on something outside the pipeline; resumes when it changes (e.g. a model is installed). */
  | { kind: 'waiting'; code: string; message: string };

export type StageHandler = (ctx: StageContext, conversation: Conversation) => Promise<StageOutcome>;

export type StageHandlers = Record<StageName, StageHandler>;
