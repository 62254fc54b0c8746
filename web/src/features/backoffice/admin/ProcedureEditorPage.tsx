import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useT } from '../../../i18n';
import { formatDate, formatDateTime } from '../../../i18n/format';
import { usePageTitle } from '../../../router';
import { invalidate, useApi, useSubmit } from '../../../api/useApi';
import type { ProcedureDefinitionView } from '../../../api/types';
import { Breadcrumbs, Button, ErrorState, ErrorSummary, Loading, TextInput, type FormError } from '../../../ui';
import { boApi, saveProcedure, type ItemList, type ProcedureVersion } from '../api';
import { boHref } from '../paths';
import { ActionError } from '../actions/ActionError';
import { GeneralSection } from './editor/GeneralSection';
import { FeesSection } from './editor/FeesSection';
import { DocumentsSection } from './editor/DocumentsSection';
import { FormFieldsSection } from './editor/FormFieldsSection';
import { WorkflowSection } from './editor/WorkflowSection';
import { fromProcedure, ids, toDefinition, validateEditor, type EditorState } from './editor/procedureDef';

function Versions({ code }: { code: string }) {
  const { t } = useT();
  const versions = useApi<ItemList<ProcedureVersion>>(boApi.procedureVersions(code));
  return (
    <section aria-labelledby="pe-versions" className="bo-section">
      <h2 id="pe-versions">{t('bo.pe.versions')}</h2>
      {versions.error ? (
        <ErrorState error={versions.error} onRetry={versions.reload} />
      ) : !versions.data ? (
        <Loading />
      ) : (
        <ol className="list-plain">
          {[...versions.data.items].sort((a, b) => b.version - a.version).map((v) => (
            <li key={v.version}>
              {t('bo.pe.versionLine', { n: v.version, from: formatDate(v.effectiveFrom), at: formatDateTime(v.createdAt) })}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** What a save said: kept by the page, since the saved version's answer remounts the editor. */
function SavedBanner({ version }: { version: number }) {
  const { t } = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [version]);
  return (
    <div className="banner banner--success" role="status" tabIndex={-1} ref={ref} aria-labelledby="pe-saved">
      <h2 className="banner__title" id="pe-saved">
        {t('common.done')}
      </h2>
      <div className="banner__content">
        <p>{t('bo.pe.saved', { n: version })}</p>
      </div>
    </div>
  );
}

function Editor({ procedure, onSaved }: { procedure: ProcedureDefinitionView; onSaved: (version: number) => void }) {
  const { t } = useT();
  const [s, setS] = useState<EditorState>(() => fromProcedure(procedure));
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const save = useSubmit(() => saveProcedure(s.code, toDefinition(s), s.effectiveFrom));
  const set = (p: Partial<EditorState>) => setS((x) => ({ ...x, ...p }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = validateEditor(s, t);
    setErrors(problems);
    setAttempt((n) => n + 1);
    if (problems.length) return;
    const result = await save.run();
    if (result) {
      // The procedure's answer then carries the new version, which remounts this editor on it
      // (and its list of versions): the page keeps the banner.
      onSaved(result.version);
      invalidate('/api/v1/procedures');
    }
  };

  return (
    <>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} focusKey={attempt} />
        <GeneralSection s={s} set={set} errors={errors} />
        <FeesSection rows={s.fees} onChange={(fees) => set({ fees })} errors={errors} />
        <DocumentsSection rows={s.documents} onChange={(documents) => set({ documents })} errors={errors} />
        <FormFieldsSection rows={s.formFields} onChange={(formFields) => set({ formFields })} errors={errors} />
        <WorkflowSection rows={s.workflow} onChange={(workflow) => set({ workflow })} errors={errors} />
        <section aria-labelledby="pe-save" className="bo-section">
          <h2 id="pe-save">{t('bo.pe.saveTitle')}</h2>
          <TextInput
            id={ids.effectiveFrom}
            label={t('bo.pe.effectiveFrom')}
            hint={t('bo.pe.effectiveFromHint')}
            type="date"
            width="w10"
            error={errors.find((x) => x.target === ids.effectiveFrom)?.text ?? null}
            value={s.effectiveFrom}
            onChange={(v) => set({ effectiveFrom: v })}
          />
          {save.error && <ActionError error={save.error} onReload={() => undefined} />}
          <Button type="submit" pending={save.pending}>
            {t('bo.pe.save')}
          </Button>
        </section>
      </form>
      <Versions code={procedure.code} />
    </>
  );
}

/** Edit one procedure: every save is a new version from its effective date. */
export function ProcedureEditorPage({ code }: { code: string }) {
  const { t } = useT();
  const procedure = useApi<ProcedureDefinitionView>(boApi.procedureDefinition(code));
  const [saved, setSaved] = useState<number | null>(null);
  usePageTitle(t('bo.pe.title', { code }));
  return (
    <>
      <Breadcrumbs items={[{ href: boHref.procedures(), text: t('bo.adminProc.title') }]} />
      {procedure.data && <span className="caption">{procedure.data.name}</span>}
      <h1>{t('bo.pe.title', { code })}</h1>
      {saved !== null && <SavedBanner version={saved} />}
      {procedure.error ? (
        <ErrorState error={procedure.error} onRetry={procedure.error.status === 404 ? undefined : procedure.reload} />
      ) : !procedure.data ? (
        <Loading />
      ) : (
        <Editor key={procedure.data.version} procedure={procedure.data} onSaved={setSaved} />
      )}
    </>
  );
}
