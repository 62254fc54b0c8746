import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { Link, useNavigate, usePageTitle, useSearchParams } from '../../router';
import { href, safeReturnPath } from '../../routes';
import { useSession } from '../../api/session';
import { useSubmit } from '../../api/useApi';
import { fieldProblems } from '../../lib/serverErrors';
import { Button, ErrorSummary, Radios, TextInput, type FormError } from '../../ui';
import type { SignUpPending } from '../../api/types';
import { emptySignUp, FIELD_IDS, fieldForCode, toRegisterBody, validateSignUp, type SignUpValues } from './signUpForm';
import { SignUpVerify } from './SignUpVerify';

export function SignUpPage() {
  const { t, lang } = useT();
  const navigate = useNavigate();
  const next = safeReturnPath(useSearchParams().get('tiep'));
  const { register } = useSession();
  const [pending, setPending] = useState<SignUpPending | null>(null);
  const [v, setV] = useState<SignUpValues>(emptySignUp);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const submit = useSubmit(register);
  usePageTitle(t('signUp.title'));

  const set = <K extends keyof SignUpValues>(key: K) => (value: SignUpValues[K]) => setV((s) => ({ ...s, [key]: value }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const found = validateSignUp(v, t, new Date().getFullYear());
    setErrors(found);
    setAttempt((a) => a + 1);
    if (found.length) return;
    const signUp = await submit.run(toRegisterBody(v));
    if (signUp) setPending(signUp);
    else setAttempt((a) => a + 1);
  };

  // Step 2: the code sent to the phone (or the desk). The form's values stay, to go back and correct.
  if (pending) return <SignUpVerify pending={pending} phone={v.phone} onDone={() => navigate(next ?? href('myDossiers'))} onBack={() => setPending(null)} />;

  // The server's answer, on the field it concerns when we can tell which one.
  const serverErrors: FormError[] = [];
  if (submit.error) {
    const problems = fieldProblems(submit.error, lang).filter((p) => FIELD_IDS[p.key]);
    if (problems.length) problems.forEach((p) => serverErrors.push({ target: FIELD_IDS[p.key] ?? 'kind', text: p.text }));
    else serverErrors.push({ target: fieldForCode(submit.error.code, v.kind) ?? 'kind', text: submit.error.localized(lang) });
  }
  const all = errors.length ? errors : serverErrors;
  const errorFor = (id: string) => all.find((x) => x.target === id)?.text ?? null;

  return (
    <div className="grid grid--two-thirds">
      <div>
        <ErrorSummary errors={all} focusKey={attempt} />
        <h1>{t('signUp.title')}</h1>
        <p className="lead">{t('signUp.lead')}</p>
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <Radios
            id="kind"
            legend={t('signUp.kind')}
            value={v.kind}
            onChange={(k) => set('kind')(k as SignUpValues['kind'])}
            error={errorFor('kind')}
            options={[
              { value: 'citizen', label: t('signUp.kind.citizen'), hint: t('signUp.kind.citizenHint') },
              { value: 'business', label: t('signUp.kind.business'), hint: t('signUp.kind.businessHint') },
            ]}
          />
          {v.kind === 'citizen' && (
            <>
              <TextInput id="fullName" label={t('signUp.fullName')} value={v.fullName} onChange={set('fullName')} error={errorFor('fullName')} autoComplete="name" />
              <TextInput
                id="cccd"
                label={t('signUp.cccd')}
                hint={t('signUp.cccdHint')}
                value={v.cccd}
                onChange={set('cccd')}
                error={errorFor('cccd')}
                inputMode="numeric"
                autoComplete="off"
                width="w20"
                spellCheck={false}
              />
              <TextInput
                id="birthYear"
                label={t('signUp.birthYear')}
                hint={t('signUp.birthYearHint')}
                value={v.birthYear}
                onChange={set('birthYear')}
                error={errorFor('birthYear')}
                inputMode="numeric"
                maxLength={4}
                autoComplete="bday-year"
                width="w5"
              />
              <Radios
                id="gender"
                legend={t('signUp.gender')}
                inline
                value={v.gender}
                onChange={(g) => set('gender')(g as SignUpValues['gender'])}
                error={errorFor('gender')}
                options={[
                  { value: 'male', label: t('gender.male') },
                  { value: 'female', label: t('gender.female') },
                ]}
              />
            </>
          )}
          {v.kind === 'business' && (
            <>
              <TextInput id="businessName" label={t('signUp.businessName')} value={v.businessName} onChange={set('businessName')} error={errorFor('businessName')} autoComplete="organization" />
              <TextInput
                id="mst"
                label={t('signUp.mst')}
                hint={t('signUp.mstHint')}
                value={v.mst}
                onChange={set('mst')}
                error={errorFor('mst')}
                inputMode="numeric"
                autoComplete="off"
                width="w20"
                spellCheck={false}
              />
            </>
          )}
          {v.kind && (
            <>
              <TextInput id="phone" type="tel" label={t('signUp.phone')} hint={t('signUp.phoneHint')} value={v.phone} onChange={set('phone')} error={errorFor('phone')} autoComplete="tel" width="w20" />
              <TextInput id="email" type="email" label={t('signUp.email')} optional value={v.email} onChange={set('email')} error={errorFor('email')} autoComplete="email" spellCheck={false} />
              <TextInput
                id="password"
                type="password"
                label={t('signUp.password')}
                hint={t('signUp.passwordHint')}
                value={v.password}
                onChange={set('password')}
                error={errorFor('password')}
                autoComplete="new-password"
                width="w20"
              />
              <p>{t('signUp.consent')}</p>
              <Button type="submit" pending={submit.pending}>
                {t('signUp.submit')}
              </Button>
            </>
          )}
        </form>
        <p>
          {t('signUp.haveAccount')} <Link to={href('signIn', {}, { tiep: next })}>{t('nav.signIn')}</Link>
        </p>
      </div>
    </div>
  );
}
