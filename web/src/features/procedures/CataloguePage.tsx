import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';
import { useNavigate, usePageTitle, useSearchParams } from '../../router';
import { href } from '../../routes';
import { useApi } from '../../api/useApi';
import type { Page, ProcedureSummary } from '../../api/types';
import { Breadcrumbs, EmptyState, ErrorState, Loading, Pagination, Select } from '../../ui';
import { ONLINE_LEVELS, PAGE_SIZE, procedureApi, type OnlineLevelParam } from './api';
import { ProcedureList } from './components/ProcedureList';

const DEBOUNCE_MS = 300;

export function CataloguePage() {
  const { t } = useT();
  const navigate = useNavigate();
  const params = useSearchParams();
  const q = params.get('q') ?? '';
  const field = params.get('linh-vuc') ?? '';
  const level = (params.get('muc-do') ?? '') as OnlineLevelParam | '';
  const page = Math.max(1, Number(params.get('trang')) || 1);
  usePageTitle(q ? t('catalogue.titleWithQuery', { q }) : t('catalogue.title'));

  const [text, setText] = useState(q);
  const lastPushed = useRef(q);
  // Back/forward changes ?q= under us: follow it.
  useEffect(() => {
    if (q !== lastPushed.current) {
      lastPushed.current = q;
      setText(q);
    }
  }, [q]);

  const urlFor = (next: { q?: string; field?: string; level?: string; page?: number }) =>
    href('procedures', {}, {
      q: next.q ?? q,
      'linh-vuc': next.field ?? field,
      'muc-do': next.level ?? level,
      trang: (next.page ?? 1) > 1 ? next.page : undefined,
    });

  // Search as you type: the URL follows the box (replace, without moving focus).
  useEffect(() => {
    const value = text.trim();
    if (value === q.trim()) return;
    const timer = window.setTimeout(() => {
      lastPushed.current = value;
      navigate(urlFor({ q: value, page: 1 }), { replace: true, focus: false });
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  const fields = useApi<{ items: { name: string; count: number }[] }>(procedureApi.fields());
  const list = useApi<Page<ProcedureSummary>>(
    procedureApi.list({ q: q.trim(), field, onlineLevel: level ? ONLINE_LEVELS[level] : undefined, offset: (page - 1) * PAGE_SIZE }),
    { keepPrevious: true },
  );
  const pageCount = list.data ? Math.ceil(list.data.total / PAGE_SIZE) : 0;

  return (
    <>
      <Breadcrumbs items={[{ href: href('home'), text: t('nav.home') }]} />
      <h1>{t('catalogue.title')}</h1>
      <form role="search" className="mb-6" onSubmit={(e) => e.preventDefault()}>
        <label className="label" htmlFor="catalogue-q">
          {t('catalogue.search')}
        </label>
        <p className="hint" id="catalogue-q-hint">
          {t('catalogue.searchHint')}
        </p>
        <div className="search-row">
          <input
            id="catalogue-q"
            className="input"
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-describedby="catalogue-q-hint"
            autoComplete="off"
          />
        </div>
      </form>
      <div className="grid grid--sidebar">
        <aside className="filters" aria-labelledby="filters-title">
          <h2 id="filters-title" className="mt-0">
            {t('catalogue.filters')}
          </h2>
          {fields.error ? (
            <ErrorState error={fields.error} onRetry={fields.reload} title={t('catalogue.fieldsError')} />
          ) : (
            <Select
              id="filter-field"
              label={t('procedure.field')}
              value={field}
              placeholder={t('catalogue.allFields')}
              options={(fields.data?.items ?? []).map((f) => ({ value: f.name, label: `${f.name} (${f.count})` }))}
              onChange={(v) => navigate(urlFor({ field: v }), { replace: true, focus: false })}
            />
          )}
          <Select
            id="filter-level"
            label={t('procedure.onlineLevel')}
            value={level}
            placeholder={t('catalogue.allLevels')}
            options={[
              { value: 'toan-trinh', label: t('onlineLevel.full') },
              { value: 'mot-phan', label: t('onlineLevel.partial') },
              { value: 'can-xac-nhan', label: t('onlineLevel.unknown') },
            ]}
            onChange={(v) => navigate(urlFor({ level: v }), { replace: true, focus: false })}
          />
        </aside>
        <div>
          <p role="status" aria-live="polite" className="secondary-text mt-0">
            {list.data ? t('catalogue.found', { count: list.data.total }) : ''}
          </p>
          {list.error ? (
            <ErrorState error={list.error} onRetry={list.reload} />
          ) : !list.data ? (
            <Loading />
          ) : list.data.items.length === 0 ? (
            <EmptyState title={t('catalogue.emptyTitle')}>
              <p>{t('catalogue.emptyBody')}</p>
            </EmptyState>
          ) : (
            <>
              <ProcedureList items={list.data.items} />
              <Pagination page={page} pageCount={pageCount} hrefFor={(p) => urlFor({ page: p })} />
            </>
          )}
        </div>
      </div>
    </>
  );
}
