/**
 * Every table of the leaders' indicators page as an export table (docs/INDICATORS.md, Exports):
 * the same rows, in the page's order, for the CSV and the XLSX download. Figures are the JSON
 * report's own (shares in percentage points, the index's rates as percentages), so a spreadsheet
 * reads what the page shows. Headers and labels are in Vietnamese: the file goes to people in
 * the ward and the province.
 */
import type { Drill, Report, Risk, Targets } from '../../domain/indicators-contract.ts';
import type { EXPORT_TABLES, Figure } from '../../domain/indicators-contract.ts';
import type { Period } from '../../domain/indicators.ts';
import type { RiskReason } from '../../domain/indicators-risk.ts';
import { dayVn, type ExportColumn, type ExportTable } from '../exports/table.ts';

export type ExportTableName = (typeof EXPORT_TABLES)[number];

const col = (header: string, kind: ExportColumn['kind'] = 'text'): ExportColumn => ({ header, kind });
const during = (p: Period) => `từ ${dayVn(p.from)} đến ${dayVn(p.to)}`;
const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 10000) / 100);

export const FIGURE_VI: Record<Figure, string> = {
  received: 'Tiếp nhận',
  received_online: 'Tiếp nhận trực tuyến',
  settled: 'Đã giải quyết',
  settled_early: 'Giải quyết trước hạn',
  settled_on_time: 'Giải quyết đúng hạn',
  settled_late: 'Giải quyết trễ hạn',
  extended: 'Trễ hạn có gia hạn, xin lỗi',
  in_progress: 'Đang giải quyết',
  overdue: 'Đang quá hạn',
  waiting: 'Chờ bổ sung, nộp phí (dừng tính giờ)',
  closed: 'Từ chối, rút, dừng',
};

const RISK_VI: Record<RiskReason, string> = {
  overdue_no_apology: 'Quá hạn, chưa xin lỗi',
  overdue: 'Quá hạn (đã xin lỗi, gia hạn)',
  due_within_day: 'Đến hạn trong 1 ngày làm việc',
  no_electronic_result: 'Chưa có kết quả điện tử',
  not_digitised: 'Chưa số hóa hồ sơ',
  not_synced: 'Chưa đồng bộ Cổng DVC quốc gia',
};

const ORIGIN_VI: Record<Report['index']['items'][number]['origin'], string> = {
  computed: 'Tính từ hồ sơ',
  none_arose: 'Không phát sinh (đủ điểm)',
  manual: 'Cán bộ nhập',
  missing: 'Chưa có số liệu',
};

const CHANNEL_VI: Record<string, string> = { online: 'Trực tuyến', in_person: 'Trực tiếp', post: 'Bưu chính' };
export const channelVi = (c: string) => CHANNEL_VI[c] ?? c;

const TARGET_STATE_VI: Record<Targets['items'][number]['state'], string> = {
  met: 'Đã đạt',
  on_track: 'Đúng lộ trình',
  behind: 'Chậm so với lộ trình',
  no_target: 'Chưa có mục tiêu',
  no_data: 'Chưa có số liệu',
};

const BREAKDOWN_TITLE = { procedures: 'thủ tục', fields: 'lĩnh vực', officials: 'cán bộ', channels: 'kênh tiếp nhận' } as const;

export function breakdownTable(kind: keyof Report['breakdowns'], rows: Report['breakdowns']['procedures'], period: Period): ExportTable {
  return {
    title: `Chỉ số 766 theo ${BREAKDOWN_TITLE[kind]} ${during(period)}`,
    sheet: `Theo ${BREAKDOWN_TITLE[kind]}`,
    columns: [
      col('Mã'),
      col(kind === 'officials' ? 'Cán bộ' : 'Tên'),
      col('Tiếp nhận', 'number'),
      col('Đã giải quyết', 'number'),
      col('Đang giải quyết', 'number'),
      col('Đang quá hạn', 'number'),
      col('Trễ, quá hạn', 'number'),
      col('Trước, đúng hạn', 'percent'),
      col('Nộp trực tuyến', 'percent'),
    ],
    rows: rows.map((r) => [
      r.key,
      kind === 'channels' ? channelVi(r.key) : r.label,
      r.headline.received,
      r.headline.settled,
      r.headline.inProgress,
      r.headline.overdue,
      r.late,
      r.onTimeRate,
      r.headline.onlineShare,
    ]),
  };
}

export function trendTable(r: Report): ExportTable {
  return {
    title: `Diễn biến 12 tháng đến ${dayVn(r.period.to)}`,
    sheet: 'Diễn biến 12 tháng',
    columns: [
      col('Tháng'),
      col('Từ ngày', 'date'),
      col('Đến ngày', 'date'),
      col('Tiếp nhận', 'number'),
      col('Đã giải quyết', 'number'),
      col('Đang giải quyết', 'number'),
      col('Đang quá hạn', 'number'),
      col('Trước, đúng hạn', 'percent'),
      col('Nộp trực tuyến', 'percent'),
      col('Điểm Bộ chỉ số 766', 'number'),
    ],
    rows: r.trend.map((p) => [p.label, p.from, p.to, p.headline.received, p.headline.settled, p.headline.inProgress, p.headline.overdue, p.headline.onTimeShare, p.headline.onlineShare, p.index]),
  };
}

export function indexTable(r: Report): ExportTable {
  const g6 = new Map(r.index.groups6.map((g) => [g.key, g.vi]));
  const g5 = new Map(r.index.groups5.map((g) => [g.key, g.vi]));
  return {
    title: `Điểm Bộ chỉ số 766 ${during(r.period)}: ${r.index.total}/${r.index.max} điểm (${r.index.rule.basis})`,
    sheet: 'Bộ chỉ số 766',
    columns: [
      col('Nhóm (6 nhóm)'),
      col('Nhóm (5 nhóm, Quyết định 766)'),
      col('Mã tiêu chí'),
      col('Tiêu chí'),
      col('Tử số', 'number'),
      col('Mẫu số', 'number'),
      col('Tỷ lệ', 'percent'),
      col('Ngưỡng', 'percent'),
      col('Điểm', 'number'),
      col('Tối đa', 'number'),
      col('Bị trừ', 'number'),
      col('Nguồn'),
      col('Nguồn số liệu nhập'),
    ],
    rows: r.index.items.map((i) => [
      g6.get(i.group6) ?? i.group6,
      g5.get(i.group5) ?? i.group5,
      i.key,
      i.vi,
      i.numerator,
      i.denominator,
      pct(i.rate),
      pct(i.threshold),
      i.points,
      i.max,
      i.lost,
      ORIGIN_VI[i.origin],
      i.manual?.source ?? null,
    ]),
  };
}

export function groupsTable(r: Report): ExportTable {
  const view = (name: string, groups: Report['index']['groups6']) => groups.map((g) => [name, g.key, g.vi, g.points, g.max] as const);
  return {
    title: `Điểm Bộ chỉ số 766 theo nhóm ${during(r.period)}: ${r.index.total}/${r.index.max} điểm`,
    sheet: 'Điểm theo nhóm',
    columns: [col('Cách tính'), col('Mã nhóm'), col('Nhóm'), col('Điểm', 'number'), col('Tối đa', 'number')],
    rows: [...view('6 nhóm (Cổng DVC quốc gia)', r.index.groups6), ...view('5 nhóm (Quyết định 766)', r.index.groups5)],
  };
}

/** The "Số liệu chi tiết" table: each figure a leader can drill into, with the supplement rounds. */
export function tallyTable(r: Report): ExportTable {
  const s = r.tally;
  const figures: [Figure, number][] = [
    ['received', s.received.total],
    ['received_online', s.received.online],
    ['settled', s.settled.total],
    ['settled_early', s.settled.early],
    ['settled_on_time', s.settled.onTime],
    ['settled_late', s.settled.late],
    ['extended', s.settled.extended],
    ['in_progress', s.inProgress.total],
    ['overdue', s.inProgress.overdue],
    ['waiting', s.inProgress.waiting],
    ['closed', s.closedWithoutResult],
  ];
  return {
    title: `Số liệu chi tiết ${during(r.period)}`,
    sheet: 'Số liệu chi tiết',
    columns: [col('Mã'), col('Chỉ tiêu'), col('Số hồ sơ', 'number')],
    rows: [
      ...figures.map(([f, n]) => [f, FIGURE_VI[f], n]),
      ...Object.entries(s.received.byChannel).map(([c, n]) => [`received_${c}`, `Tiếp nhận: ${channelVi(c)}`, n]),
      ['supplement_rounds', 'Lần yêu cầu bổ sung', s.supplement.rounds],
      ['supplement_dossiers', 'Hồ sơ phải bổ sung', s.supplement.dossiers],
      ['supplement_late', 'Yêu cầu bổ sung quá 3 ngày làm việc', s.supplement.late],
    ],
  };
}

export function riskTable(risk: Risk, itemNames: ReadonlyMap<string, string>): ExportTable {
  return {
    title: `Điểm đang bị trừ: việc cần làm hôm nay (đến ${risk.asOf.slice(8, 10)}/${risk.asOf.slice(5, 7)}/${risk.asOf.slice(0, 4)})`,
    sheet: 'Điểm đang bị trừ',
    columns: [col('Mã hồ sơ'), col('Thủ tục'), col('Cán bộ'), col('Hạn giải quyết', 'datetime'), col('Lý do'), col('Tiêu chí bị trừ')],
    rows: risk.items.map((r) => [r.code, r.procedureName, r.assigneeName ?? 'Chưa phân công', r.dueAt, r.reasons.map((x) => RISK_VI[x]).join('; '), r.items.map((k) => itemNames.get(k) ?? k).join('; ')]),
  };
}

export function riskOfficialsTable(risk: Risk): ExportTable {
  const reasons = [...new Set(risk.officials.flatMap((o) => Object.keys(o.reasons)))] as RiskReason[];
  return {
    title: `Điểm đang bị trừ theo cán bộ (đến ${risk.asOf.slice(8, 10)}/${risk.asOf.slice(5, 7)}/${risk.asOf.slice(0, 4)})`,
    sheet: 'Điểm bị trừ theo cán bộ',
    columns: [col('Cán bộ'), col('Số hồ sơ', 'number'), ...reasons.map((x) => col(RISK_VI[x] ?? x, 'number'))],
    rows: risk.officials.map((o) => [o.assigneeName ?? 'Chưa phân công', o.dossiers, ...reasons.map((x) => o.reasons[x] ?? 0)]),
  };
}

export function targetsTable(t: Targets): ExportTable {
  return {
    title: 'Chỉ tiêu nhiệm kỳ 2025–2030',
    sheet: 'Chỉ tiêu nhiệm kỳ',
    columns: [
      col('Mã'),
      col('Chỉ tiêu'),
      col('Đơn vị'),
      col('Mốc', 'number'),
      col('Năm mốc', 'number'),
      col('Mục tiêu', 'number'),
      col('Năm mục tiêu', 'number'),
      col('Thực hiện gần nhất', 'number'),
      col('Năm thực hiện', 'number'),
      col('Nguồn số liệu'),
      col('Số liệu đến ngày', 'date'),
      col('Tiến độ'),
      col('Theo lộ trình', 'number'),
    ],
    rows: t.items.map((i) => [
      i.key,
      i.vi,
      i.unit,
      i.baseline,
      i.baselineYear,
      i.target,
      i.targetYear,
      i.latest?.value ?? null,
      i.latest?.year ?? null,
      i.latest?.source ?? null,
      i.latest?.asOf ?? null,
      TARGET_STATE_VI[i.state],
      i.expected,
    ]),
  };
}

export function drillTable(d: Drill): ExportTable {
  return {
    title: `Hồ sơ: ${FIGURE_VI[d.figure]} ${during(d.period)}`,
    sheet: FIGURE_VI[d.figure],
    columns: [col('Mã hồ sơ'), col('Thủ tục'), col('Kênh'), col('Cán bộ'), col('Tiếp nhận', 'datetime'), col('Hạn giải quyết', 'datetime'), col('Có kết quả', 'datetime'), col('Gia hạn')],
    rows: d.items.map((r) => [r.code, r.procedureName, channelVi(r.channel), r.assigneeName ?? 'Chưa phân công', r.receivedAt, r.dueAt, r.finishedAt, r.extended]),
  };
}
