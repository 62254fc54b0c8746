import { pick, useT, isMessageKey } from '../../../i18n';
import { formatDateTime } from '../../../i18n/format';
import { fileUrl } from '../../../api/upload';
import type { DossierEvent } from '../../../api/types';
import { StatusTag } from '../../../ui';

/** The dossier's history, newest first, in plain words. */
export function Timeline({ events }: { events: DossierEvent[] }) {
  const { t, lang } = useT();
  if (events.length === 0) return <p className="secondary-text">{t('dossier.noEvents')}</p>;
  const sorted = [...events].sort((a, b) => b.seq - a.seq);
  return (
    <ol className="timeline">
      {sorted.map((e) => {
        const key = `action.${e.action}`;
        return (
          <li key={e.seq} className="timeline__item">
            <p className="timeline__meta">
              <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              {e.actor && <> · {e.actor.fullName}</>}
            </p>
            <p className="timeline__title">{isMessageKey(key) ? t(key) : (pick(lang, e.label ?? e.action, e.labelEn))}</p>
            {e.toStatus && e.toStatus !== e.fromStatus && (
              <p className="mb-0">
                <StatusTag status={e.toStatus} />
              </p>
            )}
            {e.comment && <p className="mb-0" style={{ whiteSpace: 'pre-line' }}>{e.comment}</p>}
            {e.attachments && e.attachments.length > 0 && (
              <ul className="list-plain mb-0">
                {e.attachments.map((id, i) => (
                  <li key={id}>
                    <a href={fileUrl(id)}>{t('dossier.attachment', { n: i + 1 })}</a>
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
