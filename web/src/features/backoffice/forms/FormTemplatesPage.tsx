import { useState, type FormEvent } from 'react';
import { useT } from '../../../i18n';
import { formatDateTime } from '../../../i18n/format';
import { usePageTitle } from '../../../router';
import { api } from '../../../api/client';
import { useApi, useSubmit } from '../../../api/useApi';
import { Button, Details, ErrorState, Loading, Select, Textarea, TextInput } from '../../../ui';
import { ActionError } from '../actions/ActionError';
import { PAPERS } from '@domain/form-templates.ts';
import type { FormTemplateEntry as TemplateEntry, FormTemplateList, SaveFormTemplateBody } from '../../../api/types';

const PATH = '/api/v1/admin/form-templates';

function tomorrow(): string {
  const d = new Date(Date.now() + 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(d);
}

/** One form: its version in force, the earlier ones, and a new version from a date. */
function TemplateEditor({ entry, onSaved }: { entry: TemplateEntry; onSaved: (items: TemplateEntry[]) => void }) {
  const { t } = useT();
  const [draft, setDraft] = useState<SaveFormTemplateBody>(() => {
    // The number is in the path: the body is the version only (a strict schema refuses any other key).
    const { title, legalBasis, paper, texts } = entry.inForce;
    return { effectiveFrom: tomorrow(), title, legalBasis, paper, texts };
  });
  const [saved, setSaved] = useState(false);
  const save = useSubmit(() => api.put<FormTemplateList>(`/admin/form-templates/${entry.number}`, draft));
  const id = (k: string) => `tpl-${entry.number}-${k}`;
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const out = await save.run();
    if (out) {
      setSaved(true);
      onSaved(out.items);
    }
  };
  return (
    <form onSubmit={(e) => void onSubmit(e)}>
      {save.error && <ActionError error={save.error} onReload={() => save.reset()} />}
      {saved && <p role="status">{t('bo.templates.saved', { date: draft.effectiveFrom })}</p>}
      {entry.versions.length > 0 && (
        <ul className="list-plain small">
          {entry.versions.map((v) => (
            <li key={v.effectiveFrom}>{t('bo.templates.version', { date: v.effectiveFrom, by: v.updatedBy ?? '—', at: formatDateTime(v.updatedAt) })}</li>
          ))}
        </ul>
      )}
      <TextInput id={id('from')} type="date" width="w10" label={t('bo.templates.effectiveFrom')} value={draft.effectiveFrom} onChange={(v) => setDraft({ ...draft, effectiveFrom: v })} />
      <TextInput id={id('title')} label={t('bo.templates.titleField')} value={draft.title} onChange={(v) => setDraft({ ...draft, title: v })} />
      <TextInput id={id('basis')} label={t('bo.templates.legalBasis')} value={draft.legalBasis} onChange={(v) => setDraft({ ...draft, legalBasis: v })} />
      <Select id={id('paper')} label={t('bo.templates.paper')} value={draft.paper} onChange={(v) => setDraft({ ...draft, paper: v as SaveFormTemplateBody['paper'] })} options={PAPERS.map((p) => ({ value: p, label: p.replace('_', ' ') }))} />
      {entry.textKeys.map((k) => (
        <Textarea
          key={k}
          id={id(k)}
          rows={2}
          label={k}
          hint={entry.builtIn.texts[k]}
          value={draft.texts[k] ?? ''}
          onChange={(v) => setDraft({ ...draft, texts: { ...draft.texts, [k]: v } })}
        />
      ))}
      <Button type="submit" pending={save.pending}>
        {t('bo.templates.save')}
      </Button>
    </form>
  );
}

/** Form templates (Circular 03/2025 forms 01–07) as versioned data the unit admin adjusts. */
export function FormTemplatesPage() {
  const { t } = useT();
  usePageTitle(t('bo.templates.title'));
  const list = useApi<FormTemplateList>(PATH);
  return (
    <>
      <h1>{t('bo.templates.title')}</h1>
      <p className="lead">{t('bo.templates.lead')}</p>
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : (
        list.data.items.map((entry) => (
          <Details key={entry.number} summary={`${t('bo.templates.form', { number: entry.number })}: ${entry.inForce.title}`}>
            <p className="secondary-text">{entry.inForce.legalBasis}</p>
            <TemplateEditor entry={entry} onSaved={(items) => list.setData({ items })} />
          </Details>
        ))
      )}
    </>
  );
}
