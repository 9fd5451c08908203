export { CoprocessorEmulator } from './coprocessor-emulator.js';
export type { CoprocessorEmulatorOptions, EmulatedAudioFrame } from './coprocessor-emulator.js';
