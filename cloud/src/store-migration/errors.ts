/**
 * Errors of the SQLite → PostgreSQL store migration (`npm run store-migrate`).
 * Each says what is wrong and what to do; nothing is written to the target
 * when one is raised (the copy runs in one transaction).
 */
export const STORE_MIGRATION_ERRORS = {
  USAGE: 'Wrong arguments',
  SOURCE_INVALID: 'The source is not a Parley conversation store',
  SOURCE_UNCOVERED: 'The source holds a table or column this migration does not know',
  TARGET_UNREACHABLE: 'The target PostgreSQL database cannot be opened',
  TARGET_NOT_EMPTY: 'The target database already holds conversation-store data',
  TARGET_SCHEMA_MISMATCH: "The target's schema does not match the source's",
  VERIFY_FAILED: 'Row counts differ after the copy',
} as const;

export type StoreMigrationErrorCode = keyof typeof STORE_MIGRATION_ERRORS;

export class StoreMigrationError extends Error {
  readonly code: StoreMigrationErrorCode;

  constructor(code: StoreMigrationErrorCode, detail: string, options?: { cause?: unknown }) {
    super(`${STORE_MIGRATION_ERRORS[code]}: ${detail}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StoreMigrationError';
    this.code = code;
  }
}

export function isStoreMigrationError(err: unknown, code?: StoreMigrationErrorCode): err is StoreMigrationError {
  return err instanceof StoreMigrationError && (code === undefined || err.code === code);
}
