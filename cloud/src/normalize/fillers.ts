/**
 * Spoken fillers that ASR leaves in a transcript (嗯, 呃, 那个, 就是说 …).
 * Removal is conservative: pure hesitation sounds go wherever they stand
 * alone; words that are also real words (那个 "that", 就是 "exactly") go only
 * when they stand as their own chunk between pauses (spaces or punctuation),
 * which is how ASR output shows a hesitation. 就是说 is removed everywhere, it
 * never carries content.
 */
import { MappedTextBuilder, type MappedText } from './mapped-text.js';

const HESITATIONS = ['嗯嗯', '嗯', '呃', '额', '唔', '哦哦'];
const CHUNK_FILLERS = ['那个', '这个', '就是', '然后', '那么', '反正就是'];
const ALWAYS_FILLERS = ['就是说'];

const PAUSE = /[\s,，。.!！?？、;；:：…~～]/;

function isPause(ch: string | undefined): boolean {
  return ch === undefined || PAUSE.test(ch);
}

export function removeFillers(src: MappedText): MappedText {
  const text = src.text;
  const b = new MappedTextBuilder(src);
  let i = 0;
  let copiedTo = 0;
  while (i < text.length) {
    let cut = 0;
    for (const f of ALWAYS_FILLERS) {
      if (text.startsWith(f, i)) { cut = f.length; break; }
    }
    if (cut === 0) {
      for (const f of HESITATIONS) {
        if (text.startsWith(f, i) && isPause(text[i - 1]) && isPause(text[i + f.length])) { cut = f.length; break; }
      }
    }
    if (cut === 0) {
      for (const f of CHUNK_FILLERS) {
        if (text.startsWith(f, i) && isPause(text[i - 1]) && isPause(text[i + f.length])) { cut = f.length; break; }
      }
    }
    if (cut > 0) {
      b.copy(copiedTo, i);
      // swallow one following space so "那个 她" does not leave a double gap
      let end = i + cut;
      if (text[end] === ' ' && (i === 0 || text[i - 1] === ' ')) end++;
      copiedTo = end;
      i = end;
    } else {
      i++;
    }
  }
  b.copy(copiedTo, text.length);
  return b.build();
}
