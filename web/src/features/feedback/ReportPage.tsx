import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { FeedbackCategory } from '@domain/feedback.ts';
import { useT } from '../../i18n';
import { Link, useNavigate, usePageTitle } from '../../router';
import { api, apiPath, errorFromBody, getCsrfToken, toApiError, type ApiError } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useSession } from '../../api/session';
import { Button, ErrorMessage, ErrorSummary, InsetText, Select, TextInput, Textarea, describedBy } from '../../ui';
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

/** As many photos as a report takes (ReportBody: `photos` at most 5). */
export const MAX_PHOTOS = 5;
const PHOTO_CODES = new Set(['FEEDBACK_PHOTO_INVALID', 'FILE_TOO_LARGE', 'FILE_TYPE_NOT_ALLOWED', 'FILE_EMPTY', 'FILE_NAME_INVALID', 'PAYLOAD_TOO_LARGE']);
const FIELD_OF_PATH: [RegExp, string][] = [
  [/^photos/, 'fb-photo'],
  [/^description/, 'fb-description'],
  [/^contact\.name/, 'fb-name'],
  [/^contact/, 'fb-phone'],
  [/^(lat|lon|address)/, 'fb-address'],
  [/^category/, 'fb-category'],
];

/** The form's field an error is about: what the server says was wrong, else the first field. */
export function fieldOfError(e: ApiError, fromPhotoUpload: boolean): string {
  if (fromPhotoUpload || PHOTO_CODES.has(e.code)) return 'fb-photo';
  if (e.code === 'FEEDBACK_LOCATION_REQUIRED' || e.code === 'FEEDBACK_OUTSIDE_WARD') return 'fb-address';
  const path = String((e.details?.issues as { path?: string }[] | undefined)?.[0]?.path ?? '').replace(/^body\.?/, '');
  return FIELD_OF_PATH.find(([re]) => re.test(path))?.[1] ?? 'fb-category';
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
  const [error, setError] = useState<{ e: ApiError; field: string } | null>(null);
  const [pending, setPending] = useState(false);
  const similar = useApi<Similar>(category && pin ? apiPath('/feedback/similar', { category, lat: pin.lat, lon: pin.lon }) : null);

  const done = (s: Submitted) => navigate(`/phan-anh/${s.code}${s.followToken ? `?token=${s.followToken}` : ''}`);
  const run = async (fn: () => Promise<void>, fromPhotoUpload = false) => {
    setPending(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      const ae = toApiError(e);
      setError({ e: ae, field: fieldOfError(ae, fromPhotoUpload) });
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
        {error && <ErrorSummary errors={[{ target: 'fb-otp', text: error.e.message }]} />}
        <p>{t('fb.new.codeSent', { to: draft.sentTo })}</p>
        <TextInput id="fb-otp" label={t('fb.new.code')} value={otp} onChange={setOtp} inputMode="numeric" autoComplete="one-time-code" width="w5" />
        <Button type="submit" pending={pending}>
          {t('fb.new.confirm')}
        </Button>
      </form>
    );
  }

  const photoError = error?.field === 'fb-photo' ? error.e.message : null;
  return (
    <form onSubmit={submit} noValidate>
      <h1>{t('fb.new.title')}</h1>
      {error && <ErrorSummary errors={[{ target: error.field, text: error.e.message }]} />}
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
      <div className={photoError ? 'field form-group--error' : 'field'}>
        {photos.length < MAX_PHOTOS ? (
          <label className="label" htmlFor="fb-photo">
            {t('fb.field.photos')}
          </label>
        ) : (
          <p className="label">{t('fb.field.photos')}</p>
        )}
        <div id="fb-photo-hint" className="hint">
          {photos.length < MAX_PHOTOS ? t('fb.field.photosHint') : t('fb.photos.full', { n: MAX_PHOTOS })}
        </div>
        {photoError && <ErrorMessage id="fb-photo">{photoError}</ErrorMessage>}
        {photos.length < MAX_PHOTOS && (
          <input
            id="fb-photo"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            aria-describedby={describedBy('fb-photo', true, photoError)}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file && photos.length < MAX_PHOTOS)
                void run(async () => {
                  const up = await uploadPhoto(file);
                  const preview = URL.createObjectURL(file);
                  previews.current.push(preview);
                  setPhotos((p) => (p.length < MAX_PHOTOS ? [...p, { id: up.id, preview }] : p));
                }, true);
            }}
          />
        )}
        <ul className="fb-photos">
          {photos.map((p, i) => (
            <li key={p.id}>
              <img src={p.preview} alt={t('fb.photoAlt', { n: i + 1 })} />
              <Button variant="secondary" small onClick={() => setPhotos((list) => list.filter((x) => x.id !== p.id))}>
                {t('fb.photos.remove', { n: i + 1 })}
              </Button>
            </li>
          ))}
        </ul>
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
