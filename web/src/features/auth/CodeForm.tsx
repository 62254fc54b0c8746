import { useState, type FormEvent, type ReactNode } from 'react';
import { useT } from '../../i18n';
import { useSubmit } from '../../api/useApi';
import type { CodeSent } from '../../api/types';
import { Button, ErrorSummary, TextInput, type FormError } from '../../ui';

/** "123 456" → "123456"; anything else is left for the check below. */
export const normalizeCodeInput = (typed: string) => typed.replace(/[\s-]/g, '');

/**
 * Typing a one-time code (6 digits: a text message, an email, or an authenticator app), with
 * "send a new code" when there is one to send. Used by sign-up, password reset and two-factor
 * sign-in. `onConfirm` resolves to something truthy on success (the caller moves on).
 */
export function CodeForm({
  id = 'code',
  label,
  hint,
  intro,
  submitLabel,
  onConfirm,
  onResend,
  allowLonger,
}: {
  id?: string;
  label?: string;
  hint?: string;
  intro?: ReactNode;
  submitLabel?: string;
  onConfirm: (code: string) => Promise<unknown>;
  onResend?: () => Promise<CodeSent | null>;
  /** Accept a longer code too (a recovery code at two-factor sign-in). */
  allowLonger?: boolean;
}) {
  const { t, lang } = useT();
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [resent, setResent] = useState<CodeSent | null>(null);
  const confirm = useSubmit(onConfirm);
  const resend = useSubmit(async () => (onResend ? onResend() : null));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const value = normalizeCodeInput(code);
    const found: FormError[] = [];
    if (!value) found.push({ target: id, text: t('code.error.blank') });
    else if (!/^\d{6}$/.test(value) && !(allowLonger && /^[A-Za-z0-9]{8,20}$/.test(value))) found.push({ target: id, text: t(allowLonger ? 'code.error.formatOrRecovery' : 'code.error.format') });
    setErrors(found);
    setAttempt((a) => a + 1);
    if (found.length) return;
    const done = await confirm.run(value);
    if (!done) setAttempt((a) => a + 1);
  };

  const onResendClick = async () => {
    setResent(null);
    const sent = await resend.run();
    if (sent) {
      setResent(sent);
      setCode('');
    } else setAttempt((a) => a + 1);
  };

  const serverError = confirm.error ?? resend.error;
  const left = serverError?.code === 'OTP_INVALID' ? serverError.details?.attemptsLeft : undefined;
  const serverText = serverError ? `${serverError.localized(lang)}${typeof left === 'number' ? ` ${t('code.attemptsLeft', { n: left })}` : ''}` : '';
  const all = errors.length ? errors : serverError ? [{ target: id, text: serverText }] : [];
  return (
    <>
      <ErrorSummary errors={all} focusKey={attempt} />
      {intro}
      {resent && (
        <p role="status" className="inset">
          {t('code.resent', { to: resent.sentTo })}
        </p>
      )}
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <TextInput
          id={id}
          label={label ?? t('code.label')}
          hint={hint ?? t('code.hint')}
          value={code}
          onChange={setCode}
          error={all.find((x) => x.target === id)?.text ?? null}
          inputMode={allowLonger ? 'text' : 'numeric'}
          autoComplete="one-time-code"
          spellCheck={false}
          autoCapitalize="none"
          maxLength={allowLonger ? 24 : 9}
          width="w10"
        />
        <div className="button-group">
          <Button type="submit" pending={confirm.pending}>
            {submitLabel ?? t('code.submit')}
          </Button>
          {onResend && (
            <Button variant="secondary" pending={resend.pending} onClick={() => void onResendClick()}>
              {t('code.resend')}
            </Button>
          )}
        </div>
      </form>
    </>
  );
}

/** "We sent a 6-digit code to …": the sentence for where a code went. */
export function CodeSentText({ sent }: { sent: CodeSent }) {
  const { t } = useT();
  return <p>{t(sent.channel === 'sms' ? 'code.sentSms' : 'code.sentEmail', { to: sent.sentTo })}</p>;
}
