import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { Link, usePageTitle } from '../../router';
import { href } from '../../routes';
import { api } from '../../api/client';
import { useSubmit } from '../../api/useApi';
import type { PasswordResetStarted } from '../../api/types';
import { loginProblem } from '../../lib/validate';
import { Button, ErrorSummary, Panel, TextInput, type FormError } from '../../ui';
import { CodeSentText, normalizeCodeInput } from './CodeForm';
import { newPasswordErrors, passwordServerErrors } from './passwordForm';

type Reset = PasswordResetStarted['reset'];

const IDS = { code: 'code', password: 'new-password', confirm: 'confirm-password' };

/**
 * A forgotten password: the CCCD or tax code, then the code sent to the phone (or email) on
 * record with the new password. Officials ask their unit admin; someone whose record has no phone
 * or email goes to the one-stop desk.
 */
export function ForgotPasswordPage() {
  const { t, lang } = useT();
  const [login, setLogin] = useState('');
  const [reset, setReset] = useState<Reset | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState(false);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const ask = useSubmit(() => api.post<PasswordResetStarted>('/auth/password/forgot', { login: login.trim().replace(/\s+/g, '') }).then((r) => r.reset));
  const finish = useSubmit((r: Reset) => api.post<void>('/auth/password/reset', { resetId: r.id, code: normalizeCodeInput(code), newPassword: password }).then(() => true));
  usePageTitle(t(done ? 'forgot.done' : 'forgot.title'));

  const onAsk = async (e?: FormEvent) => {
    e?.preventDefault();
    const lp = loginProblem(login);
    const found: FormError[] = lp ? [{ target: 'login', text: t(lp === 'blank' ? 'signIn.error.loginBlank' : 'signIn.error.loginDigits') }] : [];
    setErrors(found);
    setAttempt((a) => a + 1);
    if (found.length) return;
    const r = await ask.run();
    if (r) {
      setReset(r);
      setCode('');
    } else setAttempt((a) => a + 1);
  };

  const onFinish = async (e: FormEvent) => {
    e.preventDefault();
    if (!reset) return;
    const typed = normalizeCodeInput(code);
    const found = [...(/^\d{6}$/.test(typed) ? [] : [{ target: IDS.code, text: t(typed ? 'code.error.format' : 'code.error.blank') }]), ...newPasswordErrors(password, confirm, t, IDS)];
    setErrors(found);
    setAttempt((a) => a + 1);
    if (found.length) return;
    if (await finish.run(reset)) setDone(true);
    else setAttempt((a) => a + 1);
  };

  if (done) {
    return (
      <div className="grid grid--two-thirds">
        <div>
          <Panel title={t('forgot.done')} />
          <p>{t('forgot.doneBody')}</p>
          <p>
            <Link to={href('signIn')}>{t('nav.signIn')}</Link>
          </p>
        </div>
      </div>
    );
  }

  const server = finish.error ? passwordServerErrors(finish.error, t, lang, { password: IDS.password, fallback: IDS.code }) : ask.error ? [{ target: reset ? IDS.code : 'login', text: ask.error.localized(lang) }] : [];
  const all = errors.length ? errors : server;
  const errorFor = (id: string) => all.find((x) => x.target === id)?.text ?? null;
  return (
    <div className="grid grid--two-thirds">
      <div>
        <ErrorSummary errors={all} focusKey={attempt} />
        <h1>{t('forgot.title')}</h1>
        {!reset && (
          <>
            <p className="lead">{t('forgot.lead')}</p>
            <form onSubmit={(e) => void onAsk(e)} noValidate>
              <TextInput id="login" label={t('forgot.login')} hint={t('forgot.loginHint')} value={login} onChange={setLogin} error={errorFor('login')} autoComplete="username" spellCheck={false} width="w20" />
              <Button type="submit" pending={ask.pending}>
                {t('forgot.send')}
              </Button>
            </form>
          </>
        )}
        {reset && !reset.code && (
          <>
            <p>{t('forgot.noCode')}</p>
            <Button variant="link" onClick={() => setReset(null)}>
              {t('forgot.again')}
            </Button>
          </>
        )}
        {reset?.code && (
          <form onSubmit={(e) => void onFinish(e)} noValidate>
            <CodeSentText sent={reset.code} />
            <TextInput id={IDS.code} label={t('code.label')} hint={t('code.hint')} value={code} onChange={setCode} error={errorFor(IDS.code)} inputMode="numeric" autoComplete="one-time-code" maxLength={9} width="w10" />
            <TextInput id={IDS.password} type="password" label={t('password.new')} hint={t('password.newHint')} value={password} onChange={setPassword} error={errorFor(IDS.password)} autoComplete="new-password" width="w20" />
            <TextInput id={IDS.confirm} type="password" label={t('password.confirm')} value={confirm} onChange={setConfirm} error={errorFor(IDS.confirm)} autoComplete="new-password" width="w20" />
            <div className="button-group">
              <Button type="submit" pending={finish.pending}>
                {t('forgot.submit')}
              </Button>
              <Button variant="secondary" pending={ask.pending} onClick={() => void onAsk()}>
                {t('code.resend')}
              </Button>
            </div>
          </form>
        )}
      </div>
    </div>
  );
}
