import { useState } from 'react';
import { useT } from '../../../i18n';
import { useApi } from '../../../api/useApi';
import type { Page, Procedure, ProcedureSummary } from '../../../api/types';
import { Button, EmptyState, ErrorMessage, ErrorState, Loading, TextInput, type FormError } from '../../../ui';
import { boApi } from '../api';
import { timeLimitText } from '../dossier/labels';
import { deskIds } from './deskDraft';

/** Step 2: search the catalogue (accent-insensitive) and pick the procedure. */
export function ProcedureSection({ code, procedure, onPick, errors }: {
  code: string;
  procedure: Procedure | undefined;
  onPick: (code: string) => void;
  errors: FormError[];
}) {
  const { t } = useT();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState<string | null>(null);
  const results = useApi<Page<ProcedureSummary>>(search === null ? null : boApi.procedures(search, 0, 10));
  const error = errors.find((e) => e.target === deskIds.procedure)?.text ?? null;

  const runSearch = () => setSearch(q.trim());

  return (
    <section aria-labelledby="desk-procedure-title" className="bo-section">
      <h2 id="desk-procedure-title">{t('bo.desk.procedure')}</h2>
      {code && (
        <p className="bo-chosen">
          {t('bo.desk.chosen')}: <strong>{procedure ? `${procedure.name} (${procedure.code})` : code}</strong>
          {procedure && <span className="bo-sub">{t('bo.facts.timeLimit')}: {timeLimitText(procedure.timeLimit, t)}</span>}
        </p>
      )}
      <div className={error ? 'form-group form-group--error' : undefined}>
        {error && <ErrorMessage id={deskIds.procedure}>{error}</ErrorMessage>}
        {/* Not a <form>: this sits inside the reception form; Enter searches instead of submitting it. */}
        <div className="search-row">
          <TextInput
            id={deskIds.procedure}
            label={code ? t('bo.desk.changeProcedure') : t('bo.desk.procedureSearch')}
            hint={t('bo.desk.procedureHint')}
            value={q}
            onChange={setQ}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                runSearch();
              }
            }}
            type="search"
            autoComplete="off"
          />
          <Button variant="secondary" onClick={runSearch}>
            {t('common.search')}
          </Button>
        </div>
      </div>
      {search !== null &&
        (results.error ? (
          <ErrorState error={results.error} onRetry={results.reload} />
        ) : !results.data ? (
          <Loading />
        ) : results.data.items.length === 0 ? (
          <EmptyState title={t('bo.desk.noProcedure')} />
        ) : (
          <ul className="list-plain bo-picklist" aria-label={t('bo.desk.results', { count: results.data.total })}>
            {results.data.items.map((p) => (
              <li key={p.code}>
                <Button
                  variant={p.code === code ? 'primary' : 'secondary'}
                  small
                  aria-pressed={p.code === code}
                  onClick={() => {
                    onPick(p.code);
                    setSearch(null);
                  }}
                >
                  {t('bo.desk.pick')}
                  <span className="visually-hidden"> {p.name}</span>
                </Button>{' '}
                <span>
                  {p.name} <span className="bo-sub">{p.code} · {timeLimitText(p.timeLimit, t)}</span>
                </span>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
