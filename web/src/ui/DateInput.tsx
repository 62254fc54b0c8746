import { useT } from '../i18n';
import { describedBy, ErrorMessage, Hint, OptionalMark } from './Field';

/** `2026-11-20` ↔ parts; partial input is kept as typed (`-11-2`) so nothing is lost. */
export function splitDate(value: string): { day: string; month: string; year: string } {
  const [year = '', month = '', day = ''] = value.split('-');
  return { day, month, year };
}

/** A real calendar date from the parts, as `YYYY-MM-DD`, or null. */
export function normalizeDate(value: string): string | null {
  const { day, month, year } = splitDate(value);
  if (!/^\d{4}$/.test(year) || !/^\d{1,2}$/.test(month) || !/^\d{1,2}$/.test(day)) return null;
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Day / month / year as three number boxes (the GOV.UK pattern): the order never depends on the
 * browser's locale, unlike `<input type="date">`, and it is easy on a phone keyboard.
 * The day box has `id` (error summary links there).
 */
export function DateInput({ id, legend, hint, error, optional, value, onChange }: {
  id: string;
  legend: string;
  hint?: string;
  error?: string | null;
  optional?: boolean;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useT();
  const parts = splitDate(value);
  const set = (key: 'day' | 'month' | 'year', v: string) => {
    const next = { ...parts, [key]: v.replace(/\D/g, '') };
    onChange(next.day || next.month || next.year ? `${next.year}-${next.month}-${next.day}` : '');
  };
  const box = (key: 'day' | 'month' | 'year', label: string, boxId: string, maxLength: number, cls: string) => (
    <div className="date-input__item">
      <label className="date-input__label" htmlFor={boxId}>
        {label}
      </label>
      <input
        id={boxId}
        className={`input ${cls}${error ? ' input--error' : ''}`}
        inputMode="numeric"
        maxLength={maxLength}
        value={parts[key]}
        onChange={(e) => set(key, e.target.value)}
        aria-invalid={error ? true : undefined}
        autoComplete="off"
      />
    </div>
  );
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <fieldset role="group" aria-describedby={describedBy(id, hint, error)}>
        <legend className="legend">
          {legend}
          {optional && <OptionalMark />}
        </legend>
        {hint && <Hint id={id}>{hint}</Hint>}
        {error && <ErrorMessage id={id}>{error}</ErrorMessage>}
        <div className="date-input">
          {box('day', t('date.day'), id, 2, 'input--w2')}
          {box('month', t('date.month'), `${id}-month`, 2, 'input--w2')}
          {box('year', t('date.year'), `${id}-year`, 4, 'input--w4')}
        </div>
      </fieldset>
    </div>
  );
}
