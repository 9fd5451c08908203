/**
 * Current drawn by each badge component in each of its states, with where
 * the figure comes from. Currents are in mA at the component's supply
 * (3.3 V rail); the model converts to battery current through the
 * regulator. `basis` says how firm a figure is: a datasheet typical or
 * maximum, a value fixed by the board design, or an estimate that the
 * prototype must confirm.
 */
import type { SourceId } from './sources.js';

export type FigureBasis = 'datasheet-typ' | 'datasheet-max' | 'design' | 'estimate';

export interface CurrentFigure {
  component: string;
  state: string;
  currentMa: number;
  basis: FigureBasis;
  source: SourceId;
  /** Which row/condition of the source. */
  note: string;
}

function figure(component: string, state: string, currentMa: number, basis: FigureBasis, source: SourceId, note: string): CurrentFigure {
  return { component, state, currentMa, basis, source, note };
}

export const COMPONENT_CURRENTS = {
  mcuActive: figure('ESP32 (WROVER-E)', 'CPU active, 160 MHz, radio off (modem-sleep)', 44, 'datasheet-max', 'esp32Datasheet',
    'Modem-sleep, 160 MHz: 27–44 mA; the upper end (both cores clocked) is used'),
  mcuLightSleep: figure('ESP32 (WROVER-E)', 'light sleep', 0.8, 'datasheet-typ', 'esp32Datasheet', 'Light-sleep: 0.8 mA'),
  wifiAssociatedIdle: figure('ESP32 Wi-Fi', 'associated idle, auto light-sleep, DTIM3 (above the light-sleep floor)', 1.53, 'datasheet-typ',
    'espIdfLowPowerWifi', 'ESP32, Auto Light-sleep, DTIM3: 2.33 mA whole-chip average, less the 0.8 mA light-sleep floor counted as MCU light sleep'),
  wifiTx: figure('ESP32 Wi-Fi', 'transmit 802.11g 54 Mbit/s, +16 dBm', 190, 'datasheet-typ', 'esp32Datasheet', 'TX 802.11g OFDM 54 Mbps, POUT = +16 dBm: 190 mA'),
  wifiRx: figure('ESP32 Wi-Fi', 'receive / listen 802.11b/g/n', 100, 'datasheet-max', 'esp32Datasheet', 'RX 802.11b/g/n: 95–100 mA; 100 used'),
  micActive: figure('ICS-43434 microphone', 'active, 16 kHz I2S clocking', 0.49, 'datasheet-typ', 'ics43434', 'Supply current, normal mode: 490 µA typ'),
  coprocEncoding: figure('STM32L476 co-processor', 'Opus SILK encode + VAD, 32 MHz', 3.7, 'estimate', 'stm32l476',
    '~100 µA/MHz run mode x 32 MHz (assumed clock for 16 kHz SILK at complexity 2) + 0.5 mA for SAI, DMA and UART'),
  recordingLed: figure('Recording LED', 'lit (capture rail on)', 1, 'design', 'boardDesign', '1 mA through its series resistor'),
  statusLed: figure('Status LED', 'lit', 2, 'design', 'boardDesign', '2 mA through 680 Ω'),
  haptic: figure('ERM motor', 'running', 70, 'estimate', 'estimate', '10 mm 3 V coin ERM motors are rated 60–80 mA'),
  flashProgram: figure('W25Q01JV spool flash', 'page program', 20, 'datasheet-typ', 'w25q01jv', 'Page program current 20 mA typ'),
  flashErase: figure('W25Q01JV spool flash', 'sector erase', 20, 'datasheet-typ', 'w25q01jv', 'Sector erase current 20 mA typ'),
  flashStandby: figure('W25Q01JV spool flash', 'standby', 0.01, 'datasheet-typ', 'w25q01jv', 'Standby current 10 µA typ'),
  regulatorQuiescent: figure('TPS63802 buck-boost', 'quiescent', 0.011, 'datasheet-typ', 'tps63802', 'Operating quiescent current 11 µA typ'),
  chargerLeakage: figure('BQ24075 charger', 'battery discharge, no USB', 0.008, 'estimate', 'bq24075', 'Battery discharge into the charger with IN open: single-digit µA; 8 µA used'),
  loadSwitchLeakage: figure('TPS22916 load switch', 'rail off', 0.0001, 'datasheet-typ', 'tps22916', 'Shutdown current ~10 nA class; 0.1 µA used'),
  batteryDivider: figure('Battery sense divider', '2 x 470 kΩ at 4.2 V', 0.0045, 'design', 'boardDesign', '4.2 V / 940 kΩ'),
} as const satisfies Record<string, CurrentFigure>;

export type ComponentCurrents = { [K in keyof typeof COMPONENT_CURRENTS]: CurrentFigure };

/** Timing figures (not currents) used by the model. */
export interface TimingFigure {
  name: string;
  value: number;
  unit: string;
  basis: FigureBasis;
  source: SourceId;
  note: string;
}

export const FLASH_TIMING = {
  pageProgramMs: { name: 'Page program time tPP', value: 0.4, unit: 'ms', basis: 'datasheet-typ', source: 'w25q01jv', note: '256-byte page, typ' },
  sectorEraseMs: { name: 'Sector erase time tSE', value: 45, unit: 'ms', basis: 'datasheet-typ', source: 'w25q01jv', note: '4 KiB sector, typ' },
} as const satisfies Record<string, TimingFigure>;
