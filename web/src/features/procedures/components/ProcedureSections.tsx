import { useT } from '../../../i18n';
import type { DocumentRequirement, Fee } from '../../../api/types';
import { EmptyState, Table } from '../../../ui';
import { documentKindText, feeAmountText, RequiredTag } from '../labels';

/**
 * What to bring: name (with the blank form to download), kind, copies, mandatory or not.
 * A list rather than a table: names are long and a 360 px screen has no room for columns.
 */
export function DocumentsList({ documents }: { documents: DocumentRequirement[] }) {
  const { t } = useT();
  if (documents.length === 0) return <EmptyState title={t('procedure.noDocuments')} />;
  return (
    <ol className="doc-list">
      {documents.map((d) => (
        <li key={d.id}>
          <p className="doc-list__name">{d.name}</p>
          <p className="doc-list__meta">
            <RequiredTag required={d.required} t={t} /> {documentKindText(d.kind, t)} · {t('doc.copiesCount', { n: d.copies ?? 1 })}
          </p>
          {d.note && <p className="small secondary-text mb-0">{d.note}</p>}
          {d.formUrl && (
            <p className="mb-0">
              <a href={d.formUrl} target="_blank" rel="noopener noreferrer">
                {t('doc.downloadForm')}
                <span className="visually-hidden">: {d.name} ({t('common.newTab')})</span>
              </a>
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

export function FeesList({ fees }: { fees: Fee[] }) {
  const { t } = useT();
  if (fees.length === 0) return <p>{t('fee.none')}</p>;
  return (
    <Table
      caption={t('procedure.fees')}
      captionHidden
      rows={fees}
      rowKey={(f) => f.name}
      columns={[
        { header: t('fee.name'), cell: (f) => f.name },
        { header: t('fee.amountHeader'), cell: (f) => feeAmountText(f, t), nowrap: true },
      ]}
    />
  );
}
