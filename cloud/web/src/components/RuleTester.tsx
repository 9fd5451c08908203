import { Alert, Button, Collapse, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IssuesError, rulesApi, type LocatedIssue, type RuleTestResponse } from '../api/rules-client.js';
import type { Segment } from '../api/types.js';
import { useLabels } from '../app-data.js';
import { SEVERITY_COLOURS } from '../format.js';
import { Transcript, type LineMark } from './Transcript.js';

const HIT_COLOUR = 'rgba(245, 34, 45, 0.35)';
const OTHER_COLOUR = 'rgba(22, 119, 255, 0.18)';

interface Props {
  /** The rule being edited (null: a new rule). */
  ruleId: string | null;
  /** The draft text in the editor; tested as it is, without saving. */
  yaml: string;
  /** Validation problems of the draft go back to the editor. */
  onIssues(issues: LocatedIssue[]): void;
}

/** Pasted dialogue → the engine with the draft rule → its hits, evidence highlighted in the dialogue. */
export function RuleTester({ ruleId, yaml, onIssues }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [dialogue, setDialogue] = useState('');
  const [channel, setChannel] = useState<'phone' | 'badge'>('badge');
  const [res, setRes] = useState<RuleTestResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run() {
    setBusy(true);
    setError(null);
    try {
      setRes(await rulesApi.test({ ruleId, yaml, dialogue, channel }));
      onIssues([]);
    } catch (err) {
      setRes(null);
      if (err instanceof IssuesError && err.code === 'RULES_INVALID') onIssues(err.issues);
      setError(err instanceof IssuesError ? `${err.message}: ${err.issues.map((i) => `${i.path} ${i.message}`).join('; ')}` : err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const segments = useMemo<Segment[]>(
    () => (res?.turns ?? []).map((tn) => ({ index: tn.index, startMs: null, endMs: null, role: tn.role, channel: 0, text: tn.text, normalizedText: null, confidence: null, levelDb: null })),
    [res],
  );
  const marks = useMemo<LineMark[]>(() => {
    if (!res) return [];
    const own = [...res.rule.profile.map((p) => p.evidence), ...res.rule.compliance.map((c) => c.evidence), ...(res.rule.keyPoint?.evidence ?? [])];
    return own.map((e) => ({ ...e, colour: HIT_COLOUR }));
  }, [res]);
  const otherMarks = useMemo<LineMark[]>(() => {
    if (!res) return [];
    return [...res.result.profile.map((p) => p.evidence), ...res.result.compliance.map((c) => c.evidence)].map((e) => ({ ...e, colour: OTHER_COLOUR }));
  }, [res]);
  const hitCount = res ? res.rule.profile.length + res.rule.compliance.length + (res.rule.keyPoint?.raised ? 1 : 0) : 0;

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="rule-tester">
      <Typography.Text>{t('rules.dialogue')}</Typography.Text>
      <Input.TextArea
        rows={6}
        className="code"
        value={dialogue}
        placeholder={t('rules.dialoguePlaceholder')}
        onChange={(e) => setDialogue(e.target.value)}
        data-testid="test-dialogue"
      />
      <Space>
        <span>{t('rules.channel')}</span>
        <Select value={channel} onChange={setChannel} style={{ width: 120 }} options={(['badge', 'phone'] as const).map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
        <Button type="primary" loading={busy} disabled={!dialogue.trim()} onClick={() => void run()} data-testid="run-test">
          {t('rules.run')}
        </Button>
        <Typography.Text type="secondary">{t('rules.draftUsed')}</Typography.Text>
      </Space>
      {error && <Alert type="error" message={error} data-testid="test-error" />}
      {res && (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="test-result">
          <Typography.Text strong data-testid="test-hit-count" data-hits={hitCount}>
            {hitCount > 0 ? `${t('rules.hits')}: ${hitCount}` : t('rules.noHits')}
          </Typography.Text>
          <List
            size="small"
            dataSource={[
              ...res.rule.compliance.map((c, i) => ({
                key: `c${i}`,
                label: (
                  <Space>
                    <Tag color={SEVERITY_COLOURS[c.severity]}>{t(`severity.${c.severity}`)}</Tag>
                    {labels.rule(c.rule)}
                  </Space>
                ),
                quote: c.evidence.quote,
              })),
              ...res.rule.profile.map((p, i) => ({
                key: `p${i}`,
                label: `${labels.tag(p.family, p.tag)}：${labels.tagValue(p.family, p.tag, p.value)}${p.detail ? ` (${p.detail})` : ''}`,
                quote: p.evidence.quote,
              })),
              ...(res.rule.keyPoint
                ? [
                    {
                      key: 'kp',
                      label: `${t('rules.keyPointResult')} ${labels.keyPoint(res.rule.keyPoint.point)}: ${
                        res.rule.keyPoint.applicable ? (res.rule.keyPoint.raised ? t('conv.raised') : t('conv.notRaised')) : t('conv.notApplicable')
                      }`,
                      quote: (res.rule.keyPoint.evidence ?? []).map((e) => e.quote).join(' / '),
                    },
                  ]
                : []),
            ]}
            renderItem={(item) => (
              <List.Item data-testid="test-hit">
                <Space direction="vertical" size={0}>
                  <span>{item.label}</span>
                  {item.quote && <Typography.Text type="secondary">「{item.quote}」</Typography.Text>}
                </Space>
              </List.Item>
            )}
          />
          <Transcript segments={segments} marks={[...otherMarks, ...marks]} activeIndex={null} onSeek={() => undefined} />
          <Collapse
            size="small"
            items={[
              {
                key: 'all',
                label: `${t('rules.allFindings')} (${res.rulesVersion})`,
                children: <pre className="code test-findings">{JSON.stringify({ profile: res.result.profile, compliance: res.result.compliance, keyPoints: res.result.keyPoints }, null, 2)}</pre>,
              },
            ]}
          />
        </Space>
      )}
    </Space>
  );
}
