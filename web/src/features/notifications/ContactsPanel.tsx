import { useState, type FormEvent } from 'react';
import { toApiError, type ApiError } from '../../api/client';
import { useT } from '../../i18n';
import { Button, ErrorState, NotificationBanner, Tag, TextInput } from '../../ui';
import { confirmContact, sendContactCode, type ContactKind, type Preferences } from './api';

type Step = { at: 'idle' } | { at: 'edit' } | { at: 'code'; value: string | undefined; sentTo: string };

/**
 * The phone and email notices go to, each verified by a code sent to it: the one on the account,
 * or a new one that replaces it once its code comes back (docs/notifications.md).
 */
export function ContactsPanel({ contacts, onChange }: { contacts: Preferences['contacts']; onChange: (p: Preferences) => void }) {
  const { t } = useT();
  return (
    <section aria-labelledby="contacts-title">
      <h3 id="contacts-title">{t('contacts.title')}</h3>
      <ContactRow kind="phone" current={contacts.phone} verified={contacts.phoneVerified} onChange={onChange} />
      <ContactRow kind="email" current={contacts.email} verified={contacts.emailVerified} onChange={onChange} />
    </section>
  );
}

function ContactRow({ kind, current, verified, onChange }: { kind: ContactKind; current: string | null; verified: boolean; onChange: (p: Preferences) => void }) {
  const { t } = useT();
  const [step, setStep] = useState<Step>({ at: 'idle' });
  const [value, setValue] = useState('');
  const [code, setCode] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const id = `contact-${kind}`;

  const run = async (work: () => Promise<void>) => {
    setPending(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setPending(false);
    }
  };
  const send = (newValue: string | undefined) =>
    run(async () => {
      const r = await sendContactCode({ kind, ...(newValue === undefined ? {} : { value: newValue }) });
      setCode('');
      setDone(false);
      setStep({ at: 'code', value: newValue, sentTo: r.code.sentTo });
    });
  const onSendNew = (e: FormEvent) => {
    e.preventDefault();
    void send(value);
  };
  const onConfirm = (e: FormEvent) => {
    e.preventDefault();
    if (step.at !== 'code') return;
    void run(async () => {
      onChange(await confirmContact({ kind, code, ...(step.value === undefined ? {} : { value: step.value }) }));
      setStep({ at: 'idle' });
      setValue('');
      setDone(true);
    });
  };

  return (
    <div className="contact-row" id={id}>
      <p>
        <strong>{t(`contacts.${kind}`)}: </strong>
        {current ?? t('prefs.noContact')}{' '}
        {current && <Tag colour={verified ? 'green' : 'yellow'}>{verified ? t('contacts.verified') : t('contacts.unverified')}</Tag>}
      </p>
      {done && <NotificationBanner type="success" title={t('contacts.done')} />}
      {error && <ErrorState error={error} />}
      {step.at === 'idle' && (
        <div className="button-group">
          {current && !verified && (
            <Button variant="secondary" pending={pending} onClick={() => void send(undefined)}>
              {t('contacts.verify')}
            </Button>
          )}
          <Button variant="secondary" onClick={() => setStep({ at: 'edit' })}>
            {t(current ? `contacts.change.${kind}` : `contacts.add.${kind}`)}
          </Button>
        </div>
      )}
      {step.at === 'edit' && (
        <form onSubmit={onSendNew} noValidate>
          <TextInput
            id={`${id}-new`}
            label={t(`contacts.new.${kind}`)}
            hint={t('contacts.newHint')}
            type={kind === 'email' ? 'email' : 'tel'}
            autoComplete={kind === 'email' ? 'email' : 'tel'}
            width="w20"
            value={value}
            onChange={setValue}
          />
          <div className="button-group">
            <Button type="submit" pending={pending}>
              {t('contacts.sendCode')}
            </Button>
            <Button variant="secondary" onClick={() => setStep({ at: 'idle' })}>
              {t('contacts.cancel')}
            </Button>
          </div>
        </form>
      )}
      {step.at === 'code' && (
        <form onSubmit={onConfirm} noValidate>
          <TextInput
            id={`${id}-code`}
            label={t('contacts.code')}
            hint={t('contacts.sentTo', { to: step.sentTo })}
            inputMode="numeric"
            autoComplete="one-time-code"
            width="w10"
            value={code}
            onChange={setCode}
          />
          <div className="button-group">
            <Button type="submit" pending={pending}>
              {t('contacts.confirm')}
            </Button>
            <Button variant="secondary" onClick={() => void send(step.value)}>
              {t('contacts.resend')}
            </Button>
            <Button variant="secondary" onClick={() => setStep({ at: 'idle' })}>
              {t('contacts.cancel')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
