import { useT, isMessageKey } from '../../../i18n';
import { formatDateTime } from '../../../i18n/format';
import type { DossierStep } from '../../../api/types';
import { Tag, TimelinessTag } from '../../../ui';

/**
 * Who holds the dossier at each step and by when (the processing control slip, simplified).
 * A numbered list rather than a table so it reads well on a 360 px phone.
 */
export function StepsTable({ steps }: { steps: DossierStep[] }) {
  const { t } = useT();
  if (steps.length === 0) return <p className="secondary-text">{t('dossier.noSteps')}</p>;
  return (
    <ol className="step-list">
      {steps.map((s, i) => {
        const roleKey = `role.${s.role ?? ''}`;
        return (
          <li key={`${s.key ?? s.name}-${i}`}>
            <p className="step-list__name">
              {s.name}
              {s.role && <span className="small secondary-text"> · {isMessageKey(roleKey) ? t(roleKey) : s.role}</span>}
            </p>
            <dl className="step-list__meta">
              <div>
                <dt>{t('step.started')}:</dt> <dd>{formatDateTime(s.startedAt) || '—'}</dd>
              </div>
              {s.dueAt && (
                <div>
                  <dt>{t('step.due')}:</dt> <dd>{formatDateTime(s.dueAt)}</dd>
                </div>
              )}
              <div>
                <dt>{t('step.finished')}:</dt>{' '}
                <dd>
                  {s.finishedAt ? (
                    <>
                      {formatDateTime(s.finishedAt)} <TimelinessTag value={s.timeliness ?? null} />
                    </>
                  ) : s.startedAt ? (
                    <Tag colour="purple">{t('step.inProgress')}</Tag>
                  ) : (
                    '—'
                  )}
                </dd>
              </div>
            </dl>
          </li>
        );
      })}
    </ol>
  );
}
