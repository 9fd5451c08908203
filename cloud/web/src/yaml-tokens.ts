/**
 * A YAML tokenizer for highlighting the rule editor, line by line: keys,
 * quoted strings, comments, booleans and null, numbers, and the punctuation
 * of lists and flow collections. It colours text; it does not parse or
 * validate (the server does, and reports problems at their line).
 */

export type YamlTokenKind = 'key' | 'string' | 'comment' | 'keyword' | 'number' | 'punct' | 'plain';

export interface YamlToken {
  kind: YamlTokenKind;
  text: string;
}

const KEYWORD = /^(true|false|null|yes|no|on|off|~)$/i;
const NUMBER = /^[-+]?(\d[\d_]*(\.\d+)?([eE][-+]?\d+)?|\.\d+)$/;
/** A plain key before `: ` (or a colon at the end of the line), in block or flow context. */
const KEY = /^([^\s#'"{}[\],:][^#{}[\],]*?)(\s*):(?=\s|$)/;

function scalar(text: string): YamlTokenKind {
  const t = text.trim();
  if (KEYWORD.test(t)) return 'keyword';
  if (NUMBER.test(t)) return 'number';
  return 'plain';
}

/** The end (exclusive) of a quoted string starting at `i`, or the line's end when it is not closed there. */
function quoteEnd(line: string, i: number): number {
  const q = line[i];
  for (let j = i + 1; j < line.length; j++) {
    if (q === '"' && line[j] === '\\') {
      j++;
      continue;
    }
    if (line[j] === q) {
      // '' inside a single-quoted string is an escaped quote
      if (q === "'" && line[j + 1] === "'") {
        j++;
        continue;
      }
      return j + 1;
    }
  }
  return line.length;
}

/** The tokens of one line; their texts joined give the line back exactly. */
export function tokenizeYamlLine(line: string): YamlToken[] {
  const out: YamlToken[] = [];
  const push = (kind: YamlTokenKind, text: string) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += text;
    else out.push({ kind, text });
  };
  let i = 0;
  // at the start of a line or after `- `, `{`, `[` or `,` a key may come
  let keyMayStart = true;
  // how deep in flow collections ({…} and […]) the scan is
  let depth = 0;
  let plain = '';
  const flushPlain = () => {
    if (plain) push(scalar(plain), plain);
    plain = '';
  };
  while (i < line.length) {
    const c = line[i] ?? '';
    const rest = line.slice(i);
    if (/\s/.test(c)) {
      // whitespace ends nothing in a plain scalar (it may hold spaces), but separates structure
      if (plain) plain += c;
      else push('plain', c);
      i++;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) {
      flushPlain();
      push('comment', rest);
      break;
    }
    if (keyMayStart && !plain) {
      if (c === '-' && (line[i + 1] === undefined || /\s/.test(line[i + 1] ?? ''))) {
        push('punct', '-');
        i++;
        continue;
      }
      if (rest.startsWith('---') || rest.startsWith('...')) {
        push('punct', rest.slice(0, 3));
        i += 3;
        continue;
      }
      const key = KEY.exec(rest);
      if (key) {
        push('key', key[1] ?? '');
        push('plain', key[2] ?? '');
        push('punct', ':');
        i += key[0].length;
        keyMayStart = false;
        continue;
      }
    }
    if ((c === '"' || c === "'") && !plain) {
      const end = quoteEnd(line, i);
      push('string', line.slice(i, end));
      i = end;
      keyMayStart = false;
      continue;
    }
    // flow punctuation: a collection opens where a value starts; inside one, `,` `]` `}` end items.
    // In a block value (a regex like a{0,4}) they are just characters.
    const opens = (c === '{' || c === '[') && (!plain || depth > 0);
    if (opens || (depth > 0 && (c === ',' || c === ']' || c === '}'))) {
      flushPlain();
      push('punct', c);
      i++;
      if (opens) depth++;
      else if (c !== ',') depth--;
      keyMayStart = c !== '}' && c !== ']';
      continue;
    }
    plain += c;
    keyMayStart = false;
    i++;
  }
  flushPlain();
  return out;
}

/** Every line's tokens. */
export function tokenizeYaml(text: string): YamlToken[][] {
  return text.split('\n').map(tokenizeYamlLine);
}
