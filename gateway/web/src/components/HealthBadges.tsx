import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RowHealth } from '../api/types.js';
import { backlogMinutes } from '../format.js';

/** Thresholds for the colours (the alert rules' defaults, docs/fleet.md). */
const BATTERY_LOW = 15;
const FLASH_WARN = 80;
const FLASH_CRITICAL = 95;
const BACKLOG_WARN_MIN = 10;
const RSSI_WEAK = -80;

export function OnlineTag({ online }: { online: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color={online ? 'green' : 'default'} data-testid="online-tag">
      {online ? t('health.online') : t('health.offline')}
    </Tag>
  );
}

/** The latest health as compact coloured tags: battery, flash, backlog, RSSI, clock, dropped frames. */
export function HealthBadges({ health }: { health: RowHealth }) {
  const { t } = useTranslation();
  if (health.updatedAtMs === null) return <span className="muted">{t('health.never')}</span>;
  const backlog = backlogMinutes(health.backlogSeconds);
  return (
    <Space size={2} wrap className="health-badges">
      {health.batteryPercent !== null && (
        <Tooltip title={t('health.battery')}>
          <Tag color={health.batteryPercent < BATTERY_LOW && !health.charging ? 'red' : 'default'} data-testid="badge-battery">
            {t('healthShort.battery')} {health.batteryPercent}%{health.charging ? ` ${t('health.charging')}` : ''}
          </Tag>
        </Tooltip>
      )}
      {health.flashUsedPercent !== null && (
        <Tooltip title={t('health.flash')}>
          <Tag color={health.flashUsedPercent >= FLASH_CRITICAL ? 'red' : health.flashUsedPercent >= FLASH_WARN ? 'orange' : 'default'} data-testid="badge-flash">
            {t('healthShort.flash')} {Math.round(health.flashUsedPercent)}%
          </Tag>
        </Tooltip>
      )}
      {backlog !== null && (
        <Tooltip title={t('health.backlog')}>
          <Tag color={backlog >= BACKLOG_WARN_MIN ? 'orange' : 'default'} data-testid="badge-backlog">
            {t('healthShort.backlog')} {t('health.minutes', { count: backlog })}
          </Tag>
        </Tooltip>
      )}
      {health.rssiDbm !== null && (
        <Tooltip title={t('health.rssi')}>
          <Tag color={health.rssiDbm < RSSI_WEAK ? 'orange' : 'default'} data-testid="badge-rssi">
            {t('healthShort.rssi')} {health.rssiDbm} dBm
          </Tag>
        </Tooltip>
      )}
      {health.clockState !== null && (
        <Tooltip title={t('health.clock')}>
          <Tag color={health.clockState === 'synced' ? 'default' : 'orange'} data-testid="badge-clock">
            {t('healthShort.clock')} {t(`clock.${health.clockState}`, { defaultValue: health.clockState })}
          </Tag>
        </Tooltip>
      )}
      {health.droppedFrames !== null && health.droppedFrames > 0 && (
        <Tooltip title={t('health.dropped')}>
          <Tag color="red" data-testid="badge-dropped">
            {t('healthShort.dropped')} {health.droppedFrames}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  const color = { provisioned: 'blue', active: 'green', locked: 'orange', revoked: 'red', retired: 'default' }[status] ?? 'default';
  return <Tag color={color}>{t(`status.${status}`, { defaultValue: status })}</Tag>;
}

export function SeverityTag({ severity }: { severity: string }) {
  const { t } = useTranslation();
  return <Tag color={severity === 'critical' ? 'red' : 'orange'}>{t(`severity.${severity}`, { defaultValue: severity })}</Tag>;
}
