import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { maybeOne, rows, type Database, type Executor } from '../../db/client.ts';
import { toDate } from '../../db/time.ts';
import { formatVn } from '../../domain/calendar/index.ts';
import { AppError } from '../../domain/errors.ts';
import { RoutingRuleSchema, ResponseTemplateSchema, type RoutingSave, type TemplatesSave } from '../../domain/feedback-contract.ts';
import { DEFAULT_ROUTING, RESPONSE_TEMPLATES, type ResponseTemplate, type RoutingRule } from '../../domain/feedback.ts';
import type { Actor } from '../../domain/policy.ts';
import { audit } from '../audit/audit.ts';
import type { RequestContext } from './feedback.service.ts';
import type { Computed, RowOf } from '../../db/rows.ts';

type Kind = 'routing' | 'templates' | 'areas';
export interface VersionRow {
  kind: Kind;
  version: number;
  data: unknown;
  note: string;
  saved_by: string | null;
  created_at: string;
}
interface Meta {
  version: number;
  savedBy: string | null;
  savedAt: string | null;
  note: string;
}
export interface FeedbackSettingsInForce {
  routing: Meta & { rules: RoutingRule[] };
  templates: Meta & { items: ResponseTemplate[] };
}

const metaOf = (r: VersionRow | undefined): Meta =>
  r ? { version: r.version, savedBy: r.saved_by, savedAt: formatVn(toDate(r.created_at)), note: r.note } : { version: 0, savedBy: null, savedAt: null, note: '' };

const SELECT = sql`select s.kind, s.version, s.data, s.note, u.full_name as saved_by, s.created_at
  from feedback_settings_versions s left join users u on u.id = s.created_by`;

/**
 * The routing table and response templates in force for a unit: the latest saved version of
 * each, or the defaults of src/domain/feedback.ts (version 0). Data is validated again on read.
 */
export async function settingsInForce(ex: Executor, unitId: string): Promise<FeedbackSettingsInForce> {
  const latest = await rows<VersionRow>(
    ex,
    sql`${SELECT} where s.unit_id = ${unitId} and s.kind in ('routing', 'templates')
          and s.version = (select max(x.version) from feedback_settings_versions x where x.unit_id = s.unit_id and x.kind = s.kind)`,
  );
  const routing = latest.find((r) => r.kind === 'routing');
  const templates = latest.find((r) => r.kind === 'templates');
  return {
    routing: { ...metaOf(routing), rules: routing ? RoutingRuleSchema.array().parse(routing.data) : [...DEFAULT_ROUTING] },
    templates: { ...metaOf(templates), items: templates ? ResponseTemplateSchema.array().parse(templates.data) : [...RESPONSE_TEMPLATES] },
  };
}

/** The saves of a unit, newest first (who, when, why). */
export async function settingsHistory(ex: Executor, unitId: string, limit = 30) {
  const list = await rows<VersionRow>(ex, sql`${SELECT} where s.unit_id = ${unitId} and s.kind in ('routing', 'templates') order by s.created_at desc, s.version desc limit ${limit}`);
  return list.map((r) => ({ kind: r.kind as 'routing' | 'templates', ...metaOf(r) }));
}

/**
 * Saves a new version of the routing table or the templates, if `body.version` is still the one
 * in force; the audit entry in the same transaction.
 * @throws AppError FEEDBACK_SETTINGS_CONFLICT, VALIDATION_FAILED (a department not of the unit)
 */
export async function saveSettings(
  database: Database,
  actor: Actor & { id: string },
  unitId: string,
  change: { kind: 'routing'; body: RoutingSave } | { kind: 'templates'; body: TemplatesSave },
  now: Date,
  ctx: RequestContext,
): Promise<void> {
  await database.transaction(async (tx) => {
    if (change.kind === 'routing') {
      const known = new Set((await rows<RowOf<'departments', { code: string }>>(tx, sql`select code from departments where unit_id = ${unitId}`)).map((d) => d.code));
      const unknown = change.body.rules.map((r, i) => ({ r, i })).filter(({ r }) => !known.has(r.department));
      if (unknown.length) {
        throw new AppError('VALIDATION_FAILED', {
          issues: unknown.map(({ r, i }) => ({ path: `rules.${i}.department`, message: `Không có phòng ban mã ${r.department} / no department coded ${r.department}` })),
        });
      }
    }
    const current = await maybeOne<Computed<{ v: number }>>(tx, sql`select coalesce(max(version), 0)::int as v from feedback_settings_versions where unit_id = ${unitId} and kind = ${change.kind}`);
    if ((current?.v ?? 0) !== change.body.version) throw new AppError('FEEDBACK_SETTINGS_CONFLICT');
    const version = change.body.version + 1;
    const data = change.kind === 'routing' ? change.body.rules : change.body.items;
    // Two admins saving at once: the unique (unit, kind, version) lets one in, the other hears of it.
    const inserted = await maybeOne<RowOf<'feedback_settings_versions', { id: string }>>(
      tx,
      sql`insert into feedback_settings_versions (id, unit_id, kind, version, data, note, created_by, created_at)
          values (${randomUUID()}, ${unitId}, ${change.kind}, ${version}, ${JSON.stringify(data)}::jsonb, ${change.body.note}, ${actor.id}, ${now.toISOString()})
          on conflict (unit_id, kind, version) do nothing returning id`,
    );
    if (!inserted) throw new AppError('FEEDBACK_SETTINGS_CONFLICT');
    await audit(tx, { actorId: actor.id, action: 'feedback_settings_save', entityType: 'feedback', entityId: `settings:${change.kind}:${version}`, details: { kind: change.kind, version, note: change.body.note }, ...ctx }, now);
  });
}
