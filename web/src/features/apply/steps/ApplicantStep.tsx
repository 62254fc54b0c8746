import { useT } from '../../../i18n';
import { href } from '../../../routes';
import type { Procedure, User } from '../../../api/types';
import { Button, NotificationBanner, SummaryList } from '../../../ui';
import { SignInButtons } from './SignInButtons';

/** Step 1: who is applying, taken from the account; signing in can wait until the documents. */
export function ApplicantStep({ procedure, user, onContinue }: { procedure: Procedure; user: User | null; onContinue: () => void }) {
  const { t } = useT();
  const back = href('apply', { code: procedure.code }, { buoc: 1 });
  // Filing online is for citizens and businesses themselves (the policy's dossier.file_online).
  const filesOnline = user?.capabilities.includes('dossier.file_online') ?? false;
  const mismatch = user && filesOnline && procedure.applicant !== 'both' && procedure.applicant !== user.kind;

  return (
    <>
      {!user ? (
        <>
          <p>{t('apply.applicant.signedOut')}</p>
          <SignInButtons back={back} />
          <p>{t('apply.applicant.orContinue')}</p>
        </>
      ) : (
        <>
          {!filesOnline && (
            <NotificationBanner title={t('common.important')} type="warning">
              <p>{t('apply.applicant.staff')}</p>
            </NotificationBanner>
          )}
          {mismatch && (
            <NotificationBanner title={t('common.important')} type="warning">
              <p>{t('apply.applicant.kindMismatch', { who: t(`applicant.${procedure.applicant}`) })}</p>
            </NotificationBanner>
          )}
          <p>{t('apply.applicant.fromAccount')}</p>
          <SummaryList
            rows={[
              { key: t('apply.applicant.name'), value: user.fullName },
              { key: user.kind === 'business' ? t('signUp.mst') : t('signUp.cccd'), value: user.login },
              { key: t('signUp.phone'), value: user.phone || '—' },
              { key: t('signUp.email'), value: user.email || '—' },
            ]}
          />
        </>
      )}
      <Button onClick={onContinue}>{t('common.continue')}</Button>
    </>
  );
}
