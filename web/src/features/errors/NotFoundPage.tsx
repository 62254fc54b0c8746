import { useT } from '../../i18n';
import { Link, usePageTitle } from '../../router';
import { href } from '../../routes';

export function NotFoundPage() {
  const { t } = useT();
  usePageTitle(t('notFound.title'));
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to={href('home')}>{t('notFound.home')}</Link>
      </p>
    </>
  );
}
