import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../app-data.js';
import { completeYaml, type CompletionItem, type CompletionVocabulary } from '../yaml-completion.js';
import { caretPoint, type CompletionState } from './CompletionList.js';

/** Names the rule set shares (`@{pattern}`, `"@lexicon"`), from `GET /rules/list`. */
export interface SharedNames {
  patterns: string[];
  lexicons: string[];
}

/** Typed after the caret, these open the list by itself: a word, a value after ': ', a flow key after '{' or ',', a named pattern or lexicon. */
const OPENS_LIST = /([A-Za-z0-9_]|:\s|[{,]\s?|@\{?|"@)$/;

/**
 * Completion for a YAML rule editor built from a textarea over a highlighted
 * copy of its text: what to offer at the caret (yaml-completion.ts), where to
 * show it (read off the highlighted copy once it shows the new text), and the
 * keys that move, take or close it.
 */
export function useYamlCompletion(opts: {
  text: string | null;
  /** called with the text after an item is taken */
  onEdit: (next: string) => void;
  editor: RefObject<TextAreaRef | null>;
  highlight: RefObject<HTMLElement | null>;
  box: RefObject<HTMLElement | null>;
  shared: SharedNames;
}) {
  const { text, onEdit, editor, highlight, box, shared } = opts;
  const labels = useLabels();
  const { i18n } = useTranslation();
  const [completion, setCompletion] = useState<CompletionState | null>(null);
  // asked for after a keystroke; answered once the highlighted copy shows the new text (it places the list)
  const [ask, setAsk] = useState<{ caret: number; force: boolean } | null>(null);
  // where the caret goes once a taken item is in the text
  const caretAfter = useRef<number | null>(null);

  const { taxonomy } = labels;
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
    // the label functions read only the taxonomy and the language (useLabels gives new ones every render)
    [taxonomy, shared, i18n.language],
  );

  useLayoutEffect(() => {
    const el = editor.current?.resizableTextArea?.textArea;
    if (caretAfter.current !== null && el) {
      el.setSelectionRange(caretAfter.current, caretAfter.current);
      caretAfter.current = null;
    }
    if (!ask || text === null) return;
    setAsk(null);
    const before = text.slice(0, ask.caret);
    if (!ask.force && !OPENS_LIST.test(before)) return setCompletion(null);
    const c = completeYaml(text, ask.caret, vocabulary);
    const row = before.split('\n').length - 1;
    const column = ask.caret - (before.lastIndexOf('\n') + 1);
    const at = c && highlight.current && box.current ? caretPoint(highlight.current, box.current, row, column) : null;
    setCompletion(c && at ? { ...c, active: 0, ...at } : null);
  }, [ask, text, vocabulary, editor, highlight, box]);

  function accept(item: CompletionItem) {
    if (text === null || !completion) return;
    caretAfter.current = completion.from + item.insert.length;
    setCompletion(null);
    onEdit(text.slice(0, completion.from) + item.insert + text.slice(completion.to));
    // a key's value may be offered next (kind: → profile, compliance …)
    setAsk({ caret: caretAfter.current, force: false });
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === ' ' && e.ctrlKey) {
      e.preventDefault();
      setAsk({ caret: e.currentTarget.selectionStart, force: true });
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

  return {
    completion,
    accept,
    onKeyDown,
    /** after a keystroke changed the text: look again at the caret */
    typed: (caret: number) => setAsk({ caret, force: false }),
    close: () => setCompletion(null),
  };
}
