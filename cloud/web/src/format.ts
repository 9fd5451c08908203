/** Display formats shared by the screens. */
import dayjs from 'dayjs';

export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

export function formatTime(ms: number): string {
  return dayjs(ms).format('YYYY-MM-DD HH:mm');
}

export function formatRate(rate: number | null, na: string): string {
  return rate === null ? na : `${(rate * 100).toFixed(1)}%`;
}

export const SEVERITY_COLOURS = { critical: '#a8071a', high: '#f5222d', medium: '#fa8c16', low: '#fadb14' } as const;
