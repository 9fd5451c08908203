import { App, Button, List, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reviewApi } from '../api/rules-client.js';
import type { KeyPointFinding } from '../api/types.js';
import { useLabels } from '../app-data.js';
import { reviewerName } from '../reviewer.js';
import { ReviewedBy, useCanReview } from './TagReviewList.js';

/** Key-point results of a conversation (raised / to standard / N/A), each marked right or wrong by a reviewer. */
export function KeyPointResults({ keyPoints, onReviewed }: { keyPoints: KeyPointFinding[]; onReviewed(): Promise<void> }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const canReview = useCanReview();
  const [busy, setBusy] = useState(false);

  async function review(k: KeyPointFinding, verdict: 'right' | 'wrong' | 'reset') {
    setBusy(true);
    try {
      await reviewApi.keyPoint(k.id, { verdict, reviewer: reviewerName() });
      await onReviewed();
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <List
      size="small"
      dataSource={keyPoints}
      data-testid="key-points"
      renderItem={(k) => (
        <List.Item data-testid="key-point" data-point={k.point} data-review={k.review.state}>
          <Space direction="vertical" size={2} style={{ width: '100%' }}>
            <Space wrap>
              <span>{labels.keyPoint(k.point)}</span>
              {!k.applicable ? (
                <Tag>{t('conv.notApplicable')}</Tag>
              ) : (
                <>
                  <Tag color={k.raised ? 'green' : 'red'}>{k.raised ? t('conv.raised') : t('conv.notRaised')}</Tag>
                  <Tag color={k.toStandard ? 'green' : 'orange'}>{k.toStandard ? t('conv.toStandard') : t('conv.notToStandard')}</Tag>
                </>
              )}
              {k.review.state !== 'pending' && (
                <Tag data-testid="kp-review-state" color={k.review.state === 'confirmed' ? 'blue' : 'volcano'}>
                  {k.review.state === 'confirmed' ? t('kpReview.markedRight') : t('kpReview.markedWrong')}
                </Tag>
              )}
            </Space>
            <ReviewedBy review={k.review} />
            {canReview && (
              <Space size={4}>
                {k.review.state === 'pending' ? (
                  <>
                    <Button size="small" disabled={busy} data-testid="kp-right" onClick={() => void review(k, 'right')}>
                      {t('kpReview.right')}
                    </Button>
                    <Button size="small" disabled={busy} data-testid="kp-wrong" onClick={() => void review(k, 'wrong')}>
                      {t('kpReview.wrong')}
                    </Button>
                  </>
                ) : (
                  <Button size="small" disabled={busy} data-testid="kp-reset" onClick={() => void review(k, 'reset')}>
                    {t('kpReview.reset')}
                  </Button>
                )}
              </Space>
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}
