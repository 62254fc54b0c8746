import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { FeedbackCategory } from '@domain/feedback.ts';
import { useT } from '../../i18n';
import { Link, useNavigate, usePageTitle } from '../../router';
import { api, apiPath, errorFromBody, getCsrfToken, toApiError, type ApiError } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useSession } from '../../api/session';
import { Button, ErrorSummary, InsetText, Select, TextInput, Textarea } from '../../ui';
import type { Draft, Similar, Submitted } from './api';
import { LazyWardMap } from './LazyWardMap';
import { categoryOptions } from './labels';

async function uploadPhoto(file: File): Promise<{ id: string; url: string }> {
  const body = new FormData();
  body.append('file', file);
  const csrf = getCsrfToken();
  const res = await fetch('/api/v1/feedback/photos', { method: 'POST', body, credentials: 'same-origin', headers: csrf ? { 'x-csrf-token': csrf } : {} });
  const json = await res.json().catch(() => null);
  if (!res.ok) throw errorFromBody(res.status, json);
  return json as { id: string; url: string };
}

/** /phan-anh/gui: report a problem on a phone — category, what, where (map or address), photos, contact. */
export function ReportPage() {
  const { t, lang } = useT();
  usePageTitle(t('fb.new.title'));
  const navigate = useNavigate();
  const { user } = useSession();
  const [category, setCategory] = useState<FeedbackCategory | ''>('');
  const [description, setDescription] = useState('');
  const [address, setAddress] = useState('');
  const [pin, setPin] = useState<{ lat: number; lon: number } | null>(null);
  // Each photo's upload id, and its preview: the chosen file itself (the stored copy of a photo not
  // yet attached to a report is served to its signed-in uploader only, not to someone without an account).
  const [photos, setPhotos] = useState<{ id: string; preview: string }[]>([]);
  const previews = useRef<string[]>([]);
  useEffect(() => () => previews.current.forEach((u) => URL.revokeObjectURL(u)), []);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [otp, setOtp] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const similar = useApi<Similar>(category && pin ? apiPath('/feedback/similar', { category, lat: pin.lat, lon: pin.lon }) : null);

  const done = (s: Submitted) => navigate(`/phan-anh/${s.code}${s.followToken ? `?token=${s.followToken}` : ''}`);
  const run = async (fn: () => Promise<void>) => {
    setPending(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setPending(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const body = { category, description, address, lat: pin?.lat ?? null, lon: pin?.lon ?? null, photos: photos.map((p) => p.id), contact: user ? null : { name, phone, email: null } };
      if (user) done(await api.post<Submitted>('/feedback', body));
      else setDraft(await api.post<Draft>('/feedback', body));
    });
  };
  const confirm = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => done(await api.post<Submitted>(`/feedback/drafts/${draft!.draftId}/confirm`, { code: otp })));
  };

  if (draft) {
    return (
      <form onSubmit={confirm} noValidate>
        <h1>{t('fb.new.confirmTitle')}</h1>
        {error && <ErrorSummary errors={[{ target: 'fb-otp', text: error.message }]} />}
        <p>{t('fb.new.codeSent', { to: draft.sentTo })}</p>
        <TextInput id="fb-otp" label={t('fb.new.code')} value={otp} onChange={setOtp} inputMode="numeric" autoComplete="one-time-code" width="w5" />
        <Button type="submit" pending={pending}>
          {t('fb.new.confirm')}
        </Button>
      </form>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <h1>{t('fb.new.title')}</h1>
      {error && <ErrorSummary errors={[{ target: 'fb-category', text: error.message }]} />}
      <Select id="fb-category" label={t('fb.field.category')} value={category} onChange={(v) => setCategory(v as FeedbackCategory)} options={[{ value: '', label: t('fb.choose') }, ...categoryOptions(lang)]} />
      <Textarea id="fb-description" label={t('fb.field.description')} hint={t('fb.field.descriptionHint')} value={description} onChange={setDescription} maxLength={4000} />
      <h2>{t('fb.field.where')}</h2>
      <p className="hint">{t('fb.map.tap')}</p>
      <LazyWardMap picked={pin} onPick={setPin} label={t('fb.map.pickLabel')} />
      {pin && <p>{t('fb.map.picked', { lat: pin.lat, lon: pin.lon })}</p>}
      <TextInput id="fb-address" label={t('fb.field.address')} hint={t('fb.field.addressHint')} value={address} onChange={setAddress} optional={pin !== null} />
      {similar.data && similar.data.items.length > 0 && (
        <InsetText>
          <h2>{t('fb.similar.title')}</h2>
          <ul>
            {similar.data.items.map((s) => (
              <li key={s.code}>
                <Link to={`/phan-anh/${s.code}`}>{s.code}</Link> — {s.description} ({t('fb.similar.distance', { m: s.distanceM })})
              </li>
            ))}
          </ul>
          <p>{t('fb.similar.follow')}</p>
        </InsetText>
      )}
      <div className="field">
        <label className="label" htmlFor="fb-photo">
          {t('fb.field.photos')}
        </label>
        <div id="fb-photo-hint" className="hint">
          {t('fb.field.photosHint')}
        </div>
        <input
          id="fb-photo"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          aria-describedby="fb-photo-hint"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void run(async () => {
              const up = await uploadPhoto(file);
              const preview = URL.createObjectURL(file);
              previews.current.push(preview);
              setPhotos((p) => [...p, { id: up.id, preview }]);
            });
          }}
        />
        <div className="fb-photos">
          {photos.map((p, i) => (
            <img key={p.id} src={p.preview} alt={t('fb.photoAlt', { n: i + 1 })} />
          ))}
        </div>
      </div>
      {!user && (
        <>
          <h2>{t('fb.field.contact')}</h2>
          <p className="hint">{t('fb.field.contactHint')}</p>
          <TextInput id="fb-name" label={t('fb.field.name')} value={name} onChange={setName} autoComplete="name" />
          <TextInput id="fb-phone" label={t('fb.field.phone')} value={phone} onChange={setPhone} type="tel" autoComplete="tel" width="w20" />
        </>
      )}
      <Button type="submit" pending={pending}>
        {t('fb.new.send')}
      </Button>
    </form>
  );
}
