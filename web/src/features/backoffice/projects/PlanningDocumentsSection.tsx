import { useState, type FormEvent } from 'react';
import { useT } from '../../../i18n';
import { formatDate } from '../../../i18n/format';
import { api, apiPath, toApiError, type ApiError } from '../../../api/client';
import { uploadFile } from '../../../api/upload';
import { useApi } from '../../../api/useApi';
import { Button, Checkboxes, DateInput, ErrorState, Field, NotificationBanner, Select, Table, Tag, Textarea, TextInput, normalizeDate } from '../../../ui';
import { PLANNING_KINDS, type PlanningDocument } from '@domain/projects-public-contract.ts';

type Staff = PlanningDocument & { published: boolean; version: string };
const EMPTY = { title: '', kind: 'detailed', decisionNumber: '', decisionDate: '', issuer: '', summary: '', published: false };

/** The approved planning documents the ward publishes: the list, and a form to add one with its files (maps, the decision). */
export function PlanningDocumentsSection() {
  const { t } = useT();
  const list = useApi<{ items: Staff[] }>(apiPath('/planning-documents'));
  const [draft, setDraft] = useState(EMPTY);
  const [files, setFiles] = useState<File[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [formKey, setFormKey] = useState(0);
  // The document being edited (its files stay as added), or null when adding one.
  const [editing, setEditing] = useState<Staff | null>(null);
  const set = (k: keyof typeof EMPTY) => (v: string) => setDraft({ ...draft, [k]: v });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const decisionDate = normalizeDate(draft.decisionDate);
    if (!draft.title.trim() || !draft.decisionNumber.trim() || !draft.issuer.trim() || !decisionDate) {
      setProblem(t('prj.plans.required'));
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      const fields = {
        title: draft.title.trim(),
        kind: draft.kind,
        decisionNumber: draft.decisionNumber.trim(),
        decisionDate,
        issuer: draft.issuer.trim(),
        summary: draft.summary.trim(),
        published: draft.published,
      };
      if (editing) {
        await api.put(`/planning-documents/${editing.id}`, { ...fields, areaHa: editing.areaHa, location: editing.location, version: editing.version });
      } else {
        const uploaded = [];
        for (const f of files) uploaded.push(await uploadFile(f));
        await api.post('/planning-documents', { ...fields, files: uploaded.map((u) => ({ uploadId: u.id, caption: u.name })) });
      }
      setSaved(true);
      setFailure(null);
      setEditing(null);
      setDraft(EMPTY);
      setFiles([]);
      setFormKey((k) => k + 1);
      list.reload();
    } catch (err) {
      setFailure(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const startEdit = (d: Staff) => {
    setEditing(d);
    setSaved(false);
    setFailure(null);
    setProblem(null);
    setDraft({ title: d.title, kind: d.kind, decisionNumber: d.decisionNumber, decisionDate: d.decisionDate, issuer: d.issuer, summary: d.summary, published: d.published });
    setFormKey((k) => k + 1);
    document.getElementById('plan-form')?.scrollIntoView();
  };
  const cancelEdit = () => {
    setEditing(null);
    setDraft(EMPTY);
    setFormKey((k) => k + 1);
  };
  /** Publishes or unpublishes a document as listed (with the version read). */
  const togglePublished = async (d: Staff) => {
    setBusy(true);
    try {
      const { id: _, files: __, published, ...fields } = d;
      await api.put(`/planning-documents/${d.id}`, { ...fields, published: !published });
      setFailure(null);
      list.reload();
    } catch (err) {
      setFailure(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="plans-title">
      <h2 id="plans-title">{t('inv.plans.title')}</h2>
      {list.error && <ErrorState error={list.error} onRetry={list.reload} />}
      {list.data && (
        <Table
          caption={t('inv.plans.title')}
          captionHidden
          rowKey={(d: Staff) => d.id}
          rows={list.data.items}
          columns={[
            { header: t('prj.plans.col.title'), cell: (d) => d.title },
            { header: t('prj.plans.col.decision'), cell: (d) => `${d.decisionNumber} · ${formatDate(d.decisionDate)}`, nowrap: true },
            { header: t('prj.plans.col.files'), cell: (d) => String(d.files.length), numeric: true },
            { header: t('prj.sites.col.state'), cell: (d) => <Tag colour={d.published ? 'green' : 'grey'}>{t(d.published ? 'prj.sites.published' : 'prj.sites.hidden')}</Tag> },
            {
              header: t('prj.plans.col.actions'),
              cell: (d) => (
                <>
                  <Button variant="secondary" small onClick={() => startEdit(d)} aria-label={`${t('prj.plans.edit')}: ${d.decisionNumber}`}>
                    {t('prj.plans.edit')}
                  </Button>{' '}
                  <Button variant="secondary" small disabled={busy} onClick={() => void togglePublished(d)} aria-label={`${t(d.published ? 'prj.plans.unpublish' : 'prj.plans.publish')}: ${d.decisionNumber}`}>
                    {t(d.published ? 'prj.plans.unpublish' : 'prj.plans.publish')}
                  </Button>
                </>
              ),
            },
          ]}
        />
      )}
      <form key={formKey} onSubmit={onSubmit} aria-labelledby="plan-form" noValidate>
        <h3 id="plan-form">{editing ? `${t('prj.plans.editTitle')} ${editing.decisionNumber}` : t('prj.plans.addTitle')}</h3>
        {saved && <NotificationBanner type="success" title={t('prj.plans.saved')} />}
        {problem && (
          <p className="error-message" role="alert">
            {problem}
          </p>
        )}
        {failure && <ErrorState error={failure} />}
        <TextInput id="plan-title" label={t('prj.plans.f.title')} value={draft.title} onChange={set('title')} />
        <Select id="plan-kind" label={t('prj.sites.f.kind')} value={draft.kind} onChange={set('kind')} options={PLANNING_KINDS.map((k) => ({ value: k, label: t(`inv.plan.kind.${k}`) }))} />
        <TextInput id="plan-number" label={t('prj.plans.f.number')} width="w20" value={draft.decisionNumber} onChange={set('decisionNumber')} />
        <DateInput id="plan-date" legend={t('prj.plans.f.date')} value={draft.decisionDate} onChange={set('decisionDate')} />
        <TextInput id="plan-issuer" label={t('prj.plans.f.issuer')} value={draft.issuer} onChange={set('issuer')} />
        <Textarea id="plan-summary" label={t('prj.sites.f.summary')} value={draft.summary} onChange={set('summary')} rows={3} optional />
        {!editing && (
          <Field id="plan-files" label={t('prj.plans.f.files')} optional>
            <input id="plan-files" type="file" multiple accept="application/pdf,image/png,image/jpeg" onChange={(e) => setFiles(Array.from(e.target.files ?? []))} />
          </Field>
        )}
        <Checkboxes
          id="plan-published"
          legend={t('prj.sites.f.publication')}
          value={draft.published ? ['yes'] : []}
          onChange={(v) => setDraft({ ...draft, published: v.includes('yes') })}
          options={[{ value: 'yes', label: t('prj.sites.f.published') }]}
        />
        <Button type="submit" disabled={busy}>
          {t(editing ? 'prj.plans.save' : 'prj.plans.add')}
        </Button>
        {editing && (
          <>
            {' '}
            <Button variant="secondary" onClick={cancelEdit}>
              {t('prj.plans.cancel')}
            </Button>
          </>
        )}
      </form>
    </section>
  );
}
