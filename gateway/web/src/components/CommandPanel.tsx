import { App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { COMMAND_KINDS, type Command, type CommandKind } from '../api/types.js';
import { useAuth } from '../auth.js';
import { errorText, formatTime } from '../format.js';
import { useLoad } from '../use-load.js';

/** Commands that change or destroy something on the badge ask for confirmation. */
const CONFIRM: ReadonlySet<CommandKind> = new Set(['reboot', 'lock', 'wipe-acknowledged', 'wipe-all']);
const DANGER: ReadonlySet<CommandKind> = new Set(['lock', 'wipe-all']);
const PENDING = new Set(['queued', 'sent', 'in_progress']);

/** A data-testid for antd props typed without data attributes (okButtonProps). */
function testId(id: string): Record<string, string> {
  return { 'data-testid': id };
}

function resultColor(status: string | undefined): string {
  if (status === 'ok') return 'green';
  if (status === 'in_progress') return 'blue';
  if (status === undefined) return 'default';
  return 'red';
}

/** Command buttons and the device's recent commands with their CommandResult. Polls fast while one is pending. */
export function CommandPanel({ deviceId, disabled }: { deviceId: string; disabled: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const auth = useAuth();
  const writable = auth.can('fleet:write');
  const commands = useLoad(() => api.commands(deviceId), deviceId, 2_000);

  const send = async (kind: CommandKind) => {
    try {
      await api.sendCommand(deviceId, kind);
      void message.success(t('commands.sent', { kind: t(`commandKind.${kind}`) }));
      await commands.reload();
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  const cancel = async (command: Command) => {
    try {
      await api.cancelCommand(deviceId, command.id);
      await commands.reload();
    } catch (err) {
      void message.error(errorText(err));
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {COMMAND_KINDS.map((kind) => {
          const button = (
            <Button key={kind} danger={DANGER.has(kind)} disabled={!writable || disabled} data-testid={`command-${kind}`} onClick={CONFIRM.has(kind) ? undefined : () => void send(kind)}>
              {t(`commandKind.${kind}`)}
            </Button>
          );
          return CONFIRM.has(kind) && writable && !disabled ? (
            <Popconfirm key={kind} title={t('commands.confirm', { kind: t(`commandKind.${kind}`) })} onConfirm={() => void send(kind)} okButtonProps={{ danger: true, ...testId(`confirm-${kind}`) }}>
              {button}
            </Popconfirm>
          ) : (
            button
          );
        })}
      </Space>
      <Table<Command>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={commands.data?.commands ?? []}
        data-testid="commands-table"
        columns={[
          { title: t('commands.kind'), dataIndex: 'kind', render: (k: string) => t(`commandKind.${k}`, { defaultValue: k }) },
          { title: t('commands.issued'), dataIndex: 'issuedAtMs', render: (ms: number, c) => <span>{formatTime(ms)} <span className="muted">{c.issuedBy}</span></span> },
          { title: t('commands.state'), dataIndex: 'state', render: (s: string) => <Tag data-testid="command-state">{t(`commandState.${s}`, { defaultValue: s })}</Tag> },
          {
            title: t('commands.result'),
            key: 'result',
            render: (_: unknown, c) =>
              c.result ? (
                <Space size={4}>
                  <Tag color={resultColor(c.result.status)} data-testid="command-result">
                    {t(`commandResult.${c.result.status}`, { defaultValue: c.result.status })}
                    {c.result.status === 'in_progress' && c.result.progress !== null ? ` ${c.result.progress}%` : ''}
                  </Tag>
                  <span className="muted">{c.result.detail}</span>
                </Space>
              ) : (
                '—'
              ),
          },
          {
            title: '',
            key: 'cancel',
            render: (_: unknown, c) =>
              PENDING.has(c.state) && c.state === 'queued' && writable ? (
                <Button size="small" onClick={() => void cancel(c)}>
                  {t('commands.cancel')}
                </Button>
              ) : null,
          },
        ]}
      />
    </Space>
  );
}
