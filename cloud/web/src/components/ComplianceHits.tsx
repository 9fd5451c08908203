import { App, Button, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplianceFinding, ReviewState } from '../api/types.js';
import { useLabels } from '../app-data.js';
import { SEVERITY_COLOURS, formatDuration } from '../format.js';

interface Props {
  hits: ComplianceFinding[];
  selected: number | null;
  onSelect(hit: ComplianceFinding): void;
  onReview(hit: ComplianceFinding, state: ReviewState, reason?: string): Promise<void>;
}

/** Compliance hits coloured by severity, with confirm / dismiss-with-reason / undo. */
export function ComplianceHits({ hits, selected, onSelect, onReview }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const [dismissing, setDismissing] = useState<ComplianceFinding | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  async function review(hit: ComplianceFinding, state: ReviewState, why?: string) {
    setBusy(true);
    try {
      await onReview(hit, state, why);
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <List
        size="small"
        dataSource={hits}
        locale={{ emptyText: t('conv.noHits') }}
        renderItem={(h) => (
          <List.Item
            data-testid="compliance-hit"
            data-hit-id={h.id}
            className={`hit severity-${h.severity}${selected === h.id ? ' selected' : ''}`}
            style={{ borderLeft: `4px solid ${SEVERITY_COLOURS[h.severity]}` }}
            onClick={() => onSelect(h)}
          >
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap>
                <Tag color={SEVERITY_COLOURS[h.severity]}>{t(`severity.${h.severity}`)}</Tag>
                <Typography.Text strong>{labels.rule(h.rule)}</Typography.Text>
                <Tag data-testid="review-state" color={h.review.state === 'confirmed' ? 'red' : h.review.state === 'dismissed' ? 'default' : 'gold'}>
                  {t(`review.${h.review.state}`)}
                </Tag>
              </Space>
              {h.evidence.map((e, i) => (
                <Typography.Text key={i} type="secondary" className="quote">
                  {e.startMs !== undefined ? `${formatDuration(e.startMs)} ` : ''}「{e.quote}」
                </Typography.Text>
              ))}
              {h.review.state === 'dismissed' && h.review.reason && <Typography.Text italic>{h.review.reason}</Typography.Text>}
              <Space onClick={(e) => e.stopPropagation()}>
                {h.review.state === 'pending' ? (
                  <>
                    <Button size="small" danger disabled={busy} data-testid="confirm-hit" onClick={() => void review(h, 'confirmed')}>
                      {t('conv.confirm')}
                    </Button>
                    <Button
                      size="small"
                      disabled={busy}
                      data-testid="dismiss-hit"
                      onClick={() => {
                        setReason('');
                        setDismissing(h);
                      }}
                    >
                      {t('conv.dismiss')}
                    </Button>
                  </>
                ) : (
                  <Button size="small" disabled={busy} onClick={() => void review(h, 'pending')}>
                    {t('conv.reset')}
                  </Button>
                )}
              </Space>
            </Space>
          </List.Item>
        )}
      />
      <Modal
        open={dismissing !== null}
        title={t('conv.reason')}
        okButtonProps={{ disabled: !reason.trim(), loading: busy }}
        onCancel={() => setDismissing(null)}
        onOk={async () => {
          if (!dismissing || !reason.trim()) return;
          await review(dismissing, 'dismissed', reason.trim());
          setDismissing(null);
        }}
      >
        <Input.TextArea rows={3} value={reason} placeholder={t('conv.reasonRequired')} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}
