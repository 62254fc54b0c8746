import { pick, useT } from '../../../i18n';
import { formatFileSize } from '../../../i18n/format';
import { fileUrl } from '../../../api/upload';
import type { Dossier, Procedure } from '../../../api/types';
import { SummaryList } from '../../../ui';

/** What was sent: form answers and files (each downloadable), supplements marked by round. */
export function SubmittedDocuments({ dossier: d, procedure }: { dossier: Dossier; procedure: Procedure | undefined }) {
  const { t, lang } = useT();
  const labelOf = (key: string) => {
    const f = procedure?.formFields.find((x) => x.key === key);
    return f ? pick(lang, f.label, f.labelEn) : key;
  };
  const entries = Object.entries(d.formData ?? {}).filter(([, v]) => v !== null && v !== '');
  return (
    <>
      <h3 className="mt-0">{t('apply.fields.title')}</h3>
      {entries.length === 0 ? (
        <p className="secondary-text">{t('dossier.noFormData')}</p>
      ) : (
        <SummaryList rows={entries.map(([k, v]) => ({ key: labelOf(k), value: String(v) }))} />
      )}
      <h3>{t('apply.documents.title')}</h3>
      {d.documents.length === 0 ? (
        <p className="secondary-text">{t('dossier.noDocuments')}</p>
      ) : (
        <ul className="list-plain">
          {d.documents.map((doc) => (
            <li key={doc.id} style={{ marginBottom: 'var(--s-2)' }}>
              <a href={fileUrl(doc.fileId)}>{doc.name}</a> <span className="secondary-text small">({formatFileSize(doc.size)})</span>
              {doc.round > 0 && <span className="secondary-text small"> · {t('dossier.supplementRound', { n: doc.round })}</span>}
              {doc.superseded && <span className="secondary-text small"> · {t('dossier.superseded')}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
