import { useT, type MessageKey } from '../../i18n';
import { formatDate, formatFileSize } from '../../i18n/format';
import { Link, usePageTitle } from '../../router';
import { href } from '../../routes';
import { useSession } from '../../api/session';
import { useApi } from '../../api/useApi';
import { Breadcrumbs, EmptyState, ErrorState, Loading } from '../../ui';
import { SignInRequired } from '../dossiers/components/SignInRequired';
import { documentApi, type DocumentList } from './api';
import { DocumentStateTag } from './DocumentStateTag';
import './documents.css';

/** The citizen's electronic document store (kho dữ liệu điện tử): every signed document they hold. */
export function MyDocumentsPage() {
  const { t } = useT();
  const { status, user } = useSession();
  const list = useApi<DocumentList>(user ? documentApi.mine() : null);
  usePageTitle(t('mydocs.title'));

  if (status === 'loading') return <Loading />;
  if (!user) return <SignInRequired title={t('mydocs.title')} />;

  return (
    <>
      <Breadcrumbs items={[{ href: href('home'), text: t('nav.home') }]} />
      <h1>{t('mydocs.title')}</h1>
      <p className="lead">{t('mydocs.intro')}</p>
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t('mydocs.emptyTitle')}>
          <p>{t('mydocs.emptyBody')}</p>
        </EmptyState>
      ) : (
        <ul className="card-list">
          {list.data.items.map((d) => (
            <li key={d.id} className="card">
              <h2 className="card__title">{d.title}</h2>
              <p style={{ marginBottom: 'var(--s-2)' }}>
                <DocumentStateTag state={d.state} />
              </p>
              <dl className="card__meta">
                <div>
                  <dt>{t('verify.kind')}:</dt> <dd>{t(`verify.kind.${d.kind}` as MessageKey)}</dd>
                </div>
                <div>
                  <dt>{t('verify.unit')}:</dt> <dd>{d.issuingUnit.name}</dd>
                </div>
                <div>
                  <dt>{t('mydocs.issuedAt')}:</dt> <dd>{formatDate(d.issuedAt)}</dd>
                </div>
                {d.dossierCode && (
                  <div>
                    <dt>{t('verify.dossier')}:</dt>{' '}
                    <dd>
                      <Link to={href('myDossier', { code: d.dossierCode })}>{d.dossierCode}</Link>
                    </dd>
                  </div>
                )}
              </dl>
              <ul className="doc-list__actions">
                <li>
                  <a href={d.fileUrl} download>
                    {t('mydocs.download', { size: formatFileSize(d.size) })}
                    <span className="visually-hidden"> {d.title}</span>
                  </a>
                </li>
                <li>
                  <Link to={href('verify', { id: d.id })}>
                    {t('mydocs.verify')}
                    <span className="visually-hidden"> {d.title}</span>
                  </Link>
                </li>
              </ul>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
