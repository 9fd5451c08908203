import { Alert, App, Button, Card, Col, Input, List, Row, Space, Spin, Tag, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../api/client.js';
import { IssuesError, rulesApi, type LocatedIssue } from '../api/rules-client.js';
import { CompletionList } from '../components/CompletionList.js';
import { RuleTester } from '../components/RuleTester.js';
import { useYamlCompletion, type SharedNames } from '../components/use-yaml-completion.js';
import { tokenizeYaml } from '../yaml-tokens.js';
import { reviewerName } from '../reviewer.js';
import { useCanEditRules } from './RulesPage.js';
import './rules.css';

const NEW_RULE = `id: compliance.custom.example
kind: compliance
rule: promise_guarantee
description: 示例：承诺保本保息
conditions:
  claim:
    role: staff
    match:
      any: [保本保息, 稳赚不赔]
when: claim
`;

/** Start and end offsets of a 1-based line of `text`. */
function lineRange(text: string, line: number): [number, number] {
  let start = 0;
  for (let i = 1; i < line; i++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) break;
    start = nl + 1;
  }
  const end = text.indexOf('\n', start);
  return [start, end < 0 ? text.length : end];
}

/**
 * One rule as YAML: validate against the server's validator (problems listed
 * with their line; a click selects that line in the editor), save as a new
 * rule-set version, and test the draft on a pasted dialogue.
 */
export function RuleEditorPage() {
  const { ruleId: param } = useParams();
  const ruleId = param ?? null;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const canEdit = useCanEditRules();
  const [yaml, setYaml] = useState<string | null>(ruleId ? null : NEW_RULE);
  const [baseVersion, setBaseVersion] = useState<string | undefined>(undefined);
  const [issues, setIssues] = useState<LocatedIssue[] | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editor = useRef<TextAreaRef>(null);
  // the highlighted copy follows the editor sideways without a re-render per scroll event
  const highlight = useRef<HTMLElement>(null);
  const inputBox = useRef<HTMLDivElement>(null);
  const [shared, setShared] = useState<SharedNames>({ patterns: [], lexicons: [] });
  const completion = useYamlCompletion({
    text: yaml,
    onEdit: (next) => {
      setYaml(next);
      setIssues(null);
    },
    editor,
    highlight,
    box: inputBox,
    shared,
  });

  const load = useCallback(async () => {
    try {
      // the set's summary names the shared fragments and word lists the editor completes; a new rule is based on its version
      const [rule, list] = await Promise.all([ruleId ? rulesApi.rule(ruleId) : null, rulesApi.list()]);
      setShared(list.shared);
      if (rule) {
        setYaml(rule.yaml);
        setBaseVersion(rule.version);
      } else {
        setBaseVersion(list.version.version);
      }
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }, [ruleId]);
  useEffect(() => {
    void load();
  }, [load]);

  function selectLine(line: number) {
    const el = editor.current?.resizableTextArea?.textArea;
    if (!el || yaml === null) return;
    const [s, e] = lineRange(yaml, line);
    el.focus();
    el.setSelectionRange(s, e);
    // the editor grows with its text (no inner scrolling, so the gutter stays aligned): bring the line into the window
    const lh = Number.parseFloat(getComputedStyle(el).lineHeight) || 20;
    window.scrollTo({ top: el.getBoundingClientRect().top + window.scrollY + (line - 4) * lh });
  }

  async function validate() {
    if (yaml === null) return;
    setBusy(true);
    try {
      const r = await rulesApi.validate(ruleId, yaml);
      setIssues(r.issues);
      const first = r.issues.find((i) => i.line !== undefined);
      if (first?.line !== undefined) selectLine(first.line);
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  async function save() {
    if (yaml === null) return;
    setBusy(true);
    try {
      const r = await rulesApi.save({ ruleId, yaml, reviewer: reviewerName(), ...(note.trim() ? { note: note.trim() } : {}), ...(baseVersion ? { expectedVersion: baseVersion } : {}) });
      setIssues([]);
      setBaseVersion(r.version.version);
      void message.success(t('rules.saved', { version: r.version.version }));
      if (!ruleId) {
        const id = /^id:\s*(\S+)/m.exec(yaml)?.[1];
        if (id) navigate(`/rules/edit/${encodeURIComponent(id)}`, { replace: true });
      }
    } catch (err) {
      if (err instanceof IssuesError) {
        setIssues(err.issues);
        const first = err.issues.find((i) => i.line !== undefined);
        if (first?.line !== undefined) selectLine(first.line);
      } else if (err instanceof ApiError && err.status === 409) void message.error(t('rules.conflict'));
      else void message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  // tokenised once per text change, not on every render (validation, busy state)
  const tokens = useMemo(() => tokenizeYaml(yaml ?? ''), [yaml]);

  if (error) return <Alert type="error" message={t('error.load', { message: error })} />;
  if (yaml === null) return <Spin />;
  const errorLines = new Set((issues ?? []).map((i) => i.line).filter((l): l is number => l !== undefined));

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Link to="/rules">← {t('rules.back')}</Link>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {ruleId ? t('rules.editorTitle', { id: ruleId }) : t('rules.newTitle')}
        </Typography.Title>
        {baseVersion && <Tag>{baseVersion}</Tag>}
      </Space>
      {!canEdit && <Alert type="info" showIcon message={t('rules.readOnly')} />}
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('rules.yaml')}>
            <div className="yaml-editor">
              <pre className="code line-numbers" aria-hidden>
                {yaml.split('\n').map((_, i) => (
                  <div key={i} className={errorLines.has(i + 1) ? 'error-line' : undefined}>
                    {i + 1}
                  </div>
                ))}
              </pre>
              <div className="yaml-input" ref={inputBox}>
                {/* the highlighted copy of the text behind a textarea whose own letters are transparent */}
                <pre className="code yaml-highlight" aria-hidden data-testid="yaml-highlight">
                  <code ref={highlight}>
                    {tokens.map((line, i) => (
                      <div key={i}>
                        {line.map((tok, j) => (tok.kind === 'plain' ? tok.text : <span key={j} className={`tok-${tok.kind}`}>{tok.text}</span>))}
                      </div>
                    ))}
                  </code>
                </pre>
                <Input.TextArea
                  ref={editor}
                  className="code"
                  spellCheck={false}
                  wrap="off"
                  autoSize={{ minRows: 16 }}
                  value={yaml}
                  readOnly={!canEdit}
                  onChange={(e) => {
                    setYaml(e.target.value);
                    setIssues(null);
                    if (canEdit) completion.typed(e.target.selectionStart);
                  }}
                  onKeyDown={completion.onKeyDown}
                  onBlur={completion.close}
                  onClick={completion.close}
                  onScroll={(e) => {
                    if (highlight.current) highlight.current.style.transform = `translateX(${-e.currentTarget.scrollLeft}px)`;
                    completion.close();
                  }}
                  data-testid="rule-yaml"
                />
                {completion.completion && <CompletionList state={completion.completion} onPick={completion.accept} />}
              </div>
            </div>
            {issues !== null &&
              (issues.length === 0 ? (
                <Alert style={{ marginTop: 8 }} type="success" showIcon message={t('rules.valid')} data-testid="validation-ok" />
              ) : (
                <Alert
                  style={{ marginTop: 8 }}
                  type="error"
                  showIcon
                  data-testid="validation-errors"
                  message={t('rules.invalid', { n: issues.length })}
                  description={
                    <List
                      size="small"
                      dataSource={issues}
                      renderItem={(i) => (
                        <List.Item
                          data-testid="validation-issue"
                          data-line={i.line ?? ''}
                          className={i.line !== undefined ? 'issue-clickable' : undefined}
                          onClick={() => i.line !== undefined && selectLine(i.line)}
                        >
                          <Space>
                            <Tag color="red">{i.line !== undefined ? t('rules.line', { line: i.line }) : t('rules.elsewhere')}</Tag>
                            <Typography.Text code>{i.path}</Typography.Text>
                            <span>{i.message}</span>
                          </Space>
                        </List.Item>
                      )}
                    />
                  }
                />
              ))}
            <Space style={{ marginTop: 8 }} wrap>
              <Button loading={busy} onClick={() => void validate()} data-testid="validate-rule">
                {t('rules.validate')}
              </Button>
              {canEdit && (
                <>
                  <Input style={{ width: 260 }} placeholder={t('rules.saveNote')} value={note} onChange={(e) => setNote(e.target.value)} />
                  <Button type="primary" loading={busy} onClick={() => void save()} data-testid="save-rule">
                    {t('rules.save')}
                  </Button>
                </>
              )}
            </Space>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('rules.test')}>
            <RuleTester ruleId={ruleId} yaml={yaml} onIssues={(found) => setIssues(found.length > 0 ? found : null)} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
