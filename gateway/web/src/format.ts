import dayjs from 'dayjs';

/** A timestamp as local date and time; — for none. */
export function formatTime(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? '—' : dayjs(ms).format('YYYY-MM-DD HH:mm:ss');
}

/** Seconds of audio as whole minutes. */
export function backlogMinutes(seconds: number | null): number | null {
  return seconds === null ? null : Math.round(seconds / 60);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** The message of an error thrown by the API client (code and text). */
export function errorText(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && 'message' in err) return `${String((err as { code: string }).code)}: ${String((err as { message: string }).message)}`;
  return err instanceof Error ? err.message : String(err);
}
