import { useState, type KeyboardEvent } from 'react';
import { useT } from '../../../../i18n';
import { formatDate } from '../../../../i18n/format';
import { Button, Select, TextInput } from '../../../../ui';
import type { DayOff, DayOffKind, MakeUpDay } from '../../api';

const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** Adds one dated entry after checking it belongs to the year and is not listed yet. */
function AddDay({ year, kind, taken, onAdd }: { year: number; kind: 'off' | 'makeUp'; taken: Set<string>; onAdd: (d: { date: string; name: string; kind: DayOffKind }) => void }) {
  const { t } = useT();
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const [k, setK] = useState<DayOffKind>('extra');
  const [error, setError] = useState<{ field: 'date' | 'name'; text: string } | null>(null);
  const p = kind === 'off' ? 'cal-off' : 'cal-mu';
  const add = () => {
    if (!date.startsWith(`${year}-`)) return setError({ field: 'date', text: t('bo.cal.err.date', { y: year }) });
    if (taken.has(date)) return setError({ field: 'date', text: t('bo.cal.err.taken', { date: formatDate(date) }) });
    if (!name.trim()) return setError({ field: 'name', text: t('bo.cal.err.name') });
    setError(null);
    onAdd({ date, name: name.trim(), kind: k });
    setDate('');
    setName('');
    document.getElementById(`${p}-date`)?.focus();
  };
  // Enter adds the day here; it must not submit (save) the whole calendar around it.
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    }
  };
  const weekend = date && kind === 'makeUp' && ![0, 6].includes(weekdayOf(date));
  return (
    <fieldset className="bo-item">
      <legend className="legend">{kind === 'off' ? t('bo.cal.addOffTitle') : t('bo.cal.addMakeUpTitle')}</legend>
      <div className="bo-inline-fields">
        <TextInput
          id={`${p}-date`}
          label={t('bo.cal.date')}
          hint={weekend ? t('bo.cal.notWeekend') : undefined}
          type="date"
          width="w10"
          min={`${year}-01-01`}
          max={`${year}-12-31`}
          error={error?.field === 'date' ? error.text : null}
          onKeyDown={onKeyDown}
          value={date}
          onChange={setDate}
        />
        <TextInput id={`${p}-name`} label={t('bo.cal.name')} error={error?.field === 'name' ? error.text : null} onKeyDown={onKeyDown} value={name} onChange={setName} />
        {kind === 'off' && (
          <Select
            id={`${p}-kind`}
            label={t('bo.cal.kind')}
            value={k}
            onChange={(v) => setK(v as DayOffKind)}
            options={(['holiday', 'compensatory', 'extra'] as const).map((x) => ({ value: x, label: t(`bo.cal.kind.${x}`) }))}
          />
        )}
      </div>
      <Button variant="secondary" onClick={add}>
        {kind === 'off' ? t('bo.cal.addOff') : t('bo.cal.addMakeUp')}
      </Button>
    </fieldset>
  );
}

/** Where a day comes from (law, decision, admin) and the text behind it. */
function Source({ day }: { day: MakeUpDay }) {
  const { t } = useT();
  if (!day.source) return null;
  return (
    <span className="bo-sub">
      {t(`bo.cal.source.${day.source}`)}
      {day.basis ? `: ${day.basis}` : ''}
    </span>
  );
}

/** Pre-filled days that were removed, each of which can be put back. */
function Removed({ removed, onRestore }: { removed: (DayOff | MakeUpDay)[]; onRestore: (d: DayOff | MakeUpDay) => void }) {
  const { t } = useT();
  if (removed.length === 0) return null;
  return (
    <section aria-labelledby="cal-removed-title" className="bo-section">
      <h2 id="cal-removed-title">{t('bo.cal.removedTitle', { count: removed.length })}</h2>
      <p className="secondary-text">{t('bo.cal.removedHint')}</p>
      <ul className="list-plain bo-daylist">
        {removed.map((d) => (
          <li key={d.date}>
            <span>
              <strong>{formatDate(d.date)}</strong> – {d.name} <span className="bo-sub">{'kind' in d ? t(`bo.cal.kind.${d.kind}`) : t('bo.cal.makeUp')}</span>
              <Source day={d} />
            </span>
            <Button variant="secondary" small onClick={() => onRestore(d)}>
              {t('bo.cal.restore')}
              <span className="visually-hidden"> {formatDate(d.date)}</span>
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function DayLists({ year, daysOff, makeUp, removed, onDaysOff, onMakeUp }: {
  year: number;
  daysOff: DayOff[];
  makeUp: MakeUpDay[];
  /** Pre-filled days not in the lists (removed by an admin, saved or not). */
  removed: (DayOff | MakeUpDay)[];
  onDaysOff: (d: DayOff[]) => void;
  onMakeUp: (d: MakeUpDay[]) => void;
}) {
  const { t } = useT();
  const taken = new Set([...daysOff.map((d) => d.date), ...makeUp.map((d) => d.date)]);
  const sorted = <T extends { date: string }>(list: T[]) => [...list].sort((a, b) => a.date.localeCompare(b.date));
  const restorable = removed.filter((d) => !taken.has(d.date));
  return (
    <>
    <Removed removed={restorable} onRestore={(d) => ('kind' in d ? onDaysOff([...daysOff, d]) : onMakeUp([...makeUp, d]))} />
    <div className="grid grid--halves">
      <section aria-labelledby="cal-off-title">
        <h2 id="cal-off-title">{t('bo.cal.daysOff', { count: daysOff.length })}</h2>
        <ul className="list-plain bo-daylist">
          {sorted(daysOff).map((d) => (
            <li key={d.date}>
              <span>
                <strong>{formatDate(d.date)}</strong> – {d.name} <span className="bo-sub">{t(`bo.cal.kind.${d.kind}`)}</span>
                <Source day={d} />
              </span>
              <Button variant="secondary" small onClick={() => onDaysOff(daysOff.filter((x) => x.date !== d.date))}>
                {t('bo.cal.remove')}
                <span className="visually-hidden"> {formatDate(d.date)}</span>
              </Button>
            </li>
          ))}
        </ul>
        <AddDay year={year} kind="off" taken={taken} onAdd={(d) => onDaysOff([...daysOff, d])} />
      </section>
      <section aria-labelledby="cal-mu-title">
        <h2 id="cal-mu-title">{t('bo.cal.makeUpDays', { count: makeUp.length })}</h2>
        {makeUp.length === 0 && <p className="secondary-text">{t('bo.cal.noMakeUp')}</p>}
        <ul className="list-plain bo-daylist">
          {sorted(makeUp).map((d) => (
            <li key={d.date}>
              <span>
                <strong>{formatDate(d.date)}</strong> – {d.name}
                <Source day={d} />
              </span>
              <Button variant="secondary" small onClick={() => onMakeUp(makeUp.filter((x) => x.date !== d.date))}>
                {t('bo.cal.remove')}
                <span className="visually-hidden"> {formatDate(d.date)}</span>
              </Button>
            </li>
          ))}
        </ul>
        <AddDay year={year} kind="makeUp" taken={taken} onAdd={(d) => onMakeUp([...makeUp, { date: d.date, name: d.name }])} />
      </section>
    </div>
    </>
  );
}
