import { useMemo, useState, type FormEvent } from 'react';
import { matchesSearch, viCollator } from '@domain/text.ts';
import { TRAINING_MODES, TRAINING_TOPICS, TERM_START, type TrainingMode, type TrainingTopic } from '@domain/training.ts';
import type { Course, Courses, Share } from '@domain/training-contract.ts';
import { useT } from '../../../i18n';
import { formatDate, formatDateTime, formatNumber } from '../../../i18n/format';
import { usePageTitle } from '../../../router';
import { api, apiPath, toApiError, type ApiError } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { Button, Checkboxes, DateInput, ErrorState, ErrorSummary, Loading, NotificationBanner, Select, Table, TextInput, normalizeDate, type FormError } from '../../../ui';
import { vnToday } from '../../indicators/components/PeriodForm';
import type { StaffMember } from '../api';
import { pickLang } from './ruleForm';

/** A line on the share of officials trained (the training page, and beside the indicators). */
export function ShareLine({ share, none }: { share: Share; none?: boolean }) {
  const { t } = useT();
  if (none || share.courses === 0) return <p>{t('trn.shareNone')}</p>;
  return (
    <p>
      <strong>
        {t('trn.share', {
          from: formatDate(share.period.from),
          to: formatDate(share.period.to),
          percent: share.percent === null ? '—' : `${formatNumber(share.percent)}%`,
          trained: share.trained,
          active: share.active,
        })}
      </strong>
    </p>
  );
}

/** /can-bo/quan-tri/dao-tao: the unit admin's training courses and who completed them. */
export function TrainingPage() {
  const { t } = useT();
  usePageTitle(t('trn.title'));
  const path = apiPath('/training/courses', { from: TERM_START, to: vnToday() });
  const { data, error, loading, reload } = useApi<Courses>(path);
  const staff = useApi<{ items: StaffMember[] }>(apiPath('/staff'));
  const [editing, setEditing] = useState<Course | 'new' | null>(null);
  const [saved, setSaved] = useState(false);
  return (
    <>
      <h1>{t('trn.title')}</h1>
      <p className="lead">{t('trn.lead')}</p>
      {loading && <Loading />}
      {error && <ErrorState error={error} onRetry={reload} />}
      {saved && <NotificationBanner type="success" title={t('trn.savedOk')} />}
      {data && (
        <>
          <ShareLine share={data.share} />
          <h2>{t('trn.courses')}</h2>
          {data.items.length === 0 ? (
            <p>{t('trn.none')}</p>
          ) : (
            <Table
              caption={t('trn.courses')}
              captionHidden
              columns={[
                { header: t('trn.col.name'), cell: (c: Course) => <>{c.name}<br /><span className="secondary-text">{c.provider}</span></> },
                { header: t('trn.col.dates'), cell: (c) => (c.startsOn === c.endsOn ? formatDate(c.startsOn) : `${formatDate(c.startsOn)} – ${formatDate(c.endsOn)}`), nowrap: true },
                { header: t('trn.col.hours'), cell: (c) => formatNumber(c.hours), numeric: true },
                { header: t('trn.col.topic'), cell: (c) => `${t(`trn.topic.${c.topic}`)} · ${t(`trn.mode.${c.mode}`)}` },
                { header: t('trn.col.done'), cell: (c) => formatNumber(c.completions.length), numeric: true },
                { header: t('trn.col.saved'), cell: (c) => <span className="small">{t('trn.saved.meta', { version: c.version, who: c.updatedBy ?? '—', at: formatDateTime(c.updatedAt) })}</span> },
                {
                  header: <span className="visually-hidden">{t('trn.edit')}</span>,
                  cell: (c) => (
                    <Button variant="secondary" onClick={() => { setSaved(false); setEditing(c); }}>
                      {t('trn.edit')} <span className="visually-hidden">{c.name}</span>
                    </Button>
                  ),
                },
              ]}
              rows={data.items}
              rowKey={(c) => c.id}
            />
          )}
          {editing === null ? (
            <Button onClick={() => { setSaved(false); setEditing('new'); }}>{t('trn.add')}</Button>
          ) : (
            <CourseForm
              key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`}
              course={editing === 'new' ? null : editing}
              staff={staff.data?.items ?? []}
              onCancel={() => setEditing(null)}
              onSaved={() => {
                setEditing(null);
                setSaved(true);
                reload();
              }}
              onReload={() => {
                setEditing(null);
                reload();
              }}
            />
          )}
        </>
      )}
    </>
  );
}

interface Done {
  userId: string;
  fullName: string;
  completedOn: string;
  certificateNo: string;
}

function CourseForm({ course, staff, onSaved, onCancel, onReload }: { course: Course | null; staff: StaffMember[]; onSaved: () => void; onCancel: () => void; onReload: () => void }) {
  const { t, lang } = useT();
  const [name, setName] = useState(course?.name ?? '');
  const [provider, setProvider] = useState(course?.provider ?? '');
  const [startsOn, setStartsOn] = useState(course?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(course?.endsOn ?? '');
  const [hours, setHours] = useState(course ? String(course.hours) : '');
  const [topic, setTopic] = useState<TrainingTopic>(course?.topic ?? 'digital_skills');
  const [mode, setMode] = useState<TrainingMode>(course?.mode ?? 'in_person');
  const [qualifies, setQualifies] = useState(course?.qualifies ?? true);
  const [done, setDone] = useState<Done[]>(course?.completions.map((c) => ({ ...c, certificateNo: c.certificateNo ?? '' })) ?? []);
  const [query, setQuery] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const matches = useMemo(
    () =>
      query.trim() === ''
        ? []
        : staff
            .filter((s) => !done.some((d) => d.userId === s.id) && matchesSearch(`${s.fullName} ${s.login}`, query))
            .sort((a, b) => viCollator.compare(a.fullName, b.fullName))
            .slice(0, 8),
    [staff, done, query],
  );
  const err = (id: string) => errors.find((e) => e.target === id)?.text ?? null;
  const setDoneAt = (i: number, patch: Partial<Done>) => setDone(done.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const h = Number(hours.replace(',', '.'));
    const starts = normalizeDate(startsOn);
    const ends = normalizeDate(endsOn);
    const dates = done.map((d) => normalizeDate(d.completedOn));
    const problems: FormError[] = [];
    if (name.trim() === '') problems.push({ target: 'trn-name', text: t('trn.err.name') });
    if (provider.trim() === '') problems.push({ target: 'trn-provider', text: t('trn.err.provider') });
    if (!starts) problems.push({ target: 'trn-starts', text: t('trn.err.date') });
    if (!ends) problems.push({ target: 'trn-ends', text: t('trn.err.date') });
    else if (starts && ends < starts) problems.push({ target: 'trn-ends', text: t('trn.err.order') });
    if (!(h > 0) || !Number.isFinite(h)) problems.push({ target: 'trn-hours', text: t('trn.err.hours') });
    done.forEach((d, i) => {
      const on = dates[i];
      if (!on || (starts && on < starts)) problems.push({ target: `trn-done-${i}`, text: `${d.fullName}: ${t('trn.err.completedOn')}` });
    });
    setErrors(problems);
    setAttempt((n) => n + 1);
    if (problems.length) return;
    const body = {
      name: name.trim(),
      provider: provider.trim(),
      startsOn: starts,
      endsOn: ends,
      hours: h,
      topic,
      mode,
      qualifies,
      completions: done.map((d, i) => ({ userId: d.userId, completedOn: dates[i], certificateNo: d.certificateNo.trim() || null })),
    };
    setPending(true);
    setFailure(null);
    try {
      if (course) await api.put(`/training/courses/${course.id}`, { ...body, version: course.version });
      else await api.post('/training/courses', body);
      onSaved();
    } catch (x) {
      const fail = toApiError(x);
      const issues = Array.isArray(fail.details?.issues) ? (fail.details.issues as { path: string; message: string }[]).map((i) => ({ ...i, path: i.path.replace(/^body\./, '') })) : [];
      const fromServer = issues.map((i) => {
        const m = /^completions\.(\d+)/.exec(i.path);
        const target = m ? `trn-done-${m[1]}` : i.path === 'endsOn' ? 'trn-ends' : i.path === 'startsOn' ? 'trn-starts' : 'trn-name';
        return { target, text: pickLang(i.message, lang) };
      });
      if (fromServer.length) {
        setErrors(fromServer);
        setAttempt((n) => n + 1);
      }
      setFailure(fail);
    } finally {
      setPending(false);
    }
  };
  const title = course ? t('trn.form.edit', { name: course.name }) : t('trn.form.new');
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="trn-form-title" className="trn-form">
      <h2 id="trn-form-title">{title}</h2>
      <ErrorSummary errors={errors} focusKey={attempt} />
      {failure && failure.code === 'TRAINING_VERSION_CONFLICT' ? (
        <NotificationBanner type="warning" title={t('trn.conflict')}>
          <Button variant="secondary" onClick={onReload}>
            {t('trn.reload')}
          </Button>
        </NotificationBanner>
      ) : (
        failure && <ErrorState error={failure} />
      )}
      <TextInput id="trn-name" label={t('trn.name')} value={name} onChange={setName} error={err('trn-name')} />
      <TextInput id="trn-provider" label={t('trn.provider')} value={provider} onChange={setProvider} error={err('trn-provider')} />
      <DateInput id="trn-starts" legend={t('trn.startsOn')} value={startsOn} onChange={setStartsOn} error={err('trn-starts')} />
      <DateInput id="trn-ends" legend={t('trn.endsOn')} value={endsOn} onChange={setEndsOn} error={err('trn-ends')} />
      <TextInput id="trn-hours" label={t('trn.hours')} inputMode="decimal" width="w5" value={hours} onChange={setHours} error={err('trn-hours')} />
      <Select id="trn-topic" label={t('trn.topic')} value={topic} onChange={(v) => setTopic(v as TrainingTopic)} options={TRAINING_TOPICS.map((x) => ({ value: x, label: t(`trn.topic.${x}`) }))} />
      <Select id="trn-mode" label={t('trn.mode')} value={mode} onChange={(v) => setMode(v as TrainingMode)} options={TRAINING_MODES.map((x) => ({ value: x, label: t(`trn.mode.${x}`) }))} />
      <Checkboxes
        id="trn-qualifies"
        legend={t('trn.qualifiesLegend')}
        value={qualifies ? ['yes'] : []}
        onChange={(v) => setQualifies(v.includes('yes'))}
        options={[{ value: 'yes', label: t('trn.qualifies'), hint: t('trn.qualifiesHint') }]}
      />
      <fieldset>
        <legend className="legend">{t('trn.completions')}</legend>
        {done.length === 0 && <p>{t('trn.noneDone')}</p>}
        {done.map((d, i) => (
          <div key={d.userId} className="trn-done" id={`trn-done-${i}-row`}>
            <p>
              <strong>{d.fullName}</strong>
            </p>
            <DateInput id={`trn-done-${i}`} legend={t('trn.completedOn', { name: d.fullName })} value={d.completedOn} onChange={(v) => setDoneAt(i, { completedOn: v })} error={err(`trn-done-${i}`)} />
            <TextInput id={`trn-cert-${i}`} width="w20" label={t('trn.certificate', { name: d.fullName })} value={d.certificateNo} onChange={(v) => setDoneAt(i, { certificateNo: v })} />
            <Button variant="secondary" onClick={() => setDone(done.filter((_, j) => j !== i))}>
              {t('trn.remove', { name: d.fullName })}
            </Button>
          </div>
        ))}
        <TextInput id="trn-search" type="search" label={t('trn.search')} hint={t('trn.searchHint')} value={query} onChange={setQuery} autoComplete="off" />
        {query.trim() !== '' && matches.length === 0 && <p role="status">{t('trn.noMatch')}</p>}
        {matches.length > 0 && (
          <ul className="trn-matches" aria-label={t('trn.search')}>
            {matches.map((s) => (
              <li key={s.id}>
                <Button
                  variant="secondary"
                  onClick={() => {
                    setDone([...done, { userId: s.id, fullName: s.fullName, completedOn: normalizeDate(endsOn) ?? vnToday(), certificateNo: '' }]);
                    setQuery('');
                  }}
                >
                  {t('trn.pick', { name: s.fullName })}
                </Button>
                {s.department && <span className="secondary-text"> {s.department.name}</span>}
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <div className="button-group">
        <Button type="submit" disabled={pending}>
          {t('trn.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('trn.cancel')}
        </Button>
      </div>
    </form>
  );
}
