import { useT } from '../../../i18n';
import type { Procedure, UploadedFile } from '../../../api/types';
import type { FormError } from '../../../ui';
import { FieldInput } from '../../../ui/FieldInput';
import { FilePicker } from '../components/FilePicker';
import type { Upload } from '../components/useFileUpload';
import { deskIds, type DeskDraft } from './deskDraft';

/** Steps 3 and 4: the procedure's form fields, and a scan per document requirement. */
export function DetailsSection({ procedure, draft, onChange, errors, uploads, onUpload, onCancelUpload }: {
  procedure: Procedure;
  draft: DeskDraft;
  onChange: (patch: Partial<DeskDraft>) => void;
  errors: FormError[];
  uploads: Record<string, Upload>;
  onUpload: (requirementId: string, file: File) => void;
  onCancelUpload: (requirementId: string) => void;
}) {
  const { t } = useT();
  const err = (id: string) => errors.find((e) => e.target === id)?.text ?? null;
  const setFile = (id: string, f: UploadedFile | null) => {
    const files = { ...draft.files };
    if (f) files[id] = f;
    else delete files[id];
    onChange({ files });
  };
  return (
    <>
      <section aria-labelledby="desk-fields-title" className="bo-section">
        <h2 id="desk-fields-title" tabIndex={-1}>
          {t('bo.desk.fields')}
        </h2>
        {procedure.formFields.length === 0 ? (
          <p className="secondary-text">{t('bo.desk.noFields')}</p>
        ) : (
          <div className="bo-form-grid">
            {procedure.formFields.map((f) => (
              <FieldInput
                key={f.key}
                id={deskIds.field(f.key)}
                field={f}
                value={draft.formData[f.key] ?? ''}
                error={err(deskIds.field(f.key))}
                onChange={(v) => onChange({ formData: { ...draft.formData, [f.key]: v } })}
                forSomeoneElse
              />
            ))}
          </div>
        )}
      </section>
      <section aria-labelledby="desk-docs-title" className="bo-section">
        <h2 id="desk-docs-title" tabIndex={-1}>
          {t('bo.desk.docs')}
        </h2>
        <p className="hint">{t('bo.desk.docsHint')}</p>
        {procedure.documents.length === 0 ? (
          <p className="secondary-text">{t('bo.desk.noDocs')}</p>
        ) : (
          procedure.documents.map((doc) => {
            const id = deskIds.doc(doc.id);
            const required = doc.required === true ? t('bo.desk.docRequired') : doc.required === null ? t('bo.desk.docToConfirm') : t('bo.desk.docOptional');
            return (
              <FilePicker
                  key={doc.id}
                  id={id}
                  label={doc.name}
                  hint={`${t(`bo.docKind.${doc.kind}`)} · ${required}`}
                  upload={uploads[doc.id]}
                  stored={draft.files[doc.id]}
                  onChoose={(f) => onUpload(doc.id, f)}
                  onCancel={() => onCancelUpload(doc.id)}
                  onRemove={() => setFile(doc.id, null)}
                  error={err(id)}
                />
            );
          })
        )}
      </section>
    </>
  );
}
