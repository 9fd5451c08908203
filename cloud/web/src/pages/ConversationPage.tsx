import { Alert, Card, Col, Descriptions, Row, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../api/client.js';
import type { ComplianceFinding, ConversationWithProfile, ReviewState, TagHit } from '../api/types.js';
import { useLabels } from '../app-data.js';
import { AudioPlayer, type AudioPlayerHandle, type TimelineMark } from '../components/AudioPlayer.js';
import { ComplianceHits } from '../components/ComplianceHits.js';
import { CustomerProfilePanel } from '../components/CustomerProfilePanel.js';
import { KeyPointResults } from '../components/KeyPointResults.js';
import { TagReviewList } from '../components/TagReviewList.js';
import { Transcript, type LineMark } from '../components/Transcript.js';
import { SEVERITY_COLOURS, formatDuration, formatTime } from '../format.js';
import { reviewerName } from '../reviewer.js';
import { activeLine } from '../transcript/sync.js';

const TAG_COLOUR = 'rgba(22, 119, 255, 0.25)';
/** A line opened from a dashboard quote (`?line=`). */
const FOCUS_COLOUR = 'rgba(250, 173, 20, 0.35)';
const SUMMARY_FIELDS = ['customerSituation', 'needs', 'objections', 'nextStep'] as const;

/** A semi-transparent version of a severity colour for marks over text and waveform. */
function translucent(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

type Selection = { kind: 'tag'; id: number } | { kind: 'compliance'; id: number } | null;

export function ConversationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const labels = useLabels();
  const [conv, setConv] = useState<ConversationWithProfile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [nowMs, setNowMs] = useState(0);
  const [selection, setSelection] = useState<Selection>(null);
  const player = useRef<AudioPlayerHandle>(null);
  const [sp] = useSearchParams();
  const focusLine = sp.get('line') !== null && /^\d+$/.test(sp.get('line')!) ? Number(sp.get('line')) : null;

  const load = useCallback(async () => {
    try {
      setConv(await api.conversation(id));
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  const segments = useMemo(() => conv?.segments ?? [], [conv]);
  const active = useMemo(() => activeLine(segments, nowMs), [segments, nowMs]);

  // Compliance evidence is always marked (in its severity colour); a tag's evidence when its chip is selected.
  const lineMarks = useMemo<LineMark[]>(() => {
    if (!conv) return [];
    const marks: LineMark[] = [];
    for (const h of conv.compliance) {
      const strong = selection?.kind === 'compliance' && selection.id === h.id;
      for (const e of h.evidence) marks.push({ ...e, colour: translucent(SEVERITY_COLOURS[h.severity], strong ? 0.6 : 0.25) });
    }
    const tag = selection?.kind === 'tag' ? conv.tags.find((x) => x.id === selection.id) : undefined;
    for (const e of tag?.evidence ?? []) marks.push({ ...e, colour: TAG_COLOUR });
    const focus = focusLine !== null ? conv.segments.find((x) => x.index === focusLine) : undefined;
    if (focus) marks.push({ turn: focus.index, start: 0, end: focus.text.length, quote: focus.text, colour: FOCUS_COLOUR });
    return marks;
  }, [conv, selection, focusLine]);

  const timelineMarks = useMemo<TimelineMark[]>(() => {
    if (!conv) return [];
    const marks: TimelineMark[] = conv.gaps.map((g, i) => ({
      id: `gap-${i}`,
      startMs: g.startMs,
      endMs: g.endMs,
      colour: 'rgba(0, 0, 0, 0.35)',
      label: '',
    }));
    for (const h of conv.compliance) {
      for (const [i, e] of h.evidence.entries()) {
        if (e.startMs === undefined) continue;
        marks.push({ id: `c-${h.id}-${i}`, startMs: e.startMs, endMs: e.endMs ?? e.startMs, colour: translucent(SEVERITY_COLOURS[h.severity], 0.3), label: '' });
      }
    }
    return marks;
  }, [conv, t]);

  const seekTo = useCallback((ms: number) => {
    player.current?.seek(ms);
    setNowMs(ms);
  }, []);

  // Opened at a line (a quote on a dashboard or the customer page): the player and the transcript go there once.
  const focused = useRef<string | null>(null);
  useEffect(() => {
    if (!conv || focusLine === null || focused.current === `${conv.id}:${focusLine}`) return;
    focused.current = `${conv.id}:${focusLine}`;
    const seg = conv.segments.find((x) => x.index === focusLine);
    if (seg?.startMs !== null && seg?.startMs !== undefined) seekTo(seg.startMs);
  }, [conv, focusLine, seekTo]);

  async function review(hit: ComplianceFinding, state: ReviewState, reason?: string) {
    await api.review('compliance', hit.id, { state, reviewer: reviewerName(), ...(reason ? { reason } : {}) });
    await load();
  }

  function selectTag(h: TagHit) {
    setSelection((s) => (s?.kind === 'tag' && s.id === h.id ? null : { kind: 'tag', id: h.id }));
    const first = h.evidence[0];
    if (first?.startMs !== undefined) seekTo(first.startMs);
  }

  if (error) return <Alert type="error" message={t('error.load', { message: error })} />;
  if (!conv) return <Spin />;
  const transcribeWait = conv.stages.find((s) => s.stage === 'transcribe' && s.state === 'waiting');

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Link to="/conversations">← {t('conv.back')}</Link>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="conversation-title">
          {t(`channel.${conv.channel}`)} · {labels.staff(conv.staffId)} · {formatTime(conv.startedAt)}
        </Typography.Title>
        <Tag>{t(`state.${conv.state}`)}</Tag>
        {conv.transcriptSource && <Tag>{t(`conv.transcriptSource.${conv.transcriptSource}`)}</Tag>}
        {conv.gaps.length > 0 && <Tag color="red">{t('conv.gaps', { n: conv.gaps.length })}</Tag>}
      </Space>
      {transcribeWait && <Alert type="warning" message={t('conv.awaiting', { reason: transcribeWait.error ?? '' })} />}
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card size="small">
            {conv.audioPath ? (
              <AudioPlayer ref={player} url={api.audioUrl(conv.id)} conversationId={conv.id} marks={timelineMarks} onTime={setNowMs} />
            ) : (
              <Typography.Text type="secondary">{t('conv.noAudio')}</Typography.Text>
            )}
            {conv.gaps.length > 0 && (
              <Space wrap style={{ marginTop: 8 }} data-testid="gaps">
                {conv.gaps.map((g, i) => (
                  <Tag key={i} color="default" className="gap-chip" onClick={() => seekTo(g.startMs)}>
                    {t('conv.gap')} {formatDuration(g.startMs)}–{formatDuration(g.endMs)} ({((g.endMs - g.startMs) / 1000).toFixed(1)} s, {g.cause})
                  </Tag>
                ))}
              </Space>
            )}
          </Card>
          <Card size="small" title={t('conv.transcript')} style={{ marginTop: 16 }}>
            <Transcript
              segments={segments}
              marks={lineMarks}
              activeIndex={active}
              onSeek={(ms) => {
                seekTo(ms);
                player.current?.play();
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            <Card size="small" title={t('conv.summary')}>
              <Descriptions size="small" column={1} data-testid="summary">
                <Descriptions.Item label={t('list.duration')}>{formatDuration(conv.durationMs)}</Descriptions.Item>
                {SUMMARY_FIELDS.map((k) => {
                  const v = conv.summary?.data[k];
                  return typeof v === 'string' ? (
                    <Descriptions.Item key={k} label={t(`conv.summaryFields.${k}`)}>
                      {v}
                    </Descriptions.Item>
                  ) : null;
                })}
              </Descriptions>
            </Card>
            <Card size="small" title={t('conv.compliance')}>
              <ComplianceHits
                hits={conv.compliance}
                selected={selection?.kind === 'compliance' ? selection.id : null}
                onSelect={(h) => {
                  setSelection({ kind: 'compliance', id: h.id });
                  const first = h.evidence[0];
                  if (first?.startMs !== undefined) seekTo(first.startMs);
                }}
                onReview={review}
              />
            </Card>
            <Card size="small" title={t('conv.tags')}>
              <TagReviewList tags={conv.tags} selected={selection?.kind === 'tag' ? selection.id : null} onSelect={selectTag} onReviewed={load} />
            </Card>
            <Card size="small" title={t('conv.keyPoints')}>
              <KeyPointResults keyPoints={conv.keyPoints} onReviewed={load} />
            </Card>
            <Card size="small" title={t('conv.profile')}>
              <CustomerProfilePanel profile={conv.customerProfile} />
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
