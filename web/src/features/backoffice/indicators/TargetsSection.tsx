import { useState, type FormEvent } from 'react';
import type { Targets } from '@domain/indicators-contract.ts';
import { useT } from '../../../i18n';
import { formatDate, formatNumber } from '../../../i18n/format';
import { api, apiPath, toApiError, type ApiError } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { TargetForm, TargetHistory } from './TargetForm';
import { ExportLinks } from './ExportLinks';
import { Button, ErrorState, Loading, NotificationBanner, Select, Table, TextInput } from '../../../ui';

type Item = Targets['items'][number];

/** The 2025–2030 term's targets: baseline, target, latest actual with its source, where each stands. */
export function TargetsSection({ canEnter, canEdit = false }: { canEnter: boolean; canEdit?: boolean }) {
  const { t, lang } = useT();
  const { data, error, loading, reload, setData } = useApi<Targets>(apiPath('/indicators/targets'));
  const name = (i: Item) => (lang === 'en' ? i.en : i.vi);
  const figure = (v: number | null | undefined, unit: string) => (v === null || v === undefined ? '—' : `${formatNumber(v)} ${unit}`);
  return (
    <section aria-labelledby="ind-targets-title">
      <h2 id="ind-targets-title">{t('ind.targets.title')}</h2>
      {loading && <Loading />}
      {error && <ErrorState error={error} onRetry={reload} />}
      {data && (
        <Table
          caption={t('ind.targets.title')}
          captionHidden
          columns={[
            { header: t('ind.targets.target'), cell: (i: Item) => name(i) },
            { header: t('ind.targets.baseline'), cell: (i) => (i.baseline === null ? '—' : `${figure(i.baseline, i.unit)} (${i.baselineYear})`), nowrap: true },
            { header: t('ind.targets.goal'), cell: (i) => (i.target === null ? t('ind.targets.toSet') : `${i.direction === 'at_least' ? '≥' : '≤'} ${figure(i.target, i.unit)} (${i.targetYear})`), nowrap: true },
            {
              header: t('ind.targets.latest'),
              cell: (i) =>
                i.latest ? (
                  <>
                    {figure(i.latest.value, i.unit)} ({i.latest.year})
                    <br />
                    <span className="secondary-text">
                      {i.latest.source}, {formatDate(i.latest.asOf)}
                    </span>
                  </>
                ) : (
                  '—'
                ),
            },
            { header: t('ind.targets.state'), cell: (i) => t(`ind.targets.state.${i.state}`) + (i.expected !== null && i.state !== 'met' ? ` (${t('ind.targets.expected', { value: figure(i.expected, i.unit) })})` : '') },
          ]}
          rows={data.items}
          rowKey={(i) => i.key}
        />
      )}
      {data && <ExportLinks table="targets" what={t('ind.targets.title')} />}
      {data && <TargetHistory items={data.items} />}
      {data && canEnter && <ActualForm items={data.items} onSaved={(next) => setData(next)} />}
      {data && canEdit && <TargetForm items={data.items} onSaved={(next) => setData(next)} />}
    </section>
  );
}

function ActualForm({ items, onSaved }: { items: Item[]; onSaved: (t: Targets) => void }) {
  const { t, lang } = useT();
  const [key, setKey] = useState(items[0]?.key ?? '');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [value, setValue] = useState('');
  const [source, setSource] = useState('');
  const [asOf, setAsOf] = useState('');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = Number(value.replace(',', '.'));
    const next = {
      year: /^\d{4}$/.test(year) ? undefined : t('ind.targets.errYear'),
      value: value.trim() === '' || !Number.isFinite(n) ? t('ind.targets.errValue') : undefined,
      source: source.trim() === '' ? t('ind.input.errSource') : undefined,
      asOf: /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? undefined : t('ind.targets.errAsOf'),
    };
    setErrors(next);
    setSaved(false);
    if (Object.values(next).some(Boolean)) return;
    try {
      onSaved(await api.post<Targets>(`/indicators/targets/${encodeURIComponent(key)}/actuals`, { year: Number(year), value: n, source: source.trim(), asOf }));
      setSaved(true);
      setFailure(null);
      setValue('');
      setSource('');
    } catch (err) {
      setFailure(toApiError(err));
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="ind-actual-title">
      <h3 id="ind-actual-title">{t('ind.targets.enter')}</h3>
      {saved && <NotificationBanner type="success" title={t('ind.targets.saved')} />}
      {failure && <ErrorState error={failure} />}
      <Select id="ind-actual-target" label={t('ind.targets.target')} value={key} onChange={setKey} options={items.map((i) => ({ value: i.key, label: lang === 'en' ? i.en : i.vi }))} />
      <TextInput id="ind-actual-year" label={t('ind.targets.year')} inputMode="numeric" width="w5" value={year} onChange={setYear} error={errors.year ?? null} />
      <TextInput id="ind-actual-value" label={t('ind.targets.value')} inputMode="decimal" width="w10" value={value} onChange={setValue} error={errors.value ?? null} />
      <TextInput id="ind-actual-source" label={t('ind.input.source')} value={source} onChange={setSource} error={errors.source ?? null} />
      <TextInput id="ind-actual-asof" type="date" label={t('ind.targets.asOf')} width="w10" value={asOf} onChange={setAsOf} error={errors.asOf ?? null} />
      <Button type="submit">{t('ind.targets.save')}</Button>
    </form>
  );
}
