/**
 * Wiring rules every board definition must satisfy. validateBoard() lists
 * every broken rule (empty list = valid); assertValidBoard() throws
 * BOARD_INVALID with that list.
 */
import { hardwareError, HardwareErrorCode } from '../errors.js';
import { CRC_LEN, FRAME_MS, HEADER_LEN, MAX_BITRATE, MAX_FRAME_LEN } from '../coproc-link/frame-format.js';
import type { Board, PinDirection, PinRole } from './board.js';
import { PIN_ROLES } from './board.js';

/** The direction each role's pin must have. */
const ROLE_DIRECTIONS: { readonly [R in PinRole]: readonly PinDirection[] } = {
  button: ['input'],
  statusLedGreen: ['output'],
  statusLedRed: ['output'],
  haptic: ['output'],
  captureRailEnable: ['output'],
  batterySense: ['analog-input'],
  chargerCharging: ['input'],
  chargerPowerGood: ['input'],
  coprocTx: ['uart-tx'],
  coprocRx: ['uart-rx'],
  coprocDataReady: ['input'],
  coprocReset: ['output'],
  spoolFlashSck: ['spi'],
  spoolFlashMiso: ['spi'],
  spoolFlashMosi: ['spi'],
  spoolFlashCs: ['spi'],
};

/** Roles that must be able to wake the MCU from sleep (ESP32: RTC GPIOs). */
const WAKE_ROLES: readonly PinRole[] = ['button', 'coprocDataReady'];

/** ESP32 facts (ESP32 datasheet §2.2 "Pin description", §4.1.1 "GPIO", WROVER-E datasheet). */
const ESP32_GPIOS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 23, 25, 26, 27, 32, 33, 34, 35, 36, 37, 38, 39];
const ESP32_MODULE_FLASH = [6, 7, 8, 9, 10, 11];
const WROVER_PSRAM = [16, 17];
const ESP32_CONSOLE_UART0 = [1, 3];
const ESP32_INPUT_ONLY = [34, 35, 36, 37, 38, 39];
const ESP32_ADC1 = [32, 33, 34, 35, 36, 37, 38, 39];
const ESP32_RTC_GPIO = [0, 2, 4, 12, 13, 14, 15, 25, 26, 27, 32, 33, 34, 35, 36, 37, 38, 39];
/** Strapping pins whose level at reset selects boot mode / flash voltage. */
const ESP32_BOOT_STRAPS = [0, 2, 12, 15];

/** Fraction of the UART's raw bit rate the link may use at the highest Opus bitrate. */
export const MAX_UART_LOAD = 0.5;

/** Bits per second on the UART (8N1: 10 bits a byte) at the link's highest bitrate, 20 ms frames. */
export function linkBitsPerSecondAtMaxBitrate(): number {
  const framesPerSecond = 1000 / FRAME_MS;
  const bytesPerSecond = MAX_BITRATE / 8 + framesPerSecond * (HEADER_LEN + CRC_LEN);
  return bytesPerSecond * 10;
}

function checkEsp32Pins(board: Board, problems: string[]): void {
  for (const role of PIN_ROLES) {
    const spec = board.pinSpecs[role];
    const g = spec.gpio;
    if (g === null) {
      problems.push(role + ': ESP32 board pin without a GPIO number');
      continue;
    }
    if (spec.pin !== 'D' + g) problems.push(role + ': pin name ' + spec.pin + ' does not match GPIO' + g);
    if (ESP32_GPIOS.indexOf(g) < 0) problems.push(role + ': GPIO' + g + ' does not exist on the ESP32');
    if (ESP32_MODULE_FLASH.indexOf(g) >= 0) problems.push(role + ': GPIO' + g + ' is wired to the module flash');
    if (WROVER_PSRAM.indexOf(g) >= 0) problems.push(role + ': GPIO' + g + ' is wired to the WROVER PSRAM');
    if (ESP32_CONSOLE_UART0.indexOf(g) >= 0) problems.push(role + ': GPIO' + g + ' is the console/programming UART');
    if (ESP32_BOOT_STRAPS.indexOf(g) >= 0) problems.push(role + ': GPIO' + g + ' is a boot strapping pin');
    const inputOnly = ESP32_INPUT_ONLY.indexOf(g) >= 0;
    if (inputOnly && !(spec.direction === 'input' || spec.direction === 'analog-input' || spec.direction === 'uart-rx')) {
      problems.push(role + ': GPIO' + g + ' is input-only but the role is ' + spec.direction);
    }
    if (inputOnly && (spec.pull === 'internal-up' || spec.pull === 'internal-down')) {
      problems.push(role + ': GPIO' + g + ' has no internal pull resistors');
    }
    if (spec.direction === 'analog-input' && ESP32_ADC1.indexOf(g) < 0) {
      problems.push(role + ': GPIO' + g + ' is not on ADC1 (ADC2 is unusable while Wi-Fi is on)');
    }
    if (WAKE_ROLES.indexOf(role) >= 0 && ESP32_RTC_GPIO.indexOf(g) < 0) {
      problems.push(role + ': GPIO' + g + ' is not an RTC GPIO and cannot wake the MCU');
    }
    if (g === 5 && !(role === 'spoolFlashCs' && spec.pull === 'external-up')) {
      problems.push(role + ': GPIO5 is a strapping pin; only an idle-high chip select with a pull-up may use it');
    }
  }
}

export function validateBoard(board: Board): string[] {
  const problems: string[] = [];
  const specRoles = Object.keys(board.pinSpecs);
  const pinRoles = Object.keys(board.pins);
  for (const role of PIN_ROLES) {
    if (specRoles.indexOf(role) < 0) problems.push(role + ': role missing from pinSpecs');
    if (pinRoles.indexOf(role) < 0) problems.push(role + ': role missing from pins');
  }
  for (const role of specRoles) {
    if ((PIN_ROLES as readonly string[]).indexOf(role) < 0) problems.push(role + ': not a known pin role');
  }
  if (problems.length > 0) return problems;

  const seenPins: Record<string, string> = {};
  const seenGpios: Record<string, string> = {};
  for (const role of PIN_ROLES) {
    const spec = board.pinSpecs[role];
    if (board.pins[role] !== spec.pin) problems.push(role + ': pins and pinSpecs disagree (' + board.pins[role] + ' vs ' + spec.pin + ')');
    if (!spec.pin) problems.push(role + ': empty pin name');
    const prevPin = seenPins[spec.pin];
    if (prevPin !== undefined) problems.push(role + ': pin ' + spec.pin + ' already used by ' + prevPin);
    seenPins[spec.pin] = role;
    if (spec.gpio !== null) {
      const prevGpio = seenGpios[String(spec.gpio)];
      if (prevGpio !== undefined) problems.push(role + ': GPIO' + spec.gpio + ' already used by ' + prevGpio);
      seenGpios[String(spec.gpio)] = role;
    }
    if (ROLE_DIRECTIONS[role].indexOf(spec.direction) < 0) {
      problems.push(role + ': direction ' + spec.direction + ', expected ' + ROLE_DIRECTIONS[role].join(' or '));
    }
  }
  const gpioCount = PIN_ROLES.filter((r) => board.pinSpecs[r].gpio !== null).length;
  if (gpioCount === PIN_ROLES.length) checkEsp32Pins(board, problems);
  else if (gpioCount !== 0) problems.push('board mixes GPIO-numbered and virtual pins');

  // The recording LED can only be lit by the capture rail, which also feeds the mic and co-processor.
  const rail = board.captureRail;
  for (const load of ['microphone', 'coprocessor', 'recordingLed'] as const) {
    if (rail.loads.indexOf(load) < 0) problems.push('capture rail does not feed the ' + load);
  }
  if (board.leds.recording.drive !== 'rail' || board.leds.recording.role !== null) {
    problems.push('recording LED must be driven by the capture rail, not a GPIO');
  }
  for (const name of ['statusGreen', 'statusRed'] as const) {
    const led = board.leds[name];
    if (led.drive !== 'gpio' || led.role === null) problems.push(name + ' LED must be driven by a GPIO role');
    else if (ROLE_DIRECTIONS[led.role].indexOf('output') < 0) problems.push(name + ' LED role ' + led.role + ' is not an output');
  }

  const uart = board.coprocUart;
  if (uart.baud * MAX_UART_LOAD < linkBitsPerSecondAtMaxBitrate()) {
    problems.push('co-processor UART at ' + uart.baud + ' baud cannot carry the link at its highest bitrate within ' +
      MAX_UART_LOAD * 100 + '% load');
  }
  if (uart.rxBufferBytes < MAX_FRAME_LEN) problems.push('UART receive buffer smaller than one maximal frame');

  const st = board.storage;
  if (st.spoolBytes <= 0 || st.spoolBytes > st.spoolFlashBytes) problems.push('spool larger than its flash part');
  if (st.eraseBlockBytes % st.pageBytes !== 0) problems.push('erase block is not a whole number of pages');
  if (st.spoolBytes % st.eraseBlockBytes !== 0) problems.push('spool is not a whole number of erase blocks');

  const bat = board.battery;
  if (!(bat.capacityMah > 0)) problems.push('battery capacity must be positive');
  if (!(bat.cutoffMv < bat.nominalMv && bat.nominalMv < bat.fullMv)) problems.push('battery voltages out of order');
  if (bat.fullMv / bat.dividerRatio > bat.adcFullScaleMv) problems.push('battery sense divider lets a full cell exceed the ADC range');
  return problems;
}

export function assertValidBoard(board: Board): Board {
  const problems = validateBoard(board);
  if (problems.length > 0) throw hardwareError(HardwareErrorCode.BoardInvalid, board.id + ': ' + problems.join('; '));
  return board;
}

/** True when both boards define exactly the same pin roles. */
export function sameRoles(a: Board, b: Board): boolean {
  const ra = Object.keys(a.pinSpecs).sort();
  const rb = Object.keys(b.pinSpecs).sort();
  return ra.length === rb.length && ra.every((r, i) => r === rb[i]);
}
