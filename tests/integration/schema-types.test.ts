import { readFileSync } from 'node:fs';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaTypes } from '../../src/db/schema-types.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

// The row types the code is checked against (src/db/schema.generated.ts, src/db/rows.check.ts)
// are the migrated schema's, on either database.

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('generated row types', () => {
  it('src/db/schema.generated.ts is what the migrations make (else: npm run db:types)', async () => {
    const committed = readFileSync(new URL('../../src/db/schema.generated.ts', import.meta.url), 'utf8');
    const fromDatabase = await schemaTypes(t.database.db);
    expect(fromDatabase === committed, 'src/db/schema.generated.ts is out of date: run `npm run db:types` and commit it').toBe(true);
  });

  it('a CHECK list and a domain become unions; int8 is typed as either driver returns it', async () => {
    const text = await schemaTypes(t.database.db);
    expect(text).toContain("    channel: 'online' | 'in_person' | 'post';");
    expect(text).toMatch(/ {4}status: 'submitted' \| 'received' \| /);
    expect(text).toMatch(/audit_log: \{\n {4}id: number \| string;/);
  });
});

// Migration 0035: the text columns that hold one of the domain's lists refuse anything else
// (src/db/constraints.check.ts keeps each list the domain constant's). Each write is good but for
// the one value, and is rolled back.
describe('the database refuses a value outside a closed list', () => {
  const staff = sql`(select id from users where kind = 'staff' order by login limit 1)`;
  const unit = sql`(select id from units order by code limit 1)`;
  const refused = async (write: SQL): Promise<string | null> => {
    const error = await t.database.transaction(async (tx) => {
      await tx.execute(write);
      throw new Error('accepted');
    }).catch((e: unknown) => e as { message?: string; code?: string; cause?: { code?: string; message?: string } });
    const code = error.code ?? error.cause?.code;
    return code === '23514' ? (/"(\w+_(?:check|known))"/.exec(`${error.message} ${error.cause?.message ?? ''}`)?.[1] ?? 'unnamed') : (error.message ?? null);
  };

  it.each([
    ['users.roles', 'users_roles_check', sql`update users set roles = array['leader', 'mayor'] where id = ${staff}`],
    ['interop_systems.scopes', 'interop_systems_scopes_check', sql`insert into interop_systems (id, unit_id, code, name, kind, scopes, created_at)
      values (gen_random_uuid(), ${unit}, 'check-0035', 'Thử', 'unit_system', array['dossiers.read', 'dossiers.delete'], now())`],
    ['notification_preferences.channels', 'notification_preferences_channels_check', sql`insert into notification_preferences (user_id, channels, locale, updated_at) values (${staff}, array['fax'], 'vi', now())`],
    ['notifications.event', 'notification_event_known', sql`insert into notifications (id, user_id, event, title_vi, body_vi, title_en, body_en, created_at)
      values (gen_random_uuid(), ${staff}, 'dossier.lost', 'a', 'b', 'c', 'd', now())`],
    ['notification_templates.event', 'notification_event_known', sql`insert into notification_templates (event, version, effective_from, texts, created_at) values ('dossier.lost', 1, '2026-01-01', '{}', now())`],
    ['feedback_reports.category', 'feedback_reports_category_check', sql`insert into feedback_reports (id, unit_id, code, category, description, public_description, status, channel, received_at, forward_due_at, due_at, updated_at)
      values (gen_random_uuid(), ${unit}, 'PA-CHECK-0035', 'potholes', 'x', 'x', 'received', 'open311', now(), now(), now(), now())`],
  ])('%s (%s)', async (_column, constraint, write) => {
    expect(await refused(write)).toBe(constraint);
  });

  it('accepts the lists’ own values (the same writes, good)', async () => {
    expect(await refused(sql`update users set roles = array['leader', 'specialist'] where id = ${staff}`)).toBe('accepted');
    expect(await refused(sql`insert into notification_preferences (user_id, channels, locale, updated_at) values (${staff}, array['sms', 'zalo'], 'vi', now())
      on conflict (user_id) do update set channels = excluded.channels`)).toBe('accepted');
  });
});

