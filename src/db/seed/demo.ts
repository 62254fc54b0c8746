import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { maybeOne, rows, type Database, type Executor } from '../client.ts';
import { searchKey } from '../../domain/text.ts';
import { vnDateOf } from '../../domain/calendar/index.ts';
import { saveProcedureVersion } from '../../modules/procedures/procedures.service.ts';
import type { ProcedureDefinition } from '../../domain/procedure.ts';
import { correctionNote, plainLegalBasis, wardCorrections, wardProcedureCodes, wardProcedureDefinitions } from './procedures.ts';
import { twoFactorRequired } from '../../domain/policy.ts';
import { serverKeys } from '../../server/secrets.ts';
import { seedProjects } from './projects.ts';
import { seedDemoPortal } from '../../modules/interop/interop.demo.ts';
import { demoPasswordHash } from './demo-password.ts';

export * from './demo-accounts.ts';
import { DEMO_ACCOUNTS, DEMO_BUSINESS, DEMO_CITIZEN, DEMO_CITIZEN_2, DEMO_TOTP_SECRET, OTHER_UNIT_CODE } from './demo-accounts.ts';
import type { Computed, RowOf } from '../rows.ts';

const DEPARTMENTS = [
  ['MOTCUA', 'Bộ phận Một cửa (Trung tâm Phục vụ hành chính công phường)'],
  ['VHXH', 'Phòng Văn hóa - Xã hội'],
  ['KTHTDT', 'Phòng Kinh tế, Hạ tầng và Đô thị'],
  ['VANPHONG', 'Văn phòng HĐND và UBND phường'],
] as const;

/** The catalogue of real ward procedures; seeded in every mode when the catalogue is empty. */
export async function seedCatalogue(tx: Executor, now: Date): Promise<number> {
  const any = await maybeOne<RowOf<'procedures', { code: string }>>(tx, sql`select code from procedures limit 1`);
  if (any) return 0;
  const defs = wardProcedureDefinitions();
  for (const def of defs) await saveProcedureVersion(tx, def, { effectiveFrom: vnDateOf(now), userId: null, now });
  return defs.length;
}

/**
 * Brings a catalogue seeded before the corrections up to date: each seeded procedure whose latest
 * version still has the source's applicant (data/ward-procedures.corrections.json), or a legal
 * basis with a remark about the source (`plainLegalBasis`), gets a new version with the corrected
 * values, in force today, the reasons added to the officials' notes. An applicant an official has
 * since set to anything else is left alone. Runs at every start; does nothing once applied.
 */
export async function correctSeededCatalogue(tx: Executor, now: Date): Promise<string[]> {
  const corrections = new Map(wardCorrections().map((c) => [c.code, c]));
  const codes = wardProcedureCodes();
  // The latest version of every seeded procedure, in one query (this runs at every start).
  const latest = await rows<RowOf<'procedure_versions', { definition: ProcedureDefinition }> & Computed<{ code: string }>>(
    tx,
    sql`select distinct on (procedure_code) procedure_code as code, definition from procedure_versions
         where procedure_code in (select json_array_elements_text(${JSON.stringify(codes)}::json)) order by procedure_code, version desc`,
  );
  const byCode = new Map(latest.map((r) => [r.code, r.definition]));
  const done: string[] = [];
  for (const code of codes) {
    const def = byCode.get(code);
    if (!def) continue;
    const notes = [def.notes];
    let applicant = def.applicant;
    const c = corrections.get(code);
    // Corrected once, then set back by an official: theirs to decide.
    if (c && def.applicant === c.applicant.from && !def.notes.includes(correctionNote(c))) {
      applicant = c.applicant.to;
      notes.push(correctionNote(c));
    }
    const basis = plainLegalBasis(def.legalBasis);
    notes.push(...basis.remarks);
    if (applicant === def.applicant && basis.remarks.length === 0) continue;
    const next = { ...def, applicant, legalBasis: basis.legalBasis, notes: notes.filter(Boolean).join(' ') };
    await saveProcedureVersion(tx, next, { effectiveFrom: vnDateOf(now), userId: null, now });
    done.push(code);
  }
  return done;
}

/** The unit this deployment serves (from UNIT_CODE / UNIT_NAME); created at first start. */
export async function seedUnit(tx: Executor, unit: { code: string; name: string; parentName: string }) {
  const existing = await maybeOne<RowOf<'units', { id: string }>>(tx, sql`select id from units where code = ${unit.code}`);
  if (existing) return existing.id;
  let parentId: string | null = null;
  if (unit.parentName) {
    parentId = randomUUID();
    await tx.execute(sql`insert into units (id, code, name) values (${parentId}, ${unit.code + '.P'}, ${unit.parentName})`);
  }
  const id = randomUUID();
  await tx.execute(sql`insert into units (id, code, name, parent_id) values (${id}, ${unit.code}, ${unit.name}, ${parentId})`);
  return id;
}

async function addUser(
  tx: Executor,
  u: { kind: 'staff' | 'citizen' | 'business'; login: string; fullName: string; unitId?: string; departmentId?: string; roles?: readonly string[]; cccd?: string; mst?: string; birthYear?: number; gender?: string; phone?: string; email?: string | null },
  passwordHash: string,
) {
  await tx.execute(sql`
    insert into users (id, kind, login, full_name, name_search, unit_id, department_id, roles, cccd, mst, birth_year, gender, phone, email, address, password_hash)
    values (${randomUUID()}, ${u.kind}, ${u.login}, ${u.fullName}, ${searchKey(u.fullName)}, ${u.unitId ?? null}, ${u.departmentId ?? null},
            ${`{${(u.roles ?? []).join(',')}}`}, ${u.cccd ?? null}, ${u.mst ?? null}, ${u.birthYear ?? null}, ${u.gender ?? null},
            ${u.phone ?? null}, ${u.email ?? null}, ${u.kind === 'staff' ? null : 'Tổ dân phố 5, phường Nông Trang, tỉnh Phú Thọ'}, ${passwordHash})`);
}

const demoSeeded = async (ex: Executor) => (await maybeOne(ex, sql`select 1 from users where login = ${DEMO_ACCOUNTS.reception.login}`)) !== null;

/** Demo departments, one account per role, a second unit for inter-agency transfers, demo applicants. */
export async function seedDemo(tx: Executor, unitId: string, secret: string, now: Date): Promise<boolean> {
  if (await demoSeeded(tx)) return false;
  const hashing = demoPasswordHash();
  const deptIds = new Map<string, string>();
  for (const [code, name] of DEPARTMENTS) {
    const id = randomUUID();
    deptIds.set(code, id);
    await tx.execute(sql`insert into departments (id, unit_id, code, name) values (${id}, ${unitId}, ${code}, ${name})`);
  }
  const otherUnit = randomUUID();
  const otherDept = randomUUID();
  await tx.execute(sql`insert into units (id, code, name) values (${otherUnit}, ${OTHER_UNIT_CODE}, ${'Sở Nông nghiệp và Môi trường tỉnh Phú Thọ (đơn vị demo)'})`);
  await tx.execute(sql`insert into departments (id, unit_id, code, name) values (${otherDept}, ${otherUnit}, 'DATDAI', 'Phòng Quản lý đất đai')`);
  for (const [key, a] of Object.entries(DEMO_ACCOUNTS)) {
    const other = key === 'otherUnitSpecialist';
    await addUser(
      tx,
      { kind: 'staff', login: a.login, fullName: a.fullName, roles: a.roles, unitId: other ? otherUnit : unitId, departmentId: other ? otherDept : a.dept === null ? undefined : deptIds.get(a.dept)! },
      await hashing,
    );
    if (twoFactorRequired({ kind: 'staff', roles: a.roles })) {
      await tx.execute(sql`update users set totp_secret = ${serverKeys(secret).seal(DEMO_TOTP_SECRET)}, totp_enabled_at = ${now.toISOString()}
                           where login = ${a.login}`);
    }
  }
  for (const c of [DEMO_CITIZEN, DEMO_CITIZEN_2]) {
    await addUser(tx, { kind: 'citizen', login: c.cccd, ...c }, await hashing);
  }
  await addUser(tx, { kind: 'business', login: DEMO_BUSINESS.mst, ...DEMO_BUSINESS }, await hashing);
  // The demo's people are fictional: their contacts count as verified, and each official has a
  // mailbox, so the local mail viewer shows every notice (docs/notifications.md).
  const logins = sql.join(
    [...Object.values(DEMO_ACCOUNTS).map((a) => a.login), DEMO_CITIZEN.cccd, DEMO_CITIZEN_2.cccd, DEMO_BUSINESS.mst].map((l) => sql`${l}`),
    sql`, `,
  );
  await tx.execute(sql`update users set email = login || '@nongtrang.example.vn' where kind = 'staff' and email is null and login in (${logins})`);
  await tx.execute(sql`update users set phone_verified_at = case when phone is null then null else now() end,
                                       email_verified_at = case when email is null then null else now() end
                       where login in (${logins})`);
  return true;
}

/**
 * `secret`: the server's (SESSION_SECRET), which seals the demo accounts' authenticator secret.
 * `history`: dossiers of past history written with the demo data when it is first seeded
 * (DEMO_HISTORY; docs/INDICATORS.md "Demo history"), so that the indicators have a year to show.
 */
export async function seed(database: Database, opts: { unit: { code: string; name: string; parentName: string }; demo: boolean; now: Date; secret: string; history?: number }) {
  return database.transaction(async (tx) => {
    // The demo accounts' password hash is made on the thread pool while the catalogue is written.
    if (opts.demo && !(await demoSeeded(tx))) void demoPasswordHash().catch(() => undefined);
    const unitId = await seedUnit(tx, opts.unit);
    const procedures = await seedCatalogue(tx, opts.now);
    await correctSeededCatalogue(tx, opts.now);
    const demo = opts.demo ? await seedDemo(tx, unitId, opts.secret, opts.now) : false;
    const projects = opts.demo ? await seedProjects(tx, unitId, opts.now) : false;
    const portal = opts.demo ? await seedDemoPortal(tx, unitId, opts.secret, opts.now) : false;
    // Only with the demo's first seeding: a deployment that already has dossiers never gets invented ones.
    // Its generator is loaded only then, not at every start.
    const history = demo && opts.history ? await (await import('./history.ts')).seedHistoryIn(tx, opts.unit.code, { dossiers: opts.history, now: opts.now }) : 0;
    return { unitId, procedures, demo, projects, portal, history };
  });
}
