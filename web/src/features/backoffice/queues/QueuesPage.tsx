import { useT } from '../../../i18n';
import { formatNumber } from '../../../i18n/format';
import { usePageTitle, useSearchParams } from '../../../router';
import { useApi } from '../../../api/useApi';
import type { User } from '../../../api/types';
import { EmptyState, ErrorState, Loading, Pagination } from '../../../ui';
import { boApi, QUEUE_PAGE_SIZE, type QueueList } from '../api';
import { useDueClock } from '../components/useDueClock';

const QUEUE_POLL_MS = 30_000;
import { QueueFilters } from './QueueFilters';
import { QueueNav } from './QueueNav';
import { QueueTable } from './QueueTable';
import { queueHref, queuesFor, readQueueQuery } from './queueState';

/** Work queues: counts per queue, filters, the table and pagination. */
export function QueuesPage({ user }: { user: User }) {
  const { t } = useT();
  const params = useSearchParams();
  const query = readQueueQuery(params, user.roles);
  // Counts and rows follow new work (a new dossier, an applicant's answer) without a reload:
  // polled while the tab is in view, and refreshed when it comes back into view.
  const list = useApi<QueueList>(boApi.queue(query), { keepPrevious: true, refetchInterval: QUEUE_POLL_MS });
  const { now, soonLimit } = useDueClock();
  const queues = queuesFor(user.roles);
  if (!queues.includes(query.queue)) queues.unshift(query.queue);
  const queueName = t(`bo.queue.${query.queue}`);
  usePageTitle(`${queueName} – ${t('bo.queues.title')}`);

  const data = list.data;
  const pageCount = data ? Math.max(1, Math.ceil(data.total / QUEUE_PAGE_SIZE)) : 1;
  const filtered = Boolean(query.q || query.status || query.procedure);

  return (
    <>
      <h1>{t('bo.queues.title')}</h1>
      <QueueNav queues={queues} query={query} counts={data?.counts} total={data?.total} />
      <div className="bo-queue-layout">
        <QueueFilters key={`${query.q}|${query.status}|${query.procedure}`} query={query} />
        <section aria-labelledby="bo-results-title" className="bo-results">
          <h2 id="bo-results-title" className="mt-0">
            {queueName}
          </h2>
          <p className="secondary-text" role="status">
            {list.loading ? t('common.loading') : data ? t(filtered ? 'bo.queue.foundFiltered' : 'bo.queue.found', { count: formatNumber(data.total) }) : ''}
          </p>
          {list.error && !data ? (
            <ErrorState error={list.error} onRetry={list.reload} />
          ) : !data ? (
            <Loading />
          ) : (
            <>
              {list.error && <ErrorState error={list.error} onRetry={list.reload} />}
              {data.items.length === 0 ? (
                <EmptyState title={filtered ? t('bo.queue.emptyFiltered') : t('bo.queue.empty')}>
                  <p>{filtered ? t('bo.queue.emptyFilteredBody') : t('bo.queue.emptyBody')}</p>
                </EmptyState>
              ) : (
                <QueueTable
                  items={data.items}
                  caption={t('bo.queue.caption', { queue: queueName, page: query.page, count: pageCount })}
                  now={now}
                  soonLimit={soonLimit}
                  busy={list.loading}
                />
              )}
              <Pagination page={query.page} pageCount={pageCount} hrefFor={(p) => queueHref({ ...query, page: p })} />
            </>
          )}
        </section>
      </div>
    </>
  );
}
