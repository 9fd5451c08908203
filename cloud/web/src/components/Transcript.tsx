import { Tag } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Segment } from '../api/types.js';
import { formatDuration } from '../format.js';
import { locateQuote, splitMarked } from '../transcript/sync.js';

/** A stretch of a line to highlight: evidence of a hit the analyst is looking at. */
export interface LineMark {
  turn: number;
  start: number;
  end: number;
  quote: string;
  colour: string;
}

function renderMarked(text: string, marks: LineMark[]) {
  if (marks.length === 0) return text;
  const pieces = splitMarked(
    text,
    marks.map((m) => ({ range: locateQuote(text, m), data: m.colour })),
  );
  return pieces.map((p, i) =>
    p.mark === null ? (
      p.text
    ) : (
      <mark key={i} className="evidence" style={{ background: p.mark }}>
        {p.text}
      </mark>
    ),
  );
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
