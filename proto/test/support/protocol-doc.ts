/**
 * The generated parts of docs/protocol.md: the topics table (from topics.ts)
 * and the payload sizes table (encoded sizes of representative messages).
 * The doc test compares them with the doc; print them with
 * `npx tsx proto/test/support/protocol-doc.ts` after a protocol change.
 */
import { COMPACT_CHUNK_LEVEL, DOWN, DOWN_QOS, UP, UP_QOS, encodeMessage, packFrames, type DownKind, type UpKind } from '../../src/index.js';

/** Kinds published retained (the badge gets them on subscribe despite its clean session). */
export const RETAINED_KINDS: ReadonlySet<string> = new Set(['config']);

const DESCRIPTIONS: Record<string, string> = {
  hello: 'first message after every connect: versions, clock, backlog inventory',
  'session-start': 'a recording session begins',
  'session-end': 'a session is closed: totals, digest, gaps',
  chunk: 'Opus frames of one session, numbered by seq',
  telemetry: 'battery, flash, backlog, radio, state; every telemetry interval',
  event: 'button actions, state changes, errors, bookmarks, alarms',
  'command-result': 'outcome (or progress) of a command, by command id',
  'firmware-request': 'pull the next byte range of a firmware release',
  'hello-reply': 'server time, wanted config version, resume points, lock',
  ack: 'what is durably stored of one session (only after fsync)',
  config: 'the device configuration, versioned',
  command: 'start/stop/mute/unmute/locate/reboot/lock/wipe/firmware update',
  firmware: 'a byte range of a firmware release',
};

export function renderTopicsTable(): string {
  const rows = [
    '| Topic | Direction | Message | QoS | Retained | Purpose |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const [kind, message] of Object.entries(UP)) {
    rows.push(`| \`badges/{deviceId}/up/${kind}\` | badge → gateway | \`${message}\` | ${UP_QOS[kind as UpKind]} | no | ${DESCRIPTIONS[kind] ?? ''} |`);
    if (kind === 'chunk') {
      rows.push(
        `| \`badges/{deviceId}/up/${COMPACT_CHUNK_LEVEL}\` | badge → gateway | \`${message}\` (compact form) | 0 | no | the same message under a one-letter kind, only towards a gateway with \`CAPABILITY_COMPACT_CHUNKS\` (see "Audio chunk frame forms") |`,
      );
    }
  }
  for (const [kind, message] of Object.entries(DOWN)) {
    rows.push(`| \`badges/{deviceId}/down/${kind}\` | gateway → badge | \`${message}\` | ${DOWN_QOS[kind as DownKind]} | ${RETAINED_KINDS.has(kind) ? 'yes' : 'no'} | ${DESCRIPTIONS[kind] ?? ''} |`);
  }
  return rows.join('\n');
}

const sid = (n: number): Uint8Array => new Uint8Array(16).fill(n);
const frames = (count: number, size: number): Uint8Array[] => Array.from({ length: count }, () => new Uint8Array(size).fill(0x7f));
const NOW = 1_795_000_000_000;

/** Representative messages: [label, message name, object]. */
export const SIZE_EXAMPLES: [string, string, object][] = [
  ['AudioChunk, 1 s live, packed: 50 frames × 40 B (16 kbps, 20 ms)', 'AudioChunk', { sessionId: sid(1), seq: 3600, firstFrame: 180000, ...packFrames(frames(50, 40)), captureTimeMs: NOW, clockSynced: true, crc32: 0xdeadbeef }],
  ['AudioChunk, 1 s live, legacy `frames`: 50 frames × 40 B', 'AudioChunk', { sessionId: sid(1), seq: 3600, firstFrame: 180000, frames: frames(50, 40), captureTimeMs: NOW, clockSynced: true, crc32: 0xdeadbeef }],
  ['AudioChunk, 2 s, packed: 100 frames × 40 B', 'AudioChunk', { sessionId: sid(1), seq: 3600, firstFrame: 180000, ...packFrames(frames(100, 40)), captureTimeMs: NOW, clockSynced: true, crc32: 0xdeadbeef }],
  ['AudioChunk, 2 s, legacy `frames`: 100 frames × 40 B', 'AudioChunk', { sessionId: sid(1), seq: 3600, firstFrame: 180000, frames: frames(100, 40), captureTimeMs: NOW, clockSynced: true, crc32: 0xdeadbeef }],
  ['AudioChunk, 10 s backlog, packed: 500 frames × 40 B', 'AudioChunk', { sessionId: sid(1), seq: 3600, firstFrame: 180000, ...packFrames(frames(500, 40)), captureTimeMs: NOW, clockSynced: true, crc32: 0xdeadbeef, backlog: true }],
  ['AudioChunk, 10 s backlog, legacy `frames`: 500 frames × 40 B', 'AudioChunk', { sessionId: sid(1), seq: 3600, firstFrame: 180000, frames: frames(500, 40), captureTimeMs: NOW, clockSynced: true, crc32: 0xdeadbeef, backlog: true }],
  ['Hello with 3 sessions in the backlog', 'Hello', {
    deviceId: 'badge-0042', firmwareVersion: '1.4.2', hardwareRevision: 'rev-c', bootCount: 311, uptimeS: 12, clockState: 1, configVersion: 7,
    backlog: [1, 2, 3].map((n) => ({ sessionId: sid(n), firstSeq: 10, lastSeq: 1800, closed: true, hasChunks: true })),
    flashUsedBytes: 1_048_576, flashFreeBytes: 3_145_728, deviceTimeMs: NOW, firmwareSlot: 'a',
  }],
  ['SessionStart', 'SessionStart', { sessionId: sid(1), staffId: 'S-10042', startTimeMs: NOW, clockSynced: true, monotonicMs: 86_400_000, codec: { sampleRate: 16000, channels: 1, frameMs: 20, bitrate: 16000 }, trigger: 0, bootCount: 311 }],
  ['SessionEnd, no gaps', 'SessionEnd', { sessionId: sid(1), reason: 1, endTimeMs: NOW + 3_600_000, clockSynced: true, totalFrames: 180000, totalBytes: 7_200_000, totalChunks: 3600, digest: 0xcafef00d }],
  ['Telemetry', 'Telemetry', { batteryPercent: 83, batteryMv: 3912, flashUsedBytes: 524_288, flashFreeBytes: 3_670_016, backlogSeconds: 30, rssiDbm: -67, uptimeS: 3600, state: 1, clockState: 1, firmwareVersion: '1.4.2', timeMs: NOW, configVersion: 7, bootCount: 311 }],
  ['HelloReply with 3 resume points', 'HelloReply', { serverTimeMs: NOW, wantedConfigVersion: 8, resume: [1, 2, 3].map((n) => ({ sessionId: sid(n), receivedThrough: 1799, missing: [{ first: 1801, last: 1802 }] })) }],
  ['ChunkAck, no gaps', 'ChunkAck', { sessionId: sid(1), contiguousThrough: 3600 }],
  ['Config, two networks, one working-hours window', 'Config', {
    version: 8, recordingMode: 1, bitrate: 16000, chunkDurationMs: 1000, silenceSplitS: 30, maxSessionS: 3600, uploadPolicy: 0, telemetryIntervalS: 60,
    wifi: [{ ssid: 'branch-staff', psk: 'a-long-wpa2-passphrase' }, { ssid: 'branch-backup', psk: 'another-passphrase' }],
    workingHours: [{ weekdays: 31, startMinute: 480, endMinute: 1080 }], led: { brightnessPercent: 20, statusLedEnabled: true }, haptic: { enabled: true, strengthPercent: 60 },
    utcOffsetMin: 60, staffId: 'S-10042', otaConfirmTimeoutMin: 10,
  }],
  ['Command, firmware update', 'Command', { id: 'cmd-7f3a', kind: 10, issuedAtMs: NOW, expiresAtMs: NOW + 86_400_000, firmware: { releaseId: 'fw-1.5.0', version: '1.5.0', size: 262_144, sha256: new Uint8Array(32), chunkSize: 4096 } }],
  ['FirmwareChunk, 4 KiB of data', 'FirmwareChunk', { releaseId: 'fw-1.5.0', offset: 65_536, data: new Uint8Array(4096).fill(1), totalSize: 262_144 }],
];

export function renderSizesTable(): string {
  const rows = ['| Message | Encoded bytes |', '| --- | ---: |'];
  for (const [label, message, object] of SIZE_EXAMPLES) rows.push(`| ${label} | ${encodeMessage(message, object).length.toLocaleString('en-US')} |`);
  return rows.join('\n');
}

if (process.argv[1]?.endsWith('protocol-doc.ts')) {
  console.log(renderTopicsTable());
  console.log();
  console.log(renderSizesTable());
}
