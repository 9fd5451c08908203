import type { EChartsOption } from 'echarts';
import { Empty, Segmented, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import type { HealthSample } from '../api/types.js';
import { useLoad } from '../use-load.js';
import { EChart } from './EChart.js';

/** Chart ranges and the bucket each is averaged into (the API keeps one sample a minute). */
const RANGES = {
  '1h': { spanMs: 3600_000, bucketMs: 60_000 },
  '24h': { spanMs: 24 * 3600_000, bucketMs: 15 * 60_000 },
  '7d': { spanMs: 7 * 24 * 3600_000, bucketMs: 2 * 3600_000 },
} as const;
type Range = keyof typeof RANGES;

type Series = { key: keyof Omit<HealthSample, 'atMs'>; label: string; unit: string; scale?: (v: number) => number };

function chart(samples: HealthSample[], series: Series, color: string): EChartsOption {
  return {
    grid: { left: 48, right: 16, top: 28, bottom: 28 },
    title: { text: series.label, textStyle: { fontSize: 13 }, left: 0, top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : `${Math.round(Number(v) * 10) / 10} ${series.unit}`) },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', scale: series.key === 'rssiDbm' },
    series: [
      {
        type: 'line',
        name: series.label,
        showSymbol: samples.length < 40,
        connectNulls: false,
        itemStyle: { color },
        data: samples.map((s) => {
          const v = s[series.key];
          return [s.atMs, v === null ? null : series.scale ? series.scale(v) : v];
        }),
      },
    ],
  };
}

/** Battery, flash use, backlog and RSSI over time from the health history. */
export function HealthCharts({ deviceId, refreshKey }: { deviceId: string; refreshKey: number }) {
  const { t } = useTranslation();
  const [range, setRange] = useState<Range>('24h');
  const history = useLoad(
    () => {
      const toMs = Date.now();
      const { spanMs, bucketMs } = RANGES[range];
      return api.history(deviceId, toMs - spanMs, toMs, bucketMs);
    },
    `${deviceId}:${range}:${refreshKey}`,
    30_000,
  );
  const samples = history.data?.samples ?? [];
  const options = useMemo(() => {
    const series: [Series, string][] = [
      [{ key: 'batteryPercent', label: t('charts.battery'), unit: '%' }, '#52c41a'],
      [{ key: 'flashUsedPercent', label: t('charts.flash'), unit: '%' }, '#1677ff'],
      [{ key: 'backlogSeconds', label: t('charts.backlog'), unit: t('charts.min'), scale: (v) => v / 60 }, '#fa8c16'],
      [{ key: 'rssiDbm', label: t('charts.rssi'), unit: 'dBm' }, '#722ed1'],
    ];
    return series.map(([s, color]) => ({ key: s.key, option: chart(samples, s, color) }));
  }, [samples, t]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Segmented<Range> value={range} onChange={setRange} options={(Object.keys(RANGES) as Range[]).map((r) => ({ value: r, label: t(`charts.range.${r}`) }))} />
      {samples.length === 0 && !history.loading ? (
        <Empty description={t('charts.empty')} />
      ) : (
        <div className="charts" data-testid="health-charts">
          {options.map(({ key, option }) => (
            <EChart key={key} option={option} height={200} testId={`chart-${key}`} />
          ))}
        </div>
      )}
    </Space>
  );
}
