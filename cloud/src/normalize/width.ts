/**
 * Full-width / half-width folding. Full-width ASCII (Ａ１，！) becomes its
 * half-width form and the ideographic space becomes a plain space; Chinese
 * punctuation such as 。、「」 is kept, since it carries sentence structure.
 * Every character maps to exactly one character, so offsets are unchanged.
 */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code === 0x3000) out += ' ';
    else if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else out += ch;
  }
  return out;
}

/** Half-width ASCII punctuation and letters to their full-width forms (for display). */
export function toFullWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code === 0x20) out += '\u3000';
    else if (code >= 0x21 && code <= 0x7e) out += String.fromCharCode(code + 0xfee0);
    else out += ch;
  }
  return out;
}
