import { describe, expect, it } from 'vitest';
import {
  PIN_ROLES,
  assertValidBoard,
  badgeBoard,
  linkBitsPerSecondAtMaxBitrate,
  sameRoles,
  simulatedBoard,
  validateBoard,
  type Board,
  type PinSpec,
} from '../src/boards/index.js';
import { HardwareErrorCode, isHardwareError } from '../src/errors.js';

function withPin(board: Board, role: (typeof PIN_ROLES)[number], change: Partial<PinSpec>): Board {
  const spec = { ...board.pinSpecs[role], ...change };
  return {
    ...board,
    pinSpecs: { ...board.pinSpecs, [role]: spec },
    pins: { ...board.pins, [role]: spec.pin },
  };
}

describe('board definitions', () => {
  it.each([badgeBoard, simulatedBoard])('$id is valid', (board) => {
    expect(validateBoard(board)).toEqual([]);
    expect(assertValidBoard(board)).toBe(board);
  });

  it('every role is present and maps to its spec pin', () => {
    for (const board of [badgeBoard, simulatedBoard]) {
      expect(Object.keys(board.pins).sort()).toEqual([...PIN_ROLES].sort());
      for (const role of PIN_ROLES) expect(board.pins[role]).toBe(board.pinSpecs[role].pin);
    }
  });

  it('no pin is used twice on either board', () => {
    for (const board of [badgeBoard, simulatedBoard]) {
      const pins = PIN_ROLES.map((r) => board.pins[r]);
      expect(new Set(pins).size).toBe(pins.length);
    }
  });

  it('the simulated board has exactly the real board\'s roles, polarity and peripherals', () => {
    expect(sameRoles(badgeBoard, simulatedBoard)).toBe(true);
    for (const role of PIN_ROLES) {
      expect(simulatedBoard.pinSpecs[role].activeLow).toBe(badgeBoard.pinSpecs[role].activeLow);
      expect(simulatedBoard.pinSpecs[role].direction).toBe(badgeBoard.pinSpecs[role].direction);
    }
    expect(simulatedBoard.coprocUart.baud).toBe(badgeBoard.coprocUart.baud);
    expect(simulatedBoard.battery).toEqual(badgeBoard.battery);
  });

  it('is plain data the firmware can carry (JSON round-trip)', () => {
    expect(JSON.parse(JSON.stringify(badgeBoard))).toEqual(badgeBoard);
  });

  it('the recording LED is wired to the capture rail that feeds mic and co-processor', () => {
    expect(badgeBoard.leds.recording.drive).toBe('rail');
    expect(badgeBoard.captureRail.loads).toEqual(expect.arrayContaining(['microphone', 'coprocessor', 'recordingLed']));
  });

  it('the UART carries the link at its highest bitrate with headroom', () => {
    expect(linkBitsPerSecondAtMaxBitrate()).toBe(85000);
    expect(badgeBoard.coprocUart.baud).toBeGreaterThanOrEqual(2 * 85000);
  });
});

describe('board validation catches wiring mistakes', () => {
  const cases: [string, Board, RegExp][] = [
    ['a pin used twice', withPin(badgeBoard, 'haptic', { pin: 'D21', gpio: 21 }), /D21 already used by statusLedGreen/],
    ['a module-flash pin', withPin(badgeBoard, 'haptic', { pin: 'D7', gpio: 7 }), /module flash/],
    ['a PSRAM pin', withPin(badgeBoard, 'haptic', { pin: 'D16', gpio: 16 }), /PSRAM/],
    ['an output on an input-only pin', withPin(badgeBoard, 'haptic', { pin: 'D36', gpio: 36 }), /input-only/],
    ['an internal pull on GPIO34-39', withPin(badgeBoard, 'button', { pull: 'internal-up' }), /no internal pull/],
    ['battery sense on ADC2', withPin(badgeBoard, 'batterySense', { pin: 'D14', gpio: 14 }), /ADC1/],
    ['a wake role off the RTC domain', withPin(badgeBoard, 'button', { pin: 'D18', gpio: 18 }), /cannot wake/],
    ['a boot strap', withPin(badgeBoard, 'haptic', { pin: 'D12', gpio: 12 }), /strapping/],
    ['a wrong direction', withPin(badgeBoard, 'button', { direction: 'output' }), /direction output/],
    ['a name not matching the GPIO', withPin(badgeBoard, 'haptic', { pin: 'D2', gpio: 14 }), /does not match/],
    ['a recording LED on a GPIO', { ...badgeBoard, leds: { ...badgeBoard.leds, recording: { drive: 'gpio', role: 'statusLedRed', color: 'red', currentMa: 1 } } }, /recording LED/],
    ['a capture rail without the LED', { ...badgeBoard, captureRail: { ...badgeBoard.captureRail, loads: ['microphone', 'coprocessor'] } }, /recordingLed/],
    ['a UART too slow for the link', { ...badgeBoard, coprocUart: { ...badgeBoard.coprocUart, baud: 115200 } }, /cannot carry/],
    ['a spool larger than its flash', { ...badgeBoard, storage: { ...badgeBoard.storage, spoolBytes: badgeBoard.storage.spoolFlashBytes + 4096 } }, /spool larger/],
  ];
  it.each(cases)('%s', (_name, board, problem) => {
    const problems = validateBoard(board);
    expect(problems.some((p) => problem.test(p)), problems.join('\n')).toBe(true);
    try {
      assertValidBoard(board);
      expect.unreachable();
    } catch (e) {
      expect(isHardwareError(e) && e.code).toBe(HardwareErrorCode.BoardInvalid);
    }
  });

  it('a missing role', () => {
    const { haptic: _h, ...specs } = badgeBoard.pinSpecs;
    const board = { ...badgeBoard, pinSpecs: specs } as unknown as Board;
    expect(validateBoard(board)).toContain('haptic: role missing from pinSpecs');
    expect(sameRoles(board, simulatedBoard)).toBe(false);
  });
});
