/**
 * The parts of docs/hardware.md generated from the hardware data: each is a
 * named section between BEGIN/END GENERATED markers. Prose around them is
 * hand-written; `npm run docs -w hardware` rewrites only these.
 */
import { PIN_ROLES, type Board } from '../boards/board.js';
import { badgeBoard } from '../boards/badge.js';
import { simulatedBoard } from '../boards/simulated.js';
import { MAX_UART_LOAD, linkBitsPerSecondAtMaxBitrate } from '../boards/validate.js';
import {
  ACK_PAYLOAD_LEN,
  AckResult,
  AudioFlag,
  BOOT_PAYLOAD_LEN,
  COPROC_QUEUE_FRAMES,
  CRC_LEN,
  FrameType,
  HEADER_LEN,
  LINK_PROTOCOL_VERSION,
  MAX_BITRATE,
  MAX_CREDIT_GRANT,
  MAX_FRAME_LEN,
  MAX_GAIN_DB,
  MAX_PAYLOAD,
  MIN_BITRATE,
  MIN_GAIN_DB,
  STATUS_PAYLOAD_LEN,
  SYNC0,
  SYNC1,
} from '../coproc-link/frame-format.js';
import { hardwareError, HardwareErrorCode } from '../errors.js';
import { DEFAULT_ASSUMPTIONS, type PowerAssumptions } from '../power/model.js';
import { buildPowerReport, breakdownTable, componentTable, flashTable, markdownTable, policyTable, sensitivityTable, sourcesList } from '../power/report.js';

const hex = (n: number, digits = 2): string => '0x' + n.toString(16).toUpperCase().padStart(digits, '0');

export function pinTable(board: Board, sim: Board): string {
  return markdownTable(
    ['role', 'pin', 'GPIO', 'direction', 'active', 'pull', 'simulated pin', 'wiring'],
    PIN_ROLES.map((role) => {
      const s = board.pinSpecs[role];
      return ['`' + role + '`', s.pin, s.gpio === null ? '-' : String(s.gpio), s.direction, s.activeLow ? 'low' : 'high', s.pull, sim.pins[role], s.note];
    }),
  );
}

export function boardSummary(board: Board): string {
  const st = board.storage;
  const b = board.battery;
  const u = board.coprocUart;
  const mib = (n: number): string => (n / 1048576).toFixed(0) + ' MiB';
  return markdownTable(
    ['item', 'value'],
    [
      ['board id / revision', '`' + board.id + '` / ' + board.hardwareRevision],
      ['MCU', board.mcu.module + ', ' + board.mcu.cpuMhz + ' MHz, Espruino with ' + board.mcu.espruinoVariables + ' variables'],
      ['co-processor UART', u.serial + ', ' + u.baud + ' baud ' + u.format + ', RX buffer ' + u.rxBufferBytes + ' bytes; ' + u.part],
      ['capture rail', board.captureRail.loadSwitch + ' feeding ' + board.captureRail.loads.join(', ') + '; enable active-' + (board.captureRail.activeHigh ? 'high' : 'low') + ', ' + board.captureRail.startupMs + ' ms to co-processor BOOT'],
      ['LEDs', 'recording: ' + board.leds.recording.color + ', ' + board.leds.recording.currentMa + ' mA, lit by the capture rail; status: green + red, ' + board.leds.statusGreen.currentMa + ' mA each, on GPIOs'],
      ['haptic', board.haptic.part + ', PWM ' + board.haptic.pwmHz + ' Hz'],
      ['battery', b.chemistry + ', ' + b.capacityMah + ' mAh, ' + b.cutoffMv + '–' + b.fullMv + ' mV (nominal ' + b.nominalMv + '); sense divider ÷' + b.dividerRatio + ' into an ADC of ' + b.adcFullScaleMv + ' mV full scale'],
      ['charger', b.charger],
      ['MCU flash', mib(st.mcuFlashBytes) + ' (Espruino firmware, A/B images, small Storage files)'],
      ['spool flash', st.spoolPart + ': ' + mib(st.spoolFlashBytes) + ', spool ' + mib(st.spoolBytes) + ' (' + st.spoolBytes + ' bytes), erase block ' + st.eraseBlockBytes + ' B, page ' + st.pageBytes + ' B, ' + st.spi + ' at ' + st.spiHz / 1e6 + ' MHz'],
    ],
  );
}

const FRAME_TYPE_DOCS: { readonly [K in keyof typeof FrameType]: { payload: string; meaning: string } } = {
  Audio: { payload: '1..' + MAX_PAYLOAD + ': one Opus packet', meaning: 'One 20 ms frame. Flags: VAD, OVERFLOW. Index: capture frame counter since START (mod 65536). Sent only against a credit.' },
  Status: { payload: STATUS_PAYLOAD_LEN + ': state u8, vad u8, gain i8, credits u8, bitrate u16, dropped u16, queued u8, last error u8', meaning: 'State snapshot: after START and STOP, on STATUS_REQUEST, every second while capturing.' },
  Ack: { payload: ACK_PAYLOAD_LEN + ': command type u8, result u8', meaning: 'Answers every command but CREDIT; index = the command\'s index.' },
  Boot: { payload: BOOT_PAYLOAD_LEN + ': protocol version u8, reserved u8, firmware version u16', meaning: 'First frame after the co-processor powers up or resets: its state and credits are gone.' },
  Start: { payload: '0', meaning: 'Start capture and encoding; the audio index restarts at 0.' },
  Stop: { payload: '0', meaning: 'Stop capture. Queued frames still go out while credits last.' },
  SetBitrate: { payload: '2: bits per second u16 (' + MIN_BITRATE + '..' + MAX_BITRATE + ')', meaning: 'Opus bitrate; applies from the next frame.' },
  SetGain: { payload: '1: dB i8 (' + MIN_GAIN_DB + '..+' + MAX_GAIN_DB + ')', meaning: 'Microphone gain.' },
  Credit: { payload: '1: frames u8 (1..' + MAX_CREDIT_GRANT + ')', meaning: 'Grants more AUDIO frames (flow control). Credits add up. Not acknowledged: reconciled from STATUS.' },
  StatusRequest: { payload: '0', meaning: 'Ask for a STATUS frame.' },
};

export function frameTypeTable(): string {
  return markdownTable(
    ['type', 'name', 'direction', 'payload bytes', 'meaning'],
    (Object.keys(FrameType) as (keyof typeof FrameType)[]).map((name) => {
      const t = FrameType[name];
      const d = FRAME_TYPE_DOCS[name];
      return [hex(t), name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase(), t & 0x80 ? 'MCU → co-processor' : 'co-processor → MCU', d.payload, d.meaning];
    }),
  );
}

export function linkConstants(board: Board): string {
  const load = linkBitsPerSecondAtMaxBitrate() / board.coprocUart.baud;
  return markdownTable(
    ['constant', 'value'],
    [
      ['sync word', hex(SYNC0) + ' ' + hex(SYNC1)],
      ['header', HEADER_LEN + ' bytes (sync 2, type 1, flags 1, index 2, length 2)'],
      ['CRC', CRC_LEN + ' bytes, CRC-16/IBM-3740 (poly 0x1021, init 0xFFFF, no reflection, xorout 0; check "123456789" = 0x29B1), over type..payload, little-endian'],
      ['largest payload / frame', MAX_PAYLOAD + ' / ' + MAX_FRAME_LEN + ' bytes'],
      ['AUDIO flags', 'VAD = ' + hex(AudioFlag.Vad) + ', OVERFLOW = ' + hex(AudioFlag.Overflow)],
      ['ACK results', Object.entries(AckResult).map((e) => e[0] + ' = ' + e[1]).join(', ')],
      ['co-processor queue', COPROC_QUEUE_FRAMES + ' frames (' + (COPROC_QUEUE_FRAMES * 20) / 1000 + ' s) waiting for credit'],
      ['UART load at ' + MAX_BITRATE / 1000 + ' kbit/s', (load * 100).toFixed(0) + ' % of ' + board.coprocUart.baud + ' baud (limit ' + MAX_UART_LOAD * 100 + ' %)'],
      ['protocol version', String(LINK_PROTOCOL_VERSION)],
    ],
  );
}

export function assumptionsTable(a: PowerAssumptions): string {
  const docs: { readonly [K in keyof PowerAssumptions]: string } = {
    bitrateBps: 'Opus bitrate (bit/s)',
    frameMs: 'Opus frame (ms)',
    mcuBusyMsPerFrame: 'MCU CPU time per frame: link decode + spool append (ms, estimate)',
    uploadGoodputBytesPerS: 'Espruino MQTT upload goodput (B/s, estimate)',
    wifiTxDuty: 'share of radio-on time transmitting (estimate)',
    uploadSetupS: 'per batch: Wi-Fi start, association, DHCP, MQTT/TLS connect, Hello (s, estimate)',
    liveChunkS: 'live: seconds of audio per chunk',
    liveTailMs: 'live: radio awake after each chunk for its ack (ms, estimate)',
    uploadOverheadFraction: 'bytes on air per audio byte, beyond 1 (protobuf, MQTT, TCP/IP)',
    spoolOverheadBytesPerFrame: 'spool bytes per frame beyond the Opus packet',
    batteryUsableFraction: 'usable share of rated capacity (cut-off, ageing reserve)',
    regulatorEfficiency: 'buck-boost efficiency, battery → 3.3 V',
    railMv: 'rail voltage (mV)',
    statusLedDuty: 'status LED blink duty while recording',
    hapticCuesPerHour: 'haptic cues per hour',
    hapticCueMs: 'haptic cue length (ms)',
  };
  return markdownTable(['assumption', 'value'], (Object.keys(docs) as (keyof PowerAssumptions)[]).map((k) => [docs[k] + ' `' + k + '`', String(a[k])]));
}

export function powerTables(board: Board, a: PowerAssumptions): string {
  const r = buildPowerReport(board, a);
  const rec = r.recommendation;
  return [
    'Recording hours per charge (continuous recording at ' + a.bitrateBps / 1000 + ' kbit/s, ' + board.battery.capacityMah + ' mAh cell):',
    '',
    policyTable(r),
    '',
    'Hours of audio the ' + (board.storage.spoolBytes / 1048576).toFixed(0) + ' MiB spool holds:',
    '',
    flashTable(r),
    '',
    '**Default upload policy: ' + rec.budget.label + '** (proto `UploadPolicy` ' + rec.protoUploadPolicy + '), ' + rec.budget.recordingHoursPerCharge.toFixed(1) + ' h per charge: the ' + rec.reason + '. Goal (≥ ' + r.goal.recordingHours + ' h per charge on ≤ ' + r.goal.maxCellMah + ' mAh, ≥ ' + r.goal.flashAudioHours + ' h in flash): **' + (r.goal.met ? 'met' : 'NOT met') + '**.',
    '',
    'Where the default policy\'s current goes:',
    '',
    breakdownTable(rec.budget),
    '',
    'How the default policy\'s hours move if the least certain estimates are off:',
    '',
    sensitivityTable(r),
  ].join('\n');
}

export function errorCodeTable(): string {
  const what: { readonly [K in keyof typeof HardwareErrorCode]: string } = {
    LinkPayloadTooLarge: 'a link frame payload over ' + MAX_PAYLOAD + ' bytes',
    LinkBadArgument: 'a link field out of range (type, flags, index, bitrate, gain, credits, buffer bounds)',
    LinkBadPayload: 'a payload of the wrong size for its frame type',
    BoardInvalid: 'a board definition breaks a wiring rule (validateBoard lists which)',
    PowerBadInput: 'a power-model input out of range, or a policy that cannot work (upload slower than audio)',
    DocsGeneration: 'docs/hardware.md lacks a generated section or has an unknown one',
    EspruinoBundle: 'badge-side code did not bundle into one flat script for Espruino',
  };
  return markdownTable(['code', 'when'], (Object.keys(HardwareErrorCode) as (keyof typeof HardwareErrorCode)[]).map((k) => ['`' + HardwareErrorCode[k] + '`', what[k]]));
}

/** Every generated section by name. */
export function generatedSections(a: PowerAssumptions = DEFAULT_ASSUMPTIONS): Record<string, string> {
  return {
    'board-summary': boardSummary(badgeBoard),
    'pin-table': pinTable(badgeBoard, simulatedBoard),
    'link-constants': linkConstants(badgeBoard),
    'link-frame-types': frameTypeTable(),
    'power-components': componentTable(),
    'power-assumptions': assumptionsTable(a),
    'power-tables': powerTables(badgeBoard, a),
    'power-sources': sourcesList(),
    'error-codes': errorCodeTable(),
  };
}

const MARKER = /<!-- BEGIN GENERATED: ([a-z-]+) [^>]*-->\n[\s\S]*?<!-- END GENERATED: \1 -->/g;

/** The document with every generated section rewritten from the data. */
export function renderHardwareDoc(doc: string, sections: Record<string, string> = generatedSections()): string {
  const seen: string[] = [];
  const out = doc.replace(MARKER, (_m, name: string) => {
    const body = sections[name];
    if (body === undefined) throw hardwareError(HardwareErrorCode.DocsGeneration, 'unknown generated section "' + name + '"');
    seen.push(name);
    return '<!-- BEGIN GENERATED: ' + name + ' (npm run docs -w hardware) -->\n' + body + '\n<!-- END GENERATED: ' + name + ' -->';
  });
  const missing = Object.keys(sections).filter((n) => !seen.includes(n));
  if (missing.length > 0) throw hardwareError(HardwareErrorCode.DocsGeneration, 'docs/hardware.md lacks generated sections: ' + missing.join(', '));
  return out;
}
