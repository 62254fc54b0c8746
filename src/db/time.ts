/**
 * Both drivers hand timestamptz back as PostgreSQL text (`2026-01-15 01:30:00.123456+00`);
 * this turns it into a Date (millisecond precision).
 */
export function toDate(v: string | Date): Date;
export function toDate(v: string | Date | null): Date | null;
export function toDate(v: string | Date | null): Date | null {
  if (v === null) return null;
  if (v instanceof Date) return v;
  const iso = v
    .replace(' ', 'T')
    .replace(/(\.\d{3})\d+/, '$1')
    .replace(/([+-]\d\d)$/, '$1:00');
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Unparseable timestamp: ${v}`);
  return d;
}
