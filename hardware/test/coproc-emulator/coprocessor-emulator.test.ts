import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoprocessorEmulator } from '../../src/coproc-emulator/index.js';
import {
  AckResult,
  AudioFlag,
  COPROC_QUEUE_FRAMES,
  CoprocState,
  FrameType,
  LINK_PROTOCOL_VERSION,
  LinkDecoder,
  LinkDirection,
  STATUS_EVERY_FRAMES,
  encodeCredit,
  encodeFrame,
  encodeSetBitrate,
  encodeSetGain,
  encodeStart,
  encodeStatusRequest,
  encodeStop,
  newCoprocStatus,
  readAck,
  readBoot,
  readStatus,
} from '../../src/coproc-link/index.js';
import { HardwareErrorCode, isHardwareError } from '../../src/errors.js';

interface Received {
  audio: { index: number; vad: boolean; overflow: boolean; payload: number[] }[];
  acks: { index: number; command: number; result: number }[];
  statuses: ReturnType<typeof newCoprocStatus>[];
  boots: number;
}

/** A co-processor wired to an MCU-side LinkDecoder, with a deterministic audio source. */
function rig(queueFrames?: number) {
  const got: Received = { audio: [], acks: [], statuses: [], boots: 0 };
  const mcu = new LinkDecoder(LinkDirection.ToMcu, (type, flags, index, buf, off, len) => {
    if (type === FrameType.Audio) {
      got.audio.push({ index, vad: (flags & AudioFlag.Vad) !== 0, overflow: (flags & AudioFlag.Overflow) !== 0, payload: Array.from(buf.subarray(off, off + len)) });
    } else if (type === FrameType.Ack) {
      const a = readAck(buf, off, len, { command: 0, result: 0 });
      got.acks.push({ index, command: a.command, result: a.result });
    } else if (type === FrameType.Status) {
      got.statuses.push(readStatus(buf, off, len, newCoprocStatus()));
    } else if (type === FrameType.Boot) {
      expect(readBoot(buf, off, len, { protocolVersion: 0, firmwareVersion: 0 }).protocolVersion).toBe(LINK_PROTOCOL_VERSION);
      got.boots++;
    }
  });
  let n = 0;
  const coproc = new CoprocessorEmulator({
    send: (bytes) => mcu.feed(bytes),
    nextFrame: (bitrate) => {
      const len = bitrate / 400;
      const opus = new Uint8Array(len).map((_v, i) => (n + i) & 0xff);
      return { opus, vad: n++ % 3 !== 0 };
    },
    ...(queueFrames === undefined ? {} : { queueFrames }),
  });
  return { coproc, mcu, got };
}

function ticks(c: CoprocessorEmulator, n: number): void {
  for (let i = 0; i < n; i++) c.tick();
}

describe('CoprocessorEmulator', () => {
  it('announces itself with BOOT on power-up and stays silent while off', () => {
    const { coproc, got } = rig();
    coproc.receive(encodeStart(1));
    ticks(coproc, 5);
    expect(got.boots).toBe(0);
    coproc.powerOn();
    expect(got.boots).toBe(1);
    expect(coproc.powered).toBe(true);
  });

  it('runs the start sequence: bitrate, gain, start acknowledged in order, STATUS after START', () => {
    const { coproc, got } = rig();
    coproc.powerOn();
    coproc.receive(encodeSetBitrate(1, 24000));
    coproc.receive(encodeSetGain(2, -6));
    coproc.receive(encodeStart(3));
    expect(got.acks).toEqual([
      { index: 1, command: FrameType.SetBitrate, result: AckResult.Ok },
      { index: 2, command: FrameType.SetGain, result: AckResult.Ok },
      { index: 3, command: FrameType.Start, result: AckResult.Ok },
    ]);
    expect(got.statuses.at(-1)).toMatchObject({ state: CoprocState.Capturing, bitrate: 24000, gainDb: -6, credits: 0 });
  });

  it('sends AUDIO only against credit, in capture order, with the VAD flag', () => {
    const { coproc, got } = rig();
    coproc.powerOn();
    coproc.receive(encodeStart(1));
    ticks(coproc, 10);
    expect(got.audio).toEqual([]);
    expect(coproc.dataReady).toBe(true);
    coproc.receive(encodeCredit(2, 4));
    expect(got.audio.map((a) => a.index)).toEqual([0, 1, 2, 3]);
    expect(got.audio.map((a) => a.vad)).toEqual([false, true, true, false]);
    expect(got.audio[0]!.payload).toHaveLength(40);
    coproc.receive(encodeCredit(3, 100));
    ticks(coproc, 5);
    expect(got.audio.map((a) => a.index)).toEqual(Array.from({ length: 15 }, (_v, i) => i));
    expect(coproc.dataReady).toBe(false);
  });

  it('drops the oldest frames when its queue is full, flags OVERFLOW and counts them', () => {
    const { coproc, got } = rig();
    coproc.powerOn();
    coproc.receive(encodeStart(1));
    ticks(coproc, COPROC_QUEUE_FRAMES + 6);
    expect(coproc.queuedFrames).toBe(COPROC_QUEUE_FRAMES);
    coproc.receive(encodeCredit(2, 3));
    expect(got.audio.map((a) => [a.index, a.overflow])).toEqual([[6, true], [7, false], [8, false]]);
    coproc.receive(encodeStatusRequest(3));
    expect(got.statuses.at(-1)).toMatchObject({ droppedFrames: 6, queuedFrames: COPROC_QUEUE_FRAMES - 3 });
  });

  it('reports STATUS every second while capturing', () => {
    const { coproc, got } = rig();
    coproc.powerOn();
    coproc.receive(encodeStart(1));
    const after = got.statuses.length;
    ticks(coproc, STATUS_EVERY_FRAMES * 3);
    expect(got.statuses.length - after).toBe(3);
  });

  it('answers a resent command again without executing it twice', () => {
    const { coproc, got } = rig();
    coproc.powerOn();
    coproc.receive(encodeStart(7));
    ticks(coproc, 3);
    coproc.receive(encodeStart(7)); // the MCU lost the first ACK
    expect(got.acks.map((a) => [a.index, a.result])).toEqual([[7, AckResult.Ok], [7, AckResult.Ok]]);
    coproc.receive(encodeCredit(8, 10));
    expect(got.audio.map((a) => a.index)).toEqual([0, 1, 2]); // the index did not restart
    coproc.receive(encodeStart(9)); // a new START while capturing
    expect(got.acks.at(-1)).toEqual({ index: 9, command: FrameType.Start, result: AckResult.BadState });
  });

  it('rejects out-of-range arguments with BadArgument', () => {
    const { coproc, got } = rig();
    coproc.powerOn();
    coproc.receive(encodeFrame(FrameType.SetBitrate, 0, 1, Uint8Array.from([0xe8, 0x03]))); // 1000 bit/s
    coproc.receive(encodeFrame(FrameType.SetGain, 0, 2, Uint8Array.from([60])));
    expect(got.acks.map((a) => a.result)).toEqual([AckResult.BadArgument, AckResult.BadArgument]);
    expect(coproc.status().bitrate).toBe(16000);
  });

  it('after STOP sends what is queued while credits last and captures nothing new', () => {
    const { coproc, got } = rig();
    coproc.powerOn();
    coproc.receive(encodeStart(1));
    ticks(coproc, 5);
    coproc.receive(encodeStop(2));
    ticks(coproc, 5);
    expect(coproc.capturing).toBe(false);
    coproc.receive(encodeCredit(3, 50));
    expect(got.audio.map((a) => a.index)).toEqual([0, 1, 2, 3, 4]);
    coproc.receive(encodeStop(4));
    expect(got.acks.at(-1)!.result).toBe(AckResult.BadState);
  });

  it('ignores line noise between commands and counts it', () => {
    const { coproc, got } = rig();
    coproc.powerOn();
    coproc.receive(Uint8Array.from([0x00, 0xa5, 0x13, 0xa5, 0x5a, 0x99, 0, 0, 0, 0, 0, 0]));
    coproc.receive(encodeStart(1));
    expect(got.acks).toEqual([{ index: 1, command: FrameType.Start, result: AckResult.Ok }]);
    expect(coproc.linkCounters.discardedBytes).toBeGreaterThan(0);
    expect(coproc.linkCounters.headerErrors).toBe(1);
  });

  it('loses everything on power-off and boots clean', () => {
    const { coproc, got } = rig();
    coproc.powerOn();
    coproc.receive(encodeStart(1));
    ticks(coproc, 10);
    coproc.powerOff();
    expect(coproc.dataReady).toBe(false);
    coproc.receive(encodeCredit(2, 10));
    expect(got.audio).toEqual([]);
    coproc.powerOn();
    expect(got.boots).toBe(2);
    expect(coproc.capturing).toBe(false);
    expect(coproc.status().credits).toBe(0);
  });

  it('refuses a source packet larger than the bitrate allows', () => {
    const coproc = new CoprocessorEmulator({ send: () => undefined, nextFrame: () => ({ opus: new Uint8Array(200), vad: true }) });
    coproc.powerOn();
    coproc.receive(encodeStart(1));
    try {
      coproc.tick();
      expect.unreachable();
    } catch (e) {
      expect(isHardwareError(e) && e.code).toBe(HardwareErrorCode.LinkPayloadTooLarge);
    }
  });

  it('conserves frames under any schedule of ticks and credits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.record({ tick: fc.integer({ min: 1, max: 30 }) }), fc.record({ credit: fc.integer({ min: 1, max: 255 }) })), { maxLength: 40 }),
        fc.integer({ min: 1, max: 80 }),
        (steps, queue) => {
          const { coproc, got } = rig(queue);
          coproc.powerOn();
          coproc.receive(encodeStart(1));
          let granted = 0;
          let seq = 2;
          for (const s of steps) {
            if ('tick' in s) ticks(coproc, s.tick);
            else {
              coproc.receive(encodeCredit(seq++, s.credit));
              granted += s.credit;
            }
          }
          coproc.receive(encodeStatusRequest(seq));
          const st = got.statuses.at(-1)!;
          expect(got.audio.length).toBeLessThanOrEqual(granted);
          expect(got.audio.length + st.droppedFrames + coproc.queuedFrames).toBe(coproc.capturedFrames);
          for (let i = 1; i < got.audio.length; i++) {
            const gap = got.audio[i]!.index - got.audio[i - 1]!.index;
            expect(gap).toBeGreaterThanOrEqual(1);
            // A gap means drops, and the frame after drops carries OVERFLOW.
            expect(got.audio[i]!.overflow).toBe(gap > 1);
          }
        },
      ),
      { seed: 99, numRuns: 150 },
    );
  });
});
