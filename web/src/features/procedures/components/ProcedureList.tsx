import { useT } from '../../../i18n';
import { Link } from '../../../router';
import { href } from '../../../routes';
import type { ProcedureSummary } from '../../../api/types';
import { applicantText, OnlineLevelTag, timeLimitText } from '../labels';

/** Search results: one card per procedure with its time limit in plain words. */
export function ProcedureList({ items }: { items: ProcedureSummary[] }) {
  const { t, lang } = useT();
  return (
    <ul className="card-list">
      {items.map((p) => (
        <li key={p.code} className="card">
          <h2 className="card__title">
            <Link to={href('procedure', { code: p.code })}>{lang === 'en' && p.nameEn ? p.nameEn : p.name}</Link>
          </h2>
          <dl className="card__meta">
            <div>
              <dt>{t('procedure.timeLimit')}:</dt> <dd>{timeLimitText(p.timeLimit, t)}</dd>
            </div>
            <div>
              <dt>{t('procedure.field')}:</dt> <dd>{p.field}</dd>
            </div>
            <div>
              <dt>{t('procedure.applicant')}:</dt> <dd>{applicantText(p.applicant, t)}</dd>
            </div>
            <div>
              <dt className="visually-hidden">{t('procedure.onlineLevel')}:</dt>{' '}
              <dd>
                <OnlineLevelTag level={p.onlineLevel} t={t} />
              </dd>
            </div>
            <div>
              <dt>{t('procedure.code')}:</dt> <dd>{p.code}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
