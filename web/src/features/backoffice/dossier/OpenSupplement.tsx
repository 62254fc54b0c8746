import { useT } from '../../../i18n';
import { formatDateTime } from '../../../i18n/format';
import type { Dossier, Procedure, SupplementRequest } from '../../../api/types';
import { Tag } from '../../../ui';
import { targetLabel } from './labels';

function Items({ request, procedure, answered }: { request: SupplementRequest; procedure: Procedure | undefined; answered: boolean }) {
  const { t, lang } = useT();
  return (
    <ol className="list-number">
      {(request.items ?? []).map((item) => (
        <li key={item.id}>
          <strong>{t(item.target.type === 'document' ? 'bo.supplement.document' : 'bo.supplement.field')}: {targetLabel(procedure, item.target, lang)}</strong>{' '}
          {answered && (item.answered ? <Tag colour="green">{t('bo.supplement.answered')}</Tag> : <Tag colour="orange">{t('bo.supplement.waiting')}</Tag>)}
          <span className="bo-block">{t('bo.supplement.reason', { reason: item.reason })}</span>
        </li>
      ))}
    </ol>
  );
}

/** Why this round was needed (from the second on) and whether it went out after the 3-working-day window. */
function RoundFlags({ request: r }: { request: SupplementRequest }) {
  const { t } = useT();
  return (
    <>
      {r.late && (
        <p>
          <Tag colour="red">{t('bo.supplement.lateFlag')}</Tag> {t('bo.supplement.lateBody', { date: formatDateTime(r.windowEndsAt ?? null) || '—' })}
        </p>
      )}
      {r.repeatReason && <p className="bo-prewrap">{t('bo.supplement.repeat', { n: r.round, reason: r.repeatReason })}</p>}
    </>
  );
}

/**
 * The request to supplement as it stands: a handler's proposal awaiting the desk (the clock still
 * runs), or the request sent to the applicant (the clock is stopped) with each item and whether
 * it was answered.
 */
export function OpenSupplement({ dossier: d, procedure }: { dossier: Dossier; procedure: Procedure | undefined }) {
  const { t } = useT();
  const proposed = d.proposedSupplement;
  if (proposed) {
    return (
      <section aria-labelledby="bo-supplement-title" className="bo-section bo-section--warning">
        <h2 id="bo-supplement-title" className="mt-0">
          {t('bo.supplement.proposedTitle', { n: proposed.round })}
        </h2>
        <p>{t('bo.supplement.proposedBy', { name: proposed.proposedBy ?? '—', date: formatDateTime(proposed.proposedAt ?? null) || '—' })}</p>
        <RoundFlags request={proposed} />
        {proposed.comment && <p className="bo-prewrap">{proposed.comment}</p>}
        <Items request={proposed} procedure={procedure} answered={false} />
      </section>
    );
  }
  const s = d.openSupplement;
  if (!s) return null;
  const sent = formatDateTime(s.sentAt ?? null) || '—';
  return (
    <section aria-labelledby="bo-supplement-title" className="bo-section bo-section--warning">
      <h2 id="bo-supplement-title" className="mt-0">
        {t('bo.supplement.openTitle', { n: s.round ?? d.supplementRounds })}
      </h2>
      {s.sentAt && <p>{s.sentBySystem ? t('bo.supplement.sentBySystem', { date: sent }) : t('bo.supplement.sentByDesk', { date: sent, name: s.sentBy ?? '—' })}</p>}
      <RoundFlags request={s} />
      <Items request={s} procedure={procedure} answered />
    </section>
  );
}
