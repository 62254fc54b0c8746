import { useEffect, useState } from 'react';
import { pick, useT } from '../../i18n';
import { formatTime } from '../../i18n/format';
import { useNavigate, usePageTitle, useSearchParams } from '../../router';
import { href } from '../../routes';
import { api, apiPath, toApiError } from '../../api/client';
import { useSession } from '../../api/session';
import { invalidate, prime, useApi } from '../../api/useApi';
import type { Dossier, Procedure } from '../../api/types';
import { Breadcrumbs, ErrorState, ErrorSummary, Loading, NotificationBanner, type FormError } from '../../ui';
import { procedureApi } from '../procedures/api';
import { clearDraft, useDraft } from './draft';
import { useUploads } from './useUploads';
import { docId, fieldId, toDocuments, toFormData, validateDocuments, validateFields } from './validate';
import { mapSubmitError } from './submitErrors';
import { RESULT_DELIVERIES, type ResultDelivery } from '@domain/result-delivery.ts';
import { ApplicantStep } from './steps/ApplicantStep';
import { FieldsStep } from './steps/FieldsStep';
import { DocumentsStep } from './steps/DocumentsStep';
import { ReviewStep } from './steps/ReviewStep';
import { StepNav } from './StepNav';

/** Where the draft keeps the applicant's choice of how to receive the result. */
const DELIVERY_KEY = '__resultDelivery';

export function ApplyPage({ code }: { code: string }) {
  const { t, lang } = useT();
  const navigate = useNavigate();
  const params = useSearchParams();
  const step = Math.min(4, Math.max(1, Math.trunc(Number(params.get('buoc'))) || 1)) as 1 | 2 | 3 | 4;
  const { status, user } = useSession();
  const proc = useApi<Procedure>(procedureApi.one(code));
  const draft = useDraft(code);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [serverById, setServerById] = useState<Record<string, string>>({});
  const uploads = useUploads((reqId, file) => {
    draft.setDocument(reqId, { fileId: file.id, name: file.name, size: file.size, mime: file.mime }, user?.id);
    setServerById(({ [docId(reqId)]: _fixed, ...rest }) => rest);
  });
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const p = proc.data;
  const name = p ? pick(lang, p.name, p.nameEn) : '';
  usePageTitle(p ? `${t(`apply.step${step}`)} – ${name}` : t('apply.title'));

  // Files uploaded under another account cannot be read by this one: drop them from the draft.
  const { ownerId, documents } = draft.draft;
  const { setDocument } = draft;
  useEffect(() => {
    if (user && ownerId && ownerId !== user.id) Object.keys(documents).forEach((id) => setDocument(id, null, user.id));
  }, [user, ownerId, documents, setDocument]);

  // Errors belong to the step they were found on.
  useEffect(() => setErrors([]), [step]);

  const crumbs = [
    { href: href('home'), text: t('nav.home') },
    { href: href('procedures'), text: t('nav.procedures') },
    ...(p ? [{ href: href('procedure', { code }), text: name }] : []),
  ];
  if (proc.error) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <h1>{t('apply.title')}</h1>
        <ErrorState error={proc.error} onRetry={proc.error.status === 404 ? undefined : proc.reload} />
      </>
    );
  }
  if (!p || status === 'loading') return <Loading />;

  const goTo = (n: number) => navigate(href('apply', { code }, { buoc: n }));
  const fail = (found: FormError[]) => {
    setErrors(found);
    setAttempt((a) => a + 1);
  };
  const next = (found: FormError[], to: number) => (found.length ? fail(found) : goTo(to));

  // Kept with the draft's answers (not a field of the procedure, so never sent as one).
  const delivery = (RESULT_DELIVERIES as readonly string[]).includes(draft.draft.formData[DELIVERY_KEY] ?? '') ? (draft.draft.formData[DELIVERY_KEY] as ResultDelivery) : 'electronic';
  const onSubmit = async () => {
    const found = [
      ...validateFields(p, draft.draft, t, lang).map((e) => ({ ...e, target: href('apply', { code }, { buoc: 2 }, e.target) })),
      ...validateDocuments(p, draft.draft, uploads.states, t).map((e) => ({ ...e, target: href('apply', { code }, { buoc: 3 }, e.target) })),
    ];
    if (!user) found.unshift({ target: href('signIn', {}, { tiep: href('apply', { code }, { buoc: 4 }) }), text: t('apply.error.signInFirst') });
    if (found.length) return fail(found);
    if (pending) return;
    setPending(true);
    let dossier: Dossier;
    try {
      // The same key on every retry: a lost answer never creates a second dossier.
      dossier = await api.post<Dossier>('/dossiers', { procedureCode: p.code, formData: toFormData(p, draft.draft), documents: toDocuments(p, draft.draft), resultDelivery: delivery }, {
        'Idempotency-Key': draft.draft.idempotencyKey,
      });
    } catch (e) {
      const mapped = mapSubmitError(toApiError(e), p, t, lang);
      setServerById(mapped.byId);
      return fail(mapped.summary);
    } finally {
      setPending(false);
    }
    clearDraft(code);
    invalidate('/api/v1/dossiers');
    prime(apiPath(`/dossiers/${encodeURIComponent(dossier.code)}`), dossier);
    navigate(href('receipt', { code, dossierCode: dossier.code }), { replace: true });
  };

  // Server-found problems stay beside their fields until the field is edited.
  const errorFor = (id: string) => errors.find((e) => e.target === id)?.text ?? serverById[id] ?? null;

  return (
    <>
      <Breadcrumbs items={crumbs} />
      <ErrorSummary errors={errors} focusKey={attempt} />
      <span className="caption">{name}</span>
      <h1>{t(`apply.step${step}`)}</h1>
      <StepNav current={step} code={code} />
      {!draft.saved && (
        <NotificationBanner title={t('common.important')} type="warning">
          <p>{t('apply.notSaved')}</p>
        </NotificationBanner>
      )}
      <div className="grid grid--two-thirds">
        <div>
          {step === 1 && <ApplicantStep procedure={p} user={user} onContinue={() => goTo(2)} />}
          {step === 2 && (
            <FieldsStep
              procedure={p}
              values={draft.draft.formData}
              errorFor={errorFor}
              onChange={(key, value) => {
                draft.setField(key, value);
                if (serverById[fieldId(key)]) setServerById(({ [fieldId(key)]: _gone, ...rest }) => rest);
              }}
              onContinue={() => next(validateFields(p, draft.draft, t, lang), 3)}
            />
          )}
          {step === 3 && (
            <DocumentsStep
              procedure={p}
              user={user}
              draft={draft}
              uploads={uploads}
              errorFor={errorFor}
              onContinue={() => next(validateDocuments(p, draft.draft, uploads.states, t), 4)}
            />
          )}
          {step === 4 && (
            <ReviewStep
              procedure={p}
              user={user}
              draft={draft.draft}
              pending={pending}
              onSubmit={() => void onSubmit()}
              delivery={delivery}
              onDelivery={(d) => draft.setField(DELIVERY_KEY, d)}
            />
          )}
          <p className="small secondary-text">
            {draft.saved ? t('apply.savedAt', { time: formatTime(draft.draft.updatedAt) }) : ''}
          </p>
        </div>
      </div>
    </>
  );
}
