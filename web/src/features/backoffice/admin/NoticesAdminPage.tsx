import { useState } from 'react';
import { useT, isMessageKey } from '../../../i18n';
import { formatDateTime } from '../../../i18n/format';
import { Link, usePageTitle, useSearchParams } from '../../../router';
import { useApi } from '../../../api/useApi';
import { toApiError, type ApiError } from '../../../api/client';
import { Button, ErrorState, Loading, NotificationBanner, Tag } from '../../../ui';
import { boHref } from '../paths';
import { noticeAdminApi, replayMessage, type FailedMessage, type TemplateDetail, type TemplateSummary } from './notices/api';
import { TemplateEditor } from './notices/TemplateEditor';

const todayVn = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

function FailedMessages() {
  const { t } = useT();
  const list = useApi<{ items: FailedMessage[] }>(noticeAdminApi.failed());
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const replay = async (id: string) => {
    setError(null);
    try {
      await replayMessage(id);
      setDone(t('bo.notices.failed.replayed'));
      list.reload();
    } catch (err) {
      setError(toApiError(err));
    }
  };
  return (
    <section aria-labelledby="failed-title">
      <h2 id="failed-title">{t('bo.notices.failed.title')}</h2>
      <p>{t('bo.notices.failed.lead')}</p>
      {done && <NotificationBanner type="success" title={done} />}
      {error && <ErrorState error={error} />}
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <p className="secondary-text">{t('bo.notices.failed.empty')}</p>
      ) : (
        <ul className="card-list">
          {list.data.items.map((m) => (
            <li key={m.id} className="card">
              <p className="mb-0">
                <Tag colour="red">{m.channel}</Tag> {m.recipient} · {m.template} · {formatDateTime(m.createdAt)}
              </p>
              <p className="secondary-text">{m.lastError}</p>
              <Button variant="secondary" small onClick={() => void replay(m.id)}>
                {t('bo.notices.failed.replay', { recipient: m.recipient })}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Notice templates (versioned, previewed) and the messages that could not be delivered: a unit admin's page. */
export function NoticesAdminPage() {
  const { t } = useT();
  const event = useSearchParams().get('mau');
  const list = useApi<{ items: TemplateSummary[] }>(noticeAdminApi.list());
  const detail = useApi<TemplateDetail>(event ? noticeAdminApi.one(event) : null);
  usePageTitle(t('bo.notices.title'));
  const nameOf = (e: string) => {
    const key = `bo.notices.event.${e}`;
    return isMessageKey(key) ? t(key) : e;
  };

  return (
    <>
      <h1>{t('bo.notices.title')}</h1>
      <p>{t('bo.notices.lead')}</p>
      {event ? (
        <>
          <p>
            <Link to={boHref.notices()}>{t('bo.notices.back')}</Link>
          </p>
          {detail.error ? (
            <ErrorState error={detail.error} onRetry={detail.reload} />
          ) : !detail.data ? (
            <Loading />
          ) : (
            <TemplateEditor key={detail.data.event} detail={detail.data} today={todayVn()} onSaved={() => {
                detail.reload();
                list.reload();
              }} />
          )}
        </>
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('bo.notices.col.notice')}</th>
                <th scope="col">{t('bo.notices.col.to')}</th>
                <th scope="col">{t('bo.notices.col.version')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((n) => (
                <tr key={n.event}>
                  <th scope="row">
                    <Link to={boHref.notices(n.event)}>{nameOf(n.event)}</Link>
                  </th>
                  <td>{t(`bo.notices.to.${n.audience}`)}</td>
                  <td>
                    {n.inForce.version === 0 ? t('bo.notices.builtIn') : `${n.inForce.version} (${n.inForce.effectiveFrom})`}
                    {n.scheduled.map((s) => (
                      <span key={s.version} className="bo-sub">
                        {t('bo.notices.scheduled', { version: s.version, date: s.effectiveFrom ?? '' })}
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FailedMessages />
    </>
  );
}
