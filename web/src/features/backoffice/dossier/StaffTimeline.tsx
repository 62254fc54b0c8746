import type { ReactNode } from 'react';
import { isMessageKey, pick, useT } from '../../../i18n';
import { formatDateTime, formatNumber } from '../../../i18n/format';
import { fileUrl } from '../../../api/upload';
import type { StaffDossierEvent, Procedure } from '../../../api/types';
import { BoStatusTag } from '../components/tags';
import { targetLabel } from './labels';

type Data = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** Facts an event carries beyond its comment, in words (who was assigned, new due date…). */
function EventDetails({ e, procedure, people }: { e: StaffDossierEvent; procedure: Procedure | undefined; people: Record<string, string> }) {
  const { t, lang } = useT();
  const data = (e.data && typeof e.data === 'object' ? e.data : {}) as Data;
  const lines: ReactNode[] = [];
  const assignee = str(data.assigneeId);
  if (assignee) lines.push(t('bo.event.assignee', { name: people[assignee] ?? '—' }));
  if (str(data.departmentName)) lines.push(t('bo.event.department', { name: str(data.departmentName) ?? '' }));
  const toUnit = data.toUnit as { name?: string } | undefined;
  if (toUnit?.name) lines.push(t('bo.event.toUnit', { name: toUnit.name }));
  if (data.outcome === 'granted' || data.outcome === 'denied') lines.push(t('bo.event.outcome', { outcome: t(`bo.outcome.${data.outcome}`) }));
  if (data.method === 'collected' || data.method === 'electronic' || data.method === 'post') lines.push(t('bo.event.method', { method: t(`bo.method.${data.method}`) }));
  if (typeof data.amountVnd === 'number') lines.push(t('bo.event.amount', { amount: formatNumber(data.amountVnd) }));
  if (str(data.newDueAt)) lines.push(t('bo.event.newDue', { from: formatDateTime(str(data.previousDueAt) ?? str(data.dueAt)), to: formatDateTime(str(data.newDueAt)) }));
  else if (str(data.dueAt)) lines.push(t('bo.event.dueAt', { date: formatDateTime(str(data.dueAt)) }));
  if (data.clockRestarted) lines.push(t('bo.event.clockRestarted'));
  const items = Array.isArray(data.items) ? (data.items as { target?: { type: string; key: string }; reason?: string }[]) : [];
  return (
    <>
      {lines.map((l, i) => (
        <p key={i} className="mb-0">
          {l}
        </p>
      ))}
      {items.length > 0 && (
        <ul className="list-bullet mb-0">
          {items.map((it, i) => (
            <li key={i}>
              {it.target ? targetLabel(procedure, it.target, lang) : '—'}: {it.reason}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Who did what and when, newest first, with comments, reasons and attachments. */
export function StaffTimeline({ events, procedure, people, files }: {
  events: StaffDossierEvent[];
  procedure: Procedure | undefined;
  people: Record<string, string>;
  /** File names by upload id, for attachments the events list only by id. */
  files: Record<string, string>;
}) {
  const { t, lang } = useT();
  if (events.length === 0) return <p className="secondary-text">{t('bo.timeline.none')}</p>;
  const sorted = [...events].sort((a, b) => b.seq - a.seq);
  return (
    <ol className="timeline">
      {sorted.map((e) => {
        const roleKey = `bo.role.${e.actor?.role ?? ''}`;
        return (
          <li key={e.seq} className="timeline__item">
            <p className="timeline__meta">
              <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              {e.actor && (
                <>
                  {' · '}
                  {e.actor.fullName}
                  {e.actor.role && ` (${isMessageKey(roleKey) ? t(roleKey) : e.actor.role})`}
                </>
              )}
            </p>
            <p className="timeline__title">{pick(lang, e.label ?? e.action, e.labelEn)}</p>
            {e.toStatus && e.toStatus !== e.fromStatus && (
              <p className="mb-0">
                <BoStatusTag status={e.toStatus} />
              </p>
            )}
            {e.comment && <p className="mb-0 bo-prewrap">{e.comment}</p>}
            <EventDetails e={e} procedure={procedure} people={people} />
            {e.attachments && e.attachments.length > 0 && (
              <ul className="list-plain mb-0">
                {e.attachments.map((id, i) => (
                  <li key={id}>
                    <a href={fileUrl(id)} target="_blank" rel="noopener noreferrer">
                      {files[id] ?? t('bo.timeline.attachment', { n: i + 1 })}
                      <span className="visually-hidden"> ({t('common.newTab')})</span>
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
