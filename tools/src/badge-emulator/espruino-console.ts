/**
 * The part of Espruino's serial console (its REPL) that tools such as
 * EspruinoTools and `badgectl provision` rely on: characters are echoed and a
 * line runs on Enter, printing `=<result>` and the `>` prompt; a line that
 * starts with DLE (0x10) runs with echo off (nothing echoed, no result, no
 * prompt: only what it prints); Ctrl-C (0x03) drops the line being typed.
 * Lines end with CR or LF (CRLF counts once); output uses CRLF like the device.
 * Multi-line input (Espruino waits for brackets to balance) is not emulated:
 * every line runs on its own.
 */

const DLE = 0x10;
const CTRL_C = 0x03;
const CR = 0x0d;
const LF = 0x0a;
const BACKSPACE = new Set([0x08, 0x7f]);
/** Espruino's input line buffer is limited by its memory; the emulator refuses longer lines. */
export const MAX_LINE_BYTES = 16 * 1024;

export interface LineOutcome {
  /** The expression's value as Espruino shows it after `=` (echo on only). */
  result: string;
}

export interface ConsoleInterpreter {
  /** Runs one line; output goes through `write` while it runs. Throws what the code threw. */
  run(line: string): LineOutcome;
}

export class EspruinoConsole {
  private line: number[] = [];
  private echoOff = false;
  private lastWasCr = false;
  private overflow = false;

  constructor(
    private readonly interpreter: ConsoleInterpreter,
    private readonly write: (text: string) => void,
  ) {}

  /** Bytes from the serial line. */
  input(bytes: Uint8Array): void {
    for (const b of bytes) {
      if (b === LF && this.lastWasCr) {
        this.lastWasCr = false;
        continue;
      }
      this.lastWasCr = b === CR;
      if (b === CTRL_C) {
        this.line = [];
        this.echoOff = false;
        this.overflow = false;
        this.write('\r\n>');
        continue;
      }
      if (b === DLE && this.line.length === 0) {
        this.echoOff = true;
        continue;
      }
      if (b === CR || b === LF) {
        this.enter();
        continue;
      }
      if (BACKSPACE.has(b)) {
        if (this.line.length > 0) {
          this.line.pop();
          if (!this.echoOff) this.write('\b \b');
        }
        continue;
      }
      if (this.line.length >= MAX_LINE_BYTES) {
        this.overflow = true;
        continue;
      }
      this.line.push(b);
      if (!this.echoOff) this.write(String.fromCharCode(b));
    }
  }

  private enter(): void {
    const text = String.fromCharCode(...this.line);
    const quiet = this.echoOff;
    const overflow = this.overflow;
    this.line = [];
    this.echoOff = false;
    this.overflow = false;
    if (!quiet) this.write('\r\n');
    if (overflow) {
      this.write(`Uncaught InternalError: line longer than ${MAX_LINE_BYTES} bytes\r\n`);
    } else if (text.trim() !== '') {
      try {
        const outcome = this.interpreter.run(text);
        if (!quiet) this.write(`=${outcome.result}\r\n`);
      } catch (err) {
        const e = err as { name?: unknown; message?: unknown };
        const name = typeof e?.name === 'string' ? e.name : 'Error';
        const message = typeof e?.message === 'string' ? e.message : String(err);
        this.write(`Uncaught ${name}: ${message}\r\n`);
      }
    }
    if (!quiet) this.write('>');
  }
}
