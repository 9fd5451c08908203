import { describe, expect, it } from 'vitest';
import { findCommandAnswer, finishCommand, handleCommand } from '../../src/core/commands.js';
import type { CommandHost, CommandLog } from '../../src/core/commands.js';
import type { Command } from '../../src/core/messages.js';
import { CommandKind, CommandStatus } from '../../src/core/messages.js';

/** A host that records what the commands did and what was answered. */
function host(): CommandHost & { did: string[]; results: [string, number, string, number][]; synced: boolean; nowMs: number } {
  const h = {
    did: [] as string[],
    results: [] as [string, number, string, number][],
    synced: true,
    nowMs: 1000,
    commandLog: [] as CommandLog,
    clock: { isSynced: () => h.synced, now: () => h.nowMs },
    spool: { collect: () => 3 },
    ota: {
      begin: (id: string): number => {
        h.did.push('ota ' + id);
        return 512;
      },
    },
    startSession: () => {
      h.did.push('start');
      return 'muted';
    },
    stopSession: () => {
      h.did.push('stop');
      return null;
    },
    setMuted: (on: boolean) => {
      h.did.push('mute ' + on);
      return null;
    },
    setLocked: () => h.did.push('lock'),
    locate: () => h.did.push('locate'),
    rebootSoon: () => h.did.push('reboot'),
    wipeAll: () => 'erased 2 sessions',
    commandResult: (id: string, status: number, detail: string, progress: number) => h.results.push([id, status, detail, progress]),
  };
  return h as unknown as ReturnType<typeof host>;
}

const cmd = (id: string, kind: number, extra: Partial<Command> = {}): Command => ({ id, kind, issuedAtMs: 0, expiresAtMs: 0, ...extra }) as Command;

describe('commands over the badge (CommandHost)', () => {
  it('runs each kind once and answers it; a redelivered id is answered again without running', () => {
    const h = host();
    handleCommand(h, cmd('a', CommandKind.LOCATE));
    handleCommand(h, cmd('b', CommandKind.START));
    handleCommand(h, cmd('c', CommandKind.WIPE_ACKNOWLEDGED));
    handleCommand(h, cmd('a', CommandKind.LOCATE));
    handleCommand(h, cmd('d', 99));
    handleCommand(h, cmd('e', CommandKind.REBOOT));
    expect(h.did).toEqual(['locate', 'start', 'reboot']);
    expect(h.results).toEqual([
      ['a', CommandStatus.OK, '', 0],
      ['b', CommandStatus.REJECTED, 'muted', 0],
      ['c', CommandStatus.OK, 'erased 3 segments', 0],
      ['a', CommandStatus.OK, '', 0],
      ['d', CommandStatus.UNSUPPORTED, 'kind 99', 0],
      ['e', CommandStatus.OK, 'rebooting', 0],
    ]);
  });

  it('expires only with a synced clock; a firmware update answers IN_PROGRESS and its outcome later', () => {
    const h = host();
    handleCommand(h, cmd('x', CommandKind.LOCK, { expiresAtMs: 500 }));
    h.synced = false;
    handleCommand(h, cmd('y', CommandKind.LOCK, { expiresAtMs: 500 }));
    handleCommand(h, cmd('f', CommandKind.FIRMWARE_UPDATE, { firmware: { releaseId: 'r', version: '2', size: 10, sha256: new Uint8Array(32), chunkSize: 0 } }));
    handleCommand(h, cmd('g', CommandKind.FIRMWARE_UPDATE));
    finishCommand(h, 'f', CommandStatus.OK, 'staged', 10);
    handleCommand(h, cmd('f', CommandKind.FIRMWARE_UPDATE));
    expect(h.did).toEqual(['lock', 'ota f']);
    expect(h.results).toEqual([
      ['x', CommandStatus.EXPIRED, 'expired at 500', 0],
      ['y', CommandStatus.OK, '', 0],
      ['f', CommandStatus.IN_PROGRESS, 'downloading', 512],
      ['g', CommandStatus.FAILED, 'no firmware in the command', 0],
      ['f', CommandStatus.OK, 'staged', 10],
      ['f', CommandStatus.OK, 'staged', 0],
    ]);
  });

  it('remembers the last 16 answers only', () => {
    const h = host();
    for (let i = 0; i < 17; i++) finishCommand(h, 'c' + i, i, 'd' + i, 0);
    const log = h.commandLog;
    expect(log).toHaveLength(48);
    expect(findCommandAnswer(log, 'c0')).toBe(-1);
    expect(log[findCommandAnswer(log, 'c16') + 1]).toBe('16');
    expect(log[findCommandAnswer(log, 'c1') + 2]).toBe('d1');
    finishCommand(h, 'c1', 40, 'again', 0);
    expect(log[findCommandAnswer(log, 'c1') + 1]).toBe('40');
    expect(log).toHaveLength(48);
    // A redelivery of an answered command gets its answer back, with its status as a number.
    handleCommand(h, cmd('c1', CommandKind.LOCATE));
    expect(h.results[h.results.length - 1]).toEqual(['c1', 40, 'again', 0]);
    expect(h.did).toEqual([]);
  });
});
