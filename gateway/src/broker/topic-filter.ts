/**
 * MQTT 3.1.1 topic filter semantics (section 4.7): `+` matches one level, `#`
 * the rest (including the parent level); wildcards never match a first level
 * starting with `$`.
 */
export function isValidFilter(filter: string): boolean {
  if (filter.length === 0 || filter.includes('\u0000')) return false;
  const levels = filter.split('/');
  return levels.every((level, i) => {
    if (level.includes('#')) return level === '#' && i === levels.length - 1;
    return !level.includes('+') || level === '+';
  });
}

export function topicMatches(filter: string, topic: string): boolean {
  const f = filter.split('/');
  const t = topic.split('/');
  if (topic.startsWith('$') && (f[0] === '+' || f[0] === '#')) return false;
  for (let i = 0; i < f.length; i++) {
    const level = f[i]!;
    if (level === '#') return true;
    if (i >= t.length) return false;
    if (level !== '+' && level !== t[i]) return false;
  }
  return f.length === t.length;
}

/** True when every topic `inner` matches is also matched by `outer` (both valid filters). */
export function filterWithin(inner: string, outer: string): boolean {
  const a = inner.split('/');
  const b = outer.split('/');
  if (inner.startsWith('$') && (b[0] === '+' || b[0] === '#')) return false;
  for (let i = 0; i < b.length; i++) {
    const o = b[i]!;
    if (o === '#') return true;
    const x = a[i];
    if (x === undefined) return false;
    if (x === '#') return false;
    if (o === '+') continue;
    if (x === '+' || x !== o) return false;
  }
  return a.length === b.length;
}
