/**
 * The Parley badge, revision B: ESP32-WROVER-E (16 MB flash, 8 MB PSRAM)
 * running Espruino, an audio co-processor on a switched capture rail, and a
 * 1 Gbit SPI NOR flash holding the audio spool.
 *
 * Pin choices follow the ESP32-WROVER-E's constraints (ESP32 datasheet
 * §2.2 and the WROVER-E datasheet pin table):
 * - GPIO6-11 belong to the module's flash, GPIO16/17 to its PSRAM: unused.
 * - GPIO34-39 are input-only with no internal pulls: used for inputs with
 *   pull-ups fitted on the board, and the battery sense (ADC1).
 * - ADC2 cannot be read while Wi-Fi is on, so the battery sense is on ADC1.
 * - Strapping pins: only GPIO5 is used, as the flash chip select, whose
 *   idle-high level is also the strap's default.
 * - The button and the co-processor's data-ready line are RTC GPIOs, so
 *   either can wake the MCU from light or deep sleep.
 */
import type { Board, BoardPinSpecs } from './board.js';
import { pinNames } from './pin-names.js';

const pinSpecs: BoardPinSpecs = {
  button: {
    pin: 'D34', gpio: 34, direction: 'input', activeLow: true, pull: 'external-up',
    note: 'Tactile switch to GND, 100 kΩ pull-up (GPIO34 has no internal pull); RTC GPIO: wakes from sleep',
  },
  statusLedGreen: {
    pin: 'D21', gpio: 21, direction: 'output', activeLow: false, pull: 'none',
    note: 'Green status LED via 680 Ω (2 mA); PWM-dimmed by the firmware',
  },
  statusLedRed: {
    pin: 'D22', gpio: 22, direction: 'output', activeLow: false, pull: 'none',
    note: 'Red status LED via 680 Ω (2 mA)',
  },
  haptic: {
    pin: 'D4', gpio: 4, direction: 'output', activeLow: false, pull: 'external-down',
    note: 'Gate of the ERM motor driver MOSFET (PWM), 100 kΩ pull-down keeps it off through reset',
  },
  captureRailEnable: {
    pin: 'D13', gpio: 13, direction: 'output', activeLow: false, pull: 'external-down',
    note: 'Load-switch enable of the capture rail (mic + co-processor + recording LED); pull-down keeps the rail off through reset',
  },
  batterySense: {
    pin: 'D35', gpio: 35, direction: 'analog-input', activeLow: false, pull: 'none',
    note: 'ADC1_CH7, battery through a 470 kΩ/470 kΩ divider with 100 nF (ADC1: readable while Wi-Fi is on)',
  },
  chargerCharging: {
    pin: 'D32', gpio: 32, direction: 'input', activeLow: true, pull: 'internal-up',
    note: 'Charger CHG (open drain): low while charging',
  },
  chargerPowerGood: {
    pin: 'D39', gpio: 39, direction: 'input', activeLow: true, pull: 'external-up',
    note: 'Charger PGOOD (open drain): low while USB power is present; 100 kΩ pull-up. Debounce it (ESP32 erratum 3.11 glitches GPIO36/39)',
  },
  coprocTx: {
    pin: 'D26', gpio: 26, direction: 'uart-tx', activeLow: false, pull: 'none',
    note: 'MCU TX -> co-processor RX. Drive low while the capture rail is off (no back-powering)',
  },
  coprocRx: {
    pin: 'D27', gpio: 27, direction: 'uart-rx', activeLow: false, pull: 'internal-down',
    note: 'MCU RX <- co-processor TX; pull-down holds it quiet while the rail is off',
  },
  coprocDataReady: {
    pin: 'D33', gpio: 33, direction: 'input', activeLow: false, pull: 'internal-down',
    note: 'Co-processor raises it while AUDIO frames are queued; RTC GPIO: wakes the MCU from light sleep',
  },
  coprocReset: {
    pin: 'D25', gpio: 25, direction: 'output', activeLow: true, pull: 'none',
    note: 'Co-processor nRESET. Drive low while the capture rail is off (no back-powering)',
  },
  spoolFlashSck: {
    pin: 'D18', gpio: 18, direction: 'spi', activeLow: false, pull: 'none',
    note: 'VSPI SCK (IO_MUX pin: full 40 MHz+ clock) to the spool flash',
  },
  spoolFlashMiso: {
    pin: 'D19', gpio: 19, direction: 'spi', activeLow: false, pull: 'none',
    note: 'VSPI MISO from the spool flash',
  },
  spoolFlashMosi: {
    pin: 'D23', gpio: 23, direction: 'spi', activeLow: false, pull: 'none',
    note: 'VSPI MOSI to the spool flash',
  },
  spoolFlashCs: {
    pin: 'D5', gpio: 5, direction: 'spi', activeLow: true, pull: 'external-up',
    note: 'VSPI CS of the spool flash, 10 kΩ pull-up (strapping pin; idle-high is its default)',
  },
};

export const badgeBoard: Board = {
  id: 'parley-badge-b',
  name: 'Parley badge rev B (ESP32-WROVER-E)',
  hardwareRevision: 'B',
  mcu: {
    module: 'Espressif ESP32-WROVER-E-N16R8 (ESP32-D0WD-V3, 16 MB flash, 8 MB PSRAM)',
    cpuMhz: 160,
    psramBytes: 8 * 1024 * 1024,
    espruinoVariables: 12000,
  },
  pins: pinNames(pinSpecs),
  pinSpecs,
  captureRail: {
    enableRole: 'captureRailEnable',
    activeHigh: true,
    loadSwitch: 'TI TPS22916C load switch',
    loads: ['microphone', 'coprocessor', 'recordingLed'],
    startupMs: 50,
  },
  leds: {
    recording: { drive: 'rail', role: null, color: 'red', currentMa: 1 },
    statusGreen: { drive: 'gpio', role: 'statusLedGreen', color: 'green', currentMa: 2 },
    statusRed: { drive: 'gpio', role: 'statusLedRed', color: 'red', currentMa: 2 },
  },
  haptic: { role: 'haptic', pwmHz: 200, part: '10 mm ERM coin motor (3 V, 70 mA) on an AO3400A MOSFET' },
  coprocUart: {
    serial: 'Serial2',
    baud: 230400,
    format: '8N1',
    txRole: 'coprocTx',
    rxRole: 'coprocRx',
    dataReadyRole: 'coprocDataReady',
    resetRole: 'coprocReset',
    rxBufferBytes: 2048,
    part: 'Audio co-processor: STM32L476 (Cortex-M4F) running the Opus encoder and VAD',
  },
  battery: {
    chemistry: 'Li-ion polymer pouch, 1S (503759 size)',
    capacityMah: 1000,
    nominalMv: 3700,
    fullMv: 4200,
    cutoffMv: 3400,
    senseRole: 'batterySense',
    dividerRatio: 2,
    adcFullScaleMv: 3900,
    charger: 'TI BQ24075 (USB, power path, 500 mA charge)',
    chargingRole: 'chargerCharging',
    powerGoodRole: 'chargerPowerGood',
  },
  storage: {
    mcuFlashBytes: 16 * 1024 * 1024,
    spoolPart: 'Winbond W25Q01JV (1 Gbit SPI NOR)',
    spoolFlashBytes: 128 * 1024 * 1024,
    spoolBytes: 124 * 1024 * 1024,
    eraseBlockBytes: 4096,
    pageBytes: 256,
    spi: 'VSPI',
    spiHz: 40000000,
  },
};
