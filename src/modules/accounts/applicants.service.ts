import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { maybeOne, type Database, type Executor } from '../../db/client.ts';
import { checkAgainstCccd, identityMismatches, type PersonFacts } from '../../domain/applicant-identity.ts';
import { AppError } from '../../domain/errors.ts';
import { maskPhone, validateCccd, validateMst, validateVnPhone } from '../../domain/identifiers.ts';
import { nfc, searchKey } from '../../domain/text.ts';
import { audit } from '../audit/audit.ts';
import { USER_SELECT, findUser, type UserRow } from './accounts.service.ts';

/** The person in front of a reception officer, as typed at the desk. */
export interface DeskApplicant {
  kind: 'citizen' | 'business';
  fullName: string;
  cccd?: string | undefined;
  mst?: string | undefined;
  birthYear?: number | undefined;
  gender?: 'male' | 'female' | undefined;
  /** Needed for a new applicant, or one whose record has no phone. */
  phone?: string | undefined;
  email?: string | undefined;
  address?: string | undefined;
}

/**
 * Finds the applicant a reception officer serves at the desk by CCCD/MST, or creates them
 * (without a password: they may claim the account online later). A citizen on record is filed
 * for only if the name, birth year and gender given agree with the record (applicant-identity.ts):
 * a different name is a different person, and the desk must not attach their dossier to someone
 * else's account. Birth year and gender come from the CCCD number itself.
 *
 * The record is never changed here (its phone is what sign-in verification trusts); a phone
 * given for a record that has none is used as this dossier's contact.
 * @throws AppError CCCD_INVALID, MST_INVALID, PHONE_INVALID, APPLICANT_IDENTITY_MISMATCH
 */
export async function findOrCreateApplicant(tx: Executor, a: DeskApplicant, now: Date): Promise<UserRow> {
  const phone = a.phone?.trim() ? validateVnPhone(a.phone) : null;
  if (phone && !phone.ok) throw new AppError('PHONE_INVALID', { field: 'applicant.phone' });
  let login: string;
  const given: Partial<PersonFacts> = { fullName: a.fullName };
  if (a.kind === 'citizen') {
    const c = validateCccd(a.cccd ?? '', { birthYear: a.birthYear, gender: a.gender });
    if (!c.ok) throw new AppError('CCCD_INVALID', { field: 'applicant.cccd', reason: c.reason });
    login = c.normalized;
    Object.assign(given, { birthYear: c.birthYear, gender: c.gender });
  } else {
    const m = validateMst(a.mst ?? '');
    if (!m.ok) throw new AppError('MST_INVALID', { field: 'applicant.mst', reason: m.reason });
    login = m.normalized;
  }
  const existing = await maybeOne<UserRow>(tx, sql`${USER_SELECT} where u.login = ${login} and u.kind <> 'staff'`);
  if (existing) {
    // A business is its tax code: its name is written many ways (HKD, Hộ kinh doanh…), the record's is used.
    if (existing.kind === 'citizen') {
      const wrong = identityMismatches({ fullName: existing.full_name, birthYear: existing.birth_year, gender: existing.gender }, given);
      if (wrong.length) throw new AppError('APPLICANT_IDENTITY_MISMATCH', { field: `applicant.${wrong[0]}`, fields: wrong.map((f) => `applicant.${f}`) });
    }
    return { ...existing, phone: existing.phone ?? (phone?.ok ? phone.normalized : null) };
  }
  if (!phone?.ok) throw new AppError('PHONE_INVALID', { field: 'applicant.phone' });
  const id = randomUUID();
  const fullName = nfc(a.fullName);
  await tx.execute(sql`
    insert into users (id, kind, login, full_name, name_search, cccd, mst, birth_year, gender, phone, email, address, created_at)
    values (${id}, ${a.kind}, ${login}, ${fullName}, ${searchKey(fullName)}, ${a.kind === 'citizen' ? login : null},
            ${a.kind === 'business' ? login : null}, ${given.birthYear ?? null}, ${given.gender ?? null}, ${phone.normalized},
            ${a.email ?? null}, ${a.address ?? null}, ${now.toISOString()})`);
  return (await findUser(tx, id))!;
}

/** What a desk may learn of a citizen from their CCCD: enough to start a dossier, no more. */
export interface CitizenSummary {
  fullName: string;
  phoneMasked: string | null;
  /** The record's birth year and gender against those the number encodes (the values are not shown). */
  checks: ReturnType<typeof checkAgainstCccd>;
}

/**
 * Looks a citizen up by CCCD for a reception officer of any unit, and records the look-up in the
 * audit log in the same transaction.
 * @throws AppError CCCD_INVALID, USER_NOT_FOUND
 */
export async function lookupCitizen(
  database: Database,
  actorId: string,
  cccd: string,
  now: Date,
  ctx: { requestId: string; ip: string },
): Promise<CitizenSummary> {
  const c = validateCccd(cccd);
  if (!c.ok) throw new AppError('CCCD_INVALID', { field: 'cccd', reason: c.reason });
  return database.transaction(async (tx) => {
    const found = await maybeOne<UserRow>(tx, sql`${USER_SELECT} where u.cccd = ${c.normalized} and u.kind = 'citizen'`);
    if (!found) throw new AppError('USER_NOT_FOUND');
    await audit(tx, { actorId, action: 'lookup_citizen', entityType: 'user', entityId: found.id, ...ctx }, now);
    return {
      fullName: found.full_name,
      phoneMasked: found.phone ? maskPhone(found.phone) : null,
      checks: checkAgainstCccd({ birthYear: found.birth_year, gender: found.gender }, c),
    };
  });
}
