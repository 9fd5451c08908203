import type { StageHandlers } from './context.js';
import { analyzeStage } from './analyze.js';
import { decodeStage } from './decode.js';
import { indexStage } from './index-transcript.js';
import { normalizeStage } from './normalize.js';
import { rolesStage } from './roles.js';
import { transcribeStage } from './transcribe.js';
import { vadStage } from './vad.js';

export const STAGE_HANDLERS: StageHandlers = {
  decode: decodeStage,
  vad: vadStage,
  roles: rolesStage,
  transcribe: transcribeStage,
  normalize: normalizeStage,
  analyze: analyzeStage,
  index: indexStage,
};

export type { StageContext, StageHandler, StageHandlers, StageOutcome } from './context.js';
