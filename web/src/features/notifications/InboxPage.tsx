import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { Link, usePageTitle } from '../../router';
import { href } from '../../routes';
import { useSession } from '../../api/session';
import { useApi } from '../../api/useApi';
import { Breadcrumbs, Button, EmptyState, ErrorState, Loading, Tag } from '../../ui';
import { SignInRequired } from '../dossiers/components/SignInRequired';
import { markRead, noticeApi, type Inbox, type Notice } from './api';
import { useNotices } from './NoticesProvider';
import { PreferencesForm } from './PreferencesForm';

function NoticeItem({ n }: { n: Notice }) {
  const { t, lang } = useT();
  const sent = n.deliveries.filter((d) => d.status === 'sent').map((d) => t(`channel.${d.channel}` as const));
  return (
    <li className="card notice">
      <h2 className="card__title">
        {!n.readAt && (
          <>
            <Tag colour="blue">{t('inbox.new')}</Tag>{' '}
          </>
        )}
        {lang === 'en' ? n.titleEn : n.title}
      </h2>
      <p className="secondary-text mb-0">{formatDateTime(n.createdAt)}</p>
      <p className="notice__body">{lang === 'en' ? n.bodyEn : n.body}</p>
      {n.dossierCode && n.link && (
        <p className="mb-0">
          <Link to={n.link}>{t('inbox.openDossier', { code: n.dossierCode })}</Link>
        </p>
      )}
      {sent.length > 0 && <p className="secondary-text mb-0">{t('inbox.sentBy', { channels: sent.join(', ') })}</p>}
    </li>
  );
}

/** Every notice the citizen received, newest first; how they want to be told. */
export function InboxPage() {
  const { t } = useT();
  const { status, user } = useSession();
  const [before, setBefore] = useState<number | undefined>(undefined);
  const page = useApi<Inbox>(user ? noticeApi.inbox(before) : null);
  const [older, setOlder] = useState<Notice[]>([]);
  const { refresh } = useNotices();
  usePageTitle(t('inbox.title'));

  // What the citizen has seen here is read: the badge goes when they leave.
  const unread = page.data?.items.filter((n) => !n.readAt).map((n) => n.id) ?? [];
  const unreadKey = unread.join(',');
  useEffect(() => {
    if (!unreadKey) return;
    const timer = window.setTimeout(() => {
      markRead({ ids: unreadKey.split(',') }).then(refresh, () => {});
    }, 3000);
    return () => window.clearTimeout(timer);
  }, [unreadKey, refresh]);

  if (status === 'loading') return <Loading />;
  if (!user) return <SignInRequired title={t('inbox.title')} />;
  const items = [...older, ...(page.data?.items ?? [])];

  return (
    <>
      <Breadcrumbs items={[{ href: href('home'), text: t('nav.home') }, { href: href('myDossiers'), text: t('dossiers.title') }]} />
      <h1>{t('inbox.title')}</h1>
      <p className="lead">{t('inbox.lead')}</p>
      {page.error ? (
        <ErrorState error={page.error} onRetry={page.reload} />
      ) : !page.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <EmptyState title={t('inbox.title')}>
          <p>{t('inbox.empty')}</p>
        </EmptyState>
      ) : (
        <>
          {page.data.unread > 0 && (
            <p>
              {t('inbox.unreadCount', { count: page.data.unread })}{' '}
              <Button
                variant="secondary"
                onClick={() =>
                  void markRead({ all: true }).then(() => {
                    page.reload();
                    refresh();
                  })
                }
              >
                {t('inbox.markAll')}
              </Button>
            </p>
          )}
          <ul className="card-list">
            {items.map((n) => (
              <NoticeItem key={n.id} n={n} />
            ))}
          </ul>
          {page.data.nextBefore !== null && (
            <Button
              variant="secondary"
              onClick={() => {
                setOlder(items);
                setBefore(page.data!.nextBefore ?? undefined);
              }}
            >
              {t('inbox.older')}
            </Button>
          )}
        </>
      )}
      <PreferencesForm />
    </>
  );
}
