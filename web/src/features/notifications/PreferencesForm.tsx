import { useEffect, useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { toApiError, type ApiError } from '../../api/client';
import { useApi } from '../../api/useApi';
import { Button, Checkboxes, ErrorState, Loading, NotificationBanner, Radios } from '../../ui';
import { noticeApi, savePreferences, type Channel, type Preferences } from './api';
import { ContactsPanel } from './ContactsPanel';

/** The channels (among those the ward offers) and the language of the citizen's messages. */
export function PreferencesForm() {
  const { t } = useT();
  const prefs = useApi<Preferences>(noticeApi.preferences());
  const [channels, setChannels] = useState<Channel[]>([]);
  const [locale, setLocale] = useState<'vi' | 'en'>('vi');
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (!prefs.data) return;
    setChannels(prefs.data.channels);
    setLocale(prefs.data.locale);
  }, [prefs.data]);

  if (prefs.error) return <ErrorState error={prefs.error} onRetry={prefs.reload} />;
  if (!prefs.data) return <Loading />;
  const c = prefs.data.contacts;
  const contactOf = (ch: Channel) => {
    const value = ch === 'email' ? c.email : c.phone;
    const verified = ch === 'email' ? c.emailVerified : c.phoneVerified;
    if (!value) return t('prefs.noContact');
    return verified ? t('prefs.contact', { contact: value }) : t('prefs.unverified', { contact: value });
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setSaved(false);
    setError(null);
    try {
      prefs.setData(await savePreferences({ channels, locale }));
      setSaved(true);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="prefs-title">
      <h2 id="prefs-title">{t('prefs.title')}</h2>
      {saved && <NotificationBanner type="success" title={t('prefs.saved')} />}
      <ContactsPanel contacts={prefs.data.contacts} onChange={prefs.setData} />
      {error && <ErrorState error={error} />}
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Checkboxes
          id="prefs-channels"
          legend={t('prefs.channels')}
          hint={t('prefs.hint')}
          value={channels}
          onChange={(v) => setChannels(v as Channel[])}
          options={prefs.data.offered.map((ch) => ({ value: ch, label: t(`channel.${ch}` as const), hint: contactOf(ch) }))}
        />
        <Radios
          id="prefs-locale"
          legend={t('prefs.language')}
          inline
          value={locale}
          onChange={(v) => setLocale(v === 'en' ? 'en' : 'vi')}
          options={[
            { value: 'vi', label: t('prefs.vi') },
            { value: 'en', label: t('prefs.en') },
          ]}
        />
        <Button type="submit" pending={saving}>
          {t('prefs.save')}
        </Button>
      </form>
    </section>
  );
}
