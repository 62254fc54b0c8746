import { useState, type FormEvent } from 'react';
import { useT } from '../../../../i18n';
import { formatDate } from '../../../../i18n/format';
import { useApi, useSubmit } from '../../../../api/useApi';
import { Button, ErrorState, Loading, Table, Tag, TextInput, type TagColour } from '../../../../ui';
import { boApi, saveHolidaySwitch, type CalendarRules } from '../../api';
import { ActionError } from '../../actions/ActionError';

type Status = CalendarRules['switchable'][number]['status'] | CalendarRules['workingTime'][number]['status'];
const statusColour: Record<Status, TagColour> = { in_force: 'green', upcoming: 'blue', past: 'grey', not_in_force: 'grey' };

function StatusTag({ status, from }: { status: Status; from?: string | null }) {
  const { t } = useT();
  return <Tag colour={statusColour[status]}>{t(`bo.rules.status.${status}`, { date: formatDate(from ?? '') })}</Tag>;
}

/** A holiday that is present but not law yet (24/11): its state, and the form that switches it on or off. */
function SwitchableHoliday({ rule, onSaved }: { rule: CalendarRules['switchable'][number]; onSaved: (r: CalendarRules) => void }) {
  const { t, lang } = useT();
  const [date, setDate] = useState(rule.effectiveFrom ?? '');
  const [basis, setBasis] = useState(rule.switchBasis ?? '');
  const [error, setError] = useState<{ field: 'date' | 'basis'; text: string } | null>(null);
  const save = useSubmit((effectiveFrom: string | null) => saveHolidaySwitch(rule.id, { effectiveFrom, legalBasis: basis.trim() }));
  const p = `sw-${rule.id}`;
  const submit = async (effectiveFrom: string | null) => {
    if (effectiveFrom !== null && !/^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom)) return setError({ field: 'date', text: t('bo.rules.err.date') });
    if (!basis.trim()) return setError({ field: 'basis', text: t('bo.rules.err.basis') });
    setError(null);
    const next = await save.run(effectiveFrom);
    if (next) onSaved(next);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit(date);
  };
  return (
    <form className="bo-item" onSubmit={onSubmit} aria-labelledby={`${p}-title`}>
      <h3 id={`${p}-title`}>
        {lang === 'en' ? rule.nameEn : rule.name} ({rule.day}/{rule.month}) <StatusTag status={rule.status} from={rule.effectiveFrom} />
      </h3>
      {rule.effectiveFrom && <p>{t('bo.rules.inForceFrom', { date: formatDate(rule.effectiveFrom) })}</p>}
      <p className="bo-sub">{lang === 'en' ? rule.legalBasisEn : rule.legalBasis}</p>
      {rule.switchBasis && <p className="bo-sub">{t('bo.rules.switchBasis', { basis: rule.switchBasis })}</p>}
      <div className="bo-inline-fields">
        <TextInput
          id={`${p}-date`}
          label={t('bo.rules.from')}
          hint={t('bo.rules.fromHint')}
          type="date"
          width="w10"
          error={error?.field === 'date' ? error.text : null}
          value={date}
          onChange={setDate}
        />
        <TextInput id={`${p}-basis`} label={t('bo.rules.basis')} error={error?.field === 'basis' ? error.text : null} value={basis} onChange={setBasis} />
      </div>
      {save.error && <ActionError error={save.error} onReload={() => undefined} />}
      <div className="button-group">
        <Button type="submit" pending={save.pending}>
          {t('bo.rules.switchOn')}
        </Button>
        {rule.effectiveFrom !== null && (
          <Button variant="secondary" onClick={() => void submit(null)}>
            {t('bo.rules.switchOff')}
          </Button>
        )}
      </div>
    </form>
  );
}

/** The calendar's law as data: what is in force, what changes when, and the decisions entered for the year. */
export function RulesPanel({ year, onChanged }: { year: number; onChanged: () => void }) {
  const { t, lang } = useT();
  const rules = useApi<CalendarRules>(boApi.calendarRules());
  const r = rules.data;
  if (rules.error && !r) return <ErrorState error={rules.error} onRetry={rules.reload} />;
  if (!r) return <Loading />;
  const decisions = r.decisions.filter((d) => d.year === year);
  return (
    <section aria-labelledby="rules-title" className="bo-section">
      <h2 id="rules-title">{t('bo.rules.title')}</h2>
      <h3>{t('bo.rules.upcoming')}</h3>
      {r.upcoming.length === 0 ? (
        <p className="secondary-text">{t('bo.rules.noUpcoming', { date: formatDate(r.today) })}</p>
      ) : (
        <ul className="list-plain bo-daylist">
          {r.upcoming.map((u) => (
            <li key={`${u.kind}-${u.date}`}>
              <span>
                <strong>{t('bo.rules.fromDate', { date: formatDate(u.date) })}</strong> – {lang === 'en' ? u.whatEn : u.what}
              </span>
            </li>
          ))}
        </ul>
      )}
      <Table
        caption={t('bo.rules.hours')}
        rowKey={(w) => w.effectiveFrom}
        rows={r.workingTime}
        columns={[
          { header: t('bo.rules.effectiveFrom'), cell: (w) => formatDate(w.effectiveFrom), nowrap: true },
          { header: t('bo.rules.periods'), cell: (w) => w.periods.map((p) => `${p.start}–${p.end}`).join(', ') },
          { header: t('bo.rules.basis'), cell: (w) => w.legalBasis },
          { header: t('bo.rules.state'), cell: (w) => <StatusTag status={w.status} from={w.effectiveFrom} /> },
        ]}
      />
      <h3>{t('bo.rules.switchable')}</h3>
      {r.switchable.map((s) => (
        <SwitchableHoliday
          key={`${s.id}-${s.version}`}
          rule={s}
          onSaved={(next) => {
            rules.setData(next);
            onChanged();
          }}
        />
      ))}
      <h3>{t('bo.rules.decisions', { y: year })}</h3>
      {decisions.length === 0 ? (
        <p className="secondary-text">{t('bo.rules.noDecision', { y: year })}</p>
      ) : (
        <ul className="list-plain bo-daylist">
          {decisions.map((d) => (
            <li key={d.title}>
              <span>
                {lang === 'en' ? d.titleEn : d.title}
                <span className="bo-sub">{d.source ?? t('bo.rules.sourceToConfirm')}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
