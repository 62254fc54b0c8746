import { useState, type FormEvent } from 'react';
import { useT, type MessageKey } from '../../../i18n';
import { useNavigate } from '../../../router';
import { useApi } from '../../../api/useApi';
import type { Page, ProcedureSummary } from '../../../api/types';
import { Button, Select, TextInput } from '../../../ui';
import { boApi, type QueueQuery } from '../api';
import { SoftLink } from '../components/SoftLink';
import { queueHref } from './queueState';

export const STATUS_FILTERS = [
  'submitted',
  'received',
  'in_review',
  'consulting',
  'awaiting_approval',
  'approved',
  'supplement_proposed',
  'supplement_requested',
  'awaiting_payment',
  'result_ready',
  'returned',
  'refused',
  'withdrawn',
  'stopped',
] as const;

/** Search (accent-insensitive on the server), status and procedure filters for a queue. */
export function QueueFilters({ query }: { query: QueueQuery }) {
  const { t } = useT();
  const navigate = useNavigate();
  const [q, setQ] = useState(query.q ?? '');
  const [status, setStatus] = useState(query.status ?? '');
  const [procedure, setProcedure] = useState(query.procedure ?? '');
  const procedures = useApi<Page<ProcedureSummary>>(boApi.allProcedures());
  const filtered = Boolean(query.q || query.status || query.procedure);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    navigate(queueHref({ queue: query.queue, q: q.trim(), status, procedure }), { focus: false });
  };

  const procedureOptions = (procedures.data?.items ?? []).map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }));
  // A filter from a bookmarked URL stays selectable even before (or without) the catalogue.
  if (procedure && !procedureOptions.some((o) => o.value === procedure)) procedureOptions.unshift({ value: procedure, label: procedure });

  return (
    <form className="filters bo-filters" role="search" aria-label={t('bo.filter.label')} onSubmit={onSubmit}>
      <TextInput id="bo-q" label={t('bo.filter.q')} hint={t('bo.filter.qHint')} value={q} onChange={setQ} type="search" autoComplete="off" spellCheck={false} />
      <Select
        id="bo-status"
        label={t('bo.filter.status')}
        placeholder={t('bo.filter.allStatuses')}
        value={status}
        onChange={setStatus}
        options={STATUS_FILTERS.map((s) => ({ value: s, label: t(`bo.status.${s}` as MessageKey) }))}
      />
      <Select
        id="bo-procedure"
        label={t('bo.filter.procedure')}
        placeholder={procedures.error ? t('bo.filter.proceduresFailed') : t('bo.filter.allProcedures')}
        value={procedure}
        onChange={setProcedure}
        options={procedureOptions}
      />
      <div className="button-group bo-filters__buttons">
        <Button type="submit">{t('bo.filter.apply')}</Button>
        {filtered && <SoftLink to={queueHref({ queue: query.queue })}>{t('bo.filter.clear')}</SoftLink>}
      </div>
    </form>
  );
}
