import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { RuleStateSchema } from '@domain/indicators-contract.ts';
import { useT } from '../../../i18n';
import { formatDate, formatDateTime, formatNumber } from '../../../i18n/format';
import { usePageTitle } from '../../../router';
import { api, apiPath, toApiError, type ApiError } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { Button, DateInput, ErrorState, ErrorSummary, Loading, NotificationBanner, Table, Tabs, Textarea, normalizeDate, type FormError } from '../../../ui';
import { vnToday } from '../../indicators/components/PeriodForm';
import { checkFields, fieldsOf, groupSums, pickLang, type ItemFields } from './ruleForm';

type RuleState = z.infer<typeof RuleStateSchema>;
type VersionRow = { version: number; effectiveFrom: string; basis: string; createdBy: string | null; createdAt: string | null };

/** /can-bo/quan-tri/cach-cham: the versions of the Decision 766 index rule, and a new one from a date. */
export function RulePage() {
  const { t } = useT();
  usePageTitle(t('rule.title'));
  const { data, error, loading, reload, setData } = useApi<RuleState>(apiPath('/indicators/rule'));
  const [saved, setSaved] = useState<{ version: number; date: string } | null>(null);
  const today = vnToday();
  const state = (v: VersionRow) => (data && v.version === data.inForce.version ? 'inForce' : v.effectiveFrom > today ? 'upcoming' : 'past');
  const rows: VersionRow[] = data
    ? [{ version: 0, effectiveFrom: '2022-06-23', basis: t('rule.builtIn'), createdBy: null, createdAt: null }, ...data.versions].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version - a.version)
    : [];
  return (
    <>
      <h1>{t('rule.title')}</h1>
      <p className="lead">{t('rule.lead')}</p>
      {loading && <Loading />}
      {error && <ErrorState error={error} onRetry={reload} />}
      {saved && <NotificationBanner type="success" title={t('rule.saved', { version: saved.version, date: formatDate(saved.date) })} />}
      {data && (
        <>
          <p>
            <strong>{t('rule.inForce', { version: data.inForce.version, date: formatDate(data.inForce.effectiveFrom) })}</strong> — {data.inForce.basis}
          </p>
          <h2>{t('rule.versions')}</h2>
          <Table
            caption={t('rule.versions')}
            captionHidden
            columns={[
              { header: t('rule.col.version'), cell: (v: VersionRow) => v.version, numeric: true },
              { header: t('rule.col.from'), cell: (v) => formatDate(v.effectiveFrom), nowrap: true },
              { header: t('rule.col.state'), cell: (v) => <strong>{t(`rule.state.${state(v)}`)}</strong> },
              { header: t('rule.col.basis'), cell: (v) => v.basis },
              { header: t('rule.col.who'), cell: (v) => (v.createdBy ? `${v.createdBy}, ${formatDateTime(v.createdAt)}` : '—') },
            ]}
            rows={rows}
            rowKey={(v) => String(v.version)}
          />
          <RuleForm
            key={data.versions.length}
            state={data}
            onSaved={(next, date) => {
              setData(next);
              setSaved({ version: Math.max(...next.versions.map((v) => v.version)), date });
            }}
          />
        </>
      )}
    </>
  );
}

function RuleForm({ state, onSaved }: { state: RuleState; onSaved: (s: RuleState, date: string) => void }) {
  const { t, lang } = useT();
  const base = state.inForce.rule;
  const [effectiveFrom, setEffectiveFrom] = useState(vnToday());
  const [basis, setBasis] = useState('');
  const [fields, setFields] = useState<ItemFields[]>(fieldsOf(base));
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const live = checkFields(base, fields, lang, t('rule.err.number'));
  const total = Math.round(live.rule.items.reduce((s, i) => s + (Number.isFinite(i.max) ? i.max : 0), 0) * 100) / 100;
  const err = (id: string) => errors.find((e) => e.target === id)?.text ?? null;
  const set = (i: number, patch: Partial<ItemFields>) => setFields(fields.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  const name = (x: { vi: string; en: string }) => (lang === 'en' ? x.en : x.vi);
  const groupName = (view: 'groups6' | 'groups5', key: string) => {
    const g = base[view].find((x) => x.key === key);
    return g ? name(g) : key;
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: FormError[] = [];
    const from = normalizeDate(effectiveFrom);
    if (!from || from < vnToday()) problems.push({ target: 'rule-from', text: t('rule.err.date') });
    if (basis.trim() === '') problems.push({ target: 'rule-basis', text: t('rule.err.basis') });
    problems.push(...live.errors);
    setErrors(problems);
    setAttempt((n) => n + 1);
    setFailure(null);
    if (problems.length) return;
    setPending(true);
    try {
      onSaved(await api.post<RuleState>('/indicators/rule', { effectiveFrom: from, basis: basis.trim(), rule: live.rule }), from!);
    } catch (x) {
      const fail = toApiError(x);
      const issues = Array.isArray(fail.details?.issues) ? (fail.details.issues as { path: string; message: string }[]).map((i) => ({ ...i, path: i.path.replace(/^body\./, '') })) : [];
      if (issues.length) {
        setErrors(issues.map((i) => ({ target: i.path === 'effectiveFrom' ? 'rule-from' : i.path === 'basis' ? 'rule-basis' : 'rule-total', text: pickLang(i.message, lang) })));
        setAttempt((n) => n + 1);
      }
      setFailure(fail);
    } finally {
      setPending(false);
    }
  };
  const sums = (view: 'groups6' | 'groups5') => (
    <Table
      caption={t('rule.groupSum')}
      columns={[
        { header: t('rule.col.group'), cell: (g: ReturnType<typeof groupSums>[number]) => name(g) },
        { header: t('rule.col.points'), cell: (g) => formatNumber(g.points), numeric: true },
      ]}
      rows={groupSums(live.rule, view)}
      rowKey={(g) => g.key}
    />
  );
  const totalError = err('rule-total');
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="rule-new-title">
      <h2 id="rule-new-title">{t('rule.new')}</h2>
      <ErrorSummary errors={errors} focusKey={attempt} />
      {failure && !errors.length && <ErrorState error={failure} />}
      <DateInput id="rule-from" legend={t('rule.effectiveFrom')} hint={t('rule.effectiveHint')} value={effectiveFrom} onChange={setEffectiveFrom} error={err('rule-from')} />
      <Textarea id="rule-basis" rows={2} label={t('rule.basis')} hint={t('rule.basisHint')} value={basis} onChange={setBasis} error={err('rule-basis')} />
      <h3>{t('rule.items')}</h3>
      <Table
        caption={t('rule.items')}
        captionHidden
        columns={[
          { header: t('rule.col.item'), cell: (r: { i: number }) => name(base.items[r.i]!) },
          { header: t('rule.col.group6'), cell: (r) => groupName('groups6', base.items[r.i]!.group6) },
          { header: t('rule.col.group5'), cell: (r) => groupName('groups5', base.items[r.i]!.group5) },
          { header: t('rule.col.max'), cell: (r) => <CellInput id={`rule-max-${r.i}`} label={t('rule.maxOf', { item: name(base.items[r.i]!) })} value={fields[r.i]!.max} onChange={(v) => set(r.i, { max: v })} error={err(`rule-max-${r.i}`)} /> },
          {
            header: t('rule.col.threshold'),
            cell: (r) => <CellInput id={`rule-threshold-${r.i}`} label={t('rule.thresholdOf', { item: name(base.items[r.i]!) })} value={fields[r.i]!.threshold} onChange={(v) => set(r.i, { threshold: v })} error={err(`rule-threshold-${r.i}`)} />,
          },
        ]}
        rows={base.items.map((_, i) => ({ i }))}
        rowKey={(r) => String(r.i)}
      />
      <div className={totalError ? 'form-group form-group--error' : 'form-group'}>
        <p id="rule-total" tabIndex={-1} aria-live="polite">
          <strong>{t('rule.total', { total: formatNumber(total) })}</strong>
        </p>
        {totalError && <p className="error-message">{totalError}</p>}
      </div>
      <Tabs
        label={t('rule.groupSum')}
        items={[
          { id: 'rule-view6', label: t('rule.view6'), content: sums('groups6') },
          { id: 'rule-view5', label: t('rule.view5'), content: sums('groups5') },
        ]}
      />
      <Button type="submit" disabled={pending}>
        {t('rule.save')}
      </Button>
    </form>
  );
}

/** A number in a table cell: a label for screen readers, its error under it. */
function CellInput({ id, label, value, onChange, error }: { id: string; label: string; value: string; onChange: (v: string) => void; error: string | null }) {
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        className={error ? 'input input--w5 input--error' : 'input input--w5'}
        inputMode="decimal"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <p id={`${id}-error`} className="error-message small">
          {error}
        </p>
      )}
    </>
  );
}
