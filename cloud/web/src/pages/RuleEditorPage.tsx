import { Alert, App, Button, Card, Col, Input, List, Row, Space, Spin, Tag, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../api/client.js';
import { IssuesError, rulesApi, type LocatedIssue } from '../api/rules-client.js';
import { useLabels } from '../app-data.js';
import { CompletionList, caretPoint, type CompletionState } from '../components/CompletionList.js';
import { RuleTester } from '../components/RuleTester.js';
import { completeYaml, type CompletionItem, type CompletionVocabulary } from '../yaml-completion.js';
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
  const labels = useLabels();
  const { taxonomy } = labels;
  const [shared, setShared] = useState<{ patterns: string[]; lexicons: string[] }>({ patterns: [], lexicons: [] });
  const [completion, setCompletion] = useState<CompletionState | null>(null);
  // asked for after a keystroke; answered once the highlighted copy shows the new text (it places the list)
  const [completionAsk, setCompletionAsk] = useState<{ caret: number; force: boolean } | null>(null);
  // where the caret goes once an accepted item is in the text
  const caretAfter = useRef<number | null>(null);
  const vocabulary = useMemo<CompletionVocabulary>(
    () => ({
      profile: Object.fromEntries(Object.entries(taxonomy.profile).map(([family, tags]) => [family, Object.fromEntries(Object.entries(tags).map(([tag, d]) => [tag, Object.keys(d.values)]))])),
      compliance: Object.keys(taxonomy.compliance),
      keyPoints: Object.keys(taxonomy.keyPoints),
      patterns: shared.patterns,
      lexicons: shared.lexicons,
      // the taxonomy's names in the list, in the page's language
      describe: (field, id, family, tag) =>
        field === 'family' ? undefined
        : field === 'tag' ? (family ? labels.tag(family, id) : undefined)
        : field === 'value' ? (family && tag ? labels.tagValue(family, tag, id) : undefined)
        : field === 'rule' ? labels.rule(id)
        : labels.keyPoint(id),
    }),
    [taxonomy, shared, labels],
  );

  const load = useCallback(async () => {
    try {
      if (ruleId) {
        const r = await rulesApi.rule(ruleId);
        setYaml(r.yaml);
        setBaseVersion(r.version);
      } else {
        setBaseVersion((await rulesApi.list()).version.version);
      }
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }, [ruleId]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    // the shared regex fragments and word lists the editor completes (@{name}, "@name")
    rulesApi.list().then((l) => setShared(l.shared), () => undefined);
  }, []);

  useLayoutEffect(() => {
    const el = editor.current?.resizableTextArea?.textArea;
    if (caretAfter.current !== null && el) {
      el.setSelectionRange(caretAfter.current, caretAfter.current);
      caretAfter.current = null;
    }
    if (!completionAsk || yaml === null) return;
    setCompletionAsk(null);
    const { caret, force } = completionAsk;
    const before = yaml.slice(0, caret);
    // offered by itself while a word, a value after ': ', a flow key after '{' or ',' or a named pattern is typed; Ctrl+Space always
    if (!force && !/([A-Za-z0-9_]|:\s|[{,]\s?|@\{?|"@)$/.test(before)) return setCompletion(null);
    const c = completeYaml(yaml, caret, vocabulary);
    const row = before.split('\n').length - 1;
    const column = caret - (before.lastIndexOf('\n') + 1);
    const at = c && highlight.current && inputBox.current ? caretPoint(highlight.current, inputBox.current, row, column) : null;
    setCompletion(c && at ? { ...c, active: 0, ...at } : null);
  }, [completionAsk, yaml, vocabulary]);

  function accept(item: CompletionItem) {
    if (yaml === null || !completion) return;
    const next = yaml.slice(0, completion.from) + item.insert + yaml.slice(completion.to);
    caretAfter.current = completion.from + item.insert.length;
    setCompletion(null);
    setYaml(next);
    setIssues(null);
    // a key's value may be offered next (kind: → profile, compliance …)
    setCompletionAsk({ caret: caretAfter.current, force: false });
  }

  function onEditorKey(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === ' ' && e.ctrlKey) {
      e.preventDefault();
      setCompletionAsk({ caret: e.currentTarget.selectionStart, force: true });
      return;
    }
    if (!completion) return;
    const n = completion.items.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setCompletion({ ...completion, active: (completion.active + (e.key === 'ArrowDown' ? 1 : n - 1)) % n });
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      const item = completion.items[completion.active];
      if (!item) return;
      e.preventDefault();
      accept(item);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setCompletion(null);
    }
  }

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
                    if (canEdit) setCompletionAsk({ caret: e.target.selectionStart, force: false });
                  }}
                  onKeyDown={onEditorKey}
                  onBlur={() => setCompletion(null)}
                  onClick={() => setCompletion(null)}
                  onScroll={(e) => {
                    if (highlight.current) highlight.current.style.transform = `translateX(${-e.currentTarget.scrollLeft}px)`;
                    setCompletion(null);
                  }}
                  data-testid="rule-yaml"
                />
                {completion && <CompletionList state={completion} onPick={accept} />}
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
