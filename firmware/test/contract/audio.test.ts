import { describe, expect, it } from 'vitest';
import { badgeBoard } from '@parley/hardware/boards';
import { FrameType } from '@parley/hardware/coproc-link';
import { CoprocessorEmulator } from '@parley/hardware/coproc-emulator';
import type { AudioSource } from '../../src/hal/audio.js';
import { SimAudioSource } from '../../src/platform/node/peripherals.js';
import { EspruinoAudio } from '../../src/platform/espruino/audio.js';
import type { EspruinoGlobals } from '../../src/platform/espruino/globals.js';
import { binaryStringToBytes, bytesToBinaryString, fakeE, VirtualTimers } from '../../src/build/espruino-doubles.js';

interface AudioDriver {
  audio: AudioSource;
  /** The microphones hear 20 ms; returns after the frame had time to arrive. */
  hear(frame: Uint8Array, voice: boolean): void;
  /** The next `n` frames heard never reach the badge (lost on the way). */
  loseNext(n: number): void;
  settle(): void;
}

function simAudio(): AudioDriver {
  const a = new SimAudioSource();
  let skip = 0;
  let lostRun = 0;
  return {
    audio: a,
    hear: (f, v) => {
      if (skip > 0) {
        skip--;
        if (skip === 0) a.lose(lostRun);
        return;
      }
      a.push(f, v);
    },
    loseNext: (n) => {
      skip = n;
      lostRun = n;
    },
    settle: () => undefined,
  };
}
/**
 * The co-processor emulator (hardware package) at the other end of the UART,
 * powered by the capture rail; its bytes reach the badge in two pieces each.
 */
function espruinoAudio(): AudioDriver & { coproc: CoprocessorEmulator; advance(ms: number): void } {
  const timers = new VirtualTimers();
  let onData: ((s: string) => void) | null = null;
  let next: { opus: Uint8Array; vad: boolean } = { opus: new Uint8Array([0]), vad: false };
  let cut = 0;
  const coproc = new CoprocessorEmulator({
    send: (bytes) => {
      if (cut > 0 && bytes[2] === FrameType.Audio) {
        cut--;
        return;
      }
      const s = bytesToBinaryString(bytes);
      timers.setTimeout(() => {
        onData?.(s.substr(0, 5));
        onData?.(s.substr(5));
      }, 1);
    },
    nextFrame: () => next,
  });
  const g = {
    E: fakeE(Uint8Array, () => undefined),
    serial: { setup: () => undefined, on: (_e: string, cb: (s: string) => void) => (onData = cb), write: (s: string) => coproc.receive(binaryStringToBytes(s, Uint8Array)) },
    setTimeout: timers.setTimeout, clearTimeout: timers.clear, setInterval: timers.setInterval, clearInterval: timers.clear,
    getTime: timers.getTime,
    log: () => undefined,
    digitalWrite: (pin: string, v: number) => {
      if (pin !== badgeBoard.pins.captureRailEnable) return;
      const on = (v === 1) === badgeBoard.captureRail.activeHigh;
      if (on && !coproc.powered) timers.setTimeout(() => coproc.powerOn(), badgeBoard.captureRail.startupMs);
      if (!on && coproc.powered) coproc.powerOff();
    },
  } as unknown as EspruinoGlobals;
  const audio = new EspruinoAudio(g, badgeBoard);
  return {
    audio,
    coproc,
    hear: (frame, voice) => {
      next = { opus: frame, vad: voice };
      coproc.tick();
      timers.advance(20);
    },
    loseNext: (n) => {
      cut = n;
    },
    settle: () => timers.advance(300),
    advance: (ms) => timers.advance(ms),
  };
}

describe.each([['node (simulated)', simAudio], ['espruino (UART link)', espruinoAudio]] as const)('AudioSource contract: %s', (_name, make) => {
  it('delivers frames with their voice flag only between start and stop', () => {
    const d = make();
    const got: [number, boolean][] = [];
    d.audio.setHandlers({ frame: (f, v) => got.push([f[0] as number, v]), voice: () => undefined, lost: () => undefined });
    d.hear(new Uint8Array([1, 1, 1]), true);
    expect(d.audio.isCapturing()).toBe(false);
    d.audio.start({ sampleRate: 16000, channels: 1, frameMs: 20, bitrate: 16000 });
    d.settle();
    expect(d.audio.isCapturing()).toBe(true);
    for (let i = 0; i < 40; i++) d.hear(new Uint8Array([10 + i, 0, 0]), i % 2 === 0);
    d.audio.stop();
    d.settle();
    d.hear(new Uint8Array([99, 9, 9]), true);
    expect(d.audio.isCapturing()).toBe(false);
    expect(got.map((g) => g[0])).toEqual(Array.from({ length: 40 }, (_, i) => 10 + i));
    expect(got.map((g) => g[1])).toEqual(Array.from({ length: 40 }, (_, i) => i % 2 === 0));
  });

  it('reports frames lost on the way before the next frame, so frames + lost = frames heard', () => {
    const d = make();
    const log: string[] = [];
    d.audio.setHandlers({ frame: (f) => log.push('f' + (f[0] as number)), voice: () => undefined, lost: (n) => log.push('lost' + n) });
    d.audio.start({ sampleRate: 16000, channels: 1, frameMs: 20, bitrate: 16000 });
    d.settle();
    for (let i = 0; i < 5; i++) d.hear(new Uint8Array([i, 0]), true);
    d.loseNext(3);
    for (let i = 5; i < 12; i++) d.hear(new Uint8Array([i, 0]), true);
    d.settle();
    expect(log).toEqual(['f0', 'f1', 'f2', 'f3', 'f4', 'lost3', 'f8', 'f9', 'f10', 'f11']);
  });
});

describe('espruino audio: co-processor overflow and reboot become lost frames', () => {
  const params = { sampleRate: 16000, channels: 1, frameMs: 20, bitrate: 16000 };

  it('a queue overflow (the MCU stopped reading) is reported as the frames the co-processor dropped', () => {
    const d = espruinoAudio();
    let frames = 0;
    let lost = 0;
    d.audio.setHandlers({ frame: () => frames++, voice: () => undefined, lost: (n) => (lost += n) });
    d.audio.start(params);
    d.settle();
    // The MCU stalls (a long flash write): the co-processor keeps capturing, credits run out, its queue overflows.
    for (let i = 0; i < 150; i++) d.coproc.tick();
    d.advance(20);
    for (let i = 0; i < 20; i++) d.hear(new Uint8Array([1, 2]), true);
    d.settle();
    expect(d.coproc.capturedFrames).toBe(170);
    expect(lost).toBeGreaterThan(0);
    expect(frames + lost).toBe(170 - d.coproc.queuedFrames);
  });

  it('a co-processor reboot mid-capture restarts capture and counts the frames the reboot cost', () => {
    const d = espruinoAudio();
    let frames = 0;
    let lost = 0;
    d.audio.setHandlers({ frame: () => frames++, voice: () => undefined, lost: (n) => (lost += n) });
    d.audio.start(params);
    d.settle();
    for (let i = 0; i < 10; i++) d.hear(new Uint8Array([1, 2]), true);
    // Brown-out: the co-processor restarts on its own and says BOOT; 25 frame times pass before it captures again.
    d.coproc.powerOff();
    d.coproc.powerOn();
    d.advance(500);
    for (let i = 0; i < 10; i++) d.hear(new Uint8Array([3, 4]), true);
    d.settle();
    expect(d.audio.isCapturing()).toBe(true);
    expect(frames).toBeGreaterThanOrEqual(15);
    expect(lost).toBeGreaterThanOrEqual(20);
  });
});
