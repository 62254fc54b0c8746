import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { formatDateTime, formatFileSize } from '../../i18n/format';
import { Link } from '../../router';
import { href } from '../../routes';
import { useApi } from '../../api/useApi';
import { toApiError } from '../../api/client';
import { Button, Textarea } from '../../ui';
import { documentApi, revokeDocument, type DocumentList, type DocumentView } from './api';
import { DocumentStateTag } from './DocumentStateTag';
import './documents.css';

/**
 * The signed results of a dossier, each with its state, file and verification page; a leader of
 * the issuing unit may revoke one (the API says who: `canRevoke`).
 */
export function SignedDocuments({ code, headingLevel = 2 }: { code: string; headingLevel?: 2 | 3 }) {
  const { t } = useT();
  const list = useApi<DocumentList>(documentApi.ofDossier(code));
  if (!list.data || list.data.items.length === 0) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby="signed-docs-title">
      <Heading id="signed-docs-title">{t('signed.title')}</Heading>
      <ul className="card-list">
        {list.data.items.map((d) => (
          <SignedDocument key={d.id} doc={d} onRevoked={list.reload} />
        ))}
      </ul>
    </section>
  );
}

function SignedDocument({ doc, onRevoked }: { doc: DocumentView; onRevoked: () => void }) {
  const { t, lang } = useT();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 5) {
      setError(t('signed.reasonTooShort'));
      return;
    }
    setBusy(true);
    try {
      await revokeDocument(doc.id, reason.trim());
      setOpen(false);
      onRevoked();
    } catch (err) {
      setError(toApiError(err).localized(lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="card">
      <p className="card__title" style={{ fontWeight: 700 }}>
        {doc.title}
      </p>
      <p style={{ marginBottom: 'var(--s-2)' }}>
        <DocumentStateTag state={doc.state} /> {formatDateTime(doc.issuedAt)}
      </p>
      {doc.state === 'revoked' && doc.revokedReason && <p className="secondary-text">{t('verify.state.revokedBody', { date: formatDateTime(doc.revokedAt), reason: doc.revokedReason })}</p>}
      <ul className="doc-list__actions">
        <li>
          <a href={doc.fileUrl} download>
            {t('mydocs.download', { size: formatFileSize(doc.size) })}
            <span className="visually-hidden"> {doc.title}</span>
          </a>
        </li>
        <li>
          <Link to={href('verify', { id: doc.id })}>
            {t('signed.verify')}
            <span className="visually-hidden"> {doc.title}</span>
          </Link>
        </li>
        {doc.canRevoke && !open && (
          <li>
            <Button variant="warning" small onClick={() => setOpen(true)}>
              {t('signed.revoke')}
            </Button>
          </li>
        )}
      </ul>
      {open && (
        <form onSubmit={(e) => void submit(e)} noValidate style={{ marginTop: 'var(--s-4)' }}>
          <Textarea id={`revoke-${doc.id}`} label={t('signed.revokeReason')} rows={3} value={reason} onChange={setReason} error={error ?? undefined} />
          <div className="button-group">
            <Button type="submit" variant="warning" pending={busy}>
              {t('signed.revokeConfirm')}
            </Button>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      )}
    </li>
  );
}
