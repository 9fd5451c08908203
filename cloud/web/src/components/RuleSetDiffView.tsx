import { Alert, Card, Space, Tag, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DiffHunk, RuleSetDiff } from '../api/rules-client.js';

const CHANGE_COLOUR = { added: 'green', removed: 'red', changed: 'gold' } as const;

const LINE_STYLE: Record<string, CSSProperties> = {
  '+': { background: '#e6ffec' },
  '-': { background: '#ffebe9' },
  ' ': {},
};

/** A unified diff of YAML, hunk by hunk, added lines green and removed lines red. */
function Hunks({ hunks }: { hunks: DiffHunk[] }) {
  return (
    <pre className="rule-diff" style={{ margin: 0, fontSize: 12, lineHeight: 1.5, overflowX: 'auto' }}>
      {hunks.map((h, i) => (
        <div key={i}>
          <div style={{ background: '#f0f2f5', color: '#57606a' }}>{`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`}</div>
          {h.lines.map((line, j) => (
            <div key={j} data-diff-line={line.charAt(0) === '+' ? 'added' : line.charAt(0) === '-' ? 'removed' : 'context'} style={LINE_STYLE[line.charAt(0)] ?? {}}>
              {line || ' '}
            </div>
          ))}
        </div>
      ))}
    </pre>
  );
}

/** One added, removed or changed rule or setting: what it is, then its diff. */
function ChangeCard({ testId, change, name, hunks }: { testId: string; change: 'added' | 'removed' | 'changed'; name: ReactNode; hunks: DiffHunk[] }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid={testId}
      title={
        <Space>
          <Tag color={CHANGE_COLOUR[change]}>{t(`rules.change.${change}`)}</Tag>
          {name}
        </Space>
      }
    >
      <Hunks hunks={hunks} />
    </Card>
  );
}

/** What changed between two rule-set versions: a summary, then every changed rule and shared setting with its diff. */
export function RuleSetDiffView({ diff }: { diff: RuleSetDiff }) {
  const { t } = useTranslation();
  const count = (c: 'added' | 'removed' | 'changed') => diff.rules.filter((r) => r.change === c).length;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="rule-diff">
      <Typography.Text strong>{t('rules.diffTitle', { from: diff.from.version, to: diff.to.version })}</Typography.Text>
      <Typography.Text type="secondary" data-testid="rule-diff-summary">
        {t('rules.diffSummary', { changed: count('changed'), added: count('added'), removed: count('removed'), unchanged: diff.unchanged, settings: diff.settings.length })}
      </Typography.Text>
      {diff.rules.length === 0 && diff.settings.length === 0 && <Alert type="info" message={t('rules.diffNone')} />}
      {diff.rules.map((r) => (
        <ChangeCard
          key={`rule:${r.id}`}
          testId="rule-diff-rule"
          change={r.change}
          hunks={r.hunks}
          name={
            r.change === 'removed' ? (
              <Typography.Text code>{r.id}</Typography.Text>
            ) : (
              <Link to={`/rules/edit/${encodeURIComponent(r.id)}`}>
                <Typography.Text code>{r.id}</Typography.Text>
              </Link>
            )
          }
        />
      ))}
      {diff.settings.map((s) => (
        <ChangeCard
          key={`setting:${s.key}`}
          testId="rule-diff-setting"
          change={s.change}
          hunks={s.hunks}
          name={
            <>
              <span>{t('rules.setting')}</span>
              <Typography.Text code>{s.key}</Typography.Text>
            </>
          }
        />
      ))}
    </Space>
  );
}
