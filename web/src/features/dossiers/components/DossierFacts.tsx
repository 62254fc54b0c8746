import { useT, isMessageKey } from '../../../i18n';
import { formatDateTime } from '../../../i18n/format';
import type { Dossier } from '../../../api/types';
import { StatusTag, SummaryList, TimelinessTag, type SummaryRow } from '../../../ui';
import { ReceivedAt } from './ReceivedAt';
import { useExternalCodeLabel } from './externalCode';

/** Status in plain words, dates, and who holds the dossier now and until when. */
export function DossierFacts({ dossier: d }: { dossier: Dossier }) {
  const { t } = useT();
  const externalLabel = useExternalCodeLabel();
  const explain = `status.${d.status}.explain`;
  const current = d.steps.find((s) => s.startedAt && !s.finishedAt);
  const holder = [d.assignee?.fullName, d.department?.name, d.handlingUnit?.name].filter(Boolean).join(' – ');
  const open = !['returned', 'refused', 'withdrawn', 'stopped'].includes(d.status);

  const rows: SummaryRow[] = [
    {
      key: t('dossier.status'),
      value: (
        <>
          <StatusTag status={d.status} fallback={d.statusLabel} />
          {isMessageKey(explain) && <span style={{ display: 'block', marginTop: 'var(--s-2)' }}>{t(explain)}</span>}
        </>
      ),
    },
    // A dossier the national portal forwarded: its code there, which the applicant knows it by.
    ...(d.externalCode ? [{ key: externalLabel(d.originChannel), value: d.externalCode }] : []),
    { key: t('dossier.submittedAt'), value: formatDateTime(d.submittedAt) || '—' },
    {
      key: t('dossier.receivedAt'),
      value: <ReceivedAt code={d.code} receivedAt={d.receivedAt} notYet={t('dossier.notYet')} />,
    },
    {
      key: t('dossier.dueAt'),
      // With an apology the new date is the appointment; the original stays shown (and is what counts).
      value: d.dueAt ? (
        <>
          {formatDateTime(d.extendedDueAt ?? d.dueAt)} <TimelinessTag value={d.timeliness} />
          {d.extendedDueAt && (
            <span className="small secondary-text" style={{ display: 'block' }}>
              {t('dossier.extended', { date: formatDateTime(d.dueAt) })}
            </span>
          )}
          {d.appointmentReason && (
            <span className="small secondary-text" style={{ display: 'block' }}>
              {t('clock.appointmentCitizen')}
            </span>
          )}
          {d.clock === 'stopped' && d.clockStoppedAt && (
            <span className="small secondary-text" style={{ display: 'block' }}>
              {t('clock.stoppedCitizen', { date: formatDateTime(d.clockStoppedAt) })}
            </span>
          )}
        </>
      ) : (
        t('receipt.dueLater')
      ),
    },
  ];
  if (open && (current || holder)) {
    rows.push({
      key: t('dossier.holder'),
      value: (
        <>
          {current && <strong style={{ display: 'block' }}>{current.name}</strong>}
          {holder || d.receivingUnit?.name || '—'}
          {current?.dueAt && (
            <span className="small secondary-text" style={{ display: 'block' }}>
              {t('dossier.stepDue', { date: formatDateTime(current.dueAt) })}
            </span>
          )}
        </>
      ),
    });
  }
  if (d.finishedAt) rows.push({ key: t('dossier.finishedAt'), value: formatDateTime(d.finishedAt) });
  if (d.returnedAt) rows.push({ key: t('dossier.returnedAt'), value: formatDateTime(d.returnedAt) });
  return <SummaryList rows={rows} />;
}
