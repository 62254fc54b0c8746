// All dates and times are shown in Vietnam time (+07:00) whatever the browser's zone, as
// dd/mm/yyyy and HH:mm. Date-only values (YYYY-MM-DD) are never shifted through a zone.
const ZONE = 'Asia/Ho_Chi_Minh';

const dateFmt = new Intl.DateTimeFormat('vi-VN', { timeZone: ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFmt = new Intl.DateTimeFormat('vi-VN', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const numberFmt = new Intl.NumberFormat('vi-VN');

function parts(fmt: Intl.DateTimeFormat, date: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of fmt.formatToParts(date)) out[p.type] = p.value;
  return out;
}

function toDate(value: string | Date): Date | null {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** `2026-01-15T08:30:00+07:00` → `15/01/2026`; `2026-01-15` → `15/01/2026`; invalid → ''. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  if (typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  }
  const d = toDate(value);
  if (!d) return '';
  const p = parts(dateFmt, d);
  return `${p.day}/${p.month}/${p.year}`;
}

/** `…T08:05:00+07:00` → `08:05`. */
export function formatTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const d = toDate(value);
  if (!d) return '';
  const p = parts(timeFmt, d);
  return `${p.hour}:${p.minute}`;
}

/** `08:05 15/01/2026` — time first, as Vietnamese forms write it. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const date = formatDate(value);
  return date ? `${formatTime(value)} ${date}` : '';
}

export function formatNumber(n: number): string {
  return numberFmt.format(n);
}

/** Sizes in decimal units, as file pickers show them: `1,5 MB`. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(bytes / 1000)} KB`;
  return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(bytes / 1_000_000)} MB`;
}
