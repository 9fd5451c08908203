import type { CompletionItem } from '../yaml-completion.js';

export interface CompletionState {
  from: number;
  to: number;
  items: CompletionItem[];
  /** the highlighted item */
  active: number;
  /** where the list opens, relative to the editor box */
  left: number;
  top: number;
}

/**
 * Where a caret at (row, column) of the text sits, read off the highlighted
 * copy behind the textarea (same font, same lines, already shifted by sideways
 * scrolling): the point just below it, relative to `box`.
 */
export function caretPoint(code: HTMLElement, box: HTMLElement, row: number, column: number): { left: number; top: number } | null {
  const line = code.children.item(row);
  if (!line) return null;
  const lineBox = line.getBoundingClientRect();
  const b = box.getBoundingClientRect();
  let left = lineBox.left;
  let rest = column;
  const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const len = node.textContent?.length ?? 0;
    if (rest <= len) {
      const range = document.createRange();
      range.setStart(node, rest);
      range.collapse(true);
      left = range.getBoundingClientRect().left;
      break;
    }
    rest -= len;
  }
  // an empty line has no text: the caret is at the line's start
  return { left: left - b.left, top: lineBox.bottom - b.top };
}

/** The list of what may be typed at the caret; the editor keeps the keyboard. */
export function CompletionList({ state, onPick }: { state: CompletionState; onPick: (item: CompletionItem) => void }) {
  return (
    <ul className="yaml-completion" role="listbox" data-testid="completion-list" style={{ left: state.left, top: state.top }}>
      {state.items.map((item, i) => (
        <li
          key={item.label}
          role="option"
          aria-selected={i === state.active}
          className={i === state.active ? 'active' : undefined}
          data-testid="completion-item"
          // mousedown, not click: the textarea keeps its focus and caret
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(item);
          }}
        >
          <span className="label">{item.label}</span>
          {item.detail && <span className="detail">{item.detail}</span>}
        </li>
      ))}
    </ul>
  );
}
