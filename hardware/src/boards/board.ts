/**
 * The shape of a badge board definition. The firmware's platforms read pins
 * and peripherals by role from a Board; docs/hardware.md's pin table is
 * generated from it. A Board is plain data (JSON-compatible, no functions),
 * so the firmware bundle can carry it onto the device as is.
 */

/** Every pin role a badge board has. The order is the pin table's order. */
export const PIN_ROLES = [
  'button',
  'statusLedGreen',
  'statusLedRed',
  'haptic',
  'captureRailEnable',
  'batterySense',
  'chargerCharging',
  'chargerPowerGood',
  'coprocTx',
  'coprocRx',
  'coprocDataReady',
  'coprocReset',
  'spoolFlashSck',
  'spoolFlashMiso',
  'spoolFlashMosi',
  'spoolFlashCs',
] as const;

export type PinRole = (typeof PIN_ROLES)[number];

/** Pin name as the platform knows it: Espruino's "D34" on the badge, "SIM_…" in Node. */
export type PinName = string;

export type PinDirection = 'input' | 'output' | 'analog-input' | 'uart-tx' | 'uart-rx' | 'spi';

/** Pull resistor on a pin: internal (set by firmware with pinMode) or fitted on the board. */
export type PinPull = 'none' | 'internal-up' | 'internal-down' | 'external-up' | 'external-down';

export interface PinSpec {
  pin: PinName;
  /** ESP32 GPIO number; null on the simulated board. */
  gpio: number | null;
  direction: PinDirection;
  /** Logical "on"/"asserted" is a low level (button pressed, charger charging…). */
  activeLow: boolean;
  pull: PinPull;
  /** Which part it connects to and why this pin. */
  note: string;
}

export type BoardPins = { readonly [R in PinRole]: PinName };
export type BoardPinSpecs = { readonly [R in PinRole]: PinSpec };

/**
 * The capture power rail: one load switch feeds the microphone, the audio
 * co-processor and the recording LED together. Audio cannot be captured
 * without the LED lit, whatever the firmware does: there is no GPIO for the
 * recording LED.
 */
export interface CaptureRail {
  enableRole: 'captureRailEnable';
  /** The enable pin is active-high: 1 powers the rail. */
  activeHigh: boolean;
  loadSwitch: string;
  loads: readonly ('microphone' | 'coprocessor' | 'recordingLed')[];
  /** Time from enable to the co-processor's BOOT frame, ms. */
  startupMs: number;
}

export interface LedSpec {
  /** 'gpio': driven by the pin of `role`; 'rail': lit whenever the rail is powered. */
  drive: 'gpio' | 'rail';
  role: PinRole | null;
  color: string;
  /** Current through the LED when lit, mA (sets the series resistor). */
  currentMa: number;
}

export interface BoardLeds {
  recording: LedSpec;
  statusGreen: LedSpec;
  statusRed: LedSpec;
}

export interface HapticSpec {
  role: 'haptic';
  /** PWM frequency the firmware drives the motor driver with (Hz). */
  pwmHz: number;
  part: string;
}

export interface CoprocUart {
  /** Espruino serial device the firmware sets up. */
  serial: string;
  baud: number;
  /** Frame format: 8 data bits, no parity, 1 stop bit. */
  format: '8N1';
  txRole: 'coprocTx';
  rxRole: 'coprocRx';
  /** Co-processor raises it while it has AUDIO frames queued (wakes the MCU from light sleep). */
  dataReadyRole: 'coprocDataReady';
  /** Active-low reset of the co-processor. */
  resetRole: 'coprocReset';
  /**
   * Receive buffer the MCU keeps for this UART (bytes). The firmware never
   * grants more AUDIO credits than fit in it (see the link's flow control).
   */
  rxBufferBytes: number;
  part: string;
}

export interface BatterySpec {
  chemistry: string;
  capacityMah: number;
  nominalMv: number;
  fullMv: number;
  /** Voltage at which the firmware stops recording and enters low-battery. */
  cutoffMv: number;
  senseRole: 'batterySense';
  /** Battery mV = ADC pin mV x dividerRatio. */
  dividerRatio: number;
  /** ADC pin mV for an analogRead() of 1.0 (11 dB attenuation on the ESP32). */
  adcFullScaleMv: number;
  charger: string;
  chargingRole: 'chargerCharging';
  powerGoodRole: 'chargerPowerGood';
}

export interface StorageSpec {
  /** Flash holding the firmware, its A/B slots and small Storage files (config, state). */
  mcuFlashBytes: number;
  /** The audio spool's flash part. */
  spoolPart: string;
  spoolFlashBytes: number;
  /** Bytes of the spool part the firmware's spool may use (the rest is reserve for wear and metadata). */
  spoolBytes: number;
  /** Smallest erase unit (bytes). */
  eraseBlockBytes: number;
  /** Program page (bytes): one write never crosses a page boundary. */
  pageBytes: number;
  /** SPI bus the spool flash is on, and its clock. */
  spi: string;
  spiHz: number;
}

export interface McuSpec {
  module: string;
  cpuMhz: number;
  psramBytes: number;
  /** Espruino variable blocks available to JavaScript. */
  espruinoVariables: number;
}

export interface Board {
  id: string;
  name: string;
  /** Reported as Hello.hardware_revision. */
  hardwareRevision: string;
  mcu: McuSpec;
  pins: BoardPins;
  pinSpecs: BoardPinSpecs;
  captureRail: CaptureRail;
  leds: BoardLeds;
  haptic: HapticSpec;
  coprocUart: CoprocUart;
  battery: BatterySpec;
  storage: StorageSpec;
}
