import { createHash } from 'node:crypto';
import type { FirmwareSlot, System } from '../../hal/system.js';

export interface NodeSystemOptions {
  slot: FirmwareSlot;
  /** Seed for the deterministic generator; crypto-random when absent. */
  seed?: number;
  onReboot?: () => void;
}

/** Reboot requests go to a callback (the simulator restarts the badge); seeded randomness for repeatable runs. */
export class NodeSystem implements System {
  private readonly slot: FirmwareSlot;
  private state: number;
  private readonly seeded: boolean;
  private readonly onReboot: (() => void) | undefined;
  rebootRequested = 0;

  constructor(opts: NodeSystemOptions) {
    this.slot = opts.slot;
    this.seeded = opts.seed !== undefined;
    this.state = (opts.seed ?? 1) >>> 0 || 1;
    this.onReboot = opts.onReboot;
  }

  reboot(): void {
    this.rebootRequested++;
    if (this.onReboot) this.onReboot();
  }

  random(): number {
    if (!this.seeded) return Math.random();
    // xorshift32
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 4294967296;
  }

  randomBytes(out: Uint8Array): void {
    for (let i = 0; i < out.length; i++) out[i] = Math.floor(this.random() * 256);
  }

  sha256(data: Uint8Array): Uint8Array {
    return new Uint8Array(createHash('sha256').update(data).digest());
  }

  runningSlot(): FirmwareSlot {
    return this.slot;
  }
}
