import { sql } from 'drizzle-orm';
import { maybeOne, rows, type Executor } from '../../db/client.ts';
import { handleCache } from '../../db/handle-cache.ts';
import { toDate } from '../../db/time.ts';
import { AppError } from '../../domain/errors.ts';
import { templateProblems, type NotificationEvent, type TemplateTexts } from '../../domain/notifications.ts';
import { DEFAULT_TEMPLATES } from './notifications.defaults.ts';
import type { Computed } from '../../db/rows.ts';


export interface TemplateVersion {
  event: NotificationEvent;
  /** 0: the built-in text (no version saved, or none in force yet on that date). */
  version: number;
  effectiveFrom: string | null;
  texts: TemplateTexts;
  createdAt: Date | null;
  createdBy: string | null;
}

export interface Row {
  event: NotificationEvent;
  version: number;
  effective_from: string;
  texts: TemplateTexts;
  created_at: string;
  created_by_name: string | null;
}

const present = (r: Row): TemplateVersion => ({
  event: r.event,
  version: r.version,
  effectiveFrom: String(r.effective_from).slice(0, 10),
  texts: r.texts,
  createdAt: toDate(r.created_at),
  createdBy: r.created_by_name,
});

const builtIn = (event: NotificationEvent): TemplateVersion => ({
  event,
  version: 0,
  effectiveFrom: null,
  texts: DEFAULT_TEMPLATES[event],
  createdAt: null,
  createdBy: null,
});

const SELECT = sql`select t.event, t.version, t.effective_from::text as effective_from, t.texts, t.created_at, u.full_name as created_by_name
  from notification_templates t left join users u on u.id = t.created_by`;

/** The texts in force on `date` (YYYY-MM-DD, Vietnam): the highest version effective by then, else the built-in one. */
export async function templateInForce(ex: Executor, event: NotificationEvent, date: string): Promise<TemplateVersion> {
  const row = await maybeOne<Row>(ex, sql`${SELECT} where t.event = ${event} and t.effective_from <= ${date} order by t.version desc limit 1`);
  return row ? present(row) : builtIn(event);
}

/**
 * templateInForce as a scalar sub-query (its row as JSON, or null), for a statement that reads it
 * with other facts; read the answer with templateOf.
 */
export const templateInForceJson = (event: NotificationEvent, date: string) =>
  sql`(select row_to_json(x) from (${SELECT} where t.event = ${event} and t.effective_from <= ${date} order by t.version desc limit 1) x)`;
export const templateOf = (event: NotificationEvent, row: Row | null): TemplateVersion => (row ? present(row) : builtIn(event));
export type TemplateRow = Row;

// Nearly every notice reads the template in force: each instance keeps the row it read for 30 s
// (src/db/handle-cache.ts). A version saved on this instance clears them at once (saveTemplate, and
// its route again after the commit); other instances see it within 30 s.
const templateCache = handleCache<Row | null>(30_000);
export const forgetTemplates = () => templateCache.forget();
/** The generation to pass to rememberTemplateRow: take it before the read. */
export const templateCacheGeneration = () => templateCache.since();

/** The row in force on `date` read lately through `ex` (null: the built-in text), or undefined when not known. */
export const cachedTemplateRow = (ex: Executor, event: NotificationEvent, date: string): Row | null | undefined =>
  templateCache.get(ex, `${event}|${date}`);

/** Keeps a row read through `ex` since `generation` (templateCacheGeneration) as the one in force on `date`. */
export const rememberTemplateRow = (ex: Executor, event: NotificationEvent, date: string, row: Row | null, generation: number): void =>
  templateCache.set(ex, `${event}|${date}`, row, generation);

/** Every saved version of a template, newest first, then the built-in one. */
export async function templateVersions(ex: Executor, event: NotificationEvent): Promise<TemplateVersion[]> {
  const list = await rows<Row>(ex, sql`${SELECT} where t.event = ${event} order by t.version desc`);
  return [...list.map(present), builtIn(event)];
}

/**
 * Saves a new version of a template, in force from `effectiveFrom` (today or later: a saved
 * version never changes what was already sent, and a future one leaves today's text in force).
 * @throws AppError NOTIFICATION_TEMPLATE_INVALID with every problem (unknown or missing facts, internal codes, too long an SMS);
 *   NOTIFICATION_TEMPLATE_DATE_PAST when `effectiveFrom` is before today.
 */
export async function saveTemplate(
  tx: Executor,
  o: { event: NotificationEvent; texts: TemplateTexts; effectiveFrom: string; today: string; by: string; now: Date },
): Promise<TemplateVersion> {
  if (o.effectiveFrom < o.today) throw new AppError('NOTIFICATION_TEMPLATE_DATE_PAST', { effectiveFrom: o.effectiveFrom, today: o.today });
  const problems = templateProblems(o.event, o.texts);
  if (problems.length) throw new AppError('NOTIFICATION_TEMPLATE_INVALID', { problems });
  // Two admins saving at once take numbers one after the other.
  await tx.execute(sql`lock table notification_templates in share row exclusive mode`);
  const next = await maybeOne<Computed<{ n: number }>>(tx, sql`select coalesce(max(version), 0) + 1 as n from notification_templates where event = ${o.event}`);
  await tx.execute(sql`
    insert into notification_templates (event, version, effective_from, texts, created_by, created_at)
    values (${o.event}, ${next!.n}, ${o.effectiveFrom}, ${JSON.stringify(o.texts)}::jsonb, ${o.by}, ${o.now.toISOString()})`);
  const saved = await maybeOne<Row>(tx, sql`${SELECT} where t.event = ${o.event} and t.version = ${next!.n}`);
  forgetTemplates();
  return present(saved!);
}
