/**
 * The tools package's error registry. Everything the simulator's building
 * blocks (speech, Opus, scenarios, fault layer) raise on purpose is a
 * ToolsError with a stable code from this table, so callers and tests can
 * branch on the code instead of on message text.
 */
export const TOOLS_ERRORS = {
  EXTERNAL_TOOL_MISSING: 'A required external program is not installed',
  EXTERNAL_TOOL_FAILED: 'An external program failed',
  SCRIPT_INVALID: 'Conversation script is invalid',
  SPEECH_INVALID_OPTIONS: 'Speech synthesis options are invalid',
  CACHE_ENTRY_CORRUPT: 'Cache entry is corrupt',
  CACHE_KEY_INVALID: 'Cache key is not a hex digest',
  OPUS_INVALID_OPTIONS: 'Opus encoder options are invalid',
  OPUS_ENCODE_FAILED: 'libopus failed to encode a frame',
  OPUS_BACKEND_UNAVAILABLE: 'Opus encoder backend cannot be loaded',
  FRAME_FILE_CORRUPT: 'Opus frame file is corrupt',
  FRAME_SOURCE_STATE: 'Opus frame source used in the wrong state',
  SCENARIO_INVALID: 'Scenario is invalid',
  SCENARIO_UNREADABLE: 'Scenario file cannot be read or parsed',
  CORPUS_UNREADABLE: 'Corpus dialogue cannot be read',
  PROXY_STATE: 'Fault proxy used in the wrong state',
  PROXY_INVALID_OPTIONS: 'Fault proxy options are invalid',
  FAULT_HANDLER_MISSING: 'Scenario has a fault nothing is set up to inject',
  FAULT_SCHEDULE_STATE: 'Fault schedule used in the wrong state',
  SUPERVISOR_STATE: 'Process supervisor used in the wrong state',
  SUPERVISOR_NOT_READY: 'Supervised process did not become ready',
  SUPERVISOR_EXITED: 'Supervised process exited before it was ready',
} as const satisfies Record<string, string>;

export type ToolsErrorCode = keyof typeof TOOLS_ERRORS;

export class ToolsError extends Error {
  readonly code: ToolsErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ToolsErrorCode, detail?: string, details?: Record<string, unknown>, options?: { cause?: unknown }) {
    const base = TOOLS_ERRORS[code];
    super(detail ? `${base}: ${detail}` : base, options);
    this.name = 'ToolsError';
    this.code = code;
    this.details = details;
  }
}

export function isToolsError(err: unknown, code?: ToolsErrorCode): err is ToolsError {
  return err instanceof ToolsError && (code === undefined || err.code === code);
}
