import { useState, type ChangeEvent, type FormEvent } from 'react';
import type { AreasAdmin } from '@domain/feedback-contract.ts';
import { parseAreasFile, type AreaFeature } from '@domain/feedback-areas.ts';
import { useT } from '../../../i18n';
import { formatDateTime } from '../../../i18n/format';
import { usePageTitle } from '../../../router';
import { api, toApiError, type ApiError } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { Button, ErrorState, ErrorSummary, Field, Loading, Radios, Table, TextInput, describedBy } from '../../../ui';
import { forgetWardAreas } from '../areas';
import { staffFeedbackApi } from './api';

interface Preview {
  fileName: string;
  geojson: unknown;
  features: AreaFeature[];
}

/**
 * /can-bo/quan-tri/phan-anh/ranh-gioi: the unit admin loads the ward's boundary and residential
 * groups from a GeoJSON file (checked here first, then by the server), marks it official or
 * approximate and saves it as a new version.
 */
export function AreasPage() {
  const { t } = useT();
  usePageTitle(t('fbs.areas.title'));
  const { data, error, loading, reload, setData } = useApi<AreasAdmin>(staffFeedbackApi.areas());
  const [preview, setPreview] = useState<Preview | null>(null);
  const [issues, setIssues] = useState<{ path: string; message: string }[]>([]);
  const [accuracy, setAccuracy] = useState<'official' | 'approximate'>('official');
  const [source, setSource] = useState('');
  const [note, setNote] = useState('');
  const [fail, setFail] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState('');

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    setPreview(null);
    setIssues([]);
    setFail(null);
    setSaved('');
    const file = e.target.files?.[0];
    if (!file || !data) return;
    if (file.size > data.limits.bytes) return setIssues([{ path: '', message: t('fbs.areas.tooLarge', { mb: Math.round(data.limits.bytes / 1024 / 1024) }) }]);
    let geojson: unknown;
    try {
      geojson = JSON.parse(await file.text());
    } catch {
      return setIssues([{ path: '', message: t('fbs.areas.notJson') }]);
    }
    const parsed = parseAreasFile(geojson);
    if (!parsed.ok) return setIssues(parsed.issues);
    setPreview({ fileName: file.name, geojson, features: parsed.features });
  };

  const onSave = async (e: FormEvent) => {
    e.preventDefault();
    if (!preview || !data) return;
    setPending(true);
    setFail(null);
    try {
      const next = await api.put<AreasAdmin>(staffFeedbackApi.areas(), { version: data.inForce.version, approximate: accuracy === 'approximate', source, note, geojson: preview.geojson });
      setData(next);
      forgetWardAreas();
      setPreview(null);
      setSaved(t('fbs.areas.saved', { version: next.inForce.version, n: next.inForce.areas.length }));
    } catch (err) {
      const ae = toApiError(err);
      setFail(ae);
      const detail = (ae.details as { issues?: { path: string; message: string }[] } | undefined)?.issues;
      if (detail) setIssues(detail);
    } finally {
      setPending(false);
    }
  };

  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return null;
  const f = data.inForce;
  const errors = [...(fail ? [{ target: 'fbs-areas-file', text: fail.message }] : []), ...issues.slice(0, 10).map((i) => ({ target: 'fbs-areas-file', text: i.path ? `${i.path}: ${i.message}` : i.message }))];
  return (
    <>
      <h1>{t('fbs.areas.title')}</h1>
      <p className="lead">{t('fbs.areas.lead')}</p>
      <div role="status">{saved && <p className="fbs-done">{saved}</p>}</div>
      <h2>{t('fbs.areas.inForce')}</h2>
      <p>
        {f.version === 0 ? t('fbs.areas.builtIn') : t('fbs.areas.meta', { version: f.version, who: f.savedBy ?? '—', at: formatDateTime(f.savedAt) })}{' '}
        <strong>{f.approximate ? t('fbs.areas.approximate') : t('fbs.areas.official')}</strong>
        {f.source && ` — ${f.source}`}
      </p>
      <p>{f.areas.map((a) => a.name).join(', ')}</p>

      <h2>{t('fbs.areas.load')}</h2>
      <p>{t('fbs.areas.format', { code: data.accepted.code.join(', '), name: data.accepted.name.join(', '), kind: data.accepted.kind.join(', '), n: data.limits.features })}</p>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <form onSubmit={(e) => void onSave(e)} noValidate>
        <Field id="fbs-areas-file" label={t('fbs.areas.file')} hint={t('fbs.areas.fileHint')} error={issues[0] ? (issues[0].path ? `${issues[0].path}: ${issues[0].message}` : issues[0].message) : undefined}>
          <input
            id="fbs-areas-file"
            type="file"
            accept=".geojson,.json,application/geo+json,application/json"
            onChange={(e) => void onFile(e)}
            aria-describedby={describedBy('fbs-areas-file', true, issues.length > 0)}
          />
        </Field>
        {preview && (
          <>
            <Table
              caption={t('fbs.areas.preview', { file: preview.fileName, n: preview.features.length })}
              rowKey={(a: AreaFeature) => a.properties.code}
              rows={preview.features}
              columns={[
                { header: t('fbs.areas.col.code'), cell: (a) => a.properties.code, nowrap: true },
                { header: t('fbs.areas.col.name'), cell: (a) => a.properties.name },
                { header: t('fbs.areas.col.kind'), cell: (a) => t(a.properties.kind === 'ward' ? 'fbs.areas.kind.ward' : 'fbs.areas.kind.group') },
              ]}
            />
            <Radios
              id="fbs-areas-accuracy"
              name="fbs-areas-accuracy"
              legend={t('fbs.areas.accuracy')}
              value={accuracy}
              onChange={(v) => setAccuracy(v as 'official' | 'approximate')}
              options={[
                { value: 'official', label: t('fbs.areas.official'), hint: t('fbs.areas.officialHint') },
                { value: 'approximate', label: t('fbs.areas.approximate'), hint: t('fbs.areas.approximateHint') },
              ]}
            />
            <TextInput id="fbs-areas-source" label={t('fbs.areas.source')} hint={t('fbs.areas.sourceHint')} value={source} onChange={setSource} />
            <TextInput id="fbs-areas-note" label={t('fbs.areas.note')} value={note} onChange={setNote} />
            <Button type="submit" pending={pending}>
              {t('fbs.areas.save')}
            </Button>
          </>
        )}
      </form>

      <h2>{t('fbs.areas.history')}</h2>
      {data.history.length === 0 ? (
        <p>{t('fbs.areas.noHistory')}</p>
      ) : (
        <ul>
          {data.history.map((h) => (
            <li key={h.version}>
              {t('fbs.areas.meta', { version: h.version, who: h.savedBy ?? '—', at: formatDateTime(h.savedAt) })} · {h.approximate ? t('fbs.areas.approximate') : t('fbs.areas.official')} · {t('fbs.areas.count', { n: h.count })}
              {h.note && ` — ${h.note}`}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
