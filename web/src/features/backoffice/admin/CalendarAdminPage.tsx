import { useRef, useState, type FormEvent } from 'react';
import { useT } from '../../../i18n';
import { formatDateTime } from '../../../i18n/format';
import { Link, usePageTitle, useSearchParams } from '../../../router';
import { useApi, useSubmit } from '../../../api/useApi';
import { Button, Checkboxes, ErrorState, Loading, Tag } from '../../../ui';
import { boApi, saveCalendar, type CalendarYear, type DayOff, type MakeUpDay } from '../api';
import { boHref } from '../paths';
import { ActionError } from '../actions/ActionError';
import { YearView } from './calendar/YearView';
import { DayLists } from './calendar/DayLists';
import { RulesPanel } from './calendar/RulesPanel';
import { CALENDAR_YEARS } from '@domain/calendar/rules.ts';

/** Days shown when the page loaded (not the admin's own) that have been removed since, unsaved. */
function prefilledRemovedNow(data: CalendarYear, daysOff: DayOff[], makeUp: MakeUpDay[]) {
  const kept = new Set([...daysOff, ...makeUp].map((d) => d.date));
  return [...data.daysOff, ...data.makeUpWorkingDays].filter((d) => d.source && d.source !== 'admin' && !kept.has(d.date));
}

function YearEditor({ data, onSaved }: { data: CalendarYear; onSaved: (next: CalendarYear) => void }) {
  const { t } = useT();
  const [daysOff, setDaysOff] = useState<DayOff[]>(data.daysOff);
  const [makeUp, setMakeUp] = useState<MakeUpDay[]>(data.makeUpWorkingDays);
  const [confirmed, setConfirmed] = useState(true);
  const [dirty, setDirty] = useState(false);
  const save = useSubmit(() => saveCalendar(data.year, { daysOff, makeUpWorkingDays: makeUp, confirmed }));
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const next = await save.run();
    if (next) {
      setDirty(false);
      onSaved(next);
    }
  };
  return (
    <form onSubmit={onSubmit}>
      <YearView year={data.year} daysOff={daysOff} makeUp={makeUp} />
      <DayLists
        year={data.year}
        daysOff={daysOff}
        makeUp={makeUp}
        removed={[...data.removed.daysOff, ...data.removed.makeUpWorkingDays, ...prefilledRemovedNow(data, daysOff, makeUp)]}
        onDaysOff={(d) => {
          setDaysOff(d);
          setDirty(true);
        }}
        onMakeUp={(d) => {
          setMakeUp(d);
          setDirty(true);
        }}
      />
      <section aria-labelledby="cal-save" className="bo-section">
        <h2 id="cal-save">{t('bo.cal.saveTitle')}</h2>
        {dirty && <p className="bo-warn">{t('bo.cal.unsaved')}</p>}
        <Checkboxes
          id="cal-confirmed"
          legend={t('bo.cal.confirmLegend')}
          value={confirmed ? ['yes'] : []}
          onChange={(v) => setConfirmed(v.includes('yes'))}
          options={[{ value: 'yes', label: t('bo.cal.confirmLabel'), hint: t('bo.cal.confirmHint') }]}
        />
        {save.error && <ActionError error={save.error} onReload={() => undefined} />}
        <Button type="submit" pending={save.pending}>
          {t('bo.cal.save', { y: data.year })}
        </Button>
      </section>
    </form>
  );
}

/** The yearly working-day calendar: days off, make-up working days, confirmation and version. */
export function CalendarAdminPage() {
  const { t } = useT();
  const params = useSearchParams();
  const thisYear = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));
  const asked = Number(params.get('nam'));
  const year = Number.isInteger(asked) && asked >= CALENDAR_YEARS.first && asked <= CALENDAR_YEARS.last ? asked : thisYear;
  const cal = useApi<CalendarYear>(boApi.calendar(year));
  const [notice, setNotice] = useState<number | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  usePageTitle(t('bo.calendar.titleYear', { y: year }));
  const d = cal.data;
  return (
    <>
      <h1>{t('bo.calendar.titleYear', { y: year })}</h1>
      <nav aria-label={t('bo.cal.years')} className="bo-yearnav">
        {year > CALENDAR_YEARS.first && <Link to={boHref.calendar(year - 1)}>← {t('bo.cal.year', { y: year - 1 })}</Link>}
        {year < CALENDAR_YEARS.last && <Link to={boHref.calendar(year + 1)}>{t('bo.cal.year', { y: year + 1 })} →</Link>}
      </nav>
      {notice !== null && (
        <div className="banner banner--success" role="status" tabIndex={-1} ref={noticeRef} aria-labelledby="cal-done">
          <h2 className="banner__title" id="cal-done">
            {t('common.done')}
          </h2>
          <div className="banner__content">
            <p>{t('bo.cal.saved', { n: notice })}</p>
          </div>
        </div>
      )}
      {cal.error && !d ? (
        <ErrorState error={cal.error} onRetry={cal.reload} />
      ) : !d ? (
        <Loading />
      ) : (
        <>
          <p>
            {d.confirmed ? <Tag colour="green">{t('bo.cal.confirmed')}</Tag> : <Tag colour="yellow">{t('bo.cal.draft')}</Tag>}{' '}
            {d.version > 0 ? t('bo.cal.version', { n: d.version, at: formatDateTime(d.updatedAt) || '—' }) : t('bo.cal.version0')}
          </p>
          <RulesPanel year={d.year} onChanged={cal.reload} />
          <YearEditor
            key={`${d.year}-${d.version}-${JSON.stringify(d.daysOff.map((x) => x.date))}`}
            data={d}
            onSaved={(next) => {
              cal.setData(next);
              setNotice(next.version);
              window.setTimeout(() => noticeRef.current?.focus(), 0);
            }}
          />
        </>
      )}
    </>
  );
}
