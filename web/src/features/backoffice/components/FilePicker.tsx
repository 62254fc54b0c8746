import type { ChangeEvent } from 'react';
import { useT } from '../../../i18n';
import { formatFileSize } from '../../../i18n/format';
import { ACCEPT_ATTRIBUTE } from '../../../api/upload';
import type { UploadedFile } from '../../../api/types';
import { Button, ProgressBar } from '../../../ui';
import type { Upload } from './useFileUpload';

/**
 * One file slot: a labelled picker, then the upload's progress (cancel), its error (retry the
 * same file or choose another), or the stored file (remove). `id` is the picker's id.
 */
export function FilePicker({ id, label, hint, upload, stored, onChoose, onCancel, onRemove, error: checkError }: {
  id: string;
  label: string;
  hint?: string;
  upload: Upload | undefined;
  stored: UploadedFile | undefined;
  onChoose: (file: File) => void;
  onCancel: () => void;
  onRemove: () => void;
  /** A problem found by the form's check (e.g. a required scan is missing). */
  error?: string | null;
}) {
  const { t, lang } = useT();
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    if (f) onChoose(f);
    e.target.value = '';
  };
  const showInput = upload?.status !== 'uploading' && !stored;
  const error = (upload?.status === 'error' ? upload.error?.localized(lang) : null) ?? checkError ?? null;
  return (
    <div className={error ? 'form-group form-group--error bo-file' : 'form-group bo-file'}>
      {showInput ? (
        <label className="label" htmlFor={id}>
          {label}
        </label>
      ) : (
        <p className="label">{label}</p>
      )}
      {hint && (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <p className="error-message" id={`${id}-error`}>
          <span className="visually-hidden">{t('common.errorPrefix')}: </span>
          {error}
        </p>
      )}
      {upload?.status === 'uploading' ? (
        <div>
          <p className="mb-0" aria-live="polite">
            {t('bo.upload.progress', { name: upload.file.name, pct: Math.round(upload.progress * 100) })}
          </p>
          <ProgressBar value={upload.progress} label={t('bo.upload.progressLabel', { name: upload.file.name })} />
          <Button variant="secondary" small onClick={onCancel}>
            {t('bo.upload.cancel')}
            <span className="visually-hidden"> {upload.file.name}</span>
          </Button>
        </div>
      ) : stored ? (
        <p className="mb-0">
          <span aria-hidden="true">✓ </span>
          {t('bo.upload.done', { name: stored.name, size: formatFileSize(stored.size) })}{' '}
          <Button variant="link" onClick={onRemove}>
            {t('bo.upload.remove')}
            <span className="visually-hidden"> {stored.name}</span>
          </Button>
        </p>
      ) : (
        <>
          {upload?.status === 'error' && (
            <Button variant="secondary" small onClick={() => onChoose(upload.file)}>
              {t('bo.upload.retry', { name: upload.file.name })}
            </Button>
          )}
          <input
            id={id}
            type="file"
            className="file-input bo-block"
            accept={ACCEPT_ATTRIBUTE}
            onChange={onChange}
            aria-describedby={[hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined}
            aria-invalid={error ? true : undefined}
          />
        </>
      )}
    </div>
  );
}
