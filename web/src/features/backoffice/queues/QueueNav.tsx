import { useT } from '../../../i18n';
import { formatNumber } from '../../../i18n/format';
import type { QueueList, QueueName, QueueQuery } from '../api';
import { SoftLink } from '../components/SoftLink';
import { queueHref } from './queueState';

/** One link per queue with its count; the current queue is marked for screen readers too. */
export function QueueNav({ queues, query, counts, total }: {
  queues: QueueName[];
  query: QueueQuery;
  counts: QueueList['counts'] | undefined;
  total: number | undefined;
}) {
  const { t } = useT();
  return (
    <nav aria-label={t('bo.queue.navLabel')} className="bo-queues">
      <ul>
        {queues.map((q) => {
          const count = q === 'all' ? (query.queue === 'all' && !query.q && !query.status && !query.procedure ? total : undefined) : counts?.[q];
          const alert = (q === 'overdue' || q === 'due_soon') && (count ?? 0) > 0;
          return (
            <li key={q}>
              <SoftLink
                to={queueHref({ queue: q, q: query.q, status: query.status, procedure: query.procedure })}
                aria-current={q === query.queue ? 'page' : undefined}
                className={alert ? `bo-queues__link bo-queues__link--${q}` : 'bo-queues__link'}
              >
                {t(`bo.queue.${q}`)}
                {count !== undefined && (
                  <span className="bo-count">
                    {' '}
                    {formatNumber(count)}
                    <span className="visually-hidden"> {t('bo.queue.dossiers')}</span>
                  </span>
                )}
              </SoftLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
