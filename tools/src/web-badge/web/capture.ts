/**
 * The web badge's audio co-processor: the microphone (getUserMedia) or a
 * looped speech clip, encoded in the page by opus-recorder's libopus worklet
 * to 16 kHz mono 20 ms Opus frames at the badge's bitrate, one Ogg page per
 * frame, unwrapped to raw packets. Each frame carries a voice flag from the
 * level of the last 20 ms of input (an analyser on the same source), as the
 * badge's co-processor flags voice activity.
 */
import Recorder from 'opus-recorder';
import { OggOpusPacketReader } from '../ogg-opus-packets.js';

export interface CaptureOptions {
  source: 'microphone' | 'clip';
  /** URL of the clip played (looped) when the source is 'clip'. */
  clipUrl: string;
  encoderPath: string;
  bitrate: number;
  /** Level (dBFS) above which a frame counts as voice. */
  voiceThresholdDbfs: number;
  onFrame: (packet: Uint8Array, voice: boolean) => void;
}

export interface Capture {
  /** What is actually feeding the encoder (the clip when the microphone was refused). */
  source: 'microphone' | 'clip';
  stop(): Promise<void>;
}

async function clipSource(context: AudioContext, url: string): Promise<{ node: AudioNode; stop: () => void }> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`speech clip ${url}: HTTP ${res.status}`);
  const buffer = await context.decodeAudioData(await res.arrayBuffer());
  const node = context.createBufferSource();
  node.buffer = buffer;
  node.loop = true;
  node.start();
  return { node, stop: () => node.stop() };
}

export async function startCapture(opts: CaptureOptions): Promise<Capture> {
  let source = opts.source;
  let context: AudioContext | null = null;
  let sourceNode: AudioNode | undefined;
  let stopClip: (() => void) | null = null;
  let stream: MediaStream | null = null;
  if (source === 'microphone') {
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: true } });
    } catch (err) {
      console.warn('microphone refused, playing the speech clip instead:', err);
      source = 'clip';
    }
  }
  context = new AudioContext();
  if (stream) sourceNode = context.createMediaStreamSource(stream);
  else {
    const clip = await clipSource(context, opts.clipUrl);
    sourceNode = clip.node;
    stopClip = clip.stop;
  }
  const analyser = context.createAnalyser();
  analyser.fftSize = 1024;
  sourceNode.connect(analyser);
  const samples = new Float32Array(Math.round(context.sampleRate * 0.02));
  const level = (): number => {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const s of samples) sum += s * s;
    return 10 * Math.log10(sum / samples.length + 1e-12);
  };
  const recorder = new Recorder({
    encoderPath: opts.encoderPath,
    encoderSampleRate: 16000,
    encoderFrameSize: 20,
    encoderBitRate: opts.bitrate,
    encoderApplication: 2048,
    numberOfChannels: 1,
    streamPages: true,
    maxFramesPerPage: 1,
    sourceNode,
  });
  const reader = new OggOpusPacketReader();
  recorder.ondataavailable = (data) => {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    const voice = level() > opts.voiceThresholdDbfs;
    for (const packet of reader.push(bytes)) opts.onFrame(packet, voice);
  };
  await recorder.start();
  return {
    source,
    async stop() {
      await recorder.stop();
      stopClip?.();
      for (const t of stream?.getTracks() ?? []) t.stop();
      await context?.close();
    },
  };
}
