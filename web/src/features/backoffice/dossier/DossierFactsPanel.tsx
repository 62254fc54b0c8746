import { useT, type Translate } from '../../../i18n';
import { formatDateTime } from '../../../i18n/format';
import { fileUrl } from '../../../api/upload';
import type { Dossier } from '../../../api/types';
import { SummaryList, Tag, type SummaryRow } from '../../../ui';
import { BoStatusTag, DueTag } from '../components/tags';
import type { DueState } from '../components/due';
import { channelText, timeLimitText } from './labels';
import { OriginMark, useOriginName } from '../components/OriginMark';
import { ReceivedAt } from '../../dossiers/components/ReceivedAt';

/**
 * Where the dossier stands: status, dates, the due date the law set and the extension beside it,
 * the clock (stopped while waiting for the applicant), supplement rounds, who holds it.
 */
export function DossierFactsPanel({ dossier: d, due }: { dossier: Dossier; due: DueState }) {
  const { t } = useT();
  const dash = '—';
  const originName = useOriginName();
  const rows: SummaryRow[] = [
    {
      key: t('bo.facts.status'),
      value: (
        <>
          <BoStatusTag status={d.status} label={d.statusLabel} labelEn={d.statusLabelEn} /> <DueTag state={due} />
        </>
      ),
    },
    { key: t('bo.facts.procedure'), value: `${d.procedure.name} (${d.procedure.code}, ${t('bo.facts.version', { n: d.procedure.version })})` },
    { key: t('bo.facts.timeLimit'), value: timeLimitText(d.procedure.timeLimit, t) },
    {
      key: t('bo.facts.channel'),
      value: (
        <>
          {channelText(d.channel, t)}
          <OriginMark channel={d.originChannel} />
        </>
      ),
    },
    ...(d.externalCode ? [{ key: t('io.externalCode', { origin: originName(d.originChannel) }), value: d.externalCode }] : []),
    { key: t('bo.facts.submittedAt'), value: formatDateTime(d.submittedAt) || dash },
    {
      key: t('bo.facts.receivedAt'),
      value: <ReceivedAt code={d.code} receivedAt={d.receivedAt} notYet={t('bo.notReceived')} />,
    },
    {
      key: t('bo.facts.dueAt'),
      value: d.dueAt ? (
        <>
          {formatDateTime(d.dueAt)} <DueTag state={due} />
          <span className="bo-sub">{t('bo.facts.legalDueHint')}</span>
          {d.appointmentReason && <span className="bo-sub">{t('bo.facts.appointmentSet', { reason: d.appointmentReason })}</span>}
        </>
      ) : (
        t('bo.facts.dueLater')
      ),
    },
    ...extensionRows(d, t),
    { key: t('bo.facts.clock'), value: clockText(d, t) },
    {
      key: t('bo.facts.supplementRounds'),
      value: (
        <>
          {String(d.supplementRounds ?? 0)}
          {lateRounds(d) > 0 && (
            <>
              {' '}
              <Tag colour="red">{t('bo.facts.supplementLate', { n: lateRounds(d) })}</Tag>
            </>
          )}
        </>
      ),
    },
    { key: t('bo.facts.assignee'), value: d.assignee?.fullName ?? t('bo.facts.unassigned') },
    { key: t('bo.facts.department'), value: d.department?.name || dash },
    { key: t('bo.facts.handlingUnit'), value: d.handlingUnit?.name ?? dash },
  ];
  if (d.finishedAt) rows.push({ key: t('bo.facts.finishedAt'), value: formatDateTime(d.finishedAt) });
  if (d.returnedAt) rows.push({ key: t('bo.facts.returnedAt'), value: formatDateTime(d.returnedAt) });
  if (d.result) {
    rows.push({
      key: t('bo.facts.result'),
      value: (
        <>
          <Tag colour={d.result.outcome === 'granted' ? 'green' : 'red'}>{t(`bo.outcome.${d.result.outcome}`)}</Tag>
          {d.result.files.length > 0 && (
            <ul className="list-plain mb-0">
              {d.result.files.map((f) => (
                <li key={f.id}>
                  <a href={`${fileUrl(f.fileId ?? f.id)}?download=1`} download={f.name}>
                    {t('bo.docs.downloadNamed', { name: f.name })}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </>
      ),
    });
  }
  return <SummaryList rows={rows} />;
}

const lateRounds = (d: Dossier) => (d.supplementRequests ?? []).filter((r) => r.late).length;

function clockText(d: Dossier, t: Translate): string {
  const state = d.clock ?? 'not_started';
  return state === 'stopped' ? t('bo.facts.clock.stopped', { date: formatDateTime(d.clockStoppedAt ?? null) || '—' }) : t(`bo.facts.clock.${state}`);
}

/** The extension with apology, beside the due date: its new date, when and why, on time or not. */
function extensionRows(d: Dossier, t: Translate): SummaryRow[] {
  const x = d.extension;
  if (!x) return d.extended ? [{ key: t('bo.facts.extended'), value: t('bo.facts.extensionUsed') }] : [];
  return [
    {
      key: t('bo.facts.extendedDueAt'),
      value: (
        <>
          {formatDateTime(x.dueAt)} <Tag colour={x.apologyOnTime ? 'yellow' : 'red'}>{t(x.apologyOnTime ? 'bo.facts.apologyOnTime' : 'bo.facts.apologyLate')}</Tag>
          <span className="bo-sub bo-prewrap">{t('bo.facts.extensionDetail', { at: formatDateTime(x.at), reason: x.reason })}</span>
        </>
      ),
    },
  ];
}

/** The applicant as filed (a snapshot: later account changes do not alter the dossier). */
export function ApplicantPanel({ dossier: d }: { dossier: Dossier }) {
  const { t } = useT();
  const a = d.applicant;
  const dash = '—';
  return (
    <SummaryList
      rows={[
        { key: t('bo.applicant.name'), value: a.fullName },
        { key: t(a.kind === 'business' ? 'bo.applicant.mst' : 'bo.applicant.cccd'), value: a.idNumber || dash },
        { key: t('bo.applicant.phone'), value: a.phone ? <a href={`tel:${a.phone}`}>{a.phone}</a> : dash },
        { key: t('bo.applicant.email'), value: a.email ? <a href={`mailto:${a.email}`}>{a.email}</a> : dash },
        { key: t('bo.applicant.address'), value: a.address || dash },
      ]}
    />
  );
}
