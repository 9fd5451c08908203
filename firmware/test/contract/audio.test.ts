import { describe, expect, it } from 'vitest';
import { badgeBoard } from '@parley/hardware/boards';
import { FrameType, LinkDecoder, LinkDirection, encodeAudio, readCredit } from '@parley/hardware/coproc-link';
import type { AudioSource } from '../../src/hal/audio.js';
import { SimAudioSource } from '../../src/platform/node/peripherals.js';
import { EspruinoAudio } from '../../src/platform/espruino/audio.js';
import type { EspruinoGlobals } from '../../src/platform/espruino/globals.js';
import { bytesToBinaryString, fakeE, VirtualTimers } from '../../src/build/espruino-doubles.js';

interface AudioDriver {
  audio: AudioSource;
  /** The microphones hear 20 ms; returns after the frame had time to arrive. */
  hear(frame: Uint8Array, voice: boolean): void;
  settle(): void;
}

function simAudio(): AudioDriver {
  const a = new SimAudioSource();
  return { audio: a, hear: (f, v) => a.push(f, v), settle: () => undefined };
}

/** The co-processor at the other end of the UART: obeys START/STOP and credits, sends AUDIO frames in bursts of bytes. */
function espruinoAudio(): AudioDriver {
  const timers = new VirtualTimers();
  let onData: ((s: string) => void) | null = null;
  let capturing = false;
  let credits = 0;
  let index = 0;
  let rail = 0;
  const coproc = new LinkDecoder(LinkDirection.ToCoproc, (type, _f, _i, buf, off, len) => {
    if (type === FrameType.Start) capturing = true;
    if (type === FrameType.Stop) capturing = false;
    if (type === FrameType.Credit) credits += readCredit(buf, off, len);
  });
  const g = {
    E: fakeE(Uint8Array, () => undefined),
    serial: { setup: () => undefined, on: (_e: string, cb: (s: string) => void) => (onData = cb), write: (s: string) => coproc.feedString(s) },
    setTimeout: timers.setTimeout, clearTimeout: timers.clear, setInterval: timers.setInterval, clearInterval: timers.clear,
    digitalWrite: (pin: string, v: number) => {
      if (pin === badgeBoard.pins.captureRailEnable) rail = v;
    },
  } as unknown as EspruinoGlobals;
  const audio = new EspruinoAudio(g, badgeBoard);
  return {
    audio,
    hear: (frame, voice) => {
      timers.advance(20);
      if (!capturing || credits <= 0 || rail !== (badgeBoard.captureRail.activeHigh ? 1 : 0)) return;
      credits--;
      const bytes = bytesToBinaryString(encodeAudio(index++, frame, voice, false));
      // The UART delivers it in two pieces.
      onData?.(bytes.substr(0, 5));
      onData?.(bytes.substr(5));
    },
    settle: () => timers.advance(200),
  };
}

describe.each([['node (simulated)', simAudio], ['espruino (UART link)', espruinoAudio]] as const)('AudioSource contract: %s', (_name, make) => {
  it('delivers frames with their voice flag only between start and stop', () => {
    const d = make();
    const got: [number, boolean][] = [];
    d.audio.setHandlers({ frame: (f, v) => got.push([f[0] as number, v]), voice: () => undefined });
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
});
