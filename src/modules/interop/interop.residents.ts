import { sql } from 'drizzle-orm';
import { maybeOne, type Database } from '../../db/client.ts';
import { AppError } from '../../domain/errors.ts';
import { audit } from '../audit/audit.ts';
import type { ConnectedSystem } from './interop.systems.ts';
import type { Computed, RowOf } from '../../db/rows.ts';

/** A resident as a connected system may read them: the least that tells who they are. */
export interface ResidentMinimal {
  cccd: string;
  fullName: string;
  birthYear: number | null;
  gender: 'male' | 'female' | null;
  /** Whether they have an account on the ward's portal (they can be told to sign in there). */
  hasAccount: boolean;
}

/**
 * A resident's minimal data by CCCD (GET /interop/residents/:cccd, scope residents.read): name,
 * birth year and gender; never phone, email, address or dossiers. Every call is audited
 * (`interop_resident_read`) with the system, the CCCD asked and the personal data that went out,
 * also when nobody was found.
 * @throws AppError RESIDENT_NOT_FOUND
 */
export async function residentFor(
  database: Database,
  system: ConnectedSystem,
  cccd: string,
  o: { now: Date; requestId: string; ip: string },
): Promise<ResidentMinimal> {
  return database.transaction(async (tx) => {
    const r = await maybeOne<RowOf<'users', { id: string; full_name: string; birth_year: number | null; gender: 'male' | 'female' | null }> & Computed<{ has_password: boolean }>>(
      tx,
      sql`select id, full_name, birth_year, gender, password_hash is not null as has_password from users where kind = 'citizen' and cccd = ${cccd} and not disabled`,
    );
    const out: ResidentMinimal | null = r ? { cccd, fullName: r.full_name, birthYear: r.birth_year, gender: r.gender, hasAccount: r.has_password } : null;
    await audit(
      tx,
      {
        actorId: null,
        action: 'interop_resident_read',
        entityType: 'user',
        entityId: r?.id ?? cccd,
        details: { system: system.code, cccd, found: out !== null, personalDataOut: out ? ['fullName', 'birthYear', 'gender'] : [] },
        requestId: o.requestId,
        ip: o.ip,
      },
      o.now,
    );
    return out;
  }).then((out) => {
    if (!out) throw new AppError('RESIDENT_NOT_FOUND');
    return out;
  });
}
