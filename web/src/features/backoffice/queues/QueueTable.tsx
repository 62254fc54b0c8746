import { useT } from '../../../i18n';
import { formatDateTime } from '../../../i18n/format';
import { Link } from '../../../router';
import type { QueueItem } from '../api';
import { boHref } from '../paths';
import { dueState } from '../components/due';
import { BoStatusTag, DueTag } from '../components/tags';
import { Tag } from '../../../ui';
import { OriginMark } from '../components/OriginMark';

/** A dense table of dossiers; due-soon and overdue rows carry a coloured edge and a worded tag. */
export function QueueTable({ items, caption, now, soonLimit, busy }: {
  items: QueueItem[];
  caption: string;
  now: Date;
  soonLimit: Date | null;
  busy: boolean;
}) {
  const { t } = useT();
  return (
    <div className="table-wrap" role="region" aria-labelledby="bo-queue-caption" tabIndex={0}>
      <table className="table bo-table bo-table--wide" aria-busy={busy || undefined}>
        <caption id="bo-queue-caption" className="visually-hidden">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('bo.col.code')}</th>
            <th scope="col">{t('bo.col.procedure')}</th>
            <th scope="col">{t('bo.col.applicant')}</th>
            <th scope="col">{t('bo.col.status')}</th>
            <th scope="col">{t('bo.col.assignee')}</th>
            <th scope="col">{t('bo.col.received')}</th>
            <th scope="col">{t('bo.col.due')}</th>
            <th scope="col">{t('bo.col.timeliness')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => {
            const state = dueState(d, now, soonLimit);
            const rowClass = state === 'overdue' ? 'bo-row--overdue' : state === 'due_soon' ? 'bo-row--soon' : undefined;
            return (
              <tr key={d.code} className={rowClass}>
                <th scope="row" className="bo-nowrap">
                  <Link to={boHref.dossier(d.code)}>{d.code}</Link>
                  <OriginMark channel={d.originChannel} externalCode={d.externalCode} compact />
                </th>
                <td>
                  {d.procedure.name}
                  <span className="bo-sub">{d.procedure.code}</span>
                </td>
                <td>{d.applicantName ?? '—'}</td>
                <td>
                  <BoStatusTag status={d.status} label={d.statusLabel} labelEn={d.statusLabelEn} />
                  {d.applicantAnswered && (
                    <span className="bo-sub">
                      <Tag colour="purple">{t('bo.applicantAnswered')}</Tag>
                    </span>
                  )}
                </td>
                <td>{d.assignee?.fullName ?? '—'}</td>
                <td className="bo-nowrap">
                  {d.receivedAt ? (
                    formatDateTime(d.receivedAt)
                  ) : (
                    <>
                      {t('bo.notReceived')}
                      {d.submittedAt && <span className="bo-sub">{t('bo.submittedOn', { date: formatDateTime(d.submittedAt) })}</span>}
                    </>
                  )}
                </td>
                <td className="bo-nowrap">
                  {formatDateTime(d.dueAt) || '—'}
                  {d.extendedDueAt && <span className="bo-sub">{t('bo.queue.extendedTo', { date: formatDateTime(d.extendedDueAt) })}</span>}
                </td>
                <td>
                  <DueTag state={state} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
