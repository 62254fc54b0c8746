import { isMessageKey, useT } from '../../../i18n';
import { formatDateTime } from '../../../i18n/format';
import type { DossierStep } from '../../../api/types';
import { stepDueState } from '../components/due';
import { DueTag } from '../components/tags';

/**
 * The processing control slip, simplified: each step, its own deadline and how it went. While the
 * dossier waits for its applicant (`paused`) the open step's clock is stopped too.
 */
export function StaffSteps({ steps, now, soonLimit, paused = false }: { steps: DossierStep[]; now: Date; soonLimit: Date | null; paused?: boolean }) {
  const { t } = useT();
  if (steps.length === 0) return <p className="secondary-text">{t('bo.steps.none')}</p>;
  return (
    <div className="table-wrap" role="region" aria-labelledby="bo-steps-caption" tabIndex={0}>
      <table className="table bo-table">
        <caption id="bo-steps-caption" className="visually-hidden">
          {t('bo.steps.title')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('bo.steps.name')}</th>
            <th scope="col">{t('bo.steps.role')}</th>
            <th scope="col">{t('bo.steps.started')}</th>
            <th scope="col">{t('bo.steps.due')}</th>
            <th scope="col">{t('bo.steps.finished')}</th>
            <th scope="col">{t('bo.steps.timeliness')}</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s, i) => {
            const roleKey = `bo.role.${s.role ?? ''}`;
            const state = !s.startedAt ? null : paused && !s.finishedAt ? 'paused' : stepDueState(s, now, soonLimit);
            return (
              <tr key={`${s.key ?? s.name}-${i}`}>
                <th scope="row">{s.name}</th>
                <td>{s.role ? (isMessageKey(roleKey) ? t(roleKey) : s.role) : '—'}</td>
                <td className="bo-nowrap">{formatDateTime(s.startedAt) || '—'}</td>
                <td className="bo-nowrap">{formatDateTime(s.dueAt) || '—'}</td>
                <td className="bo-nowrap">{s.finishedAt ? formatDateTime(s.finishedAt) : s.startedAt ? t('bo.steps.inProgress') : '—'}</td>
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
