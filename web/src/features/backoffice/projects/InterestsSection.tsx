import { useT } from '../../../i18n';
import { formatDate } from '../../../i18n/format';
import { apiPath } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { ErrorState, Table } from '../../../ui';
import type { Interest } from '@domain/projects-public-contract.ts';

/** Investors' registrations of interest in the promoted sites, newest first, with whom to call back. */
export function InterestsSection() {
  const { t } = useT();
  const { data, error, reload } = useApi<{ items: Interest[] }>(apiPath('/investment-interests'));
  return (
    <section aria-labelledby="prj-interests">
      <h2 id="prj-interests">{t('prj.interests.title')}</h2>
      {error && <ErrorState error={error} onRetry={reload} />}
      {data && data.items.length === 0 && <p>{t('prj.interests.none')}</p>}
      {data && data.items.length > 0 && (
        <Table
          caption={t('prj.interests.title')}
          captionHidden
          rowKey={(i: Interest) => i.id}
          rows={data.items}
          columns={[
            { header: t('prj.interests.col.site'), cell: (i) => `${i.site.code} ${i.site.name}` },
            {
              header: t('prj.interests.col.investor'),
              cell: (i) => (
                <>
                  {i.investor.name} <span className="small">({i.investor.login})</span>
                  {i.investor.phone && (
                    <>
                      <br />
                      <a href={`tel:${i.investor.phone}`}>{i.investor.phone}</a>
                    </>
                  )}
                  {i.investor.email && (
                    <>
                      <br />
                      <a href={`mailto:${i.investor.email}`}>{i.investor.email}</a>
                    </>
                  )}
                </>
              ),
            },
            { header: t('prj.interests.col.message'), cell: (i) => i.message },
            { header: t('prj.interests.col.date'), cell: (i) => formatDate(i.createdAt), nowrap: true },
          ]}
        />
      )}
    </section>
  );
}
