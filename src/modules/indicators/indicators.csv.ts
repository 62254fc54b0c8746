/**
 * Tables of the indicators as CSV (RFC 4180, UTF-8 with a byte-order mark so that Excel opens
 * Vietnamese text right). One header row in Vietnamese and English.
 */
import type { Drill, Report, Risk } from '../../domain/indicators-contract.ts';

type Cell = string | number | null | boolean;

const cell = (v: Cell): string => {
  if (v === null) return '';
  const s = typeof v === 'string' ? v : String(v);
  // Formula injection: a cell that a spreadsheet would run as a formula is quoted with a leading '.
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function toCsv(header: string[], rows: Cell[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

const BREAKDOWN_HEADER = ['Mã/Key', 'Tên/Name', 'Tiếp nhận/Received', 'Đã giải quyết/Settled', 'Đang giải quyết/In progress', 'Quá hạn/Overdue', 'Trễ hạn/Late', 'Đúng hạn %/On time %', 'Trực tuyến %/Online %'];

export function breakdownCsv(rows: Report['breakdowns']['procedures']): string {
  return toCsv(
    BREAKDOWN_HEADER,
    rows.map((r) => [r.key, r.label, r.headline.received, r.headline.settled, r.headline.inProgress, r.headline.overdue, r.late, r.onTimeRate, r.headline.onlineShare]),
  );
}

export function trendCsv(rows: Report['trend']): string {
  return toCsv(
    ['Tháng/Month', 'Tiếp nhận/Received', 'Đã giải quyết/Settled', 'Đúng hạn %/On time %', 'Trực tuyến %/Online %', 'Điểm 766/Index'],
    rows.map((r) => [r.label, r.headline.received, r.headline.settled, r.headline.onTimeShare, r.headline.onlineShare, r.index]),
  );
}

export function indexCsv(index: Report['index']): string {
  return toCsv(
    ['Nhóm (6)/Group (6)', 'Nhóm (5)/Group (5)', 'Tiêu chí/Item', 'Tử số/Numerator', 'Mẫu số/Denominator', 'Tỷ lệ %/Rate %', 'Ngưỡng %/Threshold %', 'Điểm/Points', 'Tối đa/Max', 'Nguồn/Origin', 'Nguồn số liệu nhập/Entered source'],
    index.items.map((i) => [i.group6, i.group5, i.vi, i.numerator, i.denominator, i.rate === null ? null : Math.round(i.rate * 10000) / 100, i.threshold * 100, i.points, i.max, i.origin, i.manual?.source ?? null]),
  );
}

export function riskCsv(risk: Risk): string {
  return toCsv(
    ['Mã hồ sơ/Code', 'Thủ tục/Procedure', 'Cán bộ/Official', 'Hạn/Due', 'Lý do/Reasons', 'Tiêu chí bị trừ/Items'],
    risk.items.map((r) => [r.code, r.procedureName, r.assigneeName, r.dueAt, r.reasons.join(' '), r.items.join(' ')]),
  );
}

export function drillCsv(d: Drill): string {
  return toCsv(
    ['Mã hồ sơ/Code', 'Thủ tục/Procedure', 'Kênh/Channel', 'Cán bộ/Official', 'Tiếp nhận/Received', 'Hạn/Due', 'Có kết quả/Settled', 'Gia hạn/Extended'],
    d.items.map((r) => [r.code, r.procedureName, r.channel, r.assigneeName, r.receivedAt, r.dueAt, r.finishedAt, r.extended]),
  );
}
