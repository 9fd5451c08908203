/**
 * The badge's power budget: average battery current while recording under
 * each upload policy, hours of recording per charge, and hours of audio the
 * spool holds per bitrate. Recording is assumed continuous (the worst case:
 * a badge worn through a shift in voice-activated mode records less).
 *
 * Units are in every name: Ma = milliamps, Mah = milliamp-hours, S =
 * seconds, Ms = milliseconds, Bps = bits per second, BytesPerS = bytes per
 * second.
 */
import { hardwareError, HardwareErrorCode } from '../errors.js';
import type { Board } from '../boards/board.js';
import { COMPONENT_CURRENTS, FLASH_TIMING, type ComponentCurrents } from './components.js';

export type UploadPolicyKind = 'live' | 'batched' | 'on-charger';

export interface UploadPolicyChoice {
  kind: UploadPolicyKind;
  /** Minutes between uploads; only for 'batched'. */
  batchIntervalMin: number | null;
}

/** The proto's UploadPolicy enum values (badge.proto). */
export const PROTO_UPLOAD_POLICY: { readonly [K in UploadPolicyKind]: number } = {
  live: 0,
  batched: 1,
  'on-charger': 2,
};

/** Everything the model assumes besides component currents. */
export interface PowerAssumptions {
  bitrateBps: number;
  frameMs: number;
  /** MCU CPU time per 20 ms audio frame: link decode, spool append (Espruino at 160 MHz). */
  mcuBusyMsPerFrame: number;
  /** Application-level upload rate of Espruino's MQTT client over Wi-Fi. */
  uploadGoodputBytesPerS: number;
  /** Share of radio-on time spent transmitting during an upload (the rest is receive/listen). */
  wifiTxDuty: number;
  /** Wi-Fi start, association, DHCP, MQTT (TLS) connect and the Hello exchange, per batch. */
  uploadSetupS: number;
  /** Live policy: one chunk uploaded per this many seconds. */
  liveChunkS: number;
  /** Live policy: radio awake after each chunk waiting for the ack before dozing. */
  liveTailMs: number;
  /** Bytes on the air per audio byte: AudioChunk protobuf + MQTT + TCP/IP framing. */
  uploadOverheadFraction: number;
  /** Spool bytes per frame beyond the Opus packet (record header, length, CRC, chunk framing amortised). */
  spoolOverheadBytesPerFrame: number;
  /** Share of rated capacity usable: the cut-off voltage and a capacity-fade reserve. */
  batteryUsableFraction: number;
  /** Regulator efficiency from battery to the 3.3 V rail. */
  regulatorEfficiency: number;
  railMv: number;
  /** Status LED blink duty while recording. */
  statusLedDuty: number;
  /** Haptic cues per hour and their length. */
  hapticCuesPerHour: number;
  hapticCueMs: number;
}

export const DEFAULT_ASSUMPTIONS: PowerAssumptions = {
  bitrateBps: 16000,
  frameMs: 20,
  mcuBusyMsPerFrame: 4,
  uploadGoodputBytesPerS: 16000,
  wifiTxDuty: 0.2,
  uploadSetupS: 4,
  liveChunkS: 1,
  liveTailMs: 100,
  uploadOverheadFraction: 0.05,
  spoolOverheadBytesPerFrame: 4,
  batteryUsableFraction: 0.85,
  regulatorEfficiency: 0.9,
  railMv: 3300,
  statusLedDuty: 0.01,
  hapticCuesPerHour: 4,
  hapticCueMs: 300,
};

/** Goal from issue 5. */
export const GOAL_RECORDING_HOURS = 16;
export const GOAL_FLASH_AUDIO_HOURS = 8;
export const MAX_CELL_MAH = 1000;
/** The recommended policy must beat the goal by this factor (the estimates' uncertainty). */
export const RECOMMENDATION_MARGIN = 1.25;

export const BATCH_INTERVALS_MIN: readonly number[] = [2, 5, 10, 15, 30, 60];
export const BITRATES_BPS: readonly number[] = [8000, 12000, 16000, 24000, 32000];

export interface CurrentShare {
  consumer: string;
  /** Average current at the 3.3 V rail over the whole recording time. */
  averageMa: number;
}

export interface PolicyBudget {
  policy: UploadPolicyChoice;
  label: string;
  /** Share of time the radio is on and busy. */
  radioBusyFraction: number;
  /** Per-consumer average currents at the rail. */
  shares: CurrentShare[];
  railAverageMa: number;
  batteryAverageMa: number;
  recordingHoursPerCharge: number;
  /** Longest stretch of audio that waits in flash before upload, hours (on-charger: a whole GOAL_RECORDING_HOURS shift). */
  backlogHours: number;
}

function checkPositive(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) throw hardwareError(HardwareErrorCode.PowerBadInput, name + ' must be a positive number, got ' + value);
}

function checkFraction(name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0 && value <= 1)) throw hardwareError(HardwareErrorCode.PowerBadInput, name + ' must be within 0..1, got ' + value);
}

export function checkAssumptions(a: PowerAssumptions): void {
  for (const k of ['bitrateBps', 'frameMs', 'mcuBusyMsPerFrame', 'uploadGoodputBytesPerS', 'uploadSetupS', 'liveChunkS', 'railMv'] as const) checkPositive(k, a[k]);
  for (const k of ['wifiTxDuty', 'uploadOverheadFraction', 'statusLedDuty'] as const) checkFraction(k, a[k]);
  for (const k of ['batteryUsableFraction', 'regulatorEfficiency'] as const) {
    checkFraction(k, a[k]);
    checkPositive(k, a[k]);
  }
  for (const k of ['liveTailMs', 'spoolOverheadBytesPerFrame', 'hapticCuesPerHour', 'hapticCueMs'] as const) {
    if (!(Number.isFinite(a[k]) && a[k] >= 0)) throw hardwareError(HardwareErrorCode.PowerBadInput, k + ' must be >= 0, got ' + a[k]);
  }
  if (a.mcuBusyMsPerFrame >= a.frameMs) throw hardwareError(HardwareErrorCode.PowerBadInput, 'the MCU cannot keep up: busy time per frame >= frame length');
  if (audioBytesPerS(a.bitrateBps) * (1 + a.uploadOverheadFraction) >= a.uploadGoodputBytesPerS) {
    throw hardwareError(HardwareErrorCode.PowerBadInput, 'upload goodput below the audio rate: the backlog would grow without bound');
  }
}

export function audioBytesPerS(bitrateBps: number): number {
  return bitrateBps / 8;
}

export function policyLabel(p: UploadPolicyChoice): string {
  if (p.kind === 'batched') return 'batched every ' + p.batchIntervalMin + ' min';
  return p.kind === 'live' ? 'live streaming' : 'on charger only';
}

/** Radio time per second of recording, and whether the radio stays associated between bursts. */
function radioDuty(p: UploadPolicyChoice, a: PowerAssumptions): { busyFraction: number; associatedIdle: boolean } {
  const wireBytesPerS = audioBytesPerS(a.bitrateBps) * (1 + a.uploadOverheadFraction);
  if (p.kind === 'on-charger') return { busyFraction: 0, associatedIdle: false };
  if (p.kind === 'live') {
    const perChunkS = (wireBytesPerS * a.liveChunkS) / a.uploadGoodputBytesPerS + a.liveTailMs / 1000;
    return { busyFraction: Math.min(1, perChunkS / a.liveChunkS), associatedIdle: true };
  }
  const intervalMin = p.batchIntervalMin;
  if (intervalMin === null || !(intervalMin > 0)) throw hardwareError(HardwareErrorCode.PowerBadInput, 'a batched policy needs a positive batch interval');
  const intervalS = intervalMin * 60;
  const perBatchS = a.uploadSetupS + (wireBytesPerS * intervalS) / a.uploadGoodputBytesPerS;
  if (perBatchS >= intervalS) throw hardwareError(HardwareErrorCode.PowerBadInput, 'a ' + intervalMin + '-minute batch takes longer than its interval to upload');
  return { busyFraction: perBatchS / intervalS, associatedIdle: false };
}

export function budgetFor(
  p: UploadPolicyChoice,
  board: Board,
  a: PowerAssumptions = DEFAULT_ASSUMPTIONS,
  c: ComponentCurrents = COMPONENT_CURRENTS,
): PolicyBudget {
  checkAssumptions(a);
  checkPositive('battery capacity', board.battery.capacityMah);
  const radio = radioDuty(p, a);
  const framesPerS = 1000 / a.frameMs;
  const audioBusy = (a.mcuBusyMsPerFrame * framesPerS) / 1000;
  // Conservative: audio work and upload work never overlap.
  const mcuActive = Math.min(1, audioBusy + radio.busyFraction);
  const spoolBytesPerS = audioBytesPerS(a.bitrateBps) + a.spoolOverheadBytesPerFrame * framesPerS;
  const programDuty = (spoolBytesPerS / board.storage.pageBytes) * (FLASH_TIMING.pageProgramMs.value / 1000);
  const eraseDuty = (spoolBytesPerS / board.storage.eraseBlockBytes) * (FLASH_TIMING.sectorEraseMs.value / 1000);
  const radioBurstMa = a.wifiTxDuty * c.wifiTx.currentMa + (1 - a.wifiTxDuty) * c.wifiRx.currentMa;
  const shares: CurrentShare[] = [
    { consumer: 'microphone', averageMa: c.micActive.currentMa },
    { consumer: 'co-processor (Opus encoder + VAD)', averageMa: c.coprocEncoding.currentMa },
    { consumer: 'recording LED', averageMa: c.recordingLed.currentMa },
    { consumer: 'MCU active', averageMa: mcuActive * c.mcuActive.currentMa },
    { consumer: 'MCU light sleep', averageMa: (1 - mcuActive) * c.mcuLightSleep.currentMa },
    {
      consumer: 'Wi-Fi associated idle (DTIM3)',
      averageMa: radio.associatedIdle ? (1 - radio.busyFraction) * c.wifiAssociatedIdle.currentMa : 0,
    },
    { consumer: 'Wi-Fi upload bursts', averageMa: radio.busyFraction * radioBurstMa },
    { consumer: 'spool flash writes', averageMa: Math.min(1, programDuty) * c.flashProgram.currentMa + Math.min(1, eraseDuty) * c.flashErase.currentMa },
    { consumer: 'status LED + haptic', averageMa: a.statusLedDuty * c.statusLed.currentMa + ((a.hapticCuesPerHour * a.hapticCueMs) / 3600000) * c.haptic.currentMa },
    {
      consumer: 'standby (flash, regulator, charger, divider, load switch)',
      averageMa: c.flashStandby.currentMa + c.chargerLeakage.currentMa + c.loadSwitchLeakage.currentMa + c.batteryDivider.currentMa,
    },
  ];
  const railAverageMa = shares.reduce((s, x) => s + x.averageMa, 0);
  const batteryAverageMa = (railAverageMa * a.railMv) / (a.regulatorEfficiency * board.battery.nominalMv) + c.regulatorQuiescent.currentMa;
  const recordingHoursPerCharge = (board.battery.capacityMah * a.batteryUsableFraction) / batteryAverageMa;
  const backlogHours =
    p.kind === 'on-charger' ? GOAL_RECORDING_HOURS : p.kind === 'batched' ? (p.batchIntervalMin as number) / 60 : a.liveChunkS / 3600;
  return { policy: p, label: policyLabel(p), radioBusyFraction: radio.busyFraction, shares, railAverageMa, batteryAverageMa, recordingHoursPerCharge, backlogHours };
}

/** Hours of audio the board's spool holds at a bitrate. */
export function flashAudioHours(board: Board, bitrateBps: number, a: PowerAssumptions = DEFAULT_ASSUMPTIONS): number {
  checkPositive('bitrate', bitrateBps);
  checkPositive('spool size', board.storage.spoolBytes);
  const bytesPerS = audioBytesPerS(bitrateBps) + a.spoolOverheadBytesPerFrame * (1000 / a.frameMs);
  return board.storage.spoolBytes / bytesPerS / 3600;
}

/** Every policy the table lists, from lowest to highest upload latency. */
export function allPolicies(): UploadPolicyChoice[] {
  const out: UploadPolicyChoice[] = [{ kind: 'live', batchIntervalMin: null }];
  for (const n of BATCH_INTERVALS_MIN) out.push({ kind: 'batched', batchIntervalMin: n });
  out.push({ kind: 'on-charger', batchIntervalMin: null });
  return out;
}

export interface Recommendation {
  policy: UploadPolicyChoice;
  protoUploadPolicy: number;
  budget: PolicyBudget;
  flashAudioHoursAtBitrate: number;
  reason: string;
}

/**
 * The default upload policy: the one with the lowest upload latency whose
 * recording time beats the goal by RECOMMENDATION_MARGIN and whose backlog
 * fits in flash.
 */
export function recommendUploadPolicy(board: Board, a: PowerAssumptions = DEFAULT_ASSUMPTIONS): Recommendation {
  const flashHours = flashAudioHours(board, a.bitrateBps, a);
  const need = GOAL_RECORDING_HOURS * RECOMMENDATION_MARGIN;
  for (const p of allPolicies()) {
    const budget = budgetFor(p, board, a);
    if (budget.recordingHoursPerCharge >= need && budget.backlogHours <= flashHours) {
      return {
        policy: p,
        protoUploadPolicy: PROTO_UPLOAD_POLICY[p.kind],
        budget,
        flashAudioHoursAtBitrate: flashHours,
        reason: 'lowest-latency policy giving >= ' + need.toFixed(1) + ' h (' + GOAL_RECORDING_HOURS + ' h goal x ' + RECOMMENDATION_MARGIN + ' margin)',
      };
    }
  }
  throw hardwareError(HardwareErrorCode.PowerBadInput, 'no upload policy meets the goal on ' + board.id);
}

export interface Sensitivity {
  change: string;
  recordingHoursPerCharge: number;
}

/**
 * How the default policy's hours move when the least certain estimates are
 * wrong by a factor of two: the figures to measure first on the prototype.
 */
export function sensitivity(board: Board, p: UploadPolicyChoice, a: PowerAssumptions = DEFAULT_ASSUMPTIONS): Sensitivity[] {
  const hours = (aa: PowerAssumptions, cc: ComponentCurrents): number => budgetFor(p, board, aa, cc).recordingHoursPerCharge;
  const c = COMPONENT_CURRENTS;
  const coprocDoubled: ComponentCurrents = Object.assign({}, c, {
    coprocEncoding: Object.assign({}, c.coprocEncoding, { currentMa: c.coprocEncoding.currentMa * 2 }),
  });
  return [
    { change: 'as estimated', recordingHoursPerCharge: hours(a, c) },
    { change: 'upload goodput halved', recordingHoursPerCharge: hours(Object.assign({}, a, { uploadGoodputBytesPerS: a.uploadGoodputBytesPerS / 2 }), c) },
    { change: 'MCU busy time per frame doubled', recordingHoursPerCharge: hours(Object.assign({}, a, { mcuBusyMsPerFrame: a.mcuBusyMsPerFrame * 2 }), c) },
    { change: 'co-processor current doubled', recordingHoursPerCharge: hours(a, coprocDoubled) },
    { change: 'Wi-Fi TX share 50 %', recordingHoursPerCharge: hours(Object.assign({}, a, { wifiTxDuty: 0.5 }), c) },
    { change: 'upload setup 10 s', recordingHoursPerCharge: hours(Object.assign({}, a, { uploadSetupS: 10 }), c) },
  ];
}
