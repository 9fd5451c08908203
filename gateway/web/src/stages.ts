/**
 * A rollout's stages as an admin types them: "5, 25, 100" → [5, 25, 100].
 * Null unless they are whole percentages from 1 to 100, strictly rising and
 * ending at 100 (what the gateway accepts; it checks again).
 */
export function parseStages(text: string): number[] | null {
  const parts = text.split(/[,，\s]+/).filter(Boolean).map(Number);
  if (parts.length === 0 || parts.length > 10 || parts.some((p) => !Number.isInteger(p) || p < 1 || p > 100)) return null;
  if (parts.some((p, i) => i > 0 && p <= parts[i - 1]!) || parts.at(-1) !== 100) return null;
  return parts;
}
