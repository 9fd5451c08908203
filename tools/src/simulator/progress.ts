/**
 * The simulator's live summary: one refreshing line on a TTY, a plain line
 * every `everyMs` otherwise (CI logs).
 */
import type { SimulatorSummary } from './simulator.js';

export function formatSummary(s: SimulatorSummary): string {
  const t = Math.floor(s.scenarioMs / 1000);
  const clock = `${Math.floor(t / 3600)}h${String(Math.floor((t % 3600) / 60)).padStart(2, '0')}m${String(t % 60).padStart(2, '0')}s`;
  return (
    `sim ${clock}  online ${s.online}/${s.badges}  recording ${s.recording}  captured ${s.minutesCaptured.toFixed(1)} min  ` +
    `backlog ${s.backlogChunks} chunks  acked ${s.sessionsAcked} sessions (${s.sessionsInFlash} in flash)` +
    (s.droppedFrames > 0 ? `  dropped ${s.droppedFrames} frames` : '')
  );
}

export interface ProgressPrinter {
  update(s: SimulatorSummary): void;
  /** Ends the refreshing line. */
  done(): void;
}

export function createProgressPrinter(stream: NodeJS.WriteStream = process.stderr, everyMs = 10_000): ProgressPrinter {
  let last = 0;
  let drawn = false;
  return {
    update(s) {
      const line = formatSummary(s);
      if (stream.isTTY) {
        const width = stream.columns > 0 ? stream.columns - 1 : line.length;
        stream.write('\r' + line.slice(0, width).padEnd(Math.min(width, line.length + 1)) + '\x1b[K');
        drawn = true;
      } else if (Date.now() - last >= everyMs) {
        last = Date.now();
        stream.write(line + '\n');
      }
    },
    done() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}
