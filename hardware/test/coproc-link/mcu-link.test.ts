/**
 * The MCU side of the link against the co-processor emulator, over a
 * simulated UART with a clock: the start sequence, credits, lost ACKs and
 * CREDITs, co-processor restarts and silence, a dead co-processor, and a
 * noisy line.
 */
import { describe, expect, it } from 'vitest';
import { CoprocessorEmulator } from '../../src/coproc-emulator/index.js';
import {
  COMMAND_RETRIES,
  FrameType,
  LINK_MAX_RESETS,
  McuLink,
  McuLinkEvent,
  McuLinkState,
  creditWindow,
} from '../../src/coproc-link/index.js';

type Filter = (bytes: Uint8Array, now: number) => Uint8Array | null;

function harness(opts: { toCoproc?: Filter; toMcu?: Filter; coprocDead?: boolean } = {}) {
  let now = 0;
  const events: [number, number][] = [];
  const audio: { length: number; vad: boolean; lost: number }[] = [];
  const toCoproc: Uint8Array[] = [];
  const toMcu: Uint8Array[] = [];
  let n = 0;
  let maxCredits = 0;
  const coproc = new CoprocessorEmulator({
    send: (b) => toMcu.push(b),
    nextFrame: (bitrate) => ({ opus: new Uint8Array(bitrate / 400).fill(n & 0xff), vad: n++ % 4 !== 0 }),
  });
  const link = new McuLink(
    {
      write: (b) => toCoproc.push(b),
      resetCoprocessor: () => {
        coproc.powerOff();
        if (!opts.coprocDead) coproc.powerOn();
      },
    },
    {
      audio: (_buf, _off, length, vad, lost) => audio.push({ length, vad, lost }),
      event: (kind, detail) => events.push([kind, detail]),
    },
    2048,
  );
  const deliver = (): void => {
    for (const b of toCoproc.splice(0)) {
      const x = opts.toCoproc ? opts.toCoproc(b, now) : b;
      if (x) coproc.receive(x);
    }
    for (const b of toMcu.splice(0)) {
      const x = opts.toMcu ? opts.toMcu(b, now) : b;
      if (x) link.receiveBytes(x, now);
    }
  };
  /** Runs `ms` of simulated time: a 20 ms co-processor tick, polls every 10 ms. */
  const run = (ms: number): void => {
    for (let t = 0; t < ms; t += 10) {
      now += 10;
      if (now % 20 === 0) coproc.tick();
      deliver();
      link.poll(now);
      deliver();
      maxCredits = Math.max(maxCredits, coproc.status().credits);
    }
  };
  const powerUp = (): void => {
    if (!opts.coprocDead) coproc.powerOn();
    link.powerUp(now);
  };
  return { link, coproc, events, audio, run, powerUp, now: () => now, maxCredits: () => maxCredits };
}

const kinds = (events: [number, number][]): number[] => events.map((e) => e[0]);
const lostTotal = (audio: { lost: number }[]): number => audio.reduce((s, a) => s + a.lost, 0);

describe('McuLink with the co-processor', () => {
  it('boots, runs the start sequence and receives every frame, credits within the UART window', () => {
    const h = harness();
    h.powerUp();
    h.link.start(16000, -3, h.now());
    h.run(2000);
    expect(kinds(h.events).slice(0, 2)).toEqual([McuLinkEvent.Booted, McuLinkEvent.Started]);
    expect(h.link.state).toBe(McuLinkState.Capturing);
    expect(h.coproc.status()).toMatchObject({ bitrate: 16000, gainDb: -3 });
    expect(h.audio.length).toBeGreaterThanOrEqual(h.coproc.capturedFrames - 2);
    expect(h.audio.every((a) => a.length === 40)).toBe(true);
    expect(lostTotal(h.audio)).toBe(0);
    expect(h.maxCredits()).toBeLessThanOrEqual(creditWindow(2048, 16000));
    expect(h.link.decoder.crcErrors).toBe(0);
    expect(kinds(h.events)).not.toContain(McuLinkEvent.CreditsReconciled);
  });

  it('a lost ACK is resent with the same index and capture is not restarted', () => {
    let dropped = false;
    const h = harness({
      toMcu: (b) => {
        if (!dropped && b[2] === FrameType.Ack && b[8] === FrameType.Start) {
          dropped = true;
          return null;
        }
        return b;
      },
    });
    h.powerUp();
    h.link.start(16000, 0, h.now());
    h.run(1000);
    expect(dropped).toBe(true);
    expect(h.link.commandResends).toBeGreaterThanOrEqual(1);
    expect(h.link.state).toBe(McuLinkState.Capturing);
    expect(lostTotal(h.audio)).toBe(0);
  });

  it('a lost CREDIT is noticed from STATUS and re-granted before the co-processor queue overflows', () => {
    let dropped = false;
    const h = harness({
      toCoproc: (b) => {
        if (!dropped && b[2] === FrameType.Credit) {
          dropped = true;
          return null;
        }
        return b;
      },
    });
    h.powerUp();
    h.link.start(16000, 0, h.now());
    h.run(3000);
    expect(kinds(h.events)).toContain(McuLinkEvent.CreditsReconciled);
    expect(h.coproc.status().droppedFrames).toBe(0);
    expect(lostTotal(h.audio)).toBe(0);
    expect(h.audio.length).toBeGreaterThanOrEqual(h.coproc.capturedFrames - 2);
  });

  it('a co-processor that reboots mid-capture is restarted and the gap is counted', () => {
    const h = harness();
    h.powerUp();
    h.link.start(16000, 0, h.now());
    h.run(1000);
    const before = h.audio.length;
    h.coproc.powerOff();
    h.run(200); // 10 frames of dead time
    h.coproc.powerOn();
    h.run(1000);
    expect(kinds(h.events)).toContain(McuLinkEvent.UnexpectedBoot);
    expect(h.link.state).toBe(McuLinkState.Capturing);
    expect(h.audio.length).toBeGreaterThan(before + 30);
    const lost = lostTotal(h.audio);
    expect(lost).toBeGreaterThanOrEqual(9);
    expect(lost).toBeLessThanOrEqual(14);
  });

  it('a co-processor gone silent is asked, then reset, then capture resumes', () => {
    let silentUntil = -1;
    const h = harness({ toMcu: (b, now) => (now < silentUntil ? null : b) });
    h.powerUp();
    h.link.start(16000, 0, h.now());
    h.run(1000);
    silentUntil = h.now() + 1000;
    h.run(2000);
    expect(kinds(h.events)).toEqual(expect.arrayContaining([McuLinkEvent.CommandTimeout, McuLinkEvent.Reset]));
    expect(h.link.commandResends).toBeGreaterThanOrEqual(COMMAND_RETRIES);
    expect(h.link.state).toBe(McuLinkState.Capturing);
    expect(h.link.lostFrames).toBeGreaterThan(0);
  });

  it('a dead co-processor ends in Fault after the allowed resets', () => {
    const h = harness({ coprocDead: true });
    h.powerUp();
    h.link.start(16000, 0, h.now());
    h.run(10000);
    expect(h.link.state).toBe(McuLinkState.Fault);
    expect(kinds(h.events).filter((k) => k === McuLinkEvent.Reset)).toHaveLength(LINK_MAX_RESETS);
    expect(kinds(h.events).at(-1)).toBe(McuLinkEvent.Fault);
  });

  it('stop ends capture; a restart later begins again at index 0 with nothing lost', () => {
    const h = harness();
    h.powerUp();
    h.link.start(16000, 0, h.now());
    h.run(500);
    h.link.stop(h.now());
    h.run(500);
    expect(kinds(h.events)).toContain(McuLinkEvent.Stopped);
    expect(h.link.state).toBe(McuLinkState.Idle);
    expect(h.coproc.capturing).toBe(false);
    h.link.start(24000, 0, h.now());
    h.run(500);
    expect(h.link.state).toBe(McuLinkState.Capturing);
    expect(h.audio.at(-1)!.length).toBe(60);
    expect(lostTotal(h.audio)).toBe(0);
  });

  it('on a noisy line every frame is delivered or counted lost', () => {
    let seed = 12345;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x80000000;
    };
    const noisy: Filter = (b) => {
      const out = Uint8Array.from(b);
      for (let i = 0; i < out.length; i++) if (rand() < 0.001) out[i]! ^= 1 << Math.floor(rand() * 8);
      return out;
    };
    const h = harness({ toMcu: noisy, toCoproc: noisy });
    h.powerUp();
    h.link.start(16000, 0, h.now());
    h.run(20000);
    h.link.stop(h.now());
    h.run(2000);
    expect(h.link.decoder.crcErrors).toBeGreaterThan(0);
    // Frames lost on the wire leak credits until the next STATUS puts them back:
    // the co-processor never runs dry long enough to drop, and never holds more than the window.
    expect(kinds(h.events)).toContain(McuLinkEvent.CreditsReconciled);
    expect(h.coproc.status().droppedFrames).toBe(0);
    expect(h.maxCredits()).toBeLessThanOrEqual(creditWindow(2048, 16000));
    const delivered = h.audio.length;
    const lost = lostTotal(h.audio);
    // Frames still queued at the co-processor, or lost after the last delivered one, are the only ones unaccounted.
    expect(delivered + lost).toBeLessThanOrEqual(h.coproc.capturedFrames);
    expect(delivered + lost).toBeGreaterThanOrEqual(h.coproc.capturedFrames - h.coproc.queuedFrames - 3);
    expect(lost).toBeGreaterThan(0);
  });
});
