/**
 * Ground truth from the badge side: how many frames the firmware numbered in
 * each of its sessions, counted where the co-processor hands frames to the
 * firmware (only while capture is powered), independently of anything the
 * firmware or the gateway report.
 */
export interface LedgerSession {
  sessionHex: string;
  /** Frames handed to the firmware in this session (its frame indices 0..n-1). */
  framesCaptured: number;
  /**
   * Frames that were only in RAM (the recorder's partial chunk, or a chunk
   * torn mid-write) when the power was cut; the firmware cannot have kept
   * them. Set when the badge reboots after a power cut.
   */
  framesLostAtPowerCut: number;
}

export class FrameLedger {
  private readonly sessions = new Map<string, LedgerSession>();
  /** The firmware opened a session (it exists even if no frame reaches it). */
  open(sessionHex: string): LedgerSession {
    let s = this.sessions.get(sessionHex);
    if (!s) {
      s = { sessionHex, framesCaptured: 0, framesLostAtPowerCut: 0 };
      this.sessions.set(sessionHex, s);
    }
    return s;
  }

  count(sessionHex: string): void {
    this.open(sessionHex).framesCaptured++;
  }

  /** After a power cut: the session's flash kept frames up to `framesKept`. */
  powerCut(sessionHex: string, framesKept: number): void {
    const s = this.sessions.get(sessionHex);
    if (!s) return;
    s.framesLostAtPowerCut = Math.max(0, s.framesCaptured - framesKept);
  }

  get(sessionHex: string): LedgerSession | undefined {
    return this.sessions.get(sessionHex);
  }

  all(): LedgerSession[] {
    return [...this.sessions.values()];
  }

  totalCaptured(): number {
    let n = 0;
    for (const s of this.sessions.values()) n += s.framesCaptured;
    return n;
  }
}
