import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Configuration } from 'openid-client';
import { maybeOne, type Database } from '../../db/client.ts';
import { AppError } from '../../domain/errors.ts';
import { decideLink, readClaims } from '../../domain/national-identity.ts';
import { searchKey } from '../../domain/text.ts';
import { openSession } from '../accounts/accounts.service.ts';
import { audit } from '../audit/audit.ts';
import type { RowOf } from '../../db/rows.ts';

/** The provider's settings (README, docs/vneid.md). */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  idNumberClaim: string;
  idVerifiedClaim: string;
  providerName: string;
}

const LOGIN_TTL_MS = 10 * 60_000;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
// openid-client and its JOSE library (≈ 10 MB) are loaded with the first sign-in through the national identity, not at start-up.
const openid = () => import('openid-client');

/**
 * An OpenID Connect client of the national identity provider: authorization code flow with PKCE
 * (S256), state and nonce, through `openid-client`. The provider's metadata is discovered once per
 * instance (again after a failure). What a sign-in under way needs is kept in `oidc_logins`, so any
 * instance can receive the callback.
 */
export function nationalIdClient(s: OidcSettings, redirectUri: string) {
  let discovered: Promise<Configuration> | null = null;
  const configuration = () => {
    discovered ??= openid()
      .then((oidc) =>
        oidc.discovery(new URL(s.issuer), s.clientId, s.clientSecret, undefined, s.issuer.startsWith('http://') ? { execute: [oidc.allowInsecureRequests] } : undefined),
      )
      .catch((err: unknown) => {
        discovered = null;
        throw new AppError('OIDC_PROVIDER_FAILED', { step: 'discovery', error: String(err) });
      });
    return discovered;
  };

  /**
   * Starts a sign-in: a fresh state, nonce and PKCE verifier; returns the provider's URL and the
   * state (for the browser's cookie).
   * @throws AppError OIDC_PROVIDER_FAILED when the provider's metadata cannot be read
   */
  async function start(database: Database, o: { returnTo: string | null; linkUserId: string | null }, now: Date) {
    const config = await configuration();
    const oidc = await openid();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const verifier = oidc.randomPKCECodeVerifier();
    const challenge = await oidc.calculatePKCECodeChallenge(verifier);
    await database.transaction(async (tx) => {
      await tx.execute(sql`delete from oidc_logins where expires_at < ${now.toISOString()}`);
      await tx.execute(sql`
        insert into oidc_logins (state_hash, code_verifier, nonce, return_to, link_user_id, created_at, expires_at)
        values (${sha256(state)}, ${verifier}, ${nonce}, ${o.returnTo}, ${o.linkUserId}, ${now.toISOString()}, ${new Date(now.getTime() + LOGIN_TTL_MS).toISOString()})`);
    });
    const url = oidc.buildAuthorizationUrl(config, { redirect_uri: redirectUri, scope: s.scopes, state, nonce, code_challenge: challenge, code_challenge_method: 'S256' });
    return { url: url.href, state };
  }

  /**
   * Finishes a sign-in: the state must be the one this browser started with (its cookie) and
   * unused; the code is exchanged with the PKCE verifier; the ID token's nonce is checked; the
   * verified ID-number claim decides which citizen record this is (domain/national-identity.ts).
   * Opens a session for that record, creating it when the ward has none.
   * @throws AppError OIDC_STATE_INVALID, OIDC_PROVIDER_FAILED, OIDC_ID_UNVERIFIED, OIDC_ID_MISMATCH
   */
  async function finish(database: Database, o: { callbackUrl: URL; cookieState: string | null; ttlMs: number; ip: string | null }, now: Date) {
    const state = o.callbackUrl.searchParams.get('state');
    if (!state || !o.cookieState || state !== o.cookieState) throw new AppError('OIDC_STATE_INVALID');
    const login = await database.transaction((tx) =>
      maybeOne<RowOf<'oidc_logins', { code_verifier: string; nonce: string; return_to: string | null; link_user_id: string | null }>>(
        tx,
        sql`delete from oidc_logins where state_hash = ${sha256(state)} and expires_at > ${now.toISOString()}
            returning code_verifier, nonce, return_to, link_user_id`,
      ),
    );
    if (!login) throw new AppError('OIDC_STATE_INVALID');
    const config = await configuration();
    const oidc = await openid();
    let raw: Record<string, unknown>;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, o.callbackUrl, { pkceCodeVerifier: login.code_verifier, expectedState: state, expectedNonce: login.nonce, idTokenExpected: true });
      const claims = tokens.claims()!;
      raw = { ...claims };
      if (config.serverMetadata().userinfo_endpoint) Object.assign(raw, await oidc.fetchUserInfo(config, tokens.access_token, claims.sub));
    } catch (err) {
      throw new AppError('OIDC_PROVIDER_FAILED', { step: 'token', error: err instanceof Error ? err.message : String(err) });
    }
    const subject = String(raw.sub);
    const claims = readClaims(raw, { idNumber: s.idNumberClaim, verified: s.idVerifiedClaim });

    return database.transaction(async (tx) => {
      const linkedTo = login.link_user_id
        ? await maybeOne<RowOf<'users', { cccd: string | null }>>(tx, sql`select cccd from users where id = ${login.link_user_id}`)
        : null;
      const known = await maybeOne<RowOf<'oidc_identities', { user_id: string }>>(tx, sql`select user_id from oidc_identities where issuer = ${s.issuer} and subject = ${subject}`);
      const record = await maybeOne<RowOf<'users', { id: string; full_name: string; birth_year: number | null; gender: 'male' | 'female' | null; cccd: string | null }>>(
        tx,
        claims.idNumber
          ? sql`select id, full_name, birth_year, gender, cccd from users where kind = 'citizen' and cccd = ${claims.idNumber.replace(/\s+/g, '')}`
          : sql`select null::uuid as id where false`,
      );
      const decision = decideLink(claims, record ? { fullName: record.full_name, birthYear: record.birth_year, gender: record.gender } : null, linkedTo ? (linkedTo.cccd ?? '') : null);
      // An identity already linked to one record never signs in to another.
      const moved = decision.ok && known && record && known.user_id !== record.id;
      if (!decision.ok || moved) {
        const code = !decision.ok && decision.reason === 'unverified' ? 'OIDC_ID_UNVERIFIED' : 'OIDC_ID_MISMATCH';
        await audit(tx, { actorId: login.link_user_id, action: 'vneid_refused', entityType: 'user', entityId: record?.id ?? subject, details: { code, fields: decision.ok ? ['subject'] : 'fields' in decision ? decision.fields : [] }, ip: o.ip }, now);
        return { refused: code } as const;
      }
      let userId = record?.id ?? null;
      if (!userId) {
        if (!claims.fullName) return { refused: 'OIDC_ID_UNVERIFIED' } as const;
        userId = randomUUID();
        await tx.execute(sql`
          insert into users (id, kind, login, full_name, name_search, cccd, birth_year, gender, created_at)
          values (${userId}, 'citizen', ${decision.cccd}, ${claims.fullName}, ${searchKey(claims.fullName)}, ${decision.cccd}, ${decision.birthYear}, ${decision.gender}, ${now.toISOString()})`);
      }
      await tx.execute(sql`
        insert into oidc_identities (issuer, subject, user_id, id_number, linked_at, last_login_at)
        values (${s.issuer}, ${subject}, ${userId}, ${decision.cccd}, ${now.toISOString()}, ${now.toISOString()})
        on conflict (issuer, subject) do update set last_login_at = excluded.last_login_at`);
      const session = await openSession(tx, userId, o.ttlMs, now);
      await audit(tx, { actorId: userId, action: record ? 'vneid_sign_in' : 'vneid_sign_up', entityType: 'user', entityId: userId, details: { issuer: s.issuer }, ip: o.ip }, now);
      return { userId, session, returnTo: login.return_to } as const;
    });
  }

  return { start, finish, providerName: s.providerName };
}

export type NationalIdClient = ReturnType<typeof nationalIdClient>;
