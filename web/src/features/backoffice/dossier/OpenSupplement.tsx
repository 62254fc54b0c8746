import { useT } from '../../../i18n';
import type { Dossier, Procedure } from '../../../api/types';
import { Tag } from '../../../ui';
import { targetLabel } from './labels';

/** The open request to supplement: each item, its reason and whether the applicant answered. */
export function OpenSupplement({ dossier: d, procedure }: { dossier: Dossier; procedure: Procedure | undefined }) {
  const { t, lang } = useT();
  const s = d.openSupplement;
  if (!s) return null;
  return (
    <section aria-labelledby="bo-supplement-title" className="bo-section bo-section--warning">
      <h2 id="bo-supplement-title" className="mt-0">
        {t('bo.supplement.openTitle', { n: s.round ?? d.supplementRounds })}
      </h2>
      <ol className="list-number">
        {s.items.map((item) => (
          <li key={item.id}>
            <strong>{t(item.target.type === 'document' ? 'bo.supplement.document' : 'bo.supplement.field')}: {targetLabel(procedure, item.target, lang)}</strong>{' '}
            {item.answered ? <Tag colour="green">{t('bo.supplement.answered')}</Tag> : <Tag colour="orange">{t('bo.supplement.waiting')}</Tag>}
            <span className="bo-block">{t('bo.supplement.reason', { reason: item.reason })}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
