/**
 * The periodic report a ward sends up to the province on the results of handling administrative
 * procedures (docs/INDICATORS.md, *The report to the province*), in the shape of the Government
 * Office's reporting form on TTHC handling at the unit that handles them (received: carried over
 * from the last period, new online, new in person or by post; settled early, on time, late; in
 * progress on time, overdue), one line per field and a total. Built from the indicators'
 * pre-aggregate rows. Pure.
 */
import type { Period } from './indicators.ts';
import type { FlowRow, StockRow } from './indicators-aggregate.ts';

export interface ReportLine {
  received: { total: number; carried: number; online: number; direct: number };
  settled: { total: number; early: number; onTime: number; late: number };
  inProgress: { total: number; onTime: number; overdue: number };
  /** Refused, withdrawn or stopped in the period: neither settled nor in progress. */
  closed: number;
}

export const emptyLine = (): ReportLine => ({
  received: { total: 0, carried: 0, online: 0, direct: 0 },
  settled: { total: 0, early: 0, onTime: 0, late: 0 },
  inProgress: { total: 0, onTime: 0, overdue: 0 },
  closed: 0,
});

function addFlowLine(l: ReportLine, r: FlowRow): void {
  if (r.kind === 'received') {
    if (r.channel === 'online') l.received.online += r.n;
    else l.received.direct += r.n;
    l.received.total += r.n;
  } else if (r.kind === 'settled') {
    l.settled.total += r.n;
    if (r.outcome === 'early') l.settled.early += r.n;
    else if (r.outcome === 'late') l.settled.late += r.n;
    else l.settled.onTime += r.n;
  } else l.closed += r.n;
}

function addStockLine(l: ReportLine, r: StockRow): void {
  l.inProgress.total += r.n;
  // Waiting for the applicant: the clock is stopped, so it is not overdue.
  if (r.state === 'overdue') l.inProgress.overdue += r.n;
  else l.inProgress.onTime += r.n;
}

/**
 * One line per field (in Vietnamese order) and the total: the period's flows, the stock at its
 * end, and the stock at the end of the day before it (carried over, counted into received).
 */
export function provinceLines(flows: readonly FlowRow[], atEnd: readonly StockRow[], before: readonly StockRow[]): { fields: { field: string; line: ReportLine }[]; total: ReportLine } {
  const byField = new Map<string, ReportLine>();
  const total = emptyLine();
  const lineOf = (field: string) => {
    const l = byField.get(field) ?? emptyLine();
    byField.set(field, l);
    return l;
  };
  for (const r of flows) {
    addFlowLine(lineOf(r.field), r);
    addFlowLine(total, r);
  }
  for (const r of atEnd) {
    addStockLine(lineOf(r.field), r);
    addStockLine(total, r);
  }
  for (const r of before) {
    for (const l of [lineOf(r.field), total]) {
      l.received.carried += r.n;
      l.received.total += r.n;
    }
  }
  const collator = new Intl.Collator('vi');
  const fields = [...byField.entries()]
    .map(([field, line]) => ({ field, line }))
    .filter(({ line }) => line.received.total + line.settled.total + line.inProgress.total + line.closed > 0)
    .sort((a, b) => (a.field === '' ? 1 : b.field === '' ? -1 : collator.compare(a.field, b.field)));
  return { fields, total };
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const dmy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/**
 * The period as a report names it: "tháng 3 năm 2026", "quý I năm 2026", "6 tháng đầu năm 2026",
 * "năm 2026", or "từ ngày 01/03/2026 đến ngày 15/03/2026" for any other span.
 */
export function periodWords(p: Period): string {
  const y = Number(p.from.slice(0, 4));
  const m1 = Number(p.from.slice(5, 7));
  const m2 = Number(p.to.slice(5, 7));
  const whole = p.from.slice(8) === '01' && Number(p.to.slice(8)) === lastDay(y, m2) && p.to.slice(0, 4) === p.from.slice(0, 4);
  if (whole) {
    if (m1 === m2) return `tháng ${m1} năm ${y}`;
    if (m1 === 1 && m2 === 12) return `năm ${y}`;
    if (m2 - m1 === 2 && m1 % 3 === 1) return `quý ${ROMAN[(m1 - 1) / 3]} năm ${y}`;
    if (m1 === 1 && m2 === 6) return `6 tháng đầu năm ${y}`;
    if (m1 === 7 && m2 === 12) return `6 tháng cuối năm ${y}`;
    if (m1 === 1 && m2 === 9) return `9 tháng năm ${y}`;
  }
  return `từ ngày ${dmy(p.from)} đến ngày ${dmy(p.to)}`;
}
