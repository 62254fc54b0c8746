import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { Link, useNavigate, usePageTitle, useSearchParams } from '../../router';
import { href, safeReturnPath } from '../../routes';
import { useSession } from '../../api/session';
import { useSubmit } from '../../api/useApi';
import { loginProblem } from '../../lib/validate';
import { Button, ButtonLink, ErrorSummary, Loading, TextInput, type FormError } from '../../ui';
import { VneidSignIn } from '../national-id/VneidSignIn';
import type { TwoFactorChallenge, User } from '../../api/types';
import { TwoFactorStep } from './TwoFactorStep';

/**
 * Where a person goes once signed in: first what the platform requires of them (a password an
 * admin set, two-factor sign-in for a leader or admin), then where they were going.
 */
export function afterSignIn(u: User, next: string | null): string {
  const home = next ?? (u.kind === 'staff' ? href('backoffice') : href('myDossiers'));
  return u.mustChangePassword || (u.twoFactor.required && !u.twoFactor.enabled) ? href('account', {}, { tiep: home }) : home;
}

export function SignInPage() {
  const { t, lang } = useT();
  const navigate = useNavigate();
  const params = useSearchParams();
  const next = safeReturnPath(params.get('tiep'));
  const { status, user, signIn } = useSession();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [challenge, setChallenge] = useState<TwoFactorChallenge | null>(null);
  const submit = useSubmit(signIn);
  usePageTitle(t('signIn.title'));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const found: FormError[] = [];
    const lp = loginProblem(login);
    if (lp === 'blank') found.push({ target: 'login', text: t('signIn.error.loginBlank') });
    if (lp === 'digits') found.push({ target: 'login', text: t('signIn.error.loginDigits') });
    if (!password) found.push({ target: 'password', text: t('signIn.error.passwordBlank') });
    setErrors(found);
    setAttempt((a) => a + 1);
    if (found.length) return;
    const u = await submit.run(login.trim().replace(/\s+/g, ''), password);
    if (!u) {
      setAttempt((a) => a + 1);
      return;
    }
    if ('challenge' in u) {
      setPassword('');
      setChallenge(u);
      return;
    }
    navigate(afterSignIn(u, next));
  };

  if (status === 'loading') return <Loading />;
  if (challenge) return <TwoFactorStep challenge={challenge} onDone={(u) => navigate(afterSignIn(u, next))} onRestart={() => setChallenge(null)} />;
  const serverError: FormError[] = submit.error ? [{ target: 'login', text: submit.error.localized(lang) }] : [];
  const all = [...errors, ...serverError];
  const errorFor = (id: string) => all.find((x) => x.target === id)?.text ?? null;

  return (
    <div className="grid grid--two-thirds">
      <div>
        <ErrorSummary errors={all} focusKey={attempt} />
        <h1>{t('signIn.title')}</h1>
        {user && (
          <div className="state">
            <p className="state__title">{t('signIn.already', { name: user.fullName })}</p>
            <ButtonLink to={next ?? (user.kind === 'staff' ? href('backoffice') : href('myDossiers'))}>{t('common.continue')}</ButtonLink>
          </div>
        )}
        {next?.startsWith('/nop-ho-so/') && <p className="lead">{t('signIn.toContinueDraft')}</p>}
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <TextInput
            id="login"
            label={t('signIn.login')}
            hint={t('signIn.loginHint')}
            error={errorFor('login')}
            value={login}
            onChange={setLogin}
            autoComplete="username"
            spellCheck={false}
            autoCapitalize="none"
            width="w20"
          />
          <TextInput
            id="password"
            type="password"
            label={t('signIn.password')}
            error={errorFor('password')}
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
            width="w20"
          />
          <Button type="submit" pending={submit.pending}>
            {t('signIn.submit')}
          </Button>
        </form>
        <VneidSignIn next={next} />
        <h2>{t('signIn.noAccount')}</h2>
        <p>
          <Link to={href('signUp', {}, { tiep: next })}>{t('signIn.createAccount')}</Link>
        </p>
        <p>
          <Link to={href('forgotPassword')}>{t('forgot.link')}</Link>
        </p>
      </div>
    </div>
  );
}
