import { Button, Space, Typography } from 'antd';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.esm.js';
import TimelinePlugin from 'wavesurfer.js/dist/plugins/timeline.esm.js';
import { peaksApi } from '../api/rules-client.js';
import { formatDuration } from '../format.js';

export interface TimelineMark {
  id: string;
  startMs: number;
  endMs: number;
  colour: string;
  label: string;
}

export interface AudioPlayerHandle {
  /** Moves the playhead (and keeps playing if it was). */
  seek(ms: number): void;
  play(): void;
}

interface Props {
  url: string;
  /** Whose recording: its waveform peaks come from the server (no download and decode of the whole file). */
  conversationId: string;
  /** Gaps in badge audio and hit spans drawn over the waveform. */
  marks: TimelineMark[];
  onTime(ms: number): void;
}

/**
 * Waveform player (wavesurfer.js over the browser's media element, which
 * streams the recording, Ogg Opus included) with regions for gaps and hits
 * and a time ruler. The waveform is drawn from peaks the server computed
 * once per recording; only if they cannot be had does the browser download
 * and decode the whole file to draw it.
 */
export const AudioPlayer = forwardRef<AudioPlayerHandle, Props>(function AudioPlayer({ url, conversationId, marks, onTime }, ref) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const ws = useRef<WaveSurfer | null>(null);
  const regions = useRef<RegionsPlugin | null>(null);
  const onTimeRef = useRef(onTime);
  onTimeRef.current = onTime;
  const [playing, setPlaying] = useState(false);
  const [ready, setReady] = useState(false);
  const [now, setNow] = useState(0);
  const [duration, setDuration] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const [peaksSource, setPeaksSource] = useState<'server' | 'browser' | null>(null);

  useEffect(() => {
    const box = container.current;
    if (!box) return;
    let cancelled = false;
    let cleanup: (() => void) | null = null;
    void (async () => {
      // enough pairs for the widest view; the server picks the finest stored level that fits
      let peaks: { channels: number[][]; duration: number } | null = null;
      try {
        const p = await peaksApi.peaks(conversationId, Math.max(2000, box.clientWidth * 4));
        peaks = { channels: [p.max.map((v) => v / p.scale), p.min.map((v) => v / p.scale)], duration: p.durationMs / 1000 };
      } catch (err) {
        console.warn('waveform peaks unavailable; the browser decodes the recording', err);
      }
      if (cancelled) return;
      setPeaksSource(peaks ? 'server' : 'browser');
      const regionsPlugin = RegionsPlugin.create();
      const w = WaveSurfer.create({
        container: box,
        url,
        ...(peaks ? { peaks: peaks.channels, duration: peaks.duration } : {}),
        height: 72,
        waveColor: '#91caff',
        progressColor: '#1677ff',
        cursorColor: '#ff4d4f',
        normalize: true,
        plugins: [regionsPlugin, TimelinePlugin.create({ height: 16 })],
      });
      ws.current = w;
      regions.current = regionsPlugin;
      const subs = [
        w.on('ready', (d) => {
          setDuration(d * 1000);
          setReady(true);
        }),
        w.on('timeupdate', (sec) => {
          setNow(sec * 1000);
          onTimeRef.current(sec * 1000);
        }),
        w.on('play', () => setPlaying(true)),
        w.on('pause', () => setPlaying(false)),
        w.on('finish', () => setPlaying(false)),
        w.on('error', (e) => setError(e instanceof Error ? e.message : String(e))),
      ];
      cleanup = () => {
        for (const off of subs) off();
        w.destroy();
      };
    })();
    return () => {
      cancelled = true;
      cleanup?.();
      ws.current = null;
      regions.current = null;
      setReady(false);
    };
  }, [url, conversationId]);

  useEffect(() => {
    const r = regions.current;
    if (!r || !ready) return;
    r.clearRegions();
    for (const m of marks) {
      r.addRegion({ id: m.id, start: m.startMs / 1000, end: Math.max(m.endMs, m.startMs + 100) / 1000, color: m.colour, content: m.label, drag: false, resize: false });
    }
  }, [marks, ready]);

  useImperativeHandle(ref, () => ({
    seek(ms: number) {
      ws.current?.setTime(ms / 1000);
    },
    play() {
      void ws.current?.play();
    },
  }));

  return (
    <div className="audio-player" data-testid="audio-player" data-peaks={peaksSource ?? ''}>
      <div ref={container} className="waveform" />
      <Space style={{ marginTop: 8 }}>
        <Button type="primary" data-testid="play" disabled={!ready} onClick={() => void ws.current?.playPause()}>
          {playing ? t('conv.pause') : t('conv.play')}
        </Button>
        <Typography.Text data-testid="clock">
          {formatDuration(now)} / {formatDuration(duration)}
        </Typography.Text>
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Space>
    </div>
  );
});
