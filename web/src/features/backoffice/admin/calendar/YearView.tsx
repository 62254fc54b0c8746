import { useT } from '../../../../i18n';
import type { DayOff, MakeUpDay } from '../../api';

const pad = (n: number) => String(n).padStart(2, '0');
/** Monday = 0 … Sunday = 6, computed in UTC so no browser zone can shift the date. */
const weekday = (y: number, m: number, d: number) => (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function Month({ year, month, off, makeUp }: { year: number; month: number; off: Map<string, DayOff>; makeUp: Map<string, MakeUpDay> }) {
  const { t } = useT();
  const first = weekday(year, month, 1);
  const count = daysIn(year, month);
  const cells: (number | null)[] = [...Array<null>(first).fill(null), ...Array.from({ length: count }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  const dayNames = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
  return (
    <table className="bo-month">
      <caption>{t('bo.cal.month', { m: month, y: year })}</caption>
      <thead>
        <tr>
          {dayNames.map((d) => (
            <th key={d} scope="col" abbr={t(`bo.cal.day.${d}`)}>
              {t(`bo.cal.dayShort.${d}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((w, i) => (
          <tr key={i}>
            {w.map((d, j) => {
              if (d === null) return <td key={j} />;
              const date = `${year}-${pad(month)}-${pad(d)}`;
              const o = off.get(date);
              const mu = makeUp.get(date);
              const cls = o ? `bo-day bo-day--${o.kind}` : mu ? 'bo-day bo-day--makeup' : j >= 5 ? 'bo-day bo-day--weekend' : 'bo-day';
              const label = o ? `${t(`bo.cal.kind.${o.kind}`)}: ${o.name}` : mu ? `${t('bo.cal.makeUp')}: ${mu.name}` : null;
              return (
                <td key={j} className={cls} title={label ?? undefined}>
                  {d}
                  {label && <span className="visually-hidden"> ({label})</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Twelve small month grids marking days off (by kind) and make-up working days. */
export function YearView({ year, daysOff, makeUp }: { year: number; daysOff: DayOff[]; makeUp: MakeUpDay[] }) {
  const { t } = useT();
  const off = new Map(daysOff.map((d) => [d.date, d]));
  const mu = new Map(makeUp.map((d) => [d.date, d]));
  return (
    <>
      <ul className="bo-legend list-plain" aria-label={t('bo.cal.legend')}>
        {(['holiday', 'compensatory', 'extra'] as const).map((k) => (
          <li key={k}>
            <span className={`bo-swatch bo-day--${k}`} aria-hidden="true" /> {t(`bo.cal.kind.${k}`)}
          </li>
        ))}
        <li>
          <span className="bo-swatch bo-day--makeup" aria-hidden="true" /> {t('bo.cal.makeUp')}
        </li>
        <li>
          <span className="bo-swatch bo-day--weekend" aria-hidden="true" /> {t('bo.cal.weekend')}
        </li>
      </ul>
      <div className="bo-year">
        {Array.from({ length: 12 }, (_, i) => (
          <Month key={i} year={year} month={i + 1} off={off} makeUp={mu} />
        ))}
      </div>
    </>
  );
}
