import type { ReactNode } from 'react';
import { Link } from '../router';

export interface SummaryRow {
  key: ReactNode;
  value: ReactNode;
  /** A "Change" link; `label` names what changes for screen readers ("Thay đổi họ tên"). */
  action?: { href: string; text: string; hiddenText: string };
}

/** Key/value pairs (review page, dossier details). Stacks on phones, three columns wider. */
export function SummaryList({ rows }: { rows: SummaryRow[] }) {
  return (
    <dl className="summary-list">
      {rows.map((row, i) => (
        <div className="summary-list__row" key={i}>
          <dt className="summary-list__key">{row.key}</dt>
          <dd className="summary-list__value">{row.value}</dd>
          {row.action && (
            <dd className="summary-list__actions">
              <Link to={row.action.href}>
                {row.action.text}
                <span className="visually-hidden"> {row.action.hiddenText}</span>
              </Link>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}
