import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database, Executor } from '../../db/client.ts';
import { addDays, type IsoDate } from '../../domain/calendar/dates.ts';
import { formatVn, vnDateOf } from '../../domain/calendar/vn-time.ts';
import type { WorkingCalendar } from '../../domain/calendar/working-time.ts';
import { authorize, type Actor } from '../../domain/policy.ts';
import { AppError } from '../../domain/errors.ts';
import { addToTally, emptyTally, headline, ingredientsOf, periodBounds, type DossierFact, type Period, type Tally } from '../../domain/indicators.ts';
import { addFlow, addStock, type Dimensions, type FlowRow, type StockRow } from '../../domain/indicators-aggregate.ts';
import { indexRuleInForce, round2 } from '../../domain/indicators-rules.ts';
import { scoreIndex } from '../../domain/indicators-score.ts';
import { pointsAtRisk, riskByOfficial, RISK_ITEM } from '../../domain/indicators-risk.ts';
import { MAX_PERIOD_DAYS, type DrillQuery, type Figure, type InputBody, type RuleBody } from '../../domain/indicators-contract.ts';
import { feedbackIndicators } from '../../domain/feedback.ts';
import { audit } from '../audit/audit.ts';
import { feedbackFactsOf } from '../feedback/index.ts';
import { catalogueFacts, inputsOn, insertInput, insertRule, labels, loadFacts, manualInputsIn, ruleVersions } from './indicators.repo.ts';
import { asOfOf, flowRows, lateDossiersPage, refreshAggregate, stocks } from './indicators.aggregate.ts';

export interface Filters {
  procedure?: string | undefined;
  field?: string | undefined;
  assignee?: string | undefined;
}

/**
 * The period a request asks for; by default the year so far (1 January of this year in Vietnam
 * to today). The end never runs past today: figures for the future are not figures.
 * @throws AppError VALIDATION_FAILED when the period is longer than MAX_PERIOD_DAYS.
 */
export function resolvePeriod(q: { from?: string | undefined; to?: string | undefined }, now: Date): Period {
  const today = vnDateOf(now);
  const to = q.to && q.to < today ? q.to : today;
  const from = q.from ?? `${to.slice(0, 4)}-01-01`;
  const { start, end } = periodBounds({ from, to: from > to ? from : to });
  if ((end.getTime() - start.getTime()) / 86_400_000 > MAX_PERIOD_DAYS) {
    throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'from', message: `Tối đa ${MAX_PERIOD_DAYS} ngày / at most ${MAX_PERIOD_DAYS} days` }] });
  }
  return { from, to: from > to ? from : to };
}

function monthsBack(to: IsoDate, n: number): Period[] {
  const out: Period[] = [];
  let y = Number(to.slice(0, 4));
  let m = Number(to.slice(5, 7));
  for (let i = 0; i < n; i++) {
    const from = `${y}-${String(m).padStart(2, '0')}-01`;
    const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    const last = addDays(next, -1);
    out.unshift({ from, to: last < to ? last : to });
    m--;
    if (m === 0) {
      m = 12;
      y--;
    }
  }
  return out;
}

function applyFilters(facts: DossierFact[], f: Filters): DossierFact[] {
  return facts.filter((d) => (!f.procedure || d.procedureCode === f.procedure) && (!f.field || d.field === f.field) && (!f.assignee || d.assigneeId === f.assignee));
}

interface Loaded {
  facts: DossierFact[];
  cal: WorkingCalendar;
  now: Date;
  unitId: string;
}

/** The facts of every dossier open at some time from `from` to `to` (inclusive). */
async function load(ex: Executor, unitId: string, from: IsoDate, to: IsoDate, cal: WorkingCalendar, now: Date): Promise<Loaded> {
  const { start, end } = periodBounds({ from, to });
  return { facts: await loadFacts(ex, unitId, start, end), cal, now, unitId };
}

const TREND_MONTHS = 12;

/** One row per key (procedure, field, official, channel) of the period's flows and stock. */
function breakdown(flows: readonly FlowRow[], stocks: readonly StockRow[], keyOf: (d: Dimensions) => string | null, labelOf: (key: string | null) => string) {
  const groups = new Map<string, { label: string; t: Tally }>();
  const group = (d: Dimensions) => {
    const k = keyOf(d);
    const g = groups.get(k ?? '') ?? { label: labelOf(k), t: emptyTally() };
    groups.set(k ?? '', g);
    return g.t;
  };
  for (const r of flows) addFlow(group(r), r);
  for (const r of stocks) addStock(group(r), r);
  const collator = new Intl.Collator('vi');
  return [...groups.entries()]
    .map(([key, g]) => {
      const handled = g.t.settled.total + g.t.inProgress.total;
      const good = g.t.settled.early + g.t.settled.onTime + g.t.inProgress.onTime + g.t.inProgress.waiting;
      return { key, label: g.label, headline: headline(g.t), late: g.t.settled.late + g.t.inProgress.overdue, onTimeRate: handled === 0 ? null : round2((good / handled) * 100) };
    })
    .filter((r) => r.headline.received + r.headline.settled + r.headline.inProgress > 0)
    .sort((a, b) => b.late - a.late || collator.compare(a.label, b.label));
}

/**
 * The period's flows by dimension, the 12 months' flows, and the stock at the end of the period
 * and of each month, from the pre-aggregate (folded first: see indicators.aggregate.ts).
 */
async function aggregates(db: Database, unitId: string, period: Period, filters: Filters, now: Date) {
  await refreshAggregate(db);
  const months = monthsBack(period.to, TREND_MONTHS);
  // The last month ends with the period: its stock is the period's.
  const [flows, monthFlows, stock] = await Promise.all([
    flowRows(db.db, unitId, period.from, period.to, filters, false),
    flowRows(db.db, unitId, months[0]!.from, period.to, filters, true),
    stocks(db.db, unitId, period, months.slice(0, -1), filters, now),
  ]);
  const periodStocks = stock.atEnd;
  const t = emptyTally();
  for (const r of flows) addFlow(t, r);
  for (const r of periodStocks) addStock(t, r);
  const monthly = months.map((p, i) => {
    const mt = emptyTally();
    for (const r of monthFlows) if (r.bucket === p.from.slice(0, 7)) addFlow(mt, r);
    for (const r of i === months.length - 1 ? periodStocks : (stock.months.get(p.from) ?? [])) addStock(mt, r);
    return { period: p, t: mt };
  });
  return { t, flows, periodStocks, monthly };
}

async function trendOf(monthly: { period: Period; t: Tally }[], score: (t: Tally, p: Period) => Promise<{ total: number }>) {
  const out = [];
  for (const { period: p, t } of monthly) out.push({ ...p, label: `${p.from.slice(5, 7)}/${p.from.slice(0, 4)}`, headline: headline(t), index: (await score(t, p)).total });
  return out;
}

/**
 * Scores a tally by the rule in force on the period's last day, with the entries valid that day and
 * the feedback reports of the period (any period within `span`).
 */
async function scorer(ex: Executor, unitId: string, span: Period, now: Date) {
  const { start, end } = periodBounds(span);
  const [versions, catalogue, reports, entered] = await Promise.all([ruleVersions(ex), catalogueFacts(ex), feedbackFactsOf(ex, unitId, { from: start, to: end }), manualInputsIn(ex, unitId, span)]);
  const inputs = (day: IsoDate) => inputsOn(entered, day);
  const ingredients = (t: Tally, p: Period) => {
    const b = periodBounds(p);
    return ingredientsOf(t, catalogue, feedbackIndicators(reports, { from: b.start, to: b.end }, now));
  };
  const score = async (t: Tally, p: Period) => scoreIndex(indexRuleInForce(versions, p.to), ingredients(t, p), inputs(p.to));
  return Object.assign(score, { ingredients });
}

/** The span a report's period and its 12-month trend cover. */
const spanOf = (period: Period): Period => {
  const first = monthsBack(period.to, TREND_MONTHS)[0]!.from;
  return { from: first < period.from ? first : period.from, to: period.to };
};

/** The leaders' report: headline, tally, ingredients, the index in both views, breakdowns, a 12-month trend. */
export async function report(db: Database, unitId: string, period: Period, filters: Filters, now: Date) {
  const ex = db.db;
  const [{ t, flows, periodStocks, monthly }, score, names] = await Promise.all([aggregates(db, unitId, period, filters, now), scorer(ex, unitId, spanOf(period), now), labels(ex, unitId)]);
  return {
    period,
    asOf: formatVn(now),
    headline: headline(t),
    tally: t,
    ingredients: score.ingredients(t, period),
    index: await score(t, period),
    breakdowns: {
      procedures: breakdown(flows, periodStocks, (d) => d.procedureCode, (k) => `${k} · ${names.procedures.get(k ?? '') ?? ''}`),
      fields: breakdown(flows, periodStocks, (d) => d.field, (k) => k ?? ''),
      officials: breakdown(flows, periodStocks, (d) => d.assigneeId, (k) => (k && names.officials.get(k)) || 'Chưa phân công / unassigned'),
      channels: breakdown(flows, periodStocks, (d) => d.channel, (k) => k ?? ''),
    },
    trend: await trendOf(monthly, score),
  };
}

/** The public transparency page: no personal data (codes and procedures only). */
export async function publicReport(db: Database, unitId: string, unitName: string, period: Period, now: Date, latePage: { offset: number; limit: number }) {
  const ex = db.db;
  const figures = aggregates(db, unitId, period, {}, now);
  const [{ t, monthly }, score, late] = await Promise.all([
    figures,
    scorer(ex, unitId, spanOf(period), now),
    lateDossiersPage(ex, unitId, period, asOfOf(period, now), latePage, figures.then((f) => f.t.settled.late)),
  ]);
  const index = await score(t, period);
  return {
    unit: unitName,
    period,
    asOf: formatVn(now),
    headline: headline(t),
    index: { total: index.total, max: index.max, rule: index.rule, groups6: index.groups6 },
    trend: await trendOf(monthly, score),
    lateTotal: late.total,
    lateOffset: latePage.offset,
    late: late.items.map((d) => ({
      code: d.code,
      procedureName: d.procedureName,
      dueAt: formatVn(d.dueAt),
      finishedAt: d.finishedAt ? formatVn(d.finishedAt) : null,
      apology: d.extension ? { newDueAt: formatVn(new Date(d.extension.dueAt)), onTime: d.extension.apologyOnTime } : null,
    })),
  };
}

const FIGURE_TEST: Record<Figure, (c: ReturnType<typeof addToTally>, d: DossierFact, receivedHere: boolean) => boolean> = {
  received: (_c, _d, r) => r,
  received_online: (_c, d, r) => r && d.channel === 'online',
  settled: (c) => c.kind === 'settled',
  settled_early: (c) => c.kind === 'settled' && c.timeliness === 'early',
  settled_on_time: (c) => c.kind === 'settled' && c.timeliness === 'on_time',
  settled_late: (c) => c.kind === 'settled' && c.timeliness === 'late',
  extended: (c, d) => c.kind === 'settled' && d.extension !== null,
  in_progress: (c) => c.kind === 'in_progress',
  overdue: (c) => c.kind === 'in_progress' && c.state === 'overdue',
  waiting: (c) => c.kind === 'in_progress' && c.state === 'waiting',
  closed: (c) => c.kind === 'closed',
};

/** The dossiers behind one figure of the report (drill-down). */
export async function drill(ex: Executor, unitId: string, q: z.infer<typeof DrillQuery>, cal: WorkingCalendar, now: Date) {
  const period = resolvePeriod(q, now);
  const l = await load(ex, unitId, period.from, period.to, cal, now);
  const { start, end } = periodBounds(period);
  const asOf = now < end ? now : end;
  const items = applyFilters(l.facts, q)
    .filter((d) => {
      const t = emptyTally();
      const c = addToTally(t, d, { unitId, period, cal, now });
      return FIGURE_TEST[q.figure](c, d, t.received.total === 1 && d.receivedAt !== null && d.receivedAt >= start && d.receivedAt < asOf);
    })
    .map((d) => ({
      code: d.code,
      procedureName: d.procedureName,
      channel: d.channel,
      assigneeName: d.assigneeName,
      receivedAt: d.receivedAt ? formatVn(d.receivedAt) : null,
      dueAt: d.dueAt ? formatVn(d.dueAt) : null,
      finishedAt: d.finishedAt ? formatVn(d.finishedAt) : null,
      extended: d.extension !== null,
    }))
    .sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? '') || a.code.localeCompare(b.code));
  return { figure: q.figure, period, items };
}

/** What costs points right now, dossier by dossier and by official (the handling unit's dossiers). */
export async function atRisk(ex: Executor, unitId: string, cal: WorkingCalendar, now: Date) {
  const today = vnDateOf(now);
  const l = await load(ex, unitId, addDays(today, -31), today, cal, now);
  const entries = pointsAtRisk(
    l.facts.filter((d) => d.handlingUnitId === unitId),
    cal,
    now,
  );
  return {
    asOf: formatVn(now),
    items: entries.map((e) => ({ code: e.code, procedureName: e.procedureName, assigneeName: e.assigneeName, dueAt: e.dueAt ? formatVn(e.dueAt) : null, reasons: e.reasons, items: [...new Set(e.reasons.map((r) => RISK_ITEM[r]))] })),
    officials: riskByOfficial(entries),
  };
}

export async function rulesState(ex: Executor, now: Date) {
  const versions = await ruleVersions(ex);
  const inForce = indexRuleInForce(versions, vnDateOf(now));
  return {
    inForce: { version: inForce.version, effectiveFrom: inForce.effectiveFrom, basis: inForce.basis, rule: inForce.rule },
    versions: versions.map((v) => ({ version: v.version, effectiveFrom: v.effectiveFrom, basis: v.basis, createdBy: v.createdBy, createdAt: v.createdAt })),
  };
}

export interface RequestContext {
  requestId: string;
  ip: string;
}

/**
 * Saves a new version of the index rule, in force from today or later (a past period keeps the
 * score it had).
 * @throws AppError FORBIDDEN (not the deployment's unit admin), VALIDATION_FAILED (a past date).
 */
export async function saveRule(db: Database, actor: Actor | null, unitId: string, input: z.infer<typeof RuleBody>, now: Date, ctx: RequestContext) {
  const user = authorize(actor, 'indicators.rule_edit', { unitId });
  if (input.effectiveFrom < vnDateOf(now)) {
    throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'effectiveFrom', message: 'Không đặt hiệu lực về quá khứ / a rule cannot take effect in the past' }] });
  }
  await db.transaction(async (tx) => {
    const version = await insertRule(tx, input, user.id, now);
    await audit(tx, { actorId: user.id, action: 'indicator_rule_edit', entityType: 'indicator', entityId: String(version), details: { effectiveFrom: input.effectiveFrom, basis: input.basis }, ...ctx }, now);
  });
}

/**
 * Records an ingredient the platform cannot compute, with its source.
 * @throws AppError FORBIDDEN when the actor may not enter the unit's figures.
 */
export async function enterInput(db: Database, actor: Actor | null, unitId: string, input: z.infer<typeof InputBody>, now: Date, ctx: RequestContext) {
  const user = authorize(actor, 'indicators.enter', { unitId });
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await insertInput(tx, { id, unitId, itemKey: input.itemKey, periodFrom: input.periodFrom, periodTo: input.periodTo, rate: input.percent / 100, source: input.source }, user.id, now);
    await audit(tx, { actorId: user.id, action: 'indicator_input', entityType: 'indicator', entityId: input.itemKey, details: { ...input }, ...ctx }, now);
  });
  return id;
}

