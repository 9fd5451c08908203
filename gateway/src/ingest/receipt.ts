/** Which seqs of one session are durably stored: a contiguous prefix plus a sparse set above it. */
export class Receipt {
  /** Every seq <= contiguousThrough is stored; -1: none. */
  contiguousThrough = -1;
  private readonly above = new Set<number>();
  private highestSeq = -1;

  static of(seqs: Iterable<number>): Receipt {
    const r = new Receipt();
    for (const s of seqs) r.add(s);
    return r;
  }

  get highest(): number {
    return this.highestSeq;
  }

  get count(): number {
    return this.contiguousThrough + 1 + this.above.size;
  }

  has(seq: number): boolean {
    return seq <= this.contiguousThrough || this.above.has(seq);
  }

  add(seq: number): void {
    if (this.has(seq)) return;
    if (seq > this.highestSeq) this.highestSeq = seq;
    if (seq === this.contiguousThrough + 1) {
      this.contiguousThrough = seq;
      while (this.above.delete(this.contiguousThrough + 1)) this.contiguousThrough++;
    } else this.above.add(seq);
  }

  /** Missing inclusive ranges above contiguousThrough up to `through` (default: the highest stored seq). */
  missing(through = this.highestSeq, limit = 256): Array<{ first: number; last: number }> {
    const out: Array<{ first: number; last: number }> = [];
    let expect = this.contiguousThrough + 1;
    const sorted = [...this.above].sort((a, b) => a - b);
    for (const s of sorted) {
      if (s > through) break;
      if (s > expect) {
        out.push({ first: expect, last: s - 1 });
        if (out.length >= limit) return out;
      }
      expect = s + 1;
    }
    if (expect <= through) out.push({ first: expect, last: through });
    return out;
  }

  /** Whether every seq 0..total-1 is stored. */
  completeUpTo(total: number): boolean {
    return this.contiguousThrough >= total - 1;
  }
}
