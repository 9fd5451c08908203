import { App, Button, Input, List, Modal, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reviewApi } from '../api/rules-client.js';
import type { TagHit } from '../api/types.js';
import type { Review } from '../../../src/model/conversation.js';
import { useLabels } from '../app-data.js';
import { useAuth } from '../auth.js';
import { formatTime } from '../format.js';
import { reviewerName } from '../reviewer.js';

/** Analysts and admins review; auditors (and fleet roles) only read. No login (standalone app): anyone. */
export function useCanReview(): boolean {
  const { user } = useAuth();
  return !user || user.role === 'admin' || user.role === 'analyst';
}

/** Who reviewed and when, under a reviewed result. */
export function ReviewedBy({ review }: { review: Review }) {
  const { t } = useTranslation();
  if (review.state === 'pending' || !review.reviewer || review.reviewedAt === null) return null;
  return (
    <Typography.Text type="secondary" className="reviewed-by" data-testid="reviewed-by">
      {t('tagReview.reviewedBy', { reviewer: review.reviewer, time: formatTime(review.reviewedAt) })}
      {review.reason ? ` · ${review.reason}` : ''}
    </Typography.Text>
  );
}

interface Props {
  tags: TagHit[];
  selected: number | null;
  onSelect(tag: TagHit): void;
  /** After a review was stored (reload the conversation). */
  onReviewed(): Promise<void>;
}

/**
 * Profile tags found in the conversation: a click on the chip highlights its
 * evidence; confirm, correct (to another value of the same tag) or reject.
 */
export function TagReviewList({ tags, selected, onSelect, onReviewed }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const canReview = useCanReview();
  const [correcting, setCorrecting] = useState<TagHit | null>(null);
  const [value, setValue] = useState<string | undefined>(undefined);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  async function review(h: TagHit, action: 'confirm' | 'correct' | 'reject' | 'reset', extra: { value?: string; reason?: string } = {}) {
    setBusy(true);
    try {
      await reviewApi.tag(h.id, { action, reviewer: reviewerName(), ...extra });
      await onReviewed();
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const values = correcting ? Object.keys(labels.taxonomy.profile[correcting.family]?.[correcting.tag]?.values ?? {}).filter((v) => v !== correcting.value) : [];

  return (
    <>
      <List
        size="small"
        dataSource={tags}
        locale={{ emptyText: t('conv.noHits') }}
        data-testid="tag-chips"
        renderItem={(h) => {
          const shown = h.review.correctedValue ?? h.value;
          return (
            <List.Item data-testid="tag-row" data-hit-id={h.id} data-review={h.review.state}>
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap>
                  <Tooltip title={h.evidence.map((e) => `「${e.quote}」`).join(' ')}>
                    <Tag.CheckableTag data-testid="tag-chip" checked={selected === h.id} onChange={() => onSelect(h)}>
                      <span className={h.review.state === 'dismissed' ? 'rejected-tag' : undefined}>
                        {labels.tag(h.family, h.tag)}：{labels.tagValue(h.family, h.tag, shown)}
                      </span>
                    </Tag.CheckableTag>
                  </Tooltip>
                  {h.review.state !== 'pending' && (
                    <Tag data-testid="tag-review-state" color={h.review.state === 'dismissed' ? 'default' : h.review.correctedValue ? 'orange' : 'green'}>
                      {h.review.correctedValue ? t('tagReview.corrected', { value: labels.tagValue(h.family, h.tag, h.review.correctedValue) }) : t(`review.${h.review.state}`)}
                    </Tag>
                  )}
                  {h.review.correctedValue && (
                    <Typography.Text type="secondary" delete>
                      {t('tagReview.found', { value: labels.tagValue(h.family, h.tag, h.value) })}
                    </Typography.Text>
                  )}
                </Space>
                <ReviewedBy review={h.review} />
                {canReview && (
                  <Space size={4}>
                    {h.review.state === 'pending' ? (
                      <>
                        <Button size="small" disabled={busy} data-testid="confirm-tag" onClick={() => void review(h, 'confirm')}>
                          {t('tagReview.confirm')}
                        </Button>
                        <Button
                          size="small"
                          disabled={busy}
                          data-testid="correct-tag"
                          onClick={() => {
                            setValue(undefined);
                            setReason('');
                            setCorrecting(h);
                          }}
                        >
                          {t('tagReview.correct')}
                        </Button>
                        <Button size="small" disabled={busy} data-testid="reject-tag" onClick={() => void review(h, 'reject')}>
                          {t('tagReview.reject')}
                        </Button>
                      </>
                    ) : (
                      <Button size="small" disabled={busy} data-testid="reset-tag" onClick={() => void review(h, 'reset')}>
                        {t('tagReview.reset')}
                      </Button>
                    )}
                  </Space>
                )}
              </Space>
            </List.Item>
          );
        }}
      />
      <Modal
        open={correcting !== null}
        title={correcting ? t('tagReview.correctTitle', { tag: labels.tag(correcting.family, correcting.tag) }) : ''}
        okButtonProps={{ disabled: !value, loading: busy, ...({ 'data-testid': 'correct-ok' } as object) }}
        onCancel={() => setCorrecting(null)}
        onOk={async () => {
          if (!correcting || !value) return;
          await review(correcting, 'correct', { value, ...(reason.trim() ? { reason: reason.trim() } : {}) });
          setCorrecting(null);
        }}
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <span>{t('tagReview.correctTo')}</span>
          <Select
            style={{ width: '100%' }}
            value={value}
            onChange={setValue}
            data-testid="correct-value"
            options={correcting ? values.map((v) => ({ value: v, label: labels.tagValue(correcting.family, correcting.tag, v) })) : []}
          />
          <Input placeholder={t('tagReview.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Space>
      </Modal>
    </>
  );
}
