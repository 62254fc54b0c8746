import { useState, type FormEvent } from 'react';
import { useT, type MessageKey } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { usePageTitle } from '../../router';
import { useApi } from '../../api/useApi';
import { toApiError, type ApiError } from '../../api/client';
import { Button, ErrorState, Loading, SummaryList } from '../../ui';
import { checkFile, documentApi, type PublicDocumentView, type VerifyFileAnswer } from './api';
import { Verdict } from './StateVerdict';
import './documents.css';

/** `/xac-minh/:id`, the page a document's QR code opens: is it genuine, is it in force, is my file the one. */
export function VerifyPage({ id }: { id: string }) {
  const { t } = useT();
  const { data, error, reload } = useApi<PublicDocumentView>(documentApi.verify(id));
  usePageTitle(t('verify.title'));

  return (
    <div className="grid grid--two-thirds">
      <div>
        <span className="caption" style={{ overflowWrap: 'anywhere' }}>
          {t('verify.caption', { id })}
        </span>
        <h1>{t('verify.title')}</h1>
        {error ? (
          error.status === 404 || error.status === 400 ? (
            <Verdict ok={false} title={t('verify.notFoundTitle')}>
              <p>{t('verify.notFoundBody')}</p>
            </Verdict>
          ) : (
            <ErrorState error={error} onRetry={reload} />
          )
        ) : !data ? (
          <Loading />
        ) : (
          <>
            <DocumentStateVerdict doc={data} />
            <DocumentFacts doc={data} />
            <FileCheck id={id} />
          </>
        )}
      </div>
    </div>
  );
}

function DocumentStateVerdict({ doc }: { doc: PublicDocumentView }) {
  const { t } = useT();
  return (
    <Verdict ok={doc.state === 'valid'} title={t(`verify.state.${doc.state}` as MessageKey)}>
      <p>
        {doc.state === 'valid'
          ? t('verify.state.validBody', { unit: doc.issuingUnit.name })
          : doc.state === 'revoked'
            ? t('verify.state.revokedBody', { date: formatDateTime(doc.revokedAt), reason: doc.revokedReason ?? '' })
            : t('verify.state.expiredBody', { date: formatDateTime(doc.validUntil) })}
      </p>
      {doc.certificate.demo && (
        <p>
          <strong>{t('verify.demo')}</strong>
        </p>
      )}
    </Verdict>
  );
}

export function DocumentFacts({ doc }: { doc: PublicDocumentView }) {
  const { t } = useT();
  return (
    <SummaryList
      rows={[
        { key: t('verify.document'), value: doc.title },
        { key: t('verify.kind'), value: t(`verify.kind.${doc.kind}` as MessageKey) },
        { key: t('verify.unit'), value: doc.issuingUnit.name },
        { key: t('verify.issuedAt'), value: formatDateTime(doc.issuedAt) },
        ...(doc.dossierCode ? [{ key: t('verify.dossier'), value: <span style={{ overflowWrap: 'anywhere' }}>{doc.dossierCode}</span> }] : []),
        { key: t('verify.holder'), value: doc.holder },
        { key: t('verify.pages'), value: String(doc.pages) },
        { key: t('verify.hash'), value: <span className="hash">{doc.sha256}</span> },
        { key: t('verify.certificate'), value: <span style={{ overflowWrap: 'anywhere' }}>{doc.certificate.subject}</span> },
        { key: t('verify.certificateIssuer'), value: <span style={{ overflowWrap: 'anywhere' }}>{doc.certificate.issuer}</span> },
      ]}
    />
  );
}

function FileCheck({ id }: { id: string }) {
  const { t, lang } = useT();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<VerifyFileAnswer | null>(null);
  const [problem, setProblem] = useState<ApiError | 'no_file' | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAnswer(null);
    if (!file) {
      setProblem('no_file');
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      setAnswer(await checkFile(id, file));
    } catch (err) {
      setProblem(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const message = problem === 'no_file' ? t('verify.noFile') : problem?.localized(lang);
  const yesNo = (v: boolean) => (v ? t('verify.yes') : t('verify.no'));
  const f = answer?.file;

  return (
    <section aria-labelledby="check-title">
      <h2 id="check-title">{t('verify.checkTitle')}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className={message ? 'form-group form-group--error' : 'form-group'}>
          <label className="label" htmlFor="verify-file">
            {t('verify.fileLabel')}
          </label>
          <p className="hint" id="verify-file-hint">
            {t('verify.checkHint')}
          </p>
          {message && (
            <p className="error-message" id="verify-file-error">
              <span className="visually-hidden">{t('common.errorPrefix')}:</span> {message}
            </p>
          )}
          <input
            id="verify-file"
            className="file-input"
            type="file"
            accept=".pdf,application/pdf"
            aria-describedby={message ? 'verify-file-hint verify-file-error' : 'verify-file-hint'}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setAnswer(null);
              setProblem(null);
            }}
          />
        </div>
        <Button type="submit" disabled={busy}>
          {busy ? t('verify.checking') : t('verify.checkButton')}
        </Button>
      </form>
      {f && (
        <Verdict ok={f.verdict === 'genuine'} title={t(`verify.verdict.${f.verdict}` as MessageKey)} live>
          <ul className="list-plain">
            <li>
              {t('verify.sameFile')}: <strong>{yesNo(f.sameFile)}</strong>
            </li>
            <li>
              {t('verify.signatureIntact')}: <strong>{yesNo(f.signatureIntact)}</strong>
            </li>
            <li>
              {t('verify.signedByIssuer')}: <strong>{yesNo(f.signedByIssuer)}</strong>
            </li>
            <li>
              {t('verify.fileHash')}: <span className="hash">{f.sha256}</span>
            </li>
          </ul>
        </Verdict>
      )}
    </section>
  );
}
