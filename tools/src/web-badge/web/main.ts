/**
 * The web badge page (served by the gateway at /badge): the firmware core on
 * the browser platform, connected to the gateway's MQTT over WebSocket with
 * the device's own credentials, fed by the page's Opus encoder. The big round
 * button is the badge's button (press and release: a short press starts and
 * stops a session, a long press mutes, a double press bookmarks); the LEDs,
 * state and counters show what the badge shows and holds. The badge's flash
 * is kept in this browser's IndexedDB, one database per device id, so audio
 * the gateway has not acknowledged survives a reload or a closed tab and is
 * uploaded after the next "Power on" with the same device id.
 */
import { createBadge } from '../../../../firmware/src/app/create-badge.js';
import type { Badge } from '../../../../firmware/src/core/badge.js';
import { DeviceState, UploadPolicy } from '../../../../firmware/src/core/messages.js';
import { createBrowserPlatform, webBadgeFlashDatabase } from '../../../../firmware/src/platform/browser/index.js';
import type { BrowserPlatform, IndicatorState } from '../../../../firmware/src/platform/browser/index.js';
import { startCapture } from './capture.js';
import type { Capture } from './capture.js';

const STATE_NAMES: Record<number, string> = Object.fromEntries(Object.entries(DeviceState).map(([k, v]) => [v, k.toLowerCase().replace('_', ' ')]));
const LED_PATTERNS = ['off', 'on', 'slow-blink', 'fast-blink', 'double-blink', 'heartbeat'];
const FLASH_BYTES = 16 * 1024 * 1024;

function el<T extends HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`#${id} missing from the page`);
  return e as T;
}

const params = new URLSearchParams(location.search);
const form = el<HTMLFormElement>('connect');
const deviceInput = el<HTMLInputElement>('device');
const secretInput = el<HTMLInputElement>('secret');
const sourceInput = el<HTMLSelectElement>('source');
deviceInput.value = params.get('device') ?? localStorage.getItem('parley.webBadge.device') ?? '';
secretInput.value = params.get('secret') ?? '';
if (params.get('source') === 'clip') sourceInput.value = 'clip';
const button = el<HTMLButtonElement>('badge-button');
const logBox = el<HTMLPreElement>('log');

interface Counters {
  /** Frames handed to the firmware while a session was recording (all sessions). */
  framesRecorded: number;
  /** Frames of each session, by session id (hex), in the order they started. */
  sessions: { id: string; frames: number }[];
}
const counters: Counters = { framesRecorded: 0, sessions: [] };
let badge: Badge | null = null;
let platform: BrowserPlatform | null = null;
let capture: Capture | null = null;

function log(level: string, message: string): void {
  const line = `${new Date().toISOString().slice(11, 23)} ${level} ${message}\n`;
  logBox.textContent = (line + (logBox.textContent ?? '')).slice(0, 20_000);
  if (level === 'error') console.error(message);
}

function showIndicators(s: IndicatorState): void {
  const led = el('recording-led');
  led.classList.toggle('on', s.recording);
  led.dataset.on = String(s.recording);
  const status = el('status-led');
  status.dataset.pattern = LED_PATTERNS[s.status] ?? String(s.status);
  status.style.opacity = String(Math.max(0.15, s.brightnessPercent / 100));
}

function render(): void {
  const b = badge;
  const set = (id: string, text: string): void => {
    el(id).textContent = text;
  };
  set('state', b ? (STATE_NAMES[b.deviceState()] ?? '?') : 'off');
  el('state').dataset.state = b ? (STATE_NAMES[b.deviceState()] ?? '?') : 'off';
  set('online', b && b.uploader.isReady() ? 'online' : 'offline');
  set('frames', String(counters.framesRecorded));
  set('seconds', ((counters.framesRecorded * 20) / 1000).toFixed(1));
  set('backlog', b ? String(b.spool.unackedChunks()) : '–');
  set('in-flash', b ? String(b.spool.sessions().length) : '–');
  set('dropped', b ? String(b.recorder.droppedSinceBoot) : '–');
  const p = platform;
  set('flash-kept', p ? (p.flash.lastFailure() ? `failing: ${p.flash.lastFailure()?.message ?? ''}` : p.flash.hasPendingWrites() || p.mqtt.pendingPublishes() > 0 ? 'saving…' : 'saved') : '–');
  set('source-used', capture ? capture.source : '–');
  const last = counters.sessions[counters.sessions.length - 1];
  set('session', last ? `${last.id} (${last.frames} frames)` : '–');
  el('session').dataset.sessionId = last ? last.id : '';
  el('session').dataset.frames = last ? String(last.frames) : '0';
}

function onFrame(packet: Uint8Array, voice: boolean): void {
  const b = badge;
  const p = platform;
  if (!b || !p) return;
  const live = b.liveSession();
  if (live && p.audio.isCapturing()) {
    counters.framesRecorded++;
    const last = counters.sessions[counters.sessions.length - 1];
    if (last && last.id === live.hex) last.frames++;
    else counters.sessions.push({ id: live.hex, frames: 1 });
  }
  p.audio.push(packet, voice);
}

/**
 * One page per device: two tabs writing the same IndexedDB flash would each
 * hold their own copy of the spool and overwrite the other's. The lock is
 * held until the page goes away.
 */
const heldLocks = new Set<string>();
function holdDeviceLock(name: string): Promise<boolean> {
  // Already ours (a power on that failed after taking it is being retried).
  if (heldLocks.has(name) || !('locks' in navigator)) return Promise.resolve(true);
  return new Promise((resolve) => {
    void navigator.locks.request(name, { ifAvailable: true }, (lock) => {
      if (lock) heldLocks.add(name);
      resolve(lock !== null);
      return lock ? new Promise<void>(() => undefined) : undefined;
    });
  });
}

async function powerOn(): Promise<void> {
  const deviceId = deviceInput.value.trim();
  const secret = secretInput.value;
  if (!deviceId || !secret) {
    log('error', 'device id and secret are required: create the device in the admin UI (/admin/, Provisioning) or with `npx badgectl devices create`');
    return;
  }
  if (!(await holdDeviceLock(webBadgeFlashDatabase(deviceId)))) {
    log('error', `badge ${deviceId} is already on in another tab of this browser (its flash can only be used by one page)`);
    return;
  }
  localStorage.setItem('parley.webBadge.device', deviceId);
  const wsUrl = params.get('mqtt') ?? `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/mqtt`;
  const pf = await createBrowserPlatform({
    mqttUrl: wsUrl,
    deviceId,
    secret,
    flashBytes: FLASH_BYTES,
    onIndicators: showIndicators,
    onReboot: () => location.reload(),
    log,
  });
  pf.wifi.available = navigator.onLine;
  window.addEventListener('online', () => (pf.wifi.available = true));
  window.addEventListener('offline', () => (pf.wifi.available = false));
  const b = createBadge(pf, { deviceId, hardwareRevision: 'web-1', firmwareVersion: 'web', staffId: '' }, { defaultUploadPolicy: UploadPolicy.LIVE, segmentBytes: 16 * 1024 });
  platform = pf;
  badge = b;
  b.boot();
  form.hidden = true;
  el('badge').hidden = false;
  const kept = b.spool.sessions().length;
  log('info', `badge ${deviceId} on, connecting to ${wsUrl}` + (kept ? `; ${kept} session(s) in this browser's flash, ${b.spool.unackedChunks()} chunk(s) to upload` : ''));
  capture = await startCapture({
    source: sourceInput.value === 'clip' ? 'clip' : 'microphone',
    clipUrl: 'clip.wav',
    encoderPath: 'encoderWorker.min.js',
    bitrate: b.effectiveConfig().bitrate,
    voiceThresholdDbfs: -45,
    onFrame,
  });
  log('info', `audio from the ${capture.source}`);
  // Show the source now, not at the next periodic render: the page says it is ready only once it shows it.
  render();
  document.body.dataset.ready = 'true';
}

form.addEventListener('submit', (ev) => {
  ev.preventDefault();
  powerOn().catch((err: unknown) => log('error', `power on failed: ${String(err)}`));
});
button.addEventListener('pointerdown', () => platform?.button.set(true));
button.addEventListener('pointerup', () => platform?.button.set(false));
button.addEventListener('pointerleave', () => platform?.button.set(false));
window.addEventListener('pagehide', () => {
  badge?.shutdown();
  void capture?.stop();
});
setInterval(render, 200);
render();
