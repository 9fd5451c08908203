import { createContext, runInContext, type Context } from 'node:vm';
import { crc32 } from 'node:zlib';
import type { ConsoleInterpreter, LineOutcome } from './espruino-console.js';
import { binaryStringToBytes, bytesToBinaryString, type EspruinoStorage } from './espruino-storage.js';

/** What `process.env` and `getSerial()` say about the emulated board. */
export interface EmulatedBoardInfo {
  /** process.env.BOARD: "ESP32" for the Parley badge (an ESP32-WROVER module). */
  board: string;
  /** process.env.VERSION: the Espruino build, e.g. "2v29". */
  espruinoVersion: string;
  /** getSerial(): the chip's unique id. */
  serialNumber: string;
}

export interface InterpreterHooks {
  /** `reset()`: stop the running program (the saved one is not started). */
  reset(): void;
  /** `load()` and `E.reboot()`: restart and run the program saved in Storage. */
  load(): void;
}

/** Longest a console line may run before it is interrupted (a runaway loop). */
const LINE_TIMEOUT_MS = 2_000;

/**
 * Runs console lines as JavaScript (node:vm) against the globals of an
 * Espruino ESP32 build that provisioning tools use: `print`, `console.log`,
 * `require("Storage")`, `atob`/`btoa` on byte strings, `E.CRC32`,
 * `E.reboot`, `process.env`, `process.memory`, `getSerial`, `getTime`,
 * `reset`, `load`. A vm is not a sandbox against hostile code: the emulator is
 * a test device for the operator's own tools.
 */
export class EspruinoInterpreter implements ConsoleInterpreter {
  private context: Context;

  constructor(
    private readonly storage: EspruinoStorage,
    private readonly info: EmulatedBoardInfo,
    private readonly hooks: InterpreterHooks,
    private readonly write: (text: string) => void,
  ) {
    this.context = this.freshContext();
  }

  run(line: string): LineOutcome {
    const value: unknown = runInContext(line, this.context, { timeout: LINE_TIMEOUT_MS, displayErrors: false });
    return { result: show(value) };
  }

  /** Forgets every variable (reset/load). */
  clear(): void {
    this.context = this.freshContext();
  }

  private freshContext(): Context {
    const print = (...args: unknown[]): void => this.write(`${args.map((a) => (typeof a === 'string' ? a : show(a))).join(' ')}\r\n`);
    const storage = this.storage;
    const info = this.info;
    const hooks = this.hooks;
    const started = Date.now();
    const modules: Record<string, unknown> = { Storage: storage };
    return createContext({
      print,
      console: { log: print },
      require: (name: unknown) => {
        const mod = typeof name === 'string' ? modules[name] : undefined;
        if (mod === undefined) throw new Error(`Module ${String(name)} not found`);
        return mod;
      },
      atob: (b64: unknown) => bytesToBinaryString(Buffer.from(String(b64), 'base64')),
      btoa: (s: unknown) => Buffer.from(binaryStringToBytes(String(s))).toString('base64'),
      E: {
        CRC32: (data: unknown) => crc32(binaryStringToBytes(String(data))),
        reboot: () => hooks.load(),
      },
      process: {
        env: { VERSION: info.espruinoVersion, BOARD: info.board, CONSOLE: 'USBSerial', MODULES: 'Storage' },
        memory: () => ({ free: 7000, usage: 5000, total: 12000, history: 0 }),
        version: info.espruinoVersion,
      },
      getSerial: () => info.serialNumber,
      getTime: () => (Date.now() - started) / 1000,
      reset: () => hooks.reset(),
      load: () => hooks.load(),
    });
  }
}

/** How Espruino shows a value after `=`. */
function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'function () { [native code] }';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
