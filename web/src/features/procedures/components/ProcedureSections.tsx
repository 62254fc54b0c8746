import { useT } from '../../../i18n';
import type { DocumentRequirement, Fee } from '../../../api/types';
import { EmptyState, Table } from '../../../ui';
import { documentKindText, feeAmountText, RequiredTag } from '../labels';

/** What to bring: name (with the blank form to download), kind, copies, mandatory or not. */
export function DocumentsTable({ documents }: { documents: DocumentRequirement[] }) {
  const { t } = useT();
  if (documents.length === 0) return <EmptyState title={t('procedure.noDocuments')} />;
  return (
    <Table
      caption={t('procedure.documents')}
      captionHidden
      rows={documents}
      rowKey={(d) => d.id}
      columns={[
        {
          header: t('doc.name'),
          cell: (d) => (
            <>
              {d.name}
              {d.note && <span className="small secondary-text" style={{ display: 'block' }}>{d.note}</span>}
              {d.formUrl && (
                <span style={{ display: 'block' }}>
                  <a href={d.formUrl} target="_blank" rel="noopener noreferrer">
                    {t('doc.downloadForm')}
                    <span className="visually-hidden">: {d.name} ({t('common.newTab')})</span>
                  </a>
                </span>
              )}
            </>
          ),
        },
        { header: t('doc.kind'), cell: (d) => documentKindText(d.kind, t) },
        { header: t('doc.copies'), cell: (d) => d.copies ?? 1, numeric: true },
        { header: t('doc.requiredHeader'), cell: (d) => <RequiredTag required={d.required} t={t} /> },
      ]}
    />
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
        {
          header: t('fee.name'),
          cell: (f) => (
            <>
              {f.name}
              {f.note && <span className="small secondary-text" style={{ display: 'block' }}>{f.note}</span>}
            </>
          ),
        },
        { header: t('fee.amountHeader'), cell: (f) => feeAmountText(f, t) },
      ]}
    />
  );
}
