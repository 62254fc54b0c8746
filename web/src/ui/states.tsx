import type { ReactNode } from 'react';
import { useT } from '../i18n';
import type { ApiError } from '../api/client';

export function Spinner({ small }: { small?: boolean }) {
  return <span className={small ? 'spinner spinner--small' : 'spinner'} aria-hidden="true" />;
}

/** A polite "loading" status; the text is read by screen readers and shown beside the spinner. */
export function Loading({ label }: { label?: string }) {
  const { t } = useT();
  return (
    <div className="spinner-wrap" role="status">
      <Spinner />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state">
      <p className="state__title">{title}</p>
      {children}
    </div>
  );
}

/** Shows a failed request in the reader's language, with a retry button when one is given. */
export function ErrorState({ error, onRetry, title }: { error: ApiError; onRetry?: () => void; title?: string }) {
  const { t, lang } = useT();
  return (
    <div className="state state--error" role="alert">
      <p className="state__title">{title ?? t('common.errorTitle')}</p>
      <p>{error.localized(lang)}</p>
      {error.requestId && (
        <p className="small secondary-text">
          {t('common.requestId')}: <code>{error.requestId}</code>
        </p>
      )}
      {onRetry && (
        <button type="button" className="btn btn--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/** An upload's progress; `value` from 0 to 1. */
export function ProgressBar({ value, label }: { value: number; label: string }) {
  const pct = Math.round(value * 100);
  return (
    <progress className="progress" max={100} value={pct} aria-label={label}>
      {pct}%
    </progress>
  );
}
