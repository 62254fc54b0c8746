/**
 * The certificate a unit signs its documents with. The deployment's own unit uses the PKCS#12
 * file named in the settings (SIGNING_P12_FILE, SIGNING_P12_PASSWORD). Without one — and for any
 * other unit the deployment serves — a self-signed DEMO certificate is generated at the unit's
 * first signature (not at start-up, which then loads neither node-forge nor makes an RSA key),
 * stored in `signing_keys` and reused, so every instance signs with the same one. Every certificate used is recorded in `signing_certificates`: a
 * verification trusts a signature as the unit's only when its certificate is listed for that unit.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { maybeOne, type Executor } from '../../db/client.ts';
import type { CmsSigner } from './cms.ts';
import { certificateInfo, createDemoPkcs12, readPkcs12, type CertificateInfo, type KeyMaterial } from './pkcs12.ts';
import type { RowOf } from '../../db/rows.ts';

export interface SigningSettings {
  /** The deployment's unit code (`UNIT_CODE`): the unit the configured file belongs to. */
  unitCode: string;
  /** Path of the unit's PKCS#12 file, or null: sign with a generated demo certificate. */
  p12File: string | null;
  p12Password: string;
}

export interface UnitSigner extends CmsSigner {
  unitId: string;
  info: CertificateInfo;
  /** A generated demo certificate, not the unit's real one. */
  demo: boolean;
}

export interface SigningUnit {
  id: string;
  code: string;
  name: string;
}

// Opening a PKCS#12 file is slow (key derivation): once per content per process.
const opened = new Map<string, KeyMaterial>();
function open(p12: Buffer, password: string): KeyMaterial {
  const key = createHash('sha256').update(p12).update('\0').update(password).digest('hex');
  let material = opened.get(key);
  if (!material) opened.set(key, (material = readPkcs12(p12, password)));
  return material;
}

const selectKey = (ex: Executor, unitId: string) =>
  maybeOne<RowOf<'signing_keys', { p12_base64: string; password: string }>>(ex, sql`select p12_base64, password from signing_keys where unit_id = ${unitId}`);

/**
 * The signer of `unit`, its certificate recorded as the unit's. Works inside a transaction (`ex`):
 * a demo key made there commits with it, and a second instance making one at the same time waits
 * on the key's row and then uses the first one stored.
 * @throws Pkcs12Error when the configured file cannot be opened with its password
 */
export async function unitSigner(ex: Executor, settings: SigningSettings, unit: SigningUnit, now: Date): Promise<UnitSigner> {
  let material: KeyMaterial;
  let demo: boolean;
  if (settings.p12File && unit.code === settings.unitCode) {
    material = open(await readFile(settings.p12File), settings.p12Password);
    demo = false;
  } else {
    let stored = await selectKey(ex, unit.id);
    if (!stored) {
      const made = createDemoPkcs12(unit.name, now);
      await ex.execute(sql`
        insert into signing_keys (unit_id, p12_base64, password, demo, created_at)
        values (${unit.id}, ${made.p12.toString('base64')}, ${made.password}, true, ${now.toISOString()})
        on conflict (unit_id) do nothing`);
      stored = (await selectKey(ex, unit.id))!;
    }
    material = open(Buffer.from(stored.p12_base64, 'base64'), stored.password);
    demo = true;
  }
  const info = certificateInfo(material.certDer);
  await ex.execute(sql`
    insert into signing_certificates (fingerprint, unit_id, subject, issuer, demo, not_before, not_after, cert_der, first_used)
    values (${info.fingerprint}, ${unit.id}, ${info.subject}, ${info.issuer}, ${demo}, ${info.notBefore.toISOString()},
            ${info.notAfter.toISOString()}, ${material.certDer.toString('base64')}, ${now.toISOString()})
    on conflict (fingerprint) do nothing`);
  return { ...material, unitId: unit.id, info, demo };
}

/**
 * The deployment's own unit's signer. At start-up, only when a PKCS#12 file is configured: opening
 * it then makes a wrong file or password stop the start.
 * @throws Pkcs12Error as {@link unitSigner}; Error when the unit is not in the database
 */
export async function deploymentSigner(ex: Executor, settings: SigningSettings, now: Date): Promise<UnitSigner> {
  const unit = await maybeOne<SigningUnit>(ex, sql`select id, code, name from units where code = ${settings.unitCode}`);
  if (!unit) throw new Error(`unit ${settings.unitCode} not found`);
  return unitSigner(ex, settings, unit, now);
}
