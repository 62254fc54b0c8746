import { useState, type FormEvent } from 'react';
import type { RuleState } from '@domain/projects-contract.ts';
import { DEFAULT_SCHEDULE_RULE, type ScheduleRule } from '@domain/projects-rule.ts';
import { api, toApiError, type ApiError } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useSession } from '../../../api/session';
import { useT, type Translate } from '../../../i18n';
import { formatDate, formatDateTime, formatNumber } from '../../../i18n/format';
import { Link, usePageTitle } from '../../../router';
import { Button, DateInput, ErrorState, ErrorSummary, Loading, NotificationBanner, SummaryList, Table, Textarea, TextInput, normalizeDate, type FormError } from '../../../ui';
import { vnToday } from '../../indicators/components/PeriodForm';
import { boHref } from '../paths';
import { projectApi } from './api';
import { ruleBasis } from './labels';

type Version = RuleState['inForce'] & { createdBy?: string | null; createdAt?: string | null };
const FIELDS = ['milestoneGraceDays', 'disbursementMarginPoints', 'progressMarginPoints', 'dueSoonDays'] as const;
type Field = (typeof FIELDS)[number];
const DAYS: Record<Field, boolean> = { milestoneGraceDays: true, disbursementMarginPoints: false, progressMarginPoints: false, dueSoonDays: true };

/** A threshold as people read it: "15 ngày", "10 điểm %". */
const valueOf = (t: Translate, f: Field, n: number) => t(DAYS[f] ? 'prjRule.days' : 'prjRule.points', { n: formatNumber(n) });

/**
 * /can-bo/du-an/tieu-chi: the behind-schedule rule in force, its versions, and (for the unit's
 * leaders) a new version from a date with its basis (docs/PROJECTS.md, "the rule is law as data").
 */
export function ProjectRulePage() {
  const { t } = useT();
  usePageTitle(t('prjRule.title'));
  const { data, error, loading, reload, setData } = useApi<RuleState>(projectApi.rule());
  const mayEdit = useSession().user?.capabilities.includes('projects.rule_edit') ?? false;
  const [saved, setSaved] = useState<{ version: number; date: string } | null>(null);
  const today = vnToday();
  const state = (v: Version) => (data && v.version === data.inForce.version ? 'inForce' : v.effectiveFrom > today ? 'upcoming' : 'past');
  // The system default (version 0) heads the history: what applied before the first decision.
  const rows: Version[] = data ? [DEFAULT_SCHEDULE_RULE, ...data.versions].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version - a.version) : [];
  return (
    <>
      <p>
        <Link to={boHref.projects()}>{t('prj.detail.back')}</Link>
      </p>
      <h1>{t('prjRule.title')}</h1>
      <p className="lead">{t('prjRule.lead')}</p>
      {loading && <Loading />}
      {error && <ErrorState error={error} onRetry={reload} />}
      {saved && <NotificationBanner type="success" title={t('prjRule.saved', { version: saved.version, date: formatDate(saved.date) })} />}
      {data && (
        <>
          <section aria-labelledby="prj-rule-in-force">
            <h2 id="prj-rule-in-force">{t('prjRule.inForce')}</h2>
            <p>
              {t('prjRule.version', { version: data.inForce.version, date: formatDate(data.inForce.effectiveFrom) })} — {ruleBasis(t, data.inForce)}
            </p>
            <SummaryList rows={FIELDS.map((f) => ({ key: t(`prjRule.f.${f}`), value: valueOf(t, f, data.inForce.rule[f]) }))} />
            {data.next && <p>{t('prjRule.next', { version: data.next.version, date: formatDate(data.next.effectiveFrom) })}</p>}
          </section>
          <h2>{t('prjRule.versions')}</h2>
          <Table
            caption={t('prjRule.versions')}
            captionHidden
            rowKey={(v: Version) => String(v.version)}
            rows={rows}
            columns={[
              { header: t('prjRule.col.version'), cell: (v) => v.version, numeric: true },
              { header: t('prjRule.col.from'), cell: (v) => formatDate(v.effectiveFrom), nowrap: true },
              { header: t('prjRule.col.state'), cell: (v) => <strong>{t(`prjRule.state.${state(v)}`)}</strong> },
              ...FIELDS.map((f) => ({ header: t(`prjRule.col.${f}`), cell: (v: Version) => formatNumber(v.rule[f]), numeric: true })),
              { header: t('prjRule.col.basis'), cell: (v) => ruleBasis(t, v) },
              { header: t('prjRule.col.who'), cell: (v) => (v.createdBy ? `${v.createdBy}, ${formatDateTime(v.createdAt ?? '')}` : '—') },
            ]}
          />
          {mayEdit ? (
            <RuleForm
              key={data.versions.length}
              base={data.inForce.rule}
              onSaved={(next, date) => {
                setData(next);
                setSaved({ version: Math.max(...next.versions.map((v) => v.version)), date });
              }}
            />
          ) : (
            <p>{t('prjRule.leadersOnly')}</p>
          )}
        </>
      )}
    </>
  );
}

const LIMIT: Record<Field, number> = { milestoneGraceDays: 365, disbursementMarginPoints: 100, progressMarginPoints: 100, dueSoonDays: 365 };

/** A new version of the rule: the four thresholds, from a date (today or later), and why. */
function RuleForm({ base, onSaved }: { base: ScheduleRule; onSaved: (s: RuleState, date: string) => void }) {
  const { t } = useT();
  const [effectiveFrom, setEffectiveFrom] = useState(vnToday());
  const [basis, setBasis] = useState('');
  const [values, setValues] = useState<Record<Field, string>>(() => Object.fromEntries(FIELDS.map((f) => [f, String(base[f])])) as Record<Field, string>);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const id = (f: string) => `prj-rule-${f}`;
  const err = (target: string) => errors.find((e) => e.target === target)?.text;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: FormError[] = [];
    const from = normalizeDate(effectiveFrom);
    if (!from || from < vnToday()) problems.push({ target: id('from'), text: t('prjRule.err.date') });
    const rule = {} as ScheduleRule;
    for (const f of FIELDS) {
      const n = Number(values[f].trim().replace(',', '.'));
      const ok = values[f].trim() !== '' && Number.isFinite(n) && n >= 0 && n <= LIMIT[f] && (!DAYS[f] || Number.isInteger(n));
      if (!ok) problems.push({ target: id(f), text: t(DAYS[f] ? 'prjRule.err.days' : 'prjRule.err.points', { label: t(`prjRule.f.${f}`), max: LIMIT[f] }) });
      rule[f] = n;
    }
    if (!basis.trim()) problems.push({ target: id('basis'), text: t('prjRule.err.basis') });
    setErrors(problems);
    setAttempt((n) => n + 1);
    setFailure(null);
    if (problems.length || !from) return;
    setPending(true);
    try {
      onSaved(await api.put<RuleState>('/projects/rule', { effectiveFrom: from, rule, basis: basis.trim() }), from);
    } catch (x) {
      setFailure(toApiError(x));
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="prj-rule-new">
      <h2 id="prj-rule-new">{t('prjRule.new')}</h2>
      <ErrorSummary errors={errors} focusKey={attempt} />
      {failure && <ErrorState error={failure} />}
      <DateInput id={id('from')} legend={t('prjRule.effectiveFrom')} hint={t('prjRule.effectiveHint')} value={effectiveFrom} onChange={setEffectiveFrom} error={err(id('from'))} />
      {FIELDS.map((f) => (
        <TextInput
          key={f}
          id={id(f)}
          label={t(DAYS[f] ? 'prjRule.input.days' : 'prjRule.input.points', { label: t(`prjRule.f.${f}`) })}
          hint={t(`prjRule.hint.${f}`)}
          width="w5"
          inputMode={DAYS[f] ? 'numeric' : 'decimal'}
          value={values[f]}
          onChange={(v) => setValues({ ...values, [f]: v })}
          error={err(id(f))}
        />
      ))}
      <Textarea id={id('basis')} rows={2} label={t('prjRule.basis')} hint={t('prjRule.basisHint')} value={basis} onChange={setBasis} error={err(id('basis'))} />
      <Button type="submit" pending={pending}>
        {t('prjRule.save')}
      </Button>
    </form>
  );
}
