import { useEffect, useRef } from 'react';
import { useT } from '../../../i18n';
import type { ApiError } from '../../../api/client';
import { Button } from '../../../ui';

const CONFLICTS = new Set(['DOSSIER_VERSION_CONFLICT', 'DOSSIER_ACTION_NOT_ALLOWED']);

/**
 * The server's refusal of an action, in the reader's language. A conflict (someone else changed
 * the dossier first) offers to reload it; what the official typed stays in the form.
 */
export function ActionError({ error, onReload }: { error: ApiError; onReload: () => void }) {
  const { t, lang } = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [error]);
  const conflict = error.status === 409 && CONFLICTS.has(error.code);
  const issues = Array.isArray(error.details?.issues) ? (error.details.issues as { path?: string; message?: string }[]) : [];
  return (
    <div className="state state--error" role="alert" tabIndex={-1} ref={ref}>
      <p className="state__title">{conflict ? t('bo.conflict.title') : t('bo.act.failed')}</p>
      <p>{conflict ? t('bo.conflict.body') : error.localized(lang)}</p>
      {conflict && error.code !== 'DOSSIER_VERSION_CONFLICT' && <p className="small secondary-text">{error.localized(lang)}</p>}
      {issues.length > 0 && (
        <ul className="list-bullet">
          {issues.map((i, n) => (
            <li key={n}>
              {i.path ? `${i.path}: ` : ''}
              {i.message}
            </li>
          ))}
        </ul>
      )}
      {error.requestId && (
        <p className="small secondary-text">
          {t('common.requestId')}: <code>{error.requestId}</code>
        </p>
      )}
      {conflict && (
        <Button variant="secondary" onClick={onReload}>
          {t('bo.conflict.reload')}
        </Button>
      )}
    </div>
  );
}
