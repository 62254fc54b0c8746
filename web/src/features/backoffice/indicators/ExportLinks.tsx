import type { EXPORT_TABLES } from '@domain/indicators-contract.ts';
import { useT } from '../../../i18n';
import { apiPath } from '../../../api/client';

type Table = (typeof EXPORT_TABLES)[number];

/**
 * "Tải XLSX · Tải CSV" under a table of the indicators page: the same rows as the table, from
 * `GET /indicators/export`. `what` names the table for screen readers (several on one page).
 */
export function ExportLinks({ table, what, query = {} }: { table: Table; what: string; query?: Record<string, string | null | undefined> }) {
  const { t } = useT();
  const href = (format: 'xlsx' | 'csv') => apiPath('/indicators/export', { ...query, table, format });
  return (
    <p className="ind-exports">
      <a href={href('xlsx')} download>
        {t('ind.bo.exportXlsx')} <span className="visually-hidden">({what})</span>
      </a>
      {' · '}
      <a href={href('csv')} download>
        {t('ind.bo.export')} <span className="visually-hidden">({what})</span>
      </a>
    </p>
  );
}
