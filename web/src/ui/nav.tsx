import { useT } from '../i18n';
import { Link } from '../router';

export interface Crumb {
  href: string;
  text: string;
}

export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const { t } = useT();
  return (
    <nav className="breadcrumbs" aria-label={t('common.breadcrumbs')}>
      <ol>
        {items.map((c) => (
          <li key={c.href}>
            <Link to={c.href}>{c.text}</Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/**
 * Previous/next links with "Trang 2 / 5". Links are real hrefs (built by `hrefFor(page)`), so
 * pages can be bookmarked and opened in new tabs.
 */
export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  const { t } = useT();
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('common.pagination')}>
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} rel="prev">
          ← {t('common.previous')}
          <span className="visually-hidden"> ({t('common.page', { page: page - 1 })})</span>
        </Link>
      ) : (
        <span />
      )}
      <span className="pagination__status">{t('common.pageOf', { page, count: pageCount })}</span>
      {page < pageCount ? (
        <Link to={hrefFor(page + 1)} rel="next">
          {t('common.next')} →<span className="visually-hidden"> ({t('common.page', { page: page + 1 })})</span>
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

export function SkipLink() {
  const { t } = useT();
  return (
    <a
      className="skip-link"
      href="#main-content"
      onClick={(e) => {
        e.preventDefault();
        const main = document.getElementById('main-content');
        main?.focus();
        main?.scrollIntoView();
      }}
    >
      {t('common.skipToContent')}
    </a>
  );
}
