import { useEffect, useRef } from 'react';
import { useT } from '../../i18n';
import { usePageTitle } from '../../router';
import { useSession } from '../../api/session';
import type { TwoFactorChallenge, User } from '../../api/types';
import { Button, Details } from '../../ui';
import { CodeForm } from './CodeForm';

/**
 * Sign-in, step 2 for officials with two-factor sign-in: the 6-digit code of their authenticator
 * app, or one of their recovery codes. A challenge lasts 5 minutes; after that, start again.
 */
export function TwoFactorStep({ challenge, onDone, onRestart }: { challenge: TwoFactorChallenge; onDone: (u: User) => void; onRestart: () => void }) {
  const { t } = useT();
  const { completeSignIn } = useSession();
  usePageTitle(t('twoFactor.step.title'));
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="grid grid--two-thirds">
      <div>
        <h1 tabIndex={-1} ref={heading}>
          {t('twoFactor.step.title')}
        </h1>
        <CodeForm
          id="two-factor-code"
          label={t('twoFactor.step.label')}
          hint={t('twoFactor.step.hint')}
          intro={<p>{t('twoFactor.step.lead')}</p>}
          submitLabel={t('signIn.submit')}
          allowLonger
          onConfirm={async (code) => {
            const u = await completeSignIn(challenge.challenge, code);
            onDone(u);
            return u;
          }}
        />
        <Details summary={t('twoFactor.step.lostTitle')}>
          <p>{t('twoFactor.step.lost')}</p>
        </Details>
        <p>
          <Button variant="link" onClick={onRestart}>
            {t('twoFactor.step.restart')}
          </Button>
        </p>
      </div>
    </div>
  );
}
