/**
 * How the eval tools (`npm run eval`, `npm run train-tagger`) end: the exit code
 * their main returns, or 2 with the message of an AnalysisError (bad corpus,
 * rules or model); any other error is a bug and is thrown.
 */
import { isAnalysisError } from '../analysis/errors.js';

export function runCli(main: () => number): void {
  try {
    process.exitCode = main();
  } catch (err) {
    if (isAnalysisError(err)) {
      console.error(err.message);
      process.exitCode = 2;
    } else {
      throw err;
    }
  }
}
