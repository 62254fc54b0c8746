import { useState, type FormEvent } from 'react';
import { useT } from '../../../i18n';
import { formatDateTime } from '../../../i18n/format';
import { usePageTitle } from '../../../router';
import { useSubmit } from '../../../api/useApi';
import { isCccd } from '../../../lib/validate';
import { Button, ErrorSummary, InsetText, NotificationBanner, SummaryList, TextInput, type FormError } from '../../../ui';
import { pendingSignUps, verifySignUp, type PendingSignUp } from '../api';

/** One waiting sign-up: what was typed online, and the phone the person in front of the officer gives. */
function SignUpCard({ s, onVerified }: { s: PendingSignUp; onVerified: () => void }) {
  const { t, lang } = useT();
  const [phone, setPhone] = useState('');
  const [attempt, setAttempt] = useState(0);
  const verify = useSubmit(() => verifySignUp(s.id, phone));
  const id = `phone-${s.id}`;
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (await verify.run()) onVerified();
    else setAttempt((a) => a + 1);
  };
  const errors: FormError[] = verify.error ? [{ target: id, text: verify.error.localized(lang) }] : [];
  return (
    <section className="bo-section" aria-labelledby={`title-${s.id}`}>
      <h2 id={`title-${s.id}`} className="mt-0">
        {t('bo.signUps.item', { at: formatDateTime(s.createdAt) })}
      </h2>
      <SummaryList
        rows={[
          { key: t('bo.signUps.fullName'), value: s.fullName },
          { key: t('bo.signUps.birthYear'), value: s.birthYear ?? '–' },
          { key: t('bo.signUps.gender'), value: s.gender ? t(`gender.${s.gender}`) : '–' },
          { key: t('bo.signUps.phone'), value: s.phoneMasked },
          { key: t('bo.signUps.record'), value: t(s.existingRecord ? 'bo.signUps.recordYes' : 'bo.signUps.recordNo') },
          { key: t('bo.signUps.codeSentTo'), value: s.codeSentTo ?? t('bo.signUps.noCode') },
        ]}
      />
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <ErrorSummary errors={errors} focusKey={attempt} />
        <TextInput id={id} type="tel" label={t('bo.signUps.askPhone')} hint={t('bo.signUps.askPhoneHint')} value={phone} onChange={setPhone} error={errors[0]?.text ?? null} autoComplete="off" width="w20" />
        <Button type="submit" pending={verify.pending}>
          {t('bo.signUps.verify')}
        </Button>
      </form>
    </section>
  );
}

/**
 * The desk's side of verified sign-up: a person who could not receive their code (phone lost,
 * changed, never recorded) comes with their ID card. The officer finds the sign-ups waiting
 * under the CCCD, checks the card against what was typed online, asks the phone number they
 * signed up with, and confirms. The person then signs in with the password they chose.
 */
export function SignUpsPage() {
  const { t, lang } = useT();
  usePageTitle(t('bo.signUps.title'));
  const [cccd, setCccd] = useState('');
  const [checked, setChecked] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const [local, setLocal] = useState<FormError[]>([]);
  const search = useSubmit(() => pendingSignUps(cccd.replace(/\s+/g, '')));
  const [items, setItems] = useState<PendingSignUp[] | null>(null);

  const onSearch = async (e?: FormEvent) => {
    e?.preventDefault();
    setDone(null);
    const problems = isCccd(cccd) ? [] : [{ target: 'signup-cccd', text: t('bo.signUps.cccdError') }];
    setLocal(problems);
    setAttempt((a) => a + 1);
    if (problems.length) return;
    const found = await search.run();
    setItems(found?.items ?? null);
    setChecked(Boolean(found));
  };

  const errors = local.length ? local : search.error ? [{ target: 'signup-cccd', text: search.error.localized(lang) }] : [];
  return (
    <>
      <h1>{t('bo.signUps.title')}</h1>
      <p className="lead">{t('bo.signUps.lead')}</p>
      <InsetText>{t('bo.signUps.check')}</InsetText>
      <form onSubmit={(e) => void onSearch(e)} noValidate>
        <ErrorSummary errors={errors} focusKey={attempt} />
        <div className="search-row">
          <TextInput id="signup-cccd" label={t('bo.signUps.cccd')} value={cccd} onChange={setCccd} error={errors[0]?.text ?? null} inputMode="numeric" autoComplete="off" spellCheck={false} width="w20" />
          <Button type="submit" pending={search.pending}>
            {t('bo.signUps.find')}
          </Button>
        </div>
      </form>
      {done && (
        <NotificationBanner type="success" title={t('bo.signUps.done')}>
          <p>{t('bo.signUps.doneBody', { login: done })}</p>
        </NotificationBanner>
      )}
      {checked && items && items.length === 0 && !done && <p role="status">{t('bo.signUps.none')}</p>}
      {items?.map((s) => (
        <SignUpCard
          key={s.id}
          s={s}
          onVerified={() => {
            setDone(cccd.replace(/\s+/g, ''));
            setItems([]);
          }}
        />
      ))}
    </>
  );
}
