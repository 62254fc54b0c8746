import { useState, type FormEvent } from 'react';
import { useT } from '../../../i18n';
import { Button } from '../../../ui';

export interface PeriodValue {
  from: string;
  to: string;
}

/** Today's Vietnam date (YYYY-MM-DD), whatever the browser's zone. */
export function vnToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function presets(today: string): { key: 'thisMonth' | 'thisQuarter' | 'thisYear'; from: string }[] {
  const y = today.slice(0, 4);
  const m = Number(today.slice(5, 7));
  const q = Math.floor((m - 1) / 3) * 3 + 1;
  return [
    { key: 'thisMonth', from: `${today.slice(0, 7)}-01` },
    { key: 'thisQuarter', from: `${y}-${String(q).padStart(2, '0')}-01` },
    { key: 'thisYear', from: `${y}-01-01` },
  ];
}

/** A period (from, to) with the usual shortcuts; the parent keeps it in the URL. */
export function PeriodForm({ value, onChange }: { value: PeriodValue; onChange: (p: PeriodValue) => void }) {
  const { t } = useT();
  const [from, setFrom] = useState(value.from);
  const [to, setTo] = useState(value.to);
  const today = vnToday();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (from && to && from <= to) onChange({ from, to });
  };
  return (
    <form className="ind-period" onSubmit={submit} noValidate>
      <fieldset>
        <legend className="legend">{t('ind.period.legend')}</legend>
        <div className="ind-period__row">
          <div className="form-group">
            <label className="label" htmlFor="ind-from">
              {t('ind.period.from')}
            </label>
            <input id="ind-from" className="input" type="date" value={from} max={to || today} onChange={(e) => setFrom(e.target.value)} />
          </div>
          <div className="form-group">
            <label className="label" htmlFor="ind-to">
              {t('ind.period.to')}
            </label>
            <input id="ind-to" className="input" type="date" value={to} min={from} max={today} onChange={(e) => setTo(e.target.value)} />
          </div>
          <Button type="submit" variant="secondary">
            {t('ind.period.show')}
          </Button>
        </div>
        <ul className="ind-period__presets list-plain">
          {presets(today).map((p) => (
            <li key={p.key}>
              <Button
                variant="link"
                small
                aria-pressed={value.from === p.from && value.to === today}
                onClick={() => {
                  setFrom(p.from);
                  setTo(today);
                  onChange({ from: p.from, to: today });
                }}
              >
                {t(`ind.period.${p.key}`)}
              </Button>
            </li>
          ))}
        </ul>
      </fieldset>
    </form>
  );
}
