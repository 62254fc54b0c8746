import { useState } from 'react';
import { useT, type Translate } from '../../../i18n';
import { toApiError, type ApiError } from '../../../api/client';
import { Button, ErrorState, Radios, SummaryList, TextInput, type FormError } from '../../../ui';
import { findCitizen, type FactCheck } from '../api';
import { cccdOf, cccdProblem, deskIds, factProblems, needsPhone, recordContradicts, type DeskDraft } from './deskDraft';

/**
 * Step 1: the citizen by CCCD. As soon as 12 digits are typed, the number is checked with the
 * domain's own parser and its birth year and gender are shown and filled in. "Tìm công dân"
 * looks the number up: found, the desk sees the name, a masked phone and whether the record
 * agrees with the number (never the full record), and files under that name; not found (404),
 * the official types the details and the account is created with the dossier.
 */
export function ApplicantSection({ draft, onChange, errors }: { draft: DeskDraft; onChange: (patch: Partial<DeskDraft>) => void; errors: FormError[] }) {
  const { t } = useT();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [cccdError, setCccdError] = useState<string | null>(null);
  const err = (id: string) => errors.find((e) => e.target === id)?.text ?? null;
  const parsed = cccdOf(draft.cccd);
  const facts = parsed?.ok ? parsed : null;
  const typed = factProblems(draft, t);

  const typeCccd = (v: string) => {
    const next = cccdOf(v);
    // A complete number is checked at once; an incomplete one only when looked up or sent.
    setCccdError(next && !next.ok ? cccdProblem(v, t) : null);
    onChange({
      cccd: v,
      lookup: 'none',
      citizen: null,
      ...(next?.ok ? { birthYear: String(next.birthYear), gender: next.gender } : {}),
    });
  };

  const lookup = async () => {
    const cccd = draft.cccd.replace(/\s/g, '');
    const problem = cccdProblem(cccd, t);
    setCccdError(problem);
    if (problem) {
      setFailure(null);
      onChange({ cccd, lookup: 'none', citizen: null });
      return;
    }
    setPending(true);
    setFailure(null);
    try {
      const citizen = await findCitizen(cccd);
      onChange({ cccd, lookup: 'found', citizen, phone: '' });
    } catch (e) {
      const error = toApiError(e);
      if (error.status === 404) onChange({ cccd, lookup: 'new', citizen: null });
      else if (error.code === 'CCCD_INVALID') setCccdError(t('bo.desk.err.cccd'));
      else setFailure(error);
    } finally {
      setPending(false);
    }
  };

  const c = draft.lookup === 'found' ? draft.citizen : null;
  const genderText = facts ? t(`gender.${facts.gender}`) : '';
  return (
    <section aria-labelledby="desk-applicant-title" className="bo-section">
      <h2 id="desk-applicant-title">{t('bo.desk.applicant')}</h2>
      <div className="search-row">
        <TextInput
          id={deskIds.cccd}
          label={t('bo.desk.cccd')}
          hint={t('bo.desk.cccdHint')}
          error={cccdError ?? err(deskIds.cccd)}
          value={draft.cccd}
          onChange={typeCccd}
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
      <div aria-live="polite">
        {facts && !c && (
          <p id="desk-cccd-facts">
            {t('desk.cccdFacts', { year: facts.birthYear, gender: genderText })}
          </p>
        )}
      </div>
      {failure && <ErrorState error={failure} onRetry={() => void lookup()} />}
      <div aria-live="polite">
        {c && facts && (
          <>
            <p className="bo-found">{t('desk.found')}</p>
            <SummaryList
              rows={[
                { key: t('bo.applicant.name'), value: c.fullName },
                { key: t('bo.desk.birthYear'), value: checkText(t, String(facts.birthYear), c.checks.birthYear) },
                { key: t('bo.desk.gender'), value: checkText(t, genderText, c.checks.gender) },
                { key: t('desk.phoneOnRecord'), value: c.phoneMasked ?? '—' },
              ]}
            />
            {recordContradicts(c) && (
              <p className="error-message" role="alert">
                {t('desk.err.recordMismatch')}
              </p>
            )}
          </>
        )}
        {draft.lookup === 'new' && <p className="bo-found">{t('bo.desk.notFound')}</p>}
      </div>
      {c && needsPhone(draft) && (
        <TextInput
          id={deskIds.phone}
          label={t('desk.phoneForDossier')}
          hint={t('desk.phoneForDossierHint')}
          type="tel"
          width="w20"
          error={err(deskIds.phone)}
          value={draft.phone}
          onChange={(v) => onChange({ phone: v })}
        />
      )}
      {draft.lookup === 'new' && (
        <div className="bo-form-grid">
          <TextInput id={deskIds.fullName} label={t('bo.desk.fullName')} autoComplete="off" error={err(deskIds.fullName)} value={draft.fullName} onChange={(v) => onChange({ fullName: v })} />
          <TextInput
            id={deskIds.birthYear}
            label={t('bo.desk.birthYear')}
            inputMode="numeric"
            width="w5"
            error={typed.birthYear ?? err(deskIds.birthYear)}
            value={draft.birthYear}
            onChange={(v) => onChange({ birthYear: v })}
          />
          <Radios
            id={deskIds.gender}
            legend={t('bo.desk.gender')}
            inline
            error={typed.gender ?? err(deskIds.gender)}
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

function checkText(t: Translate, value: string, check: FactCheck): string {
  return t('desk.check', { value, result: t(`desk.check.${check}`) });
}
