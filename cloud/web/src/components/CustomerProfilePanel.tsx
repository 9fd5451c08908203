import { Descriptions, Empty, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CustomerProfile } from '../api/types.js';
import { useLabels } from '../app-data.js';
import { formatTime } from '../format.js';

/** The customer's merged profile (current values across channels), each with its source quote. */
export function CustomerProfilePanel({ profile }: { profile: CustomerProfile | null }) {
  const { t } = useTranslation();
  const labels = useLabels();
  if (!profile) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('conv.noProfile')} />;
  const byTag = new Map<string, CustomerProfile['current']>();
  for (const o of profile.current) {
    const k = `${o.family}.${o.tag}`;
    byTag.set(k, [...(byTag.get(k) ?? []), o]);
  }
  return (
    <div data-testid="customer-profile">
      <Typography.Paragraph strong>
        <Link to={`/customers/${encodeURIComponent(profile.customer.id)}`} data-testid="customer-link" title={t('customer.view')}>
          {profile.customer.name ?? profile.customer.id}
        </Link>{' '}
        {profile.customer.phone && <Typography.Text type="secondary">{profile.customer.phone}</Typography.Text>}
      </Typography.Paragraph>
      <Descriptions size="small" column={1}>
        {[...byTag.entries()].map(([k, obs]) => (
          <Descriptions.Item key={k} label={labels.tag(obs[0]!.family, obs[0]!.tag)}>
            {obs.map((o) => (
              <Tooltip key={o.value} title={`${t(`channel.${o.channel}`, { defaultValue: o.channel })} · ${formatTime(o.observedAt)} · 「${o.quote}」`}>
                <Tag>{labels.tagValue(o.family, o.tag, o.value)}</Tag>
              </Tooltip>
            ))}
          </Descriptions.Item>
        ))}
      </Descriptions>
    </div>
  );
}
