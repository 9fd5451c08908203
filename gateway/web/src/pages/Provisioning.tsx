import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../api/client.js';
import type { Branch, Group, ImportOutcome, Staff } from '../api/types.js';
import { useAuth } from '../auth.js';
import { SecretModal } from '../components/SecretModal.js';
import { useDirectory } from '../directory.js';
import { errorText, formatTime } from '../format.js';

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Create a device (its secret shown once), bulk CSV import, and assigning a badge to a staff member. */
function DeviceProvisioning() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const auth = useAuth();
  const directory = useDirectory();
  const writable = auth.can('fleet:write');
  const [created, setCreated] = useState<{ id: string; secret: string } | null>(null);
  const [csv, setCsv] = useState('serial,hardwareRevision,id\n');
  const [imported, setImported] = useState<{ created: number; failed: number; results: ImportOutcome[] } | null>(null);
  const [createForm] = Form.useForm();

  const create = async (v: { id?: string; serial: string; hardwareRevision: string; firmwareVersion?: string }) => {
    try {
      const r = await api.createDevice({ serial: v.serial, hardwareRevision: v.hardwareRevision, ...(v.id ? { id: v.id } : {}), ...(v.firmwareVersion ? { firmwareVersion: v.firmwareVersion } : {}) });
      setCreated({ id: r.device.id, secret: r.secret });
      createForm.resetFields();
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  const runImport = async () => {
    try {
      setImported(await api.importDevices(csv));
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  const assign = async (v: { deviceId: string; staffId: string }) => {
    try {
      await api.assign(v.deviceId, v.staffId);
      void message.success(t('placement.assigned'));
    } catch (err) {
      void message.error(errorText(err));
    }
  };

  return (
    <Row gutter={16}>
      <Col xs={24} xl={8}>
        <Card title={t('provision.create')} size="small">
          <Form form={createForm} layout="vertical" onFinish={(v) => void create(v)} disabled={!writable}>
            <Form.Item name="serial" label={t('device.serial')} rules={[{ required: true, max: 64 }]}>
              <Input data-testid="create-serial" />
            </Form.Item>
            <Form.Item name="hardwareRevision" label={t('device.hardware')} rules={[{ required: true, max: 32 }]}>
              <Input placeholder="r2" data-testid="create-hw" />
            </Form.Item>
            <Form.Item name="id" label={t('provision.idOptional')} rules={[{ pattern: ID_PATTERN }]}>
              <Input data-testid="create-id" />
            </Form.Item>
            <Form.Item name="firmwareVersion" label={t('device.firmware')}>
              <Input />
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="create-submit">
              {t('provision.createButton')}
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card title={t('provision.import')} size="small">
          <p className="muted">{t('provision.importHint')}</p>
          <Upload accept=".csv,text/csv" showUploadList={false} beforeUpload={(file) => {
              // Read in the browser; nothing is uploaded until Import.
              void file.text().then(setCsv);
              return false;
            }} disabled={!writable}>
            <Button disabled={!writable}>{t('provision.chooseFile')}</Button>
          </Upload>
          <Input.TextArea rows={6} value={csv} onChange={(e) => setCsv(e.target.value)} style={{ margin: '8px 0', fontFamily: 'monospace' }} disabled={!writable} data-testid="import-csv" />
          <Button type="primary" onClick={() => void runImport()} disabled={!writable} data-testid="import-submit">
            {t('provision.importButton')}
          </Button>
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card title={t('provision.assign')} size="small">
          <Form layout="vertical" onFinish={(v: { deviceId: string; staffId: string }) => void assign(v)} disabled={!writable}>
            <Form.Item name="deviceId" label={t('alerts.device')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="staffId" label={t('placement.staff')} rules={[{ required: true }]}>
              <Select showSearch optionFilterProp="label" options={directory.staff.map((s) => ({ value: s.id, label: `${s.name} (${directory.branchName(s.branchId)})` }))} />
            </Form.Item>
            <Button type="primary" htmlType="submit">{t('placement.assign')}</Button>
          </Form>
        </Card>
      </Col>
      {imported && (
        <Col span={24} style={{ marginTop: 16 }}>
          <Card title={t('provision.importResult', { created: imported.created, failed: imported.failed })} size="small">
            <Alert type="warning" showIcon message={t('secret.once')} style={{ marginBottom: 8 }} />
            <Table<ImportOutcome>
              rowKey="line"
              size="small"
              dataSource={imported.results}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              data-testid="import-results"
              columns={[
                { title: t('provision.line'), dataIndex: 'line' },
                { title: t('device.serial'), dataIndex: 'serial' },
                { title: t('alerts.device'), key: 'device', render: (_: unknown, r) => (r.device ? <Link to={`/devices/${encodeURIComponent(r.device.id)}`}>{r.device.id}</Link> : '—') },
                { title: t('provision.outcome'), key: 'ok', render: (_: unknown, r) => (r.ok ? <Tag color="green">OK</Tag> : <Tag color="red">{r.error?.code}</Tag>) },
                { title: t('provision.secretOrError'), key: 'secret', render: (_: unknown, r) => (r.secret ? <Typography.Text code copyable>{r.secret}</Typography.Text> : r.error?.message) },
              ]}
            />
          </Card>
        </Col>
      )}
      <SecretModal deviceId={created?.id ?? ''} secret={created?.secret ?? null} onClose={() => setCreated(null)} />
    </Row>
  );
}

/** Branches and staff: create, list, move a person to another branch. */
function DirectoryManagement() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const auth = useAuth();
  const directory = useDirectory();
  const writable = auth.can('fleet:write');
  const [branchForm] = Form.useForm();
  const [staffForm] = Form.useForm();
  const run = async (action: () => Promise<unknown>, reset?: () => void) => {
    try {
      await action();
      reset?.();
      await directory.reload();
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  return (
    <Row gutter={16} style={{ marginTop: 16 }}>
      <Col xs={24} xl={12}>
        <Card title={t('directory.branches')} size="small">
          <Form form={branchForm} layout="inline" disabled={!writable} style={{ marginBottom: 12 }}
            onFinish={(v: { id: string; name: string; region?: string }) => void run(() => api.createBranch({ id: v.id, name: v.name, ...(v.region ? { region: v.region } : {}) }), () => branchForm.resetFields())}>
            <Form.Item name="id" rules={[{ required: true, pattern: ID_PATTERN }]}><Input placeholder={t('directory.id')} style={{ width: 120 }} data-testid="branch-id" /></Form.Item>
            <Form.Item name="name" rules={[{ required: true, max: 200 }]}><Input placeholder={t('directory.name')} style={{ width: 150 }} data-testid="branch-name" /></Form.Item>
            <Form.Item name="region"><Input placeholder={t('directory.region')} style={{ width: 100 }} /></Form.Item>
            <Button type="primary" htmlType="submit" data-testid="branch-create">{t('directory.add')}</Button>
          </Form>
          <Table<Branch> rowKey="id" size="small" dataSource={directory.branches} pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t('directory.id'), dataIndex: 'id' },
              { title: t('directory.name'), dataIndex: 'name' },
              { title: t('directory.region'), dataIndex: 'region' },
              { title: t('directory.created'), dataIndex: 'createdAtMs', render: formatTime },
            ]} />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t('directory.staff')} size="small">
          <Form form={staffForm} layout="inline" disabled={!writable} style={{ marginBottom: 12 }}
            onFinish={(v: { id: string; name: string; branchId?: string }) => void run(() => api.createStaff({ id: v.id, name: v.name, branchId: v.branchId ?? null }), () => staffForm.resetFields())}>
            <Form.Item name="id" rules={[{ required: true, pattern: ID_PATTERN }]}><Input placeholder={t('directory.id')} style={{ width: 120 }} data-testid="staff-id" /></Form.Item>
            <Form.Item name="name" rules={[{ required: true, max: 200 }]}><Input placeholder={t('directory.name')} style={{ width: 130 }} data-testid="staff-name" /></Form.Item>
            <Form.Item name="branchId"><Select allowClear placeholder={t('fleet.branch')} style={{ width: 140 }} options={directory.branches.map((b) => ({ value: b.id, label: b.name }))} /></Form.Item>
            <Button type="primary" htmlType="submit" data-testid="staff-create">{t('directory.add')}</Button>
          </Form>
          <Table<Staff> rowKey="id" size="small" dataSource={directory.staff} pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t('directory.id'), dataIndex: 'id' },
              { title: t('directory.name'), dataIndex: 'name' },
              {
                title: t('fleet.branch'),
                dataIndex: 'branchId',
                render: (b: string | null, s) => (
                  <Select size="small" allowClear disabled={!writable} value={b ?? undefined} placeholder={t('placement.noBranch')} style={{ minWidth: 140 }}
                    options={directory.branches.map((x) => ({ value: x.id, label: x.name }))}
                    onChange={(v?: string) => void run(() => api.updateStaff(s.id, { branchId: v ?? null }))} />
                ),
              },
            ]} />
        </Card>
      </Col>
    </Row>
  );
}

/** Groups (tags): create one, add a device by id, remove a member. Group profiles and rollout cohorts use them. */
function GroupManagement() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const auth = useAuth();
  const directory = useDirectory();
  const writable = auth.can('fleet:write');
  const [form] = Form.useForm();
  const [adding, setAdding] = useState<Record<string, string>>({});
  const run = async (action: () => Promise<unknown>, reset?: () => void) => {
    try {
      await action();
      reset?.();
      await directory.reload();
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  return (
    <Card title={t('directory.groups')} size="small" style={{ marginTop: 16 }}>
      <Form form={form} layout="inline" disabled={!writable} style={{ marginBottom: 12 }}
        onFinish={(v: { id: string; name: string }) => void run(() => api.createGroup(v), () => form.resetFields())}>
        <Form.Item name="id" rules={[{ required: true, pattern: ID_PATTERN }]}><Input placeholder={t('directory.id')} style={{ width: 120 }} data-testid="group-id" /></Form.Item>
        <Form.Item name="name" rules={[{ required: true, max: 200 }]}><Input placeholder={t('directory.name')} style={{ width: 150 }} data-testid="group-name" /></Form.Item>
        <Button type="primary" htmlType="submit" data-testid="group-create">{t('directory.add')}</Button>
      </Form>
      <Table<Group> rowKey="id" size="small" dataSource={directory.groups} pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('directory.id'), dataIndex: 'id' },
          { title: t('directory.name'), dataIndex: 'name' },
          {
            title: t('directory.members'),
            dataIndex: 'deviceIds',
            render: (ids: string[], g) => (
              <Space size={2} wrap>
                {ids.map((d) => (
                  <Tag key={d} closable={writable} onClose={(e) => { e.preventDefault(); void run(() => api.removeFromGroup(g.id, d)); }}>
                    <Link to={`/devices/${encodeURIComponent(d)}`}>{d}</Link>
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: '',
            key: 'add',
            render: (_: unknown, g) => (
              <Space.Compact>
                <Input size="small" placeholder={t('directory.deviceId')} disabled={!writable} value={adding[g.id] ?? ''} onChange={(e) => setAdding({ ...adding, [g.id]: e.target.value })} style={{ width: 140 }} />
                <Button size="small" disabled={!writable || !adding[g.id]} onClick={() => void run(() => api.addToGroup(g.id, adding[g.id]!.trim()), () => setAdding({ ...adding, [g.id]: '' }))}>
                  {t('directory.addDevice')}
                </Button>
              </Space.Compact>
            ),
          },
        ]} />
    </Card>
  );
}

export function Provisioning() {
  const { t } = useTranslation();
  const auth = useAuth();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {!auth.can('fleet:write') && <Alert type="info" showIcon message={t('app.readOnly')} data-testid="read-only" />}
      <DeviceProvisioning />
      <DirectoryManagement />
      <GroupManagement />
    </Space>
  );
}
