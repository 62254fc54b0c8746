import { useState } from 'react';
import { useT } from '../../../i18n';
import { formatDateTime, formatNumber } from '../../../i18n/format';
import { Link } from '../../../router';
import { apiPath } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { Button, ErrorState, Loading, Table } from '../../../ui';
import type { Risk } from '../../indicators/api';
import { boHref } from '../paths';
import { ExportLinks } from './ExportLinks';

type Item = Risk['items'][number];
type Official = Risk['officials'][number];

/** The most urgent first; the rest one click away, so the index stays near the top of the page. */
const FIRST = 15;

/** What costs points right now: each dossier with a link to where it is fixed, and by official. */
export function AtRiskSection() {
  const { t } = useT();
  const { data, error, loading, reload } = useApi<Risk>(apiPath('/indicators/at-risk'));
  const [all, setAll] = useState(false);
  return (
    <section aria-labelledby="ind-risk-title">
      <h2 id="ind-risk-title">{t('ind.risk.title')}</h2>
      <p>{t('ind.risk.lead')}</p>
      {loading && <Loading />}
      {error && <ErrorState error={error} onRetry={reload} />}
      {data && data.items.length === 0 && <p>{t('ind.risk.none')}</p>}
      {data && data.items.length > 0 && (
        <>
          <Table
            caption={t('ind.risk.title')}
            captionHidden
            columns={[
              { header: t('ind.late.code'), cell: (r: Item) => <Link to={boHref.dossier(r.code)}>{r.code}</Link>, nowrap: true },
              { header: t('ind.late.procedure'), cell: (r) => r.procedureName },
              { header: t('ind.risk.official'), cell: (r) => r.assigneeName ?? t('ind.risk.unassigned') },
              { header: t('ind.late.due'), cell: (r) => formatDateTime(r.dueAt), nowrap: true },
              { header: t('ind.risk.reasons'), cell: (r) => r.reasons.map((x) => t(`ind.risk.${x}`)).join('; ') },
            ]}
            rows={all ? data.items : data.items.slice(0, FIRST)}
            rowKey={(r) => r.code}
          />
          {!all && data.items.length > FIRST && (
            <Button variant="secondary" small onClick={() => setAll(true)}>
              {t('ind.risk.showAll', { n: data.items.length })}
            </Button>
          )}
          <ExportLinks table="at_risk" what={t('ind.risk.title')} />
          <Table
            caption={t('ind.risk.byOfficial')}
            columns={[
              { header: t('ind.risk.official'), cell: (o: Official) => o.assigneeName ?? t('ind.risk.unassigned') },
              { header: t('ind.risk.dossiers'), cell: (o) => formatNumber(o.dossiers), numeric: true },
              {
                header: t('ind.risk.reasons'),
                cell: (o) =>
                  Object.entries(o.reasons)
                    .map(([k, n]) => `${t(`ind.risk.${k as Item['reasons'][number]}`)}: ${n}`)
                    .join('; '),
              },
            ]}
            rows={data.officials}
            rowKey={(o) => o.assigneeId ?? '-'}
          />
          <ExportLinks table="risk_officials" what={t('ind.risk.byOfficial')} />
        </>
      )}
    </section>
  );
}
