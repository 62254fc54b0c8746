import { useT } from '../../../i18n';
import { formatDateTime } from '../../../i18n/format';
import { Link } from '../../../router';
import type { Dossier, Procedure } from '../../../api/types';
import { Button, Panel, SummaryList } from '../../../ui';
import { boHref } from '../paths';
import { timeLimitText } from '../dossier/labels';

/**
 * The receipt and appointment (Form 01, simplified) once the dossier is received: the code and
 * appointment date first, then what was received. Printable (the page chrome is hidden in print).
 */
export function DeskReceipt({ dossier: d, procedure, officer, onNew }: { dossier: Dossier; procedure: Procedure | undefined; officer: string; onNew: () => void }) {
  const { t } = useT();
  const docName = (id: string | null) => procedure?.documents.find((x) => x.id === id)?.name ?? id ?? '';
  return (
    <div className="bo-receipt">
      <div className="bo-print-only bo-print-head">
        <p className="bo-print-head__unit">{d.receivingUnit?.name}</p>
        <p className="bo-print-head__nation">
          {t('bo.receipt.nation')}
          <span className="bo-block">{t('bo.receipt.motto')}</span>
        </p>
      </div>
      <p className="bo-print-only bo-print-title">{t('bo.receipt.formTitle')}</p>
      <Panel title={t('bo.receipt.title')}>
        <p className="mb-0">{t('bo.receipt.code')}</p>
        <strong>{d.code}</strong>
        <p className="mb-0">{t('bo.receipt.appointment')}</p>
        <strong>{formatDateTime(d.dueAt) || t('bo.facts.dueLater')}</strong>
      </Panel>
      <SummaryList
        rows={[
          { key: t('bo.receipt.code'), value: d.code },
          { key: t('bo.facts.procedure'), value: `${d.procedure.name} (${d.procedure.code})` },
          { key: t('bo.applicant.name'), value: d.applicant.fullName },
          { key: t('bo.applicant.cccd'), value: d.applicant.idNumber ?? '—' },
          { key: t('bo.applicant.phone'), value: d.applicant.phone ?? '—' },
          { key: t('bo.applicant.address'), value: d.applicant.address ?? '—' },
          {
            key: t('bo.docs.title'),
            value: d.documents.length ? (
              <ul className="list-plain mb-0">
                {d.documents.map((x) => (
                  <li key={x.id}>{docName(x.requirementId)}</li>
                ))}
              </ul>
            ) : (
              '—'
            ),
          },
          { key: t('bo.facts.timeLimit'), value: timeLimitText(d.procedure.timeLimit, t) },
          { key: t('bo.facts.receivedAt'), value: formatDateTime(d.receivedAt) || '—' },
          { key: t('bo.receipt.appointment'), value: formatDateTime(d.dueAt) || t('bo.facts.dueLater') },
          { key: t('bo.receipt.officer'), value: officer },
        ]}
      />
      <div className="bo-print-only bo-signatures">
        <p>{t('bo.receipt.applicantSign')}</p>
        <p>
          {t('bo.receipt.officerSign')}
          <span className="bo-block">{officer}</span>
        </p>
      </div>
      <div className="button-group bo-no-print">
        <Button onClick={() => window.print()}>{t('bo.receipt.print')}</Button>
        <Button variant="secondary" onClick={onNew}>
          {t('bo.receipt.new')}
        </Button>
        <a href={`/api/v1/dossiers/${encodeURIComponent(d.code)}/forms/receipt.pdf`} target="_blank" rel="noopener">
          {t('dossier.receiptPdf')}
        </a>
        <Link to={boHref.dossier(d.code)}>{t('bo.receipt.open')}</Link>
      </div>
    </div>
  );
}
