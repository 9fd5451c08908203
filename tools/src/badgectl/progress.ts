/** Where provisioning reports what it is doing. */
export interface ProgressReporter {
  /** A step starts (ends the previous one). */
  step(text: string): void;
  /** Progress inside the current step. */
  update(done: number, total: number): void;
  /** The last step is over. */
  finish(): void;
}

const BAR_WIDTH = 30;

/** A redrawn bar on a terminal. */
export function terminalProgress(write: (text: string) => void, columns = 80): ProgressReporter {
  let current = '';
  let drawn = false;
  const end = (): void => {
    if (drawn) write('\n');
    drawn = false;
  };
  return {
    step(text) {
      end();
      current = text;
      write(`${text}\n`);
    },
    update(done, total) {
      const ratio = total > 0 ? Math.min(1, done / total) : 1;
      const filled = Math.round(ratio * BAR_WIDTH);
      const line = `  [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}%  ${done}/${total} bytes  ${current}`;
      write(`\r${line.slice(0, Math.max(20, columns - 1))}`);
      drawn = true;
    },
    finish: end,
  };
}

/** Plain lines (logs, CI, pipes): each step, and progress at every quarter. */
export function lineProgress(write: (text: string) => void): ProgressReporter {
  let lastQuarter = -1;
  return {
    step(text) {
      lastQuarter = -1;
      write(`${text}\n`);
    },
    update(done, total) {
      const quarter = total > 0 ? Math.floor((4 * Math.min(done, total)) / total) : 4;
      if (quarter === lastQuarter) return;
      lastQuarter = quarter;
      write(`  ${quarter * 25}% (${done}/${total} bytes)\n`);
    },
    finish() {},
  };
}
