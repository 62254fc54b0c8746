import { useEffect, useRef } from 'react';
import { useT } from '../../i18n';
import { usePageTitle } from '../../router';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import type { SignUpAnswer, SignUpPending } from '../../api/types';
import { Button, InsetText } from '../../ui';
import { CodeForm, CodeSentText } from './CodeForm';

/**
 * Sign-up, step 2: the code. For an ID number already on record at a ward the code went to the
 * phone or email ON RECORD (not the one just typed): the page says so, and what to do when that
 * phone is lost — go to any one-stop desk with the ID card.
 */
export function SignUpVerify({ pending, phone, onDone, onBack }: { pending: SignUpPending; phone: string; onDone: () => void; onBack: () => void }) {
  const { t } = useT();
  const { confirmSignUp } = useSession();
  usePageTitle(t('signUp.verify.title'));
  // A new step without a new URL: focus its heading, as a navigation would.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const desk = <p>{t('signUp.verify.desk', { phone: phone.trim() })}</p>;
  return (
    <div className="grid grid--two-thirds">
      <div>
        <h1 tabIndex={-1} ref={heading}>{t('signUp.verify.title')}</h1>
        {pending.existingRecord && <InsetText>{t('signUp.verify.existing')}</InsetText>}
        {pending.code ? (
          <CodeForm
            intro={<CodeSentText sent={pending.code} />}
            submitLabel={t('signUp.verify.submit')}
            onConfirm={async (code) => {
              const user = await confirmSignUp(pending.id, code);
              onDone();
              return user;
            }}
            onResend={async () => (await api.post<SignUpAnswer>('/auth/register/resend', { signUpId: pending.id })).signUp.code}
          />
        ) : (
          <p>{t('signUp.verify.noContact')}</p>
        )}
        {pending.existingRecord && (
          <>
            <h2>{t('signUp.verify.lostTitle')}</h2>
            {desk}
          </>
        )}
        <p>
          <Button variant="link" onClick={onBack}>
            {t('signUp.verify.back')}
          </Button>
        </p>
      </div>
    </div>
  );
}
