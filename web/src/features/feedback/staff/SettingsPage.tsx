import { useState, type FormEvent } from 'react';
import { CATEGORY_CODES } from '@domain/feedback.ts';
import type { FeedbackSettings } from '@domain/feedback-contract.ts';
import { useT, type MessageKey } from '../../../i18n';
import { formatDateTime } from '../../../i18n/format';
import { usePageTitle } from '../../../router';
import { api, toApiError, type ApiError } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { Button, ErrorState, ErrorSummary, Loading, Select, TextInput, Textarea } from '../../../ui';
import { categoryLabel } from '../labels';
import { staffFeedbackApi } from './api';

type Rule = FeedbackSettings['routing']['rules'][number];
type Template = FeedbackSettings['templates']['items'][number];

function Meta({ m }: { m: { version: number; savedBy: string | null; savedAt: string | null; note: string } }) {
  const { t } = useT();
  if (m.version === 0) return <p className="small">{t('fbs.set.default')}</p>;
  return (
    <p className="small">
      {t('fbs.set.meta', { version: m.version, who: m.savedBy ?? '—', at: formatDateTime(m.savedAt) })}
      {m.note && ` — ${m.note}`}
    </p>
  );
}

/** One save: the list being edited, its note, the answer (a new version, or why not). */
function useSave(kind: 'routing' | 'templates', onSaved: (s: FeedbackSettings) => void) {
  const [fail, setFail] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const save = async (body: unknown) => {
    setPending(true);
    setFail(null);
    try {
      onSaved(await api.put<FeedbackSettings>(`/admin/feedback-settings/${kind}`, body));
    } catch (e) {
      setFail(toApiError(e));
    } finally {
      setPending(false);
    }
  };
  return { fail, pending, save };
}

function RoutingForm({ s, onSaved }: { s: FeedbackSettings; onSaved: (s: FeedbackSettings) => void }) {
  const { t, lang } = useT();
  const [rules, setRules] = useState<Rule[]>(s.routing.rules);
  const [note, setNote] = useState('');
  const { fail, pending, save } = useSave('routing', onSaved);
  const set = (i: number, patch: Partial<Rule>) => setRules(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save({ version: s.routing.version, rules, note });
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="fbr-title">
      <h2 id="fbr-title">{t('fbs.set.routing')}</h2>
      <Meta m={s.routing} />
      {fail && <ErrorSummary errors={[{ target: 'fbr-0-category', text: fail.message }]} />}
      {rules.map((r, i) => (
        <fieldset key={i} className="fbs-row">
          <legend>{t('fbs.set.row', { n: i + 1 })}</legend>
          <Select
            id={`fbr-${i}-category`}
            label={t('fb.field.category')}
            value={r.category}
            onChange={(v) => set(i, { category: v as Rule['category'] })}
            options={[{ value: '*', label: t('fbs.set.anyCategory') }, ...CATEGORY_CODES.map((c) => ({ value: c, label: categoryLabel(c, lang) }))]}
          />
          <Select
            id={`fbr-${i}-area`}
            label={t('fb.field.area')}
            value={r.area ?? ''}
            onChange={(v) => set(i, { area: v || null })}
            options={[{ value: '', label: t('fbs.set.anyArea') }, ...s.areas.map((a) => ({ value: a.code, label: a.name }))]}
          />
          <Select id={`fbr-${i}-department`} label={t('fbs.set.department')} value={r.department} onChange={(v) => set(i, { department: v })} options={s.departments.map((d) => ({ value: d.code, label: d.name }))} />
          <div className="fbs-row__buttons">
            {i > 0 && (
              <Button variant="secondary" small aria-label={t('fbs.set.up', { n: i + 1 })} onClick={() => setRules([...rules.slice(0, i - 1), r, rules[i - 1]!, ...rules.slice(i + 1)])}>
                ↑
              </Button>
            )}
            <Button variant="warning" small aria-label={t('fbs.set.remove', { n: i + 1 })} onClick={() => setRules(rules.filter((_, j) => j !== i))}>
              ✕
            </Button>
          </div>
        </fieldset>
      ))}
      <Button variant="secondary" onClick={() => setRules([...rules, { category: '*', area: null, department: s.departments[0]?.code ?? '' }])}>
        {t('fbs.set.addRow')}
      </Button>
      <Textarea id="fbr-note" label={t('fbs.set.routingNote')} value={note} onChange={setNote} rows={2} />
      <Button type="submit" pending={pending}>
        {t('fbs.set.saveRouting')}
      </Button>
    </form>
  );
}

function TemplatesForm({ s, onSaved }: { s: FeedbackSettings; onSaved: (s: FeedbackSettings) => void }) {
  const { t, lang } = useT();
  const [items, setItems] = useState<Template[]>(s.templates.items);
  const [note, setNote] = useState('');
  const { fail, pending, save } = useSave('templates', onSaved);
  const set = (i: number, patch: Partial<Template>) => setItems(items.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save({ version: s.templates.version, items, note });
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="fbt-title">
      <h2 id="fbt-title">{t('fbs.set.templates')}</h2>
      <Meta m={s.templates} />
      {fail && <ErrorSummary errors={[{ target: 'fbt-0-id', text: fail.message }]} />}
      {items.map((x, i) => (
        <fieldset key={i} className="fbs-row fbs-row--stack">
          <legend>{t('fbs.set.template', { n: i + 1 })}</legend>
          <TextInput id={`fbt-${i}-id`} label={t('fbs.set.templateId')} hint={t('fbs.set.templateIdHint')} width="w20" value={x.id} onChange={(v) => set(i, { id: v })} spellCheck={false} />
          <Select
            id={`fbt-${i}-category`}
            label={t('fb.field.category')}
            value={x.category}
            onChange={(v) => set(i, { category: v as Template['category'] })}
            options={[{ value: '*', label: t('fbs.set.anyCategory') }, ...CATEGORY_CODES.map((c) => ({ value: c, label: categoryLabel(c, lang) }))]}
          />
          <Textarea id={`fbt-${i}-text`} label={t('fbs.set.templateText')} value={x.vi} onChange={(v) => set(i, { vi: v })} rows={3} />
          <Button variant="warning" small aria-label={t('fbs.set.removeTemplate', { n: i + 1 })} onClick={() => setItems(items.filter((_, j) => j !== i))}>
            ✕
          </Button>
        </fieldset>
      ))}
      <Button variant="secondary" onClick={() => setItems([...items, { id: '', category: '*', vi: '' }])}>
        {t('fbs.set.addTemplate')}
      </Button>
      <Textarea id="fbt-note" label={t('fbs.set.templatesNote')} value={note} onChange={setNote} rows={2} />
      <Button type="submit" pending={pending}>
        {t('fbs.set.saveTemplates')}
      </Button>
    </form>
  );
}

/** /can-bo/quan-tri/phan-anh: the unit admin edits the routing table and the response templates (each save a version). */
export function SettingsPage() {
  const { t } = useT();
  usePageTitle(t('fbs.set.title'));
  const { data, error, loading, reload, setData } = useApi<FeedbackSettings>(staffFeedbackApi.settings());
  const [saved, setSaved] = useState('');
  const onSaved = (kind: 'routing' | 'templates') => (s: FeedbackSettings) => {
    setData(s);
    setSaved(kind === 'routing' ? t('fbs.set.savedRouting', { version: s.routing.version }) : t('fbs.set.savedTemplates', { version: s.templates.version }));
  };
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return null;
  return (
    <>
      <h1>{t('fbs.set.title')}</h1>
      <p className="lead">{t('fbs.set.lead')}</p>
      <div role="status">{saved && <p className="fbs-done">{saved}</p>}</div>
      <RoutingForm key={`r${data.routing.version}`} s={data} onSaved={onSaved('routing')} />
      <TemplatesForm key={`t${data.templates.version}`} s={data} onSaved={onSaved('templates')} />
      <h2>{t('fbs.set.history')}</h2>
      <ul>
        {data.history.map((h) => (
          <li key={`${h.kind}-${h.version}`}>
            {t(`fbs.set.kind.${h.kind}` as MessageKey)}: {t('fbs.set.meta', { version: h.version, who: h.savedBy ?? '—', at: formatDateTime(h.savedAt) })}
            {h.note && ` — ${h.note}`}
          </li>
        ))}
      </ul>
    </>
  );
}
