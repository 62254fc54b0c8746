import { useState } from 'react';
import { useT } from '../../../i18n';
import { toApiError, type ApiError } from '../../../api/client';
import { Button, ErrorState, Radios, SummaryList, TextInput, type FormError } from '../../../ui';
import { findCitizen } from '../api';
import { deskIds, type DeskDraft } from './deskDraft';

/**
 * Step 1: find the citizen by CCCD. Found: their record is used as is. Not found (404): the
 * official types the details and the account is created with the dossier.
 */
export function ApplicantSection({ draft, onChange, errors }: { draft: DeskDraft; onChange: (patch: Partial<DeskDraft>) => void; errors: FormError[] }) {
  const { t } = useT();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [badCccd, setBadCccd] = useState(false);
  const err = (id: string) => errors.find((e) => e.target === id)?.text ?? null;

  const lookup = async () => {
    const cccd = draft.cccd.replace(/\s/g, '');
    setBadCccd(!/^\d{12}$/.test(cccd));
    if (!/^\d{12}$/.test(cccd)) {
      setFailure(null);
      onChange({ cccd, lookup: 'none', citizen: null });
      return;
    }
    setPending(true);
    setFailure(null);
    try {
      const citizen = await findCitizen(cccd);
      onChange({ cccd, lookup: 'found', citizen, phone: citizen.phone ?? '' });
    } catch (e) {
      const error = toApiError(e);
      if (error.status === 404) onChange({ cccd, lookup: 'new', citizen: null });
      else if (error.code === 'CCCD_INVALID') setBadCccd(true);
      else setFailure(error);
    } finally {
      setPending(false);
    }
  };

  const c = draft.lookup === 'found' ? draft.citizen : null;
  return (
    <section aria-labelledby="desk-applicant-title" className="bo-section">
      <h2 id="desk-applicant-title">{t('bo.desk.applicant')}</h2>
      <div className="search-row">
        <TextInput
          id={deskIds.cccd}
          label={t('bo.desk.cccd')}
          hint={t('bo.desk.cccdHint')}
          error={badCccd ? t('bo.desk.err.cccd') : err(deskIds.cccd)}
          value={draft.cccd}
          onChange={(v) => {
            setBadCccd(false);
            onChange({ cccd: v, lookup: 'none', citizen: null });
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void lookup();
            }
          }}
          inputMode="numeric"
          autoComplete="off"
          width="w20"
          spellCheck={false}
        />
        <Button variant="secondary" onClick={() => void lookup()} pending={pending}>
          {t('bo.desk.find')}
        </Button>
      </div>
      {failure && <ErrorState error={failure} onRetry={() => void lookup()} />}
      <div aria-live="polite">
        {c && (
          <>
            <p className="bo-found">{t('bo.desk.found')}</p>
            <SummaryList
              rows={[
                { key: t('bo.applicant.name'), value: c.fullName },
                { key: t('bo.desk.birthYear'), value: c.birthYear ? String(c.birthYear) : '—' },
                { key: t('bo.desk.gender'), value: c.gender ? t(`gender.${c.gender}`) : '—' },
                { key: t('bo.applicant.phone'), value: c.phone ?? '—' },
                { key: t('bo.applicant.email'), value: c.email ?? '—' },
                { key: t('bo.applicant.address'), value: c.address ?? '—' },
              ]}
            />
          </>
        )}
        {draft.lookup === 'new' && <p className="bo-found">{t('bo.desk.notFound')}</p>}
      </div>
      {c && !c.phone && (
        <TextInput id={deskIds.phone} label={t('bo.applicant.phone')} type="tel" width="w20" error={err(deskIds.phone)} value={draft.phone} onChange={(v) => onChange({ phone: v })} />
      )}
      {draft.lookup === 'new' && (
        <div className="bo-form-grid">
          <TextInput id={deskIds.fullName} label={t('bo.desk.fullName')} autoComplete="off" error={err(deskIds.fullName)} value={draft.fullName} onChange={(v) => onChange({ fullName: v })} />
          <TextInput id={deskIds.birthYear} label={t('bo.desk.birthYear')} inputMode="numeric" width="w5" error={err(deskIds.birthYear)} value={draft.birthYear} onChange={(v) => onChange({ birthYear: v })} />
          <Radios
            id={deskIds.gender}
            legend={t('bo.desk.gender')}
            inline
            error={err(deskIds.gender)}
            value={draft.gender}
            onChange={(v) => onChange({ gender: v as DeskDraft['gender'] })}
            options={[
              { value: 'male', label: t('gender.male') },
              { value: 'female', label: t('gender.female') },
            ]}
          />
          <TextInput id={deskIds.phone} label={t('bo.applicant.phone')} type="tel" width="w20" autoComplete="off" error={err(deskIds.phone)} value={draft.phone} onChange={(v) => onChange({ phone: v })} />
          <TextInput id={deskIds.email} label={t('bo.applicant.email')} type="email" optional autoComplete="off" value={draft.email} onChange={(v) => onChange({ email: v })} />
          <TextInput id={deskIds.address} label={t('bo.applicant.address')} optional autoComplete="off" value={draft.address} onChange={(v) => onChange({ address: v })} />
        </div>
      )}
    </section>
  );
}
