import { useState, type FormEvent } from 'react';
import { useT } from '../../../i18n';
import { formatNumber } from '../../../i18n/format';
import { Link, useNavigate, usePageTitle, useSearchParams } from '../../../router';
import { useApi } from '../../../api/useApi';
import type { Page, ProcedureSummary } from '../../../api/types';
import { Button, EmptyState, ErrorState, Loading, Pagination, TextInput } from '../../../ui';
import { boApi } from '../api';
import { boHref } from '../paths';
import { timeLimitText } from '../dossier/labels';

const PAGE = 25;

/** The catalogue as administrators see it: search, then open one procedure to edit. */
export function ProceduresAdminPage() {
  const { t } = useT();
  const navigate = useNavigate();
  const params = useSearchParams();
  const q = params.get('tu-khoa') ?? '';
  const page = Math.max(1, Number(params.get('trang')) || 1);
  const [text, setText] = useState(q);
  const list = useApi<Page<ProcedureSummary>>(boApi.procedures(q, (page - 1) * PAGE, PAGE), { keepPrevious: true });
  usePageTitle(t('bo.adminProc.title'));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    navigate(boHref.procedures({ 'tu-khoa': text.trim() }), { focus: false });
  };
  const pageCount = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE)) : 1;

  return (
    <>
      <h1>{t('bo.adminProc.title')}</h1>
      <p className="lead">{t('bo.adminProc.lead')}</p>
      <form className="search-row filters" role="search" aria-label={t('bo.adminProc.searchForm')} onSubmit={onSubmit}>
        <TextInput id="bo-proc-q" label={t('bo.adminProc.search')} value={text} onChange={setText} type="search" autoComplete="off" />
        <Button type="submit">{t('common.search')}</Button>
      </form>
      <p role="status" className="secondary-text">
        {list.data ? t('bo.adminProc.count', { count: formatNumber(list.data.total) }) : ''}
      </p>
      {list.error && !list.data ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t('bo.adminProc.empty')} />
      ) : (
        <>
          <div className="table-wrap" role="region" aria-labelledby="bo-proc-caption" tabIndex={0}>
            <table className="table bo-table" aria-busy={list.loading || undefined}>
              <caption id="bo-proc-caption" className="visually-hidden">
                {t('bo.adminProc.title')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('bo.adminProc.code')}</th>
                  <th scope="col">{t('bo.adminProc.name')}</th>
                  <th scope="col">{t('bo.adminProc.field')}</th>
                  <th scope="col">{t('bo.facts.timeLimit')}</th>
                  <th scope="col">{t('bo.adminProc.version')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((p) => (
                  <tr key={p.code}>
                    <td className="bo-nowrap">{p.code}</td>
                    <th scope="row">
                      <Link to={boHref.procedure(p.code)}>
                        {p.name}
                        <span className="visually-hidden"> – {t('bo.adminProc.edit')}</span>
                      </Link>
                    </th>
                    <td>{p.field}</td>
                    <td>{timeLimitText(p.timeLimit, t)}</td>
                    <td className="num">{p.version}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageCount={pageCount} hrefFor={(p) => boHref.procedures({ 'tu-khoa': q, trang: p > 1 ? p : undefined })} />
        </>
      )}
    </>
  );
}
