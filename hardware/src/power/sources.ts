/**
 * The documents the power figures come from. docs/hardware.md lists them
 * under "Power budget: sources"; every CurrentFigure names one by id.
 */
export interface Source {
  id: string;
  document: string;
  publisher: string;
}

export const SOURCES = {
  esp32Datasheet: {
    id: 'esp32Datasheet',
    document: 'ESP32 Series Datasheet (tables "Power Consumption by Power Modes" and "RF Power-Consumption Specifications")',
    publisher: 'Espressif Systems',
  },
  esp32WroverE: {
    id: 'esp32WroverE',
    document: 'ESP32-WROVER-E & ESP32-WROVER-IE Datasheet (current consumption characteristics)',
    publisher: 'Espressif Systems',
  },
  espIdfLowPowerWifi: {
    id: 'espIdfLowPowerWifi',
    document: 'ESP-IDF Programming Guide, "Introduction to Low Power Mode in Wi-Fi Scenarios" (ESP32 summary table of average currents)',
    publisher: 'Espressif Systems',
  },
  ics43434: {
    id: 'ics43434',
    document: 'ICS-43434 Multi-Mode Omnidirectional Microphone with I2S Digital Output, datasheet (electrical characteristics: supply current)',
    publisher: 'TDK InvenSense',
  },
  stm32l476: {
    id: 'stm32l476',
    document: 'STM32L476xx datasheet (features: run mode current per MHz; electrical characteristics, supply current in Run mode)',
    publisher: 'STMicroelectronics',
  },
  w25q01jv: {
    id: 'w25q01jv',
    document: 'W25Q01JV 3V 1G-bit serial flash datasheet (DC electrical characteristics, AC timing tPP/tSE)',
    publisher: 'Winbond Electronics',
  },
  tps63802: {
    id: 'tps63802',
    document: 'TPS63802 2-A high-efficiency buck-boost converter datasheet (quiescent current, efficiency curves)',
    publisher: 'Texas Instruments',
  },
  bq24075: {
    id: 'bq24075',
    document: 'BQ2407x standalone 1-cell 1.5-A linear battery charger with power path datasheet (battery discharge current)',
    publisher: 'Texas Instruments',
  },
  tps22916: {
    id: 'tps22916',
    document: 'TPS22916 1-V to 5.5-V, 2-A, 60-mΩ ultra-low leakage load switch datasheet (shutdown current)',
    publisher: 'Texas Instruments',
  },
  boardDesign: {
    id: 'boardDesign',
    document: 'Parley badge design values (resistor choices and duty cycles in docs/hardware.md)',
    publisher: 'Parley',
  },
  estimate: {
    id: 'estimate',
    document: 'Engineering estimate, to be replaced by a measurement on the prototype (docs/hardware.md says how)',
    publisher: 'Parley',
  },
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;
