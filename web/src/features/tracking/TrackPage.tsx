import { useT } from '../../i18n';
import { usePageTitle } from '../../router';
import { href } from '../../routes';
import { Breadcrumbs } from '../../ui';
import { TrackForm } from './TrackForm';

export function TrackPage() {
  const { t } = useT();
  usePageTitle(t('track.title'));
  return (
    <>
      <Breadcrumbs items={[{ href: href('home'), text: t('nav.home') }]} />
      <h1>{t('track.title')}</h1>
      <div className="grid grid--two-thirds">
        <div>
          <p className="lead">{t('track.lead')}</p>
          <TrackForm />
        </div>
      </div>
    </>
  );
}
