import { useT } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { Link, usePageTitle, useSearchParams } from '../../router';
import { href } from '../../routes';
import { useSession } from '../../api/session';
import { useApi } from '../../api/useApi';
import { Breadcrumbs, ButtonLink, EmptyState, ErrorState, Loading, Pagination, StatusTag } from '../../ui';
import { dossierApi, PAGE_SIZE, type DossierList } from './api';
import { SignInRequired } from './components/SignInRequired';
import { useExternalCodeLabel } from './components/externalCode';
import { useNotices } from '../notifications/NoticesProvider';

export function MyDossiersPage() {
  const { t } = useT();
  const { status, user } = useSession();
  const externalLabel = useExternalCodeLabel();
  const page = Math.max(1, Number(useSearchParams().get('trang')) || 1);
  const list = useApi<DossierList>(user ? dossierApi.list((page - 1) * PAGE_SIZE) : null);
  const { summary } = useNotices();
  usePageTitle(t('dossiers.title'));

  if (status === 'loading') return <Loading />;
  if (!user) return <SignInRequired title={t('dossiers.title')} />;
  const pageCount = list.data ? Math.ceil(list.data.total / PAGE_SIZE) : 0;

  return (
    <>
      <Breadcrumbs items={[{ href: href('home'), text: t('nav.home') }]} />
      <h1>{t('dossiers.title')}</h1>
      <p>
        <Link to={href('inbox')}>
          {t('inbox.link')}
          {summary && summary.unread > 0 ? ` (${t('inbox.unreadCount', { count: summary.unread })})` : ''}
        </Link>
      </p>
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t('dossiers.emptyTitle')}>
          <p>{t('dossiers.emptyBody')}</p>
          <ButtonLink to={href('procedures')}>{t('dossiers.findProcedure')}</ButtonLink>
        </EmptyState>
      ) : (
        <>
          <p className="secondary-text">{t('dossiers.count', { count: list.data.total })}</p>
          <ul className="card-list">
            {list.data.items.map((d) => (
              <li key={d.code} className="card">
                <h2 className="card__title">
                  <Link to={href('myDossier', { code: d.code })}>{d.procedure.name}</Link>
                </h2>
                <p className="mb-0" style={{ marginBottom: 'var(--s-2)' }}>
                  <StatusTag status={d.status} fallback={d.statusLabel} />
                </p>
                <dl className="card__meta">
                  <div>
                    <dt>{t('dossier.code')}:</dt> <dd>{d.code}</dd>
                  </div>
                  {d.externalCode && (
                    <div>
                      <dt>{externalLabel(d.originChannel)}:</dt> <dd>{d.externalCode}</dd>
                    </div>
                  )}
                  <div>
                    <dt>{t('dossier.submittedAt')}:</dt> <dd>{formatDate(d.submittedAt) || '—'}</dd>
                  </div>
                  <div>
                    <dt>{t('dossier.dueAt')}:</dt> <dd>{formatDate(d.dueAt) || t('receipt.dueLater')}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
          <Pagination page={page} pageCount={pageCount} hrefFor={(p) => href('myDossiers', {}, { trang: p > 1 ? p : undefined })} />
        </>
      )}
    </>
  );
}
