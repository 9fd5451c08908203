/** The web badge's typed errors (docs/simulator.md, "Web badge"). */
export const WEB_BADGE_ERRORS = {
  WEB_BADGE_BUILD_FAILED: 'the web badge page could not be bundled',
  WEB_BADGE_INVALID_OPTIONS: 'invalid web badge options',
} as const;

export type WebBadgeErrorCode = keyof typeof WEB_BADGE_ERRORS;

export class WebBadgeError extends Error {
  readonly code: WebBadgeErrorCode;
  constructor(code: WebBadgeErrorCode, detail?: string, options?: { cause?: unknown }) {
    super(detail ? `${WEB_BADGE_ERRORS[code]}: ${detail}` : WEB_BADGE_ERRORS[code], options);
    this.name = 'WebBadgeError';
    this.code = code;
  }
}
