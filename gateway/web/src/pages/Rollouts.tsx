import { Alert, App, Button, Card, Form, Input, InputNumber, Popconfirm, Progress, Select, Space, Table, Tag, Tooltip, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../api/client.js';
import { ROLLOUT_DEVICE_STATES, type Release, type Rollout, type RolloutDevice, type RolloutDeviceState } from '../api/types.js';
import { useAuth } from '../auth.js';
import { useDirectory } from '../directory.js';
import { errorText, formatBytes, formatTime } from '../format.js';
import { parseStages } from '../stages.js';
import { useLoad } from '../use-load.js';

const STATE_COLOR: Record<RolloutDeviceState, string> = { offered: 'default', downloading: 'blue', staged: 'cyan', applied: 'green', failed: 'red' };
const ROLLOUT_COLOR: Record<Rollout['state'], string> = { running: 'blue', paused: 'orange', aborted: 'red', completed: 'green' };

function countsOf(devices: RolloutDevice[]): Record<RolloutDeviceState, number> {
  const counts = { offered: 0, downloading: 0, staged: 0, applied: 0, failed: 0 };
  for (const d of devices) counts[d.state] += 1;
  return counts;
}

interface StageRow {
  stage: number;
  percent: number;
  devices: RolloutDevice[];
}

/** Per stage: its share, and the devices offered in it by state (offered = pending download). */
function StageProgress({ rollout, devices }: { rollout: Rollout; devices: RolloutDevice[] }) {
  const { t } = useTranslation();
  return (
    <Table<StageRow>
      rowKey="stage"
      size="small"
      pagination={false}
      data-testid="stage-progress"
      dataSource={rollout.stages.map((percent, stage) => ({ stage, percent, devices: devices.filter((d) => d.stage === stage) }))}
      columns={[
        {
          title: t('rollouts.stage'),
          dataIndex: 'stage',
          render: (stage: number, row: StageRow) => (
            <Space>
              <b>{stage + 1}</b>
              <span>{row.percent}%</span>
              {stage < rollout.stageIndex || rollout.state === 'completed' ? (
                <Tag color="green">{t('rollouts.stageDone')}</Tag>
              ) : stage === rollout.stageIndex ? (
                <Tag color={ROLLOUT_COLOR[rollout.state]}>{t(`rolloutState.${rollout.state}`)}</Tag>
              ) : (
                <Tag>{t('rollouts.stageWaiting')}</Tag>
              )}
            </Space>
          ),
        },
        ...ROLLOUT_DEVICE_STATES.map((state) => ({
          title: t(`rolloutDeviceState.${state}`),
          key: state,
          render: (_: unknown, row: StageRow) => <span data-testid={`stage-${row.stage}-${state}`}>{countsOf(row.devices)[state]}</span>,
        })),
        {
          title: t('rollouts.progress'),
          key: 'progress',
          render: (_: unknown, row: StageRow) => {
            const c = countsOf(row.devices);
            const total = row.devices.length;
            return total === 0 ? '—' : <Progress size="small" style={{ width: 140 }} percent={Math.round((100 * (c.applied + c.failed)) / total)} success={{ percent: Math.round((100 * c.applied) / total) }} status={c.failed ? 'exception' : 'normal'} />;
          },
        },
      ]}
    />
  );
}

function RolloutDetail({ rolloutId, onUpdated }: { rolloutId: string; onUpdated: () => void }) {
  const { t } = useTranslation();
  const detail = useLoad(() => api.rollout(rolloutId), rolloutId, 3_000);
  // Keep the list row (state, counts) as fresh as the detail below it.
  const updatedAtMs = detail.data?.rollout.updatedAtMs;
  useEffect(() => {
    if (updatedAtMs !== undefined) onUpdated();
  }, [updatedAtMs, onUpdated]);
  if (detail.error) return <Alert type="error" showIcon message={errorText(detail.error)} />;
  if (!detail.data) return null;
  const { rollout, devices } = detail.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <StageProgress rollout={rollout} devices={devices} />
      <Table<RolloutDevice>
        rowKey="deviceId"
        size="small"
        dataSource={devices}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('alerts.device'), dataIndex: 'deviceId', render: (id: string) => <Link to={`/devices/${encodeURIComponent(id)}`}>{id}</Link> },
          { title: t('rollouts.stage'), dataIndex: 'stage', render: (s: number) => s + 1 },
          { title: t('rollouts.deviceState'), dataIndex: 'state', render: (s: RolloutDeviceState) => <Tag color={STATE_COLOR[s]}>{t(`rolloutDeviceState.${s}`)}</Tag> },
          { title: t('rollouts.detail'), dataIndex: 'detail', render: (d: string | null) => d ?? '' },
          { title: t('rollouts.updated'), dataIndex: 'updatedAtMs', render: formatTime },
        ]}
      />
    </Space>
  );
}

function ReleaseUpload({ onUploaded }: { onUploaded: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const auth = useAuth();
  const [file, setFile] = useState<File | null>(null);
  const [form] = Form.useForm();
  const upload = async (v: { version: string; minHardwareRevision?: string; notes?: string }) => {
    if (!file) return;
    try {
      await api.uploadRelease(await file.arrayBuffer(), { version: v.version, ...(v.minHardwareRevision ? { minHardwareRevision: v.minHardwareRevision } : {}), ...(v.notes ? { notes: v.notes } : {}) });
      void message.success(t('rollouts.uploaded'));
      form.resetFields();
      setFile(null);
      onUploaded();
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  return (
    <Form form={form} layout="inline" disabled={!auth.can('fleet:write')} onFinish={(v) => void upload(v)}>
      <Form.Item>
        <Upload maxCount={1} beforeUpload={(f) => { setFile(f); return false; }} onRemove={() => setFile(null)} fileList={file ? [{ uid: '1', name: file.name }] : []}>
          <Button>{t('rollouts.chooseBundle')}</Button>
        </Upload>
      </Form.Item>
      <Form.Item name="version" rules={[{ required: true, max: 64 }]}><Input placeholder={t('rollouts.version')} style={{ width: 110 }} data-testid="release-version" /></Form.Item>
      <Form.Item name="minHardwareRevision"><Input placeholder={t('rollouts.minHw')} style={{ width: 110 }} data-testid="release-min-hw" /></Form.Item>
      <Form.Item name="notes"><Input placeholder={t('rollouts.notes')} style={{ width: 180 }} data-testid="release-notes" /></Form.Item>
      <Button type="primary" htmlType="submit" disabled={!file} data-testid="release-upload">{t('rollouts.upload')}</Button>
    </Form>
  );
}

function NewRollout({ releases, onCreated }: { releases: Release[]; onCreated: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const auth = useAuth();
  const directory = useDirectory();
  const [form] = Form.useForm();
  const create = async (v: { releaseId: string; stages: string; branchId?: string; groupId?: string; failureThresholdPercent?: number }) => {
    const stages = parseStages(v.stages);
    if (!stages) return;
    try {
      await api.createRollout({ releaseId: v.releaseId, stages, ...(v.branchId ? { branchId: v.branchId } : {}), ...(v.groupId ? { groupId: v.groupId } : {}), ...(v.failureThresholdPercent !== undefined && v.failureThresholdPercent !== null ? { failureThresholdPercent: v.failureThresholdPercent } : {}) });
      void message.success(t('rollouts.started'));
      onCreated();
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  return (
    <Form form={form} layout="inline" disabled={!auth.can('fleet:write')} initialValues={{ stages: '5, 25, 100', failureThresholdPercent: 10 }} onFinish={(v) => void create(v)}>
      <Form.Item name="releaseId" rules={[{ required: true }]}>
        <Select placeholder={t('rollouts.release')} style={{ width: 200 }} data-testid="rollout-release" options={releases.map((r) => ({ value: r.id, label: `${r.version} (${r.minHardwareRevision || '—'})` }))} />
      </Form.Item>
      <Form.Item name="stages" label={t('rollouts.stages')} rules={[{ required: true }, { validator: async (_, v: string) => { if (!parseStages(v ?? '')) throw new Error(t('rollouts.stagesInvalid')); } }]}>
        <Input style={{ width: 120 }} data-testid="rollout-stages" />
      </Form.Item>
      <Form.Item name="branchId"><Select allowClear placeholder={t('rollouts.branchCohort')} style={{ width: 140 }} data-testid="rollout-branch" options={directory.branches.map((b) => ({ value: b.id, label: b.name }))} /></Form.Item>
      <Form.Item name="groupId"><Select allowClear placeholder={t('rollouts.groupCohort')} style={{ width: 140 }} options={directory.groups.map((g) => ({ value: g.id, label: g.name }))} /></Form.Item>
      <Form.Item name="failureThresholdPercent" label={t('rollouts.threshold')}><InputNumber min={0} max={100} style={{ width: 70 }} /></Form.Item>
      <Button type="primary" htmlType="submit" data-testid="rollout-start">{t('rollouts.start')}</Button>
    </Form>
  );
}

/** Firmware releases, starting a staged rollout to a cohort, and each rollout's stage progress with pause/resume/abort. */
export function Rollouts() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const auth = useAuth();
  const writable = auth.can('fleet:write');
  const releases = useLoad(() => api.releases(), 'releases');
  const rollouts = useLoad(() => api.rollouts(), 'rollouts', 3_000);
  const [expanded, setExpanded] = useState<string[]>([]);
  const reloadList = useCallback(() => void rollouts.reload(), [rollouts.reload]);
  const act = async (id: string, action: 'pause' | 'resume' | 'abort') => {
    try {
      await api.rolloutAction(id, action);
      await rollouts.reload();
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card title={t('rollouts.releases')} size="small" extra={<ReleaseUpload onUploaded={() => void releases.reload()} />}>
        <Table<Release>
          rowKey="id"
          size="small"
          dataSource={releases.data?.releases ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          data-testid="releases-table"
          columns={[
            { title: t('rollouts.version'), dataIndex: 'version' },
            { title: t('rollouts.minHw'), dataIndex: 'minHardwareRevision' },
            { title: t('rollouts.size'), dataIndex: 'size', render: formatBytes },
            { title: 'SHA-256', dataIndex: 'sha256', render: (s: string) => <Tooltip title={s}><code>{s.slice(0, 12)}…</code></Tooltip> },
            { title: t('rollouts.notes'), dataIndex: 'notes' },
            { title: t('directory.created'), dataIndex: 'createdAtMs', render: formatTime },
          ]}
        />
      </Card>
      <Card title={t('rollouts.new')} size="small">
        <NewRollout releases={releases.data?.releases ?? []} onCreated={() => void rollouts.reload()} />
      </Card>
      <Card title={t('rollouts.title')} size="small">
        {rollouts.error && <Alert type="error" showIcon message={errorText(rollouts.error)} />}
        <Table<Rollout>
          rowKey="id"
          size="small"
          dataSource={rollouts.data?.rollouts ?? []}
          data-testid="rollouts-table"
          expandable={{ expandedRowKeys: expanded, onExpandedRowsChange: (keys) => setExpanded(keys as string[]), expandedRowRender: (r) => <RolloutDetail rolloutId={r.id} onUpdated={reloadList} /> }}
          columns={[
            { title: t('rollouts.version'), dataIndex: 'version' },
            { title: t('rollouts.cohort'), key: 'cohort', render: (_: unknown, r) => [r.branchId && `${t('fleet.branch')} ${r.branchId}`, r.groupId && `${t('rollouts.group')} ${r.groupId}`].filter(Boolean).join(' · ') || t('rollouts.wholeFleet') },
            { title: t('rollouts.stages'), dataIndex: 'stages', render: (s: number[], r) => s.map((p, i) => <Tag key={i} color={i < r.stageIndex || r.state === 'completed' ? 'green' : i === r.stageIndex ? 'blue' : 'default'}>{p}%</Tag>) },
            { title: t('rollouts.state'), dataIndex: 'state', render: (s: Rollout['state'], r) => <Space direction="vertical" size={0}><Tag color={ROLLOUT_COLOR[s]} data-testid="rollout-state">{t(`rolloutState.${s}`)}</Tag>{r.reason && <span className="muted">{r.reason}</span>}</Space> },
            {
              title: t('rollouts.counts'),
              dataIndex: 'counts',
              render: (c: Rollout['counts'], r) => (
                <Space size={2} wrap data-testid="rollout-counts">
                  {ROLLOUT_DEVICE_STATES.map((s) => <Tag key={s} color={STATE_COLOR[s]}>{t(`rolloutDeviceState.${s}`)} {c[s]}</Tag>)}
                  <span className="muted">/ {r.eligible}</span>
                </Space>
              ),
            },
            { title: t('rollouts.updated'), dataIndex: 'updatedAtMs', render: formatTime },
            {
              title: '',
              key: 'actions',
              render: (_: unknown, r) => (
                <Space>
                  <Button size="small" disabled={!writable || r.state !== 'running'} onClick={() => void act(r.id, 'pause')} data-testid="rollout-pause">{t('rollouts.pause')}</Button>
                  <Button size="small" disabled={!writable || r.state !== 'paused'} onClick={() => void act(r.id, 'resume')} data-testid="rollout-resume">{t('rollouts.resume')}</Button>
                  <Popconfirm title={t('rollouts.abortConfirm')} onConfirm={() => void act(r.id, 'abort')} disabled={!writable || r.state === 'aborted' || r.state === 'completed'}>
                    <Button size="small" danger disabled={!writable || r.state === 'aborted' || r.state === 'completed'} data-testid="rollout-abort">{t('rollouts.abort')}</Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

