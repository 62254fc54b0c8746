import { useState } from 'react';
import { useT } from '../../i18n';
import { useNavigate, usePageTitle, useSearchParams } from '../../router';
import { href, safeReturnPath } from '../../routes';
import { useSession } from '../../api/session';
import { ButtonLink, Loading, NotificationBanner, SummaryList } from '../../ui';
import { ChangePasswordForm } from './ChangePasswordForm';
import { TwoFactorSection } from './TwoFactorSection';

/**
 * The signed-in person's account: who they are, their password, and for officials their
 * two-factor sign-in. Where the platform sends someone who must first change a password an admin
 * set (then back to `tiep`).
 */
export function AccountPage() {
  const { t } = useT();
  const { status, user, refresh } = useSession();
  const navigate = useNavigate();
  const next = safeReturnPath(useSearchParams().get('tiep'));
  const [changed, setChanged] = useState(false);
  usePageTitle(t('account.title'));

  if (status === 'loading') return <Loading />;
  if (!user) {
    return (
      <>
        <h1>{t('account.title')}</h1>
        <p>{t('account.signIn')}</p>
        <ButtonLink to={href('signIn', {}, { tiep: href('account') })}>{t('nav.signIn')}</ButtonLink>
      </>
    );
  }
  const forced = user.mustChangePassword;
  const enrolment = user.twoFactor.required && !user.twoFactor.enabled;
  // Once what the platform required is done, back to where the person was going.
  const onChanged = async () => {
    await refresh();
    setChanged(true);
    if (forced && !enrolment && next) navigate(next);
  };
  const onEnabled = async () => {
    await refresh();
    if (enrolment && next) navigate(next);
  };
  return (
    <div className="grid grid--two-thirds">
      <div>
        <h1>{t('account.title')}</h1>
        {forced && (
          <NotificationBanner type="warning" title={t('account.forced.title')}>
            <p>{t('account.forced.body')}</p>
          </NotificationBanner>
        )}
        <SummaryList
          rows={[
            { key: t('account.name'), value: user.fullName },
            { key: t('account.login'), value: user.login },
            { key: t('account.phone'), value: user.phone ?? '–' },
            { key: t('account.email'), value: user.email ?? '–' },
          ]}
        />
        <h2>{t('password.change.title')}</h2>
        {changed && (
          <p role="status" className="inset">
            {t('password.change.done')}
          </p>
        )}
        <ChangePasswordForm onChanged={() => void onChanged()} />
        {!forced && user.kind === 'staff' && <TwoFactorSection onEnabled={() => void onEnabled()} />}
      </div>
    </div>
  );
}
