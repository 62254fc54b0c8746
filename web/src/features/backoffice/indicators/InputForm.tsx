import { useState, type FormEvent } from 'react';
import { useT } from '../../../i18n';
import { api, toApiError, type ApiError } from '../../../api/client';
import { Button, ErrorState, NotificationBanner, Select, TextInput } from '../../../ui';
import type { IndexScore } from '../../indicators/api';

/** An official enters, with its source, a figure the platform cannot compute (the catalogue's publication, feedback…). */
export function InputForm({ index, period, onSaved }: { index: IndexScore; period: { from: string; to: string }; onSaved: () => void }) {
  const { t, lang } = useT();
  const manual = index.items.filter((i) => i.origin === 'manual' || i.origin === 'missing');
  const [itemKey, setItemKey] = useState(manual[0]?.key ?? '');
  const [percent, setPercent] = useState('');
  const [source, setSource] = useState('');
  const [errors, setErrors] = useState<{ percent?: string; source?: string }>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, setPending] = useState(false);
  if (manual.length === 0) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const value = Number(percent.replace(',', '.'));
    const next = {
      percent: percent.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100 ? t('ind.input.errPercent') : undefined,
      source: source.trim() === '' ? t('ind.input.errSource') : undefined,
    };
    setErrors(next);
    setSaved(false);
    if (next.percent || next.source) return;
    setPending(true);
    try {
      await api.post('/indicators/inputs', { itemKey, periodFrom: period.from, periodTo: period.to, percent: value, source: source.trim() });
      setSaved(true);
      setPercent('');
      setSource('');
      setFailure(null);
      onSaved();
    } catch (err) {
      setFailure(toApiError(err));
    } finally {
      setPending(false);
    }
  };
  return (
    <section aria-labelledby="ind-input-title">
      <h2 id="ind-input-title">{t('ind.input.title')}</h2>
      <p>{t('ind.input.lead')}</p>
      {saved && <NotificationBanner type="success" title={t('ind.input.saved')} />}
      {failure && <ErrorState error={failure} />}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Select id="ind-input-item" label={t('ind.input.item')} value={itemKey} onChange={setItemKey} options={manual.map((i) => ({ value: i.key, label: lang === 'en' ? i.en : i.vi }))} />
        <TextInput id="ind-input-percent" label={t('ind.input.percent')} inputMode="decimal" width="w5" value={percent} onChange={setPercent} error={errors.percent ?? null} />
        <TextInput id="ind-input-source" label={t('ind.input.source')} hint={t('ind.input.sourceHint')} value={source} onChange={setSource} error={errors.source ?? null} />
        <Button type="submit" pending={pending}>
          {t('ind.input.save')}
        </Button>
      </form>
    </section>
  );
}
