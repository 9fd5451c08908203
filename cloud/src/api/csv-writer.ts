/**
 * CSV for spreadsheet users (RFC 4180): fields quoted when they hold a comma,
 * quote or line break, quotes doubled, CRLF line ends. A leading = + - @ tab
 * or CR is neutralised with an apostrophe so a cell cannot become a formula
 * when Excel opens the file (CSV injection). The file starts with a UTF-8
 * byte-order mark so Excel reads Chinese text as UTF-8.
 */
export const UTF8_BOM = '\uFEFF';

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(fields: ReadonlyArray<string | number | null | undefined>): string {
  return fields.map(csvField).join(',') + '\r\n';
}
