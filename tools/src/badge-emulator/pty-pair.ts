import { spawn, type ChildProcess } from 'node:child_process';
import { EmulatorError } from './errors.js';

/** Two connected pseudo-terminals made by socat: what one end writes, the other reads. */
export interface PtyPair {
  /** The end the tool (badgectl) opens, like /dev/ttyUSB0. */
  hostPath: string;
  /** The end the badge emulator serves. */
  badgePath: string;
  close(): Promise<void>;
}

/**
 * Runs `socat -d -d pty,raw,echo=0 pty,raw,echo=0` and reads the two device
 * paths it reports ("PTY is /dev/pts/N"). `close()` ends socat, which removes
 * both terminals.
 */
export async function openPtyPair(opts: { timeoutMs?: number; socat?: string } = {}): Promise<PtyPair> {
  const child: ChildProcess = spawn(opts.socat ?? 'socat', ['-d', '-d', 'pty,raw,echo=0', 'pty,raw,echo=0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const paths = await new Promise<string[]>((resolve, reject) => {
    const found: string[] = [];
    let stderr = '';
    const timer = setTimeout(() => fail(new EmulatorError('PTY_UNAVAILABLE', `socat reported no terminals within ${opts.timeoutMs ?? 5000} ms: ${stderr.trim()}`)), opts.timeoutMs ?? 5000);
    const fail = (err: Error): void => {
      clearTimeout(timer);
      child.kill();
      reject(err);
    };
    const onError = (err: Error): void => fail(new EmulatorError('PTY_UNAVAILABLE', err.message, { cause: err }));
    const onExit = (code: number | null): void => fail(new EmulatorError('PTY_UNAVAILABLE', `socat exited with ${code}: ${stderr.trim()}`));
    const onData = (text: string): void => {
      stderr += text;
      for (const m of text.matchAll(/PTY is (\S+)/g)) found.push(m[1]!);
      if (found.length < 2) return;
      clearTimeout(timer);
      child.off('error', onError);
      child.off('exit', onExit);
      child.stderr?.off('data', onData);
      // socat keeps logging (signals, errors): drain it.
      child.stderr?.resume();
      resolve(found.slice(0, 2));
    };
    child.on('error', onError);
    child.on('exit', onExit);
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', onData);
  });
  child.on('error', () => undefined);
  return {
    hostPath: paths[0]!,
    badgePath: paths[1]!,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
