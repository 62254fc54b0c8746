import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { api, apiPath } from '../../api/client';
import { useApi, useSubmit } from '../../api/useApi';
import { Button, ErrorState, ErrorSummary, Loading, NotificationBanner, Tag, TextInput } from '../../ui';
import type { RecoveryCodes, TwoFactorSetup, TwoFactorStatus } from '../../api/types';
import { CodeForm } from './CodeForm';

type Mode = 'idle' | 'password' | 'scan' | 'codes' | 'renew' | 'disable';

/** The password again, before a change of sign-in security (enrol a new app, turn it off). */
function PasswordAgain({ submitLabel, onPassword }: { submitLabel: string; onPassword: (password: string) => Promise<unknown> }) {
  const { t, lang } = useT();
  const [password, setPassword] = useState('');
  const [attempt, setAttempt] = useState(0);
  const submit = useSubmit(onPassword);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!(await submit.run(password))) setAttempt((a) => a + 1);
  };
  const errors = submit.error ? [{ target: 'two-factor-password', text: submit.error.localized(lang) }] : [];
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <ErrorSummary errors={errors} focusKey={attempt} />
      <TextInput id="two-factor-password" type="password" label={t('twoFactor.password')} value={password} onChange={setPassword} error={errors[0]?.text ?? null} autoComplete="current-password" width="w20" />
      <Button type="submit" pending={submit.pending}>
        {submitLabel}
      </Button>
    </form>
  );
}

/**
 * An official's two-factor sign-in on their account page: turn it on with an authenticator app
 * (QR code or key), keep the recovery codes, renew them, move to another phone, turn it off
 * where the role allows.
 */
export function TwoFactorSection({ onEnabled }: { onEnabled: () => void }) {
  const { t } = useT();
  const state = useApi<TwoFactorStatus>(apiPath('/auth/two-factor'));
  const [mode, setMode] = useState<Mode>('idle');
  const [setup, setSetup] = useState<TwoFactorSetup | null>(null);
  const [codes, setCodes] = useState<string[]>([]);

  const showCodes = (list: string[]) => {
    setCodes(list);
    setMode('codes');
    state.reload();
  };

  let body;
  if (state.error) body = <ErrorState error={state.error} onRetry={state.reload} />;
  else if (!state.data) body = <Loading />;
  else if (mode === 'password')
    body = (
      <PasswordAgain
        submitLabel={t('common.continue')}
        onPassword={async (password) => {
          setSetup(await api.post<TwoFactorSetup>('/auth/two-factor/setup', { password }));
          setMode('scan');
          return true;
        }}
      />
    );
  else if (mode === 'scan' && setup)
    body = (
      <>
        <ol className="list-number">
          <li>{t('twoFactor.scan.app')}</li>
          <li>
            {t('twoFactor.scan.qr')}
            <br />
            <img src={setup.qrCode} alt={t('twoFactor.scan.qrAlt')} width={200} height={200} />
            <br />
            {t('twoFactor.scan.key')} <code className="code-text">{setup.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
          </li>
          <li>{t('twoFactor.scan.code')}</li>
        </ol>
        <CodeForm id="enrol-code" onConfirm={async (code) => showCodes((await api.post<RecoveryCodes>('/auth/two-factor/enable', { code })).recoveryCodes)} submitLabel={t('twoFactor.enable')} />
      </>
    );
  else if (mode === 'codes')
    body = (
      <>
        <NotificationBanner type="success" title={t('twoFactor.codes.title')}>
          <p>{t('twoFactor.codes.body')}</p>
        </NotificationBanner>
        <ol className="recovery-codes">
          {codes.map((c) => (
            <li key={c}>
              <code className="code-text">{c}</code>
            </li>
          ))}
        </ol>
        <Button
          onClick={() => {
            setMode('idle');
            onEnabled();
          }}
        >
          {t('twoFactor.codes.saved')}
        </Button>
      </>
    );
  else if (mode === 'renew')
    body = (
      <CodeForm
        id="renew-code"
        intro={<p>{t('twoFactor.renew.lead')}</p>}
        submitLabel={t('twoFactor.renew')}
        onConfirm={async (code) => showCodes((await api.post<RecoveryCodes>('/auth/two-factor/recovery-codes', { code })).recoveryCodes)}
      />
    );
  else if (mode === 'disable')
    body = (
      <PasswordAgain
        submitLabel={t('twoFactor.disable')}
        onPassword={async (password) => {
          await api.post<void>('/auth/two-factor/disable', { password });
          setMode('idle');
          state.reload();
          return true;
        }}
      />
    );
  else {
    const s = state.data;
    body = (
      <>
        {s.required && !s.enabled && (
          <NotificationBanner type="warning" title={t('twoFactor.required.title')}>
            <p>{t('twoFactor.required.body')}</p>
          </NotificationBanner>
        )}
        <p>
          <Tag colour={s.enabled ? 'green' : 'grey'}>{t(s.enabled ? 'twoFactor.on' : 'twoFactor.off')}</Tag> {t(s.required ? 'twoFactor.requiredNote' : 'twoFactor.optionalNote')}
        </p>
        {s.enabled && <p>{t('twoFactor.codesLeft', { n: s.recoveryCodesLeft })}</p>}
        <div className="button-group">
          {!s.enabled && <Button onClick={() => setMode('password')}>{t('twoFactor.turnOn')}</Button>}
          {s.enabled && (
            <>
              <Button variant="secondary" onClick={() => setMode('renew')}>
                {t('twoFactor.renew')}
              </Button>
              <Button variant="secondary" onClick={() => setMode('password')}>
                {t('twoFactor.move')}
              </Button>
              {!s.required && (
                <Button variant="warning" onClick={() => setMode('disable')}>
                  {t('twoFactor.disable')}
                </Button>
              )}
            </>
          )}
        </div>
      </>
    );
  }
  return (
    <section aria-labelledby="two-factor-title">
      <h2 id="two-factor-title">{t('twoFactor.title')}</h2>
      {body}
      {mode !== 'idle' && mode !== 'codes' && (
        <p>
          <Button variant="link" onClick={() => setMode('idle')}>
            {t('common.cancel')}
          </Button>
        </p>
      )}
    </section>
  );
}
