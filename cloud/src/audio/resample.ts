/**
 * Band-limited resampling by a polyphase windowed-sinc filter (Kaiser
 * window). The rate ratio is reduced to L/M; one filter phase per output
 * position modulo L, precomputed, so each output sample costs 2·halfTaps
 * multiply-adds. Cut-off at 0.95 × the lower Nyquist frequency.
 */
const HALF_TAPS = 16;
const KAISER_BETA = 8;

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 30; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
  }
  return sum;
}

interface Filter {
  L: number;
  M: number;
  half: number;
  taps: number;
  table: Float32Array;
}

const filters = new Map<string, Filter>();

function filterFor(fromRate: number, toRate: number): Filter {
  const key = `${fromRate}:${toRate}`;
  const cached = filters.get(key);
  if (cached) return cached;
  const g = gcd(fromRate, toRate);
  const L = toRate / g;
  const M = fromRate / g;
  if (L > 4096) throw new RangeError(`resampling ${fromRate} -> ${toRate} Hz needs ${L} filter phases`);
  const scale = Math.min(1, toRate / fromRate);
  const half = Math.ceil(HALF_TAPS / scale);
  const taps = 2 * half;
  const fc = 0.95 * scale;
  const i0b = besselI0(KAISER_BETA);
  const table = new Float32Array(L * taps);
  for (let p = 0; p < L; p++) {
    const frac = p / L;
    for (let j = 0; j < taps; j++) {
      const x = j - half + 1 - frac; // input-sample distance from the output position
      const t = x / half;
      const w = Math.abs(t) >= 1 ? 0 : besselI0(KAISER_BETA * Math.sqrt(1 - t * t)) / i0b;
      const s = x === 0 ? 1 : Math.sin(Math.PI * fc * x) / (Math.PI * fc * x);
      table[p * taps + j] = fc * s * w;
    }
  }
  const f = { L, M, half, taps, table };
  filters.set(key, f);
  return f;
}

/** Streaming resampler for one channel: push blocks, then end(). Output is identical to one-shot resampling. */
export class Resampler {
  private readonly f: Filter | null;
  private buf = new Float32Array(0);
  /** Global index of buf[0]. */
  private bufStart = 0;
  private inputLength = 0;
  private nextOut = 0;

  constructor(
    readonly fromRate: number,
    readonly toRate: number,
  ) {
    this.f = fromRate === toRate ? null : filterFor(fromRate, toRate);
  }

  push(block: Float32Array): Float32Array {
    if (!this.f) return block.slice();
    const merged = new Float32Array(this.buf.length + block.length);
    merged.set(this.buf);
    merged.set(block, this.buf.length);
    this.buf = merged;
    this.inputLength += block.length;
    return this.produce(false);
  }

  end(): Float32Array {
    if (!this.f) return new Float32Array(0);
    return this.produce(true);
  }

  private produce(final: boolean): Float32Array {
    const { L, M, half, taps, table } = this.f!;
    const total = Math.floor((this.inputLength * L) / M);
    const buf = this.buf;
    const bufStart = this.bufStart;
    const bufLen = buf.length;
    const bufEnd = bufStart + bufLen;
    // Outputs computable now: all of them at the end, otherwise those whose taps are all buffered.
    let last = total;
    if (!final) last = Math.min(total, Math.max(0, Math.floor(((bufEnd - half) * L - 1) / M) + 1));
    const count = Math.max(0, last - this.nextOut);
    const out = new Float32Array(count);
    for (let n = 0; n < count; n++) {
      const pos = (this.nextOut + n) * M;
      const base = Math.floor(pos / L);
      const t0 = (pos - base * L) * taps;
      const k0 = base - half + 1 - bufStart;
      let acc = 0;
      if (k0 >= 0 && k0 + taps <= bufLen) {
        for (let j = 0; j < taps; j++) acc += buf[k0 + j]! * table[t0 + j]!;
      } else {
        for (let j = 0; j < taps; j++) {
          const k = k0 + j;
          if (k >= 0 && k < bufLen) acc += buf[k]! * table[t0 + j]!;
        }
      }
      out[n] = acc;
    }
    this.nextOut += count;
    // Keep only the input the next output still needs.
    const nextBase = Math.floor((this.nextOut * M) / L);
    const keepFrom = Math.max(bufStart, nextBase - half + 1);
    if (keepFrom > bufStart) {
      this.buf = buf.slice(Math.min(bufLen, keepFrom - bufStart));
      this.bufStart = keepFrom;
    }
    return out;
  }
}

/** One-shot resampling of a whole channel. */
export function resample(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  const r = new Resampler(fromRate, toRate);
  const a = r.push(input);
  const b = r.end();
  const out = new Float32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
