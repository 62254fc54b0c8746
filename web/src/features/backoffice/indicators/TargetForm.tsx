import { useState, type FormEvent } from 'react';
import type { Targets } from '@domain/indicators-contract.ts';
import { useT } from '../../../i18n';
import { formatDate, formatNumber } from '../../../i18n/format';
import { api, toApiError, type ApiError } from '../../../api/client';
import { Button, Details, ErrorState, ErrorSummary, NotificationBanner, Radios, Select, Table, TextInput, Textarea, type FormError } from '../../../ui';
import { pickLang } from './ruleForm';

type Item = Targets['items'][number];
type Entry = Item['history'][number] & { key: string; name: string };

/** Every actual entered, each target's history (newest first), with who entered it and its source. */
export function TargetHistory({ items }: { items: Item[] }) {
  const { t, lang } = useT();
  const entries: Entry[] = items.flatMap((i) => i.history.map((h) => ({ ...h, key: i.key, name: `${lang === 'en' ? i.en : i.vi} (${i.unit})` }))).reverse();
  return (
    <Details summary={t('tgt.history')}>
      {entries.length === 0 ? (
        <p>{t('tgt.historyNone')}</p>
      ) : (
        <Table
          caption={t('tgt.history')}
          captionHidden
          columns={[
            { header: t('ind.targets.target'), cell: (e: Entry) => e.name },
            { header: t('ind.targets.year'), cell: (e) => e.year, numeric: true },
            { header: t('ind.targets.value'), cell: (e) => formatNumber(e.value), numeric: true },
            { header: t('ind.input.source'), cell: (e) => e.source },
            { header: t('ind.targets.asOf'), cell: (e) => formatDate(e.asOf), nowrap: true },
            { header: t('tgt.by'), cell: (e) => e.enteredBy ?? '—' },
          ]}
          rows={entries}
          rowKey={(e) => `${e.key}-${e.year}-${e.asOf}-${e.value}-${e.source}`}
        />
      )}
    </Details>
  );
}

const NEW = '__new';

/** The unit admin adds a target, or sets the ward's own figures for a built-in one (same key). */
export function TargetForm({ items, onSaved }: { items: Item[]; onSaved: (t: Targets) => void }) {
  const { t, lang } = useT();
  const [pick, setPick] = useState(NEW);
  const start = (i: Item | undefined) => ({
    key: i?.key ?? '',
    vi: i?.vi ?? '',
    en: i?.en ?? '',
    unit: i?.unit ?? '%',
    direction: i?.direction ?? 'at_least',
    target: i?.target === null || i?.target === undefined ? '' : String(i.target),
    targetYear: String(i?.targetYear ?? 2030),
    baseline: i?.baseline === null || i?.baseline === undefined ? '' : String(i.baseline),
    baselineYear: i?.baselineYear ? String(i.baselineYear) : '',
    source: i?.source ?? '',
    measure: i?.measure ?? null,
  });
  const [f, setF] = useState(start(undefined));
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<typeof f>) => setF({ ...f, ...patch });
  const err = (id: string) => errors.find((e) => e.target === id)?.text ?? null;
  const num = (s: string) => (s.trim() === '' ? null : Number(s.trim().replace(',', '.')));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const p: FormError[] = [];
    if (!/^[a-z0-9_]{2,60}$/.test(f.key)) p.push({ target: 'tgt-key', text: t('tgt.err.key') });
    for (const [id, v] of [['tgt-vi', f.vi], ['tgt-en', f.en], ['tgt-unit', f.unit], ['tgt-source', f.source]] as const) if (v.trim() === '') p.push({ target: id, text: t('tgt.err.text') });
    const target = num(f.target);
    const baseline = num(f.baseline);
    if (target !== null && !Number.isFinite(target)) p.push({ target: 'tgt-target', text: t('tgt.err.number') });
    if (baseline !== null && !Number.isFinite(baseline)) p.push({ target: 'tgt-baseline', text: t('tgt.err.number') });
    if (!/^\d{4}$/.test(f.targetYear)) p.push({ target: 'tgt-target-year', text: t('tgt.err.year') });
    if (f.baselineYear !== '' && !/^\d{4}$/.test(f.baselineYear)) p.push({ target: 'tgt-baseline-year', text: t('tgt.err.year') });
    setErrors(p);
    setAttempt((n) => n + 1);
    setSaved(false);
    if (p.length) return;
    try {
      const body = {
        key: f.key,
        vi: f.vi.trim(),
        en: f.en.trim(),
        unit: f.unit.trim(),
        direction: f.direction,
        target,
        targetYear: Number(f.targetYear),
        baseline,
        baselineYear: f.baselineYear === '' ? null : Number(f.baselineYear),
        source: f.source.trim(),
        measure: f.measure,
      };
      onSaved(await api.post<Targets>('/indicators/targets', body));
      setSaved(true);
      setFailure(null);
    } catch (x) {
      const fail = toApiError(x);
      const issues = Array.isArray(fail.details?.issues) ? (fail.details.issues as { path: string; message: string }[]).map((i) => ({ ...i, path: i.path.replace(/^body\./, '') })) : [];
      if (issues.length) {
        setErrors(issues.map((i) => ({ target: `tgt-${i.path.replace(/([A-Z])/g, '-$1').toLowerCase()}`, text: pickLang(i.message, lang) })));
        setAttempt((n) => n + 1);
      }
      setFailure(fail);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="tgt-add-title">
      <h3 id="tgt-add-title">{t('tgt.add')}</h3>
      <ErrorSummary errors={errors} focusKey={attempt} />
      {saved && <NotificationBanner type="success" title={t('tgt.saved')} />}
      {failure && !errors.length && <ErrorState error={failure} />}
      <Select
        id="tgt-pick"
        label={t('tgt.pick')}
        value={pick}
        onChange={(v) => {
          setPick(v);
          setF(start(items.find((i) => i.key === v)));
        }}
        options={[{ value: NEW, label: t('tgt.pickNew') }, ...items.map((i) => ({ value: i.key, label: lang === 'en' ? i.en : i.vi }))]}
      />
      {pick === NEW && <TextInput id="tgt-key" label={t('tgt.key')} width="w20" value={f.key} onChange={(v) => set({ key: v })} error={err('tgt-key')} />}
      <TextInput id="tgt-vi" label={t('tgt.vi')} value={f.vi} onChange={(v) => set({ vi: v })} error={err('tgt-vi')} />
      <TextInput id="tgt-en" label={t('tgt.en')} value={f.en} onChange={(v) => set({ en: v })} error={err('tgt-en')} />
      <TextInput id="tgt-unit" label={t('tgt.unit')} width="w10" value={f.unit} onChange={(v) => set({ unit: v })} error={err('tgt-unit')} />
      <Radios
        id="tgt-direction"
        legend={t('tgt.direction')}
        value={f.direction}
        onChange={(v) => set({ direction: v as 'at_least' | 'at_most' })}
        options={[
          { value: 'at_least', label: t('tgt.direction.at_least') },
          { value: 'at_most', label: t('tgt.direction.at_most') },
        ]}
      />
      <TextInput id="tgt-target" label={t('tgt.target')} inputMode="decimal" width="w10" value={f.target} onChange={(v) => set({ target: v })} error={err('tgt-target')} />
      <TextInput id="tgt-target-year" label={t('tgt.targetYear')} inputMode="numeric" width="w5" value={f.targetYear} onChange={(v) => set({ targetYear: v })} error={err('tgt-target-year')} />
      <TextInput id="tgt-baseline" label={t('tgt.baseline')} inputMode="decimal" width="w10" value={f.baseline} onChange={(v) => set({ baseline: v })} error={err('tgt-baseline')} />
      <TextInput id="tgt-baseline-year" label={t('tgt.baselineYear')} inputMode="numeric" width="w5" value={f.baselineYear} onChange={(v) => set({ baselineYear: v })} error={err('tgt-baseline-year')} />
      <Textarea id="tgt-source" rows={2} label={t('tgt.source')} value={f.source} onChange={(v) => set({ source: v })} error={err('tgt-source')} />
      <Button type="submit">{t('tgt.save')}</Button>
    </form>
  );
}
