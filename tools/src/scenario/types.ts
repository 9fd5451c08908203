/**
 * A simulation scenario, as validated from a scenario file (YAML or JSON;
 * docs/simulator.md is the reference). All times are milliseconds from the
 * scenario's start in simulated time; `speed` compresses simulated time for
 * the simulator (1 = real time).
 */
import type { NoiseColour } from '../speech/espeak.js';

export type RecordingMode = 'button' | 'voice' | 'scheduled';

export type UploadPolicy = { mode: 'live' } | { mode: 'batched'; everyMs: number } | { mode: 'charger' };

export interface StaffMember {
  id: string;
  name: string;
  role: 'lobby_manager' | 'wealth_manager' | 'teller';
}

export interface BadgeSpec {
  id: string;
  branch: string;
  staff: string;
  recordingMode: RecordingMode;
  uploadPolicy: UploadPolicy;
  /** Flash capacity for the spool, bytes (undefined: the board's default). */
  flashBytes: number | undefined;
  /** Whether the badge boots with its clock synced (false: unsynced until the gateway's time arrives). */
  clockSyncedAtBoot: boolean;
  /** Voice and scheduled modes: silence (scenario time) after which the badge closes a session. */
  silenceSplitMs: number;
  /**
   * Scheduled mode: windows (scenario time from the start) in which the badge
   * listens for voice; outside them it records nothing. Empty: always.
   */
  workingHours: { fromMs: number; toMs: number }[];
}

export interface BranchSpec {
  id: string;
  name: string;
  staff: StaffMember[];
}

/** `all` or a list of badge ids. */
export type BadgeSet = 'all' | string[];

export interface ShiftSpec {
  badges: BadgeSet;
  startMs: number;
  lengthMs: number;
  conversationsPerHour: number;
}

export interface OfflinePeriod {
  badges: BadgeSet;
  fromMs: number;
  toMs: number;
}

export type NetworkTarget = 'all' | { badge: string };

export type FaultSpec =
  | { kind: 'cut'; atMs: number; target: NetworkTarget; mode: 'rst' | 'close' }
  | { kind: 'stall'; atMs: number; target: NetworkTarget; durationMs: number }
  | { kind: 'throttle'; atMs: number; target: NetworkTarget; bytesPerSecond: number; scope: 'per-connection' | 'aggregate'; durationMs: number }
  | { kind: 'delay'; atMs: number; target: NetworkTarget; latencyMs: number; durationMs: number }
  | { kind: 'flap'; atMs: number; target: NetworkTarget; upMs: number; downMs: number; durationMs: number }
  | { kind: 'network-down'; atMs: number; target: NetworkTarget; durationMs: number }
  | { kind: 'gateway-crash'; atMs: number; restartAfterMs: number }
  | { kind: 'badge-reboot'; atMs: number; badges: BadgeSet; powerCut: boolean; midFlashWrite: boolean }
  /** `durationMs` null: the flash stays full (of other data) until the scenario ends. */
  | { kind: 'flash-full'; atMs: number; badges: BadgeSet; freeBytes: number; durationMs: number | null }
  | { kind: 'clock-unsynced'; atMs: number; badges: BadgeSet; durationMs: number }
  | { kind: 'duplicate-deliveries'; atMs: number; badges: BadgeSet; probability: number; durationMs: number }
  | { kind: 'reorder-deliveries'; atMs: number; badges: BadgeSet; window: number; durationMs: number };

export type FaultKind = FaultSpec['kind'];

export interface SpeechSpec {
  customerGainDb: number;
  customerGainJitterDb: number;
  pauseMs: { min: number; max: number };
  noise: { colour: NoiseColour; snrDb: number } | null;
}

export interface DialogueSpec {
  /** Corpus dialogues to use: all badge-channel ones, or these ids. Null: none. */
  corpus: { ids: 'all' | string[] } | null;
  /** Generated dialogues (scenario/dialogue-generator.ts). Null: none. */
  generated: { count: number; seed: number } | null;
}

export interface Scenario {
  version: 1;
  name: string;
  description: string;
  seed: number;
  durationMs: number;
  speed: number;
  opus: { bitrate: number; frameMs: number };
  speech: SpeechSpec;
  dialogues: DialogueSpec;
  branches: BranchSpec[];
  badges: BadgeSpec[];
  shifts: ShiftSpec[];
  offline: OfflinePeriod[];
  faults: FaultSpec[];
}
