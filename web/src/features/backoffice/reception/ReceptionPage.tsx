import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useT } from '../../../i18n';
import { usePageTitle } from '../../../router';
import { useSession } from '../../../api/session';
import { invalidate, useApi } from '../../../api/useApi';
import { api, toApiError, type ApiError } from '../../../api/client';
import { readJson, remove, writeJson } from '../../../lib/storage';
import type { Dossier, Procedure } from '../../../api/types';
import { Button, ErrorState, ErrorSummary, Loading, type FormError } from '../../../ui';
import { boApi, createDeskDossier, runAction } from '../api';
import { useFileUpload } from '../components/useFileUpload';
import { ApplicantSection } from './ApplicantSection';
import { ProcedureSection } from './ProcedureSection';
import { DetailsSection } from './DetailsSection';
import { DeskReview } from './DeskReview';
import { DeskReceipt } from './DeskReceipt';
import { DESK_DRAFT_KEY, deskBody, deskReceiveBody, deskServerErrors, emptyDesk, validateDesk, type DeskDraft } from './deskDraft';
import { DeskAppointment } from './DeskAppointment';

/** Desk reception: find or register the citizen, pick the procedure, fill in, scan, file and receive. */
export function ReceptionPage() {
  const { t, lang } = useT();
  const { user } = useSession();
  const [restored] = useState(() => readJson<DeskDraft>(DESK_DRAFT_KEY));
  const [draft, setDraft] = useState<DeskDraft>(() => ({ ...emptyDesk(), ...(restored ?? {}) }));
  const [stage, setStage] = useState<'edit' | 'review'>('edit');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [receipt, setReceipt] = useState<Dossier | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const procedure = useApi<Procedure>(draft.procedureCode ? boApi.procedure(draft.procedureCode) : null);
  usePageTitle(t('bo.reception.title'));

  useEffect(() => {
    if (!receipt) writeJson(DESK_DRAFT_KEY, draft);
  }, [draft, receipt]);

  // After a procedure is picked, focus moves to its form once the definition has loaded.
  const focusFields = useRef(false);
  useEffect(() => {
    if (focusFields.current && procedure.data?.code === draft.procedureCode) {
      focusFields.current = false;
      document.getElementById('desk-fields-title')?.focus();
    }
  }, [procedure.data, draft.procedureCode]);

  const update = useCallback((patch: Partial<DeskDraft>) => setDraft((d) => ({ ...d, ...patch })), []);
  const { uploads, start, cancel, busy } = useFileUpload((slot, file) => setDraft((d) => ({ ...d, files: { ...d.files, [slot]: file } })));

  const focusHeading = () => window.setTimeout(() => heading.current?.focus(), 0);
  const onContinue = (e: FormEvent) => {
    e.preventDefault();
    const problems = validateDesk(draft, procedure.data, t, busy);
    setErrors(problems);
    setAttempt((n) => n + 1);
    if (problems.length === 0 && procedure.data) {
      setFailure(null);
      setStage('review');
      focusHeading();
    }
  };

  const onConfirm = async (e: FormEvent) => {
    e.preventDefault();
    if (!procedure.data || pending) return;
    setPending(true);
    setFailure(null);
    let created = draft.created;
    try {
      if (!created) {
        const d = await createDeskDossier(deskBody(draft, procedure.data), draft.idempotencyKey);
        created = { code: d.code, version: d.version };
        update({ created });
      }
      let received: Dossier;
      try {
        received = await runAction(created, 'receive', deskReceiveBody(draft, procedure.data));
      } catch (err) {
        // Someone may have received it already (another tab): show it if so.
        const current = await api.get<Dossier>(boApi.dossier(created.code));
        if (current.status === 'submitted') throw err;
        received = current;
      }
      invalidate('/api/v1/dossiers?');
      remove(DESK_DRAFT_KEY);
      setReceipt(received);
    } catch (err) {
      const error = toApiError(err);
      const fieldErrors = created ? [] : deskServerErrors(error, lang, procedure.data);
      if (fieldErrors.length) {
        setErrors(fieldErrors);
        setAttempt((n) => n + 1);
        setStage('edit');
      } else setFailure(error);
    } finally {
      setPending(false);
    }
  };

  const startOver = () => {
    remove(DESK_DRAFT_KEY);
    setDraft(emptyDesk());
    setReceipt(null);
    setStage('edit');
    setErrors([]);
    setFailure(null);
    focusHeading();
  };

  if (receipt) return <DeskReceipt dossier={receipt} procedure={procedure.data} officer={user?.fullName ?? ''} onNew={startOver} />;

  return (
    <>
      <h1 tabIndex={-1} ref={heading}>
        {stage === 'edit' ? t('bo.reception.title') : t('bo.desk.reviewTitle')}
      </h1>
      {stage === 'edit' ? (
        <form onSubmit={onContinue} noValidate>
          <p className="lead">{t('bo.reception.lead')}</p>
          {restored && (restored.cccd || restored.procedureCode) && draft.idempotencyKey === restored.idempotencyKey && <p className="inset">{t('bo.desk.restored')}</p>}
          <ErrorSummary errors={errors} focusKey={attempt} />
          <ApplicantSection draft={draft} onChange={update} errors={errors} />
          <ProcedureSection
            code={draft.procedureCode}
            procedure={procedure.data}
            errors={errors}
            onPick={(code) => {
              update({ procedureCode: code, created: null });
              focusFields.current = true;
            }}
          />
          {draft.procedureCode &&
            (procedure.error ? (
              <ErrorState error={procedure.error} onRetry={procedure.reload} />
            ) : !procedure.data ? (
              <Loading />
            ) : (
              <>
                <DetailsSection procedure={procedure.data} draft={draft} onChange={update} errors={errors} uploads={uploads} onUpload={start} onCancelUpload={cancel} />
                <DeskAppointment procedure={procedure.data} draft={draft} onChange={update} errors={errors} />
              </>
            ))}
          <div className="button-group">
            <Button type="submit">{t('bo.act.continue')}</Button>
            <Button variant="secondary" onClick={startOver}>
              {t('bo.desk.clear')}
            </Button>
          </div>
        </form>
      ) : (
        procedure.data && (
          <form onSubmit={onConfirm}>
            <p className="lead">{t('bo.desk.reviewLead')}</p>
            <DeskReview draft={draft} procedure={procedure.data} />
            {draft.created && <p className="state">{t('bo.desk.createdNotReceived', { code: draft.created.code })}</p>}
            {failure && <ErrorState error={failure} title={t('bo.act.failed')} />}
            <div className="button-group">
              <Button type="submit" pending={pending}>
                {t('bo.confirm.yes')}
              </Button>
              <Button
                variant="secondary"
                disabled={pending}
                onClick={() => {
                  setStage('edit');
                  focusHeading();
                }}
              >
                {t('bo.confirm.edit')}
              </Button>
            </div>
          </form>
        )
      )}
    </>
  );
}
