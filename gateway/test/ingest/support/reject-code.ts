import { isParleyError } from '../../../src/errors.js';

/** The ParleyError code `fn` throws, or 'accepted' when it returns. */
export function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (isParleyError(err)) return err.code;
    throw err;
  }
  return 'accepted';
}
