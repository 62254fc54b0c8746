/**
 * The form templates in force: built-in versions (src/domain/form-templates.ts) and the unit
 * admin's versions, stored as law-as-data in `settings` (key `form_template:<number>`, one row per
 * date it takes effect). A form uses the version in force on its own date.
 */
import { sql } from 'drizzle-orm';
import { rows, type Executor } from '../../db/client.ts';
import { vnDateOf } from '../../domain/calendar/index.ts';
import { AppError } from '../../domain/errors.ts';
import { FORM_NUMBERS, defaultTemplate, templateInForce, templateProblems, textKeys, type FormNumber, type FormTemplate } from '../../domain/form-templates.ts';
import type { Computed, RowOf } from '../../db/rows.ts';

const keyOf = (n: FormNumber) => `form_template:${n}`;

/** Every saved version of a form, oldest first. */
export async function savedVersions(ex: Executor, number: FormNumber): Promise<(FormTemplate & { updatedAt: string; updatedBy: string | null })[]> {
  const saved = await rows<RowOf<'settings', { value: FormTemplate; updated_at: string }> & Computed<{ updated_by: string | null }>>(
    ex,
    sql`select s.value, s.updated_at, u.full_name as updated_by from settings s left join users u on u.id = s.updated_by
        where s.key = ${keyOf(number)} order by s.effective_from`,
  );
  return saved.map((r) => ({ ...r.value, updatedAt: new Date(r.updated_at).toISOString(), updatedBy: r.updated_by }));
}

/** The version of form `number` in force on the Vietnam date of `at`. */
export async function templateFor(ex: Executor, number: FormNumber, at: Date): Promise<FormTemplate> {
  return templateInForce(number, await savedVersions(ex, number), vnDateOf(at));
}

/** Every form: the built-in version, the saved ones, the one in force today and its sentence keys. */
export async function listTemplates(ex: Executor, now: Date) {
  const out = [];
  for (const number of FORM_NUMBERS) {
    const versions = await savedVersions(ex, number);
    out.push({ number, builtIn: defaultTemplate(number), versions, inForce: templateInForce(number, versions, vnDateOf(now)), textKeys: textKeys(number) });
  }
  return out;
}

/**
 * Saves a version of a form taking effect on `t.effectiveFrom` (replacing one saved for that same date).
 * @throws AppError VALIDATION_FAILED for sentences the form does not have
 */
export async function saveTemplate(tx: Executor, t: FormTemplate, by: string, now: Date): Promise<void> {
  const problems = templateProblems(t);
  if (problems.length) throw new AppError('VALIDATION_FAILED', { issues: problems.map((message) => ({ path: 'texts', message })) });
  const value = { ...t, title: t.title.normalize('NFC'), legalBasis: t.legalBasis.normalize('NFC'), texts: Object.fromEntries(Object.entries(t.texts).map(([k, v]) => [k, v.normalize('NFC')])) };
  await tx.execute(sql`
    insert into settings (key, effective_from, value, updated_by, updated_at)
    values (${keyOf(t.number)}, ${t.effectiveFrom}, ${JSON.stringify(value)}::jsonb, ${by}, ${now.toISOString()})
    on conflict (key, effective_from) do update set value = excluded.value, updated_by = excluded.updated_by, updated_at = excluded.updated_at`);
}
