import { Tag } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Segment } from '../api/types.js';
import { formatDuration } from '../format.js';

/** A stretch of a line to highlight: evidence of a hit the analyst is looking at. */
export interface LineMark {
  turn: number;
  start: number;
  end: number;
  quote: string;
  colour: string;
}

/**
 * Where a quote sits in the displayed line. Evidence offsets are computed on
 * the normalised text, so they are used only when they still match; else the
 * quote is searched for; else the whole line is marked.
 */
function locate(text: string, m: LineMark): [number, number] {
  if (text.slice(m.start, m.end) === m.quote) return [m.start, m.end];
  const at = m.quote ? text.indexOf(m.quote) : -1;
  return at >= 0 ? [at, at + m.quote.length] : [0, text.length];
}

function renderMarked(text: string, marks: LineMark[]) {
  if (marks.length === 0) return text;
  const ranges = marks.map((m) => ({ range: locate(text, m), colour: m.colour })).sort((a, b) => a.range[0] - b.range[0]);
  const out = [];
  let pos = 0;
  for (const [i, r] of ranges.entries()) {
    const [s, e] = [Math.max(r.range[0], pos), r.range[1]];
    if (e <= s) continue;
    if (s > pos) out.push(text.slice(pos, s));
    out.push(
      <mark key={i} className="evidence" style={{ background: r.colour }}>
        {text.slice(s, e)}
      </mark>,
    );
    pos = e;
  }
  out.push(text.slice(pos));
  return out;
}

/** Index of the line being played: the last one started at or before `ms`. */
export function activeLine(segments: Segment[], ms: number): number | null {
  let active: number | null = null;
  for (const s of segments) {
    if (s.startMs === null) continue;
    if (s.startMs <= ms) active = s.index;
    else break;
  }
  return active;
}

interface Props {
  segments: Segment[];
  marks: LineMark[];
  activeIndex: number | null;
  onSeek(ms: number): void;
}

/** Transcript with speaker roles; click a line to seek, the playing line follows the audio. */
export function Transcript({ segments, marks, activeIndex, onSeek }: Props) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (activeIndex === null || !box.current) return;
    const el = box.current.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`);
    if (el) box.current.scrollTop = el.offsetTop - box.current.clientHeight / 3;
  }, [activeIndex]);

  if (segments.length === 0) return <div className="transcript-empty">{t('conv.noTranscript')}</div>;
  return (
    <div className="transcript" ref={box} data-testid="transcript">
      {segments.map((s) => (
        <div
          key={s.index}
          data-index={s.index}
          data-testid="line"
          className={`line role-${s.role}${s.index === activeIndex ? ' active' : ''}`}
          onClick={() => s.startMs !== null && onSeek(s.startMs)}
        >
          <span className="time">{s.startMs !== null ? formatDuration(s.startMs) : ''}</span>
          <Tag color={s.role === 'staff' ? 'geekblue' : s.role === 'customer' ? 'green' : 'default'}>{t(`role.${s.role}`)}</Tag>
          <span className="text">
            {renderMarked(
              s.text,
              marks.filter((m) => m.turn === s.index),
            )}
          </span>
        </div>
      ))}
    </div>
  );
}
