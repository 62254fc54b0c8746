import { useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { Link } from '../../router';
import { href } from '../../routes';
import { NotificationBanner } from '../../ui';
import { useNotices } from './NoticesProvider';

/** On the home page, while a dossier waits for its applicant: what, by when, and where to act. */
export function WaitingBanner() {
  const { t } = useT();
  const { summary } = useNotices();
  if (!summary || summary.waiting.length === 0) return null;
  return (
    <NotificationBanner type="warning" title={t('waiting.title')}>
      <ul className="list-plain">
        {summary.waiting.map((w) => (
          <li key={w.code}>
            <p className="banner__heading">
              {t(w.kind === 'supplement' ? 'waiting.supplement' : 'waiting.payment', { code: w.code, procedure: w.procedure })}
              {w.deadline && <> {t('waiting.deadline', { deadline: formatDateTime(w.deadline) })}</>}
            </p>
            <p>
              <Link to={href('myDossier', { code: w.code })}>{t('waiting.act', { code: w.code })}</Link>
            </p>
          </li>
        ))}
      </ul>
    </NotificationBanner>
  );
}
