import { useRef, useState, type ChangeEvent } from 'react';
import { useT } from '../../../i18n';
import { formatFileSize } from '../../../i18n/format';
import { ACCEPT_ATTRIBUTE } from '../../../api/upload';
import type { DocumentRequirement } from '../../../api/types';
import { Button, ErrorMessage, ProgressBar } from '../../../ui';
import { documentKindText, RequiredTag } from '../../procedures/labels';
import type { DraftFile } from '../draft';
import type { UploadState } from '../useUploads';
import { docId } from '../validate';

// Refusals of the file itself: retrying the same file cannot help, choosing another can.
const LOCAL_CODES = new Set(['FILE_EMPTY', 'FILE_TOO_LARGE', 'FILE_TYPE_NOT_ALLOWED', 'FILE_NAME_INVALID']);

export interface DocumentUploadProps {
  doc: DocumentRequirement;
  file: DraftFile | undefined;
  upload: UploadState | undefined;
  /** A check error from the step (missing, empty…), shown like any field error. */
  error: string | null;
  onChoose: (file: File) => void;
  onRetry: () => void;
  onCancel: () => void;
  onRemove: () => void;
}

/**
 * One document requirement: what it is, then either the stored file (replace / remove), an
 * upload in progress (progress bar, cancel), a failed upload (retry the same file), or a
 * file picker. The control that receives focus from the error summary has id `doc-<id>`.
 */
export function DocumentUpload({ doc, file, upload, error, onChoose, onRetry, onCancel, onRemove }: DocumentUploadProps) {
  const { t, lang } = useT();
  const [replacing, setReplacing] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = docId(doc.id);
  const uploadError = upload?.status === 'error' ? upload.error?.localized(lang) : null;
  const shownError = uploadError ?? error;

  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    if (chosen) {
      onChoose(chosen);
      setReplacing(false);
    }
    e.target.value = '';
  };

  const retryable = upload?.status === 'error' && !LOCAL_CODES.has(upload.error?.code ?? '');
  const picker = (inputId: string, text: string) => (
    <>
      <label className="small" htmlFor={inputId} style={{ display: 'block', fontWeight: 600 }}>
        {text}
        <span className="visually-hidden">: {doc.name}</span>
      </label>
      <input
        ref={inputRef}
        id={inputId}
        type="file"
        className="file-input"
        accept={ACCEPT_ATTRIBUTE}
        onChange={onChange}
        aria-describedby={[`${id}-hint`, shownError ? `${id}-error` : null].filter(Boolean).join(' ')}
        aria-invalid={shownError ? true : undefined}
      />
    </>
  );

  return (
    <div className={shownError ? 'form-group form-group--error doc-upload' : 'form-group doc-upload'}>
      <fieldset aria-describedby={`${id}-hint`}>
        <legend className="legend">{doc.name}</legend>
        <div id={`${id}-hint`} className="hint">
          {documentKindText(doc.kind, t)} · {t('doc.copiesCount', { n: doc.copies ?? 1 })} · <RequiredTag required={doc.required} t={t} />
          {doc.note && <span style={{ display: 'block' }}>{doc.note}</span>}
        </div>
        {doc.formUrl && (
          <p>
            <a href={doc.formUrl} target="_blank" rel="noopener noreferrer">
              {t('doc.downloadForm')}
              <span className="visually-hidden">: {doc.name} ({t('common.newTab')})</span>
            </a>
          </p>
        )}
        {shownError && <ErrorMessage id={id}>{shownError}</ErrorMessage>}

        {upload?.status === 'uploading' ? (
          <div>
            <p className="mb-0" aria-live="polite">
              {t('upload.inProgress', { name: upload.file.name, pct: Math.round(upload.progress * 100) })}
            </p>
            <ProgressBar value={upload.progress} label={t('upload.progressLabel', { name: upload.file.name })} />
            <Button id={id} variant="secondary" small onClick={onCancel}>
              {t('upload.cancel')}
            </Button>
          </div>
        ) : upload?.status === 'error' ? (
          <div>
            {retryable && (
              <div className="button-group" style={{ marginBottom: 'var(--s-3)' }}>
                <Button id={id} variant="secondary" small onClick={onRetry}>
                  {t('upload.retry', { name: upload.file.name })}
                </Button>
              </div>
            )}
            {picker(retryable ? `${id}-other` : id, t('upload.chooseOther'))}
          </div>
        ) : file && !replacing ? (
          <div>
            <p>
              <span aria-hidden="true">✓ </span>
              {t('upload.done', { name: file.name, size: formatFileSize(file.size) })}
            </p>
            <div className="button-group">
              <Button
                id={id}
                variant="secondary"
                small
                onClick={() => {
                  setReplacing(true);
                  window.setTimeout(() => inputRef.current?.focus(), 0);
                }}
              >
                {t('upload.replace')}
                <span className="visually-hidden">: {doc.name}</span>
              </Button>
              <Button variant="link" onClick={onRemove}>
                {t('upload.remove')}
                <span className="visually-hidden">: {doc.name}</span>
              </Button>
            </div>
          </div>
        ) : (
          <>
            {picker(id, t('upload.choose'))}
            {file && (
              <Button variant="link" onClick={() => setReplacing(false)}>
                {t('upload.keep', { name: file.name })}
              </Button>
            )}
          </>
        )}
      </fieldset>
    </div>
  );
}
