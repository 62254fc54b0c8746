import { Table } from '../../../ui';
import { formatNumber } from '../../../i18n/format';

export interface BarRow {
  key: string;
  label: string;
  value: number | null;
}

/**
 * A bar chart readable without colour: every bar carries its value as text, the bars are
 * outlined, and the same figures follow in a data table (the chart itself is hidden from
 * screen readers, which read the table).
 */
export function BarChart({ title, rows, max, unit = '', tableCaption, labelHeader, valueHeader }: {
  title: string;
  rows: BarRow[];
  /** The scale's top; by default the largest value. */
  max?: number;
  unit?: string;
  tableCaption: string;
  labelHeader: string;
  valueHeader: string;
}) {
  const top = max ?? Math.max(1, ...rows.map((r) => r.value ?? 0));
  const show = (v: number | null) => (v === null ? '—' : `${formatNumber(v)}${unit}`);
  return (
    <figure className="ind-chart">
      <figcaption className="ind-chart__title">{title}</figcaption>
      <div className="ind-chart__bars" aria-hidden="true">
        {rows.map((r) => (
          <div key={r.key} className="ind-chart__row">
            <span className="ind-chart__label">{r.label}</span>
            <span className="ind-chart__track">
              <span className="ind-chart__bar" style={{ width: `${Math.max(0, Math.min(100, ((r.value ?? 0) / top) * 100))}%` }} />
            </span>
            <span className="ind-chart__value">{show(r.value)}</span>
          </div>
        ))}
      </div>
      <Table
        caption={tableCaption}
        captionHidden
        columns={[
          { header: labelHeader, cell: (r: BarRow) => r.label },
          { header: valueHeader, cell: (r: BarRow) => show(r.value), numeric: true },
        ]}
        rows={rows}
        rowKey={(r) => r.key}
      />
    </figure>
  );
}
