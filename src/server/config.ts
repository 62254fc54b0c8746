import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { isNotificationEvent } from '../domain/notifications.ts';

/**
 * Settings come from the environment (and an optional `.env` file in the working directory);
 * they are validated once at start-up so a wrong value stops the process with a message that
 * says which variable to fix. Every setting is documented in the README.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const DEMO_UNIT_CODE = 'DEMO.07894.H25';
/** Used when SESSION_SECRET is not set, which production refuses: anyone can read it here. */
export const DEVELOPMENT_SECRET = 'nong-trang-so: development only, set SESSION_SECRET in production';

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // Where the embedded database (PGlite) runs: the server's own thread, or a worker thread of its own (docs/adr/0007).
  EMBEDDED_DB_THREAD: z.enum(['main', 'worker']).default('main'),
  // The hour (Vietnam time, 0–23) the embedded database is vacuumed and analysed every night, or off (src/db/maintenance.ts).
  EMBEDDED_VACUUM_HOUR: z.union([z.literal('off'), z.coerce.number().int().min(0).max(23)]).default(2),
  PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  UNIT_CODE: z
    .string()
    .regex(/^[A-Z0-9]{1,8}(\.[A-Z0-9]{1,8}){1,5}$/, 'must be dotted groups such as 000.17.22.H56')
    .default(DEMO_UNIT_CODE),
  UNIT_NAME: z.string().min(1).default('Ủy ban nhân dân phường Nông Trang'),
  PARENT_UNIT_NAME: z.string().default('Ủy ban nhân dân tỉnh Phú Thọ'),
  SEED_DEMO: bool.optional(),
  // Dossiers of a past year written with the demo data on its first seeding (docs/INDICATORS.md "Demo history"); 0: none.
  DEMO_HISTORY: z.coerce.number().int().min(0).max(20_000).default(1000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_UPLOAD_MB: z.coerce.number().min(1).max(200).default(20),
  UPLOAD_RETENTION_HOURS: z.coerce.number().min(1).max(24 * 365).default(48),
  UPLOAD_SWEEP_INTERVAL_MINUTES: z.coerce.number().min(0).max(24 * 60).default(60),
  STORAGE: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_BUCKET: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  RATE_LIMIT_LOGIN_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  TRUST_PROXY: bool.default(false),
  // The ward map's optional tile server (docs/FEEDBACK.md); unset, the map is offline (local GeoJSON only).
  MAP_TILE_URL: z
    .string()
    .regex(/^https?:\/\/\S+$/, 'must be an http(s) URL')
    .refine((u) => ['{z}', '{x}', '{y}'].every((p) => u.includes(p)), 'must contain {z}, {x} and {y}')
    .optional(),
  MAP_TILE_ATTRIBUTION: z.string().max(300).optional(),
  MAP_TILE_MAX_ZOOM: z.coerce.number().int().min(1).max(22).default(19),
  // Outgoing messages (src/modules/messages): SMS and email through the outbox.
  SMS_PROVIDER: z.enum(['log', 'esms']).default('log'),
  ESMS_API_URL: z.string().url().default('https://rest.esms.vn/MainService.svc/json/SendMultipleMessage_V4_post_json/'),
  ESMS_API_KEY: z.string().min(1).optional(),
  ESMS_SECRET_KEY: z.string().min(1).optional(),
  ESMS_BRANDNAME: z.string().min(1).max(11).optional(),
  ESMS_SANDBOX: bool.default(false),
  ZALO_APP_ID: z.string().min(1).optional(),
  ZALO_APP_SECRET: z.string().min(1).optional(),
  ZALO_REFRESH_TOKEN: z.string().min(1).optional(),
  ZALO_ZNS_TEMPLATES: z
    .string()
    .regex(/^\s*[a-z_.]+\s*=\s*\w+\s*(,\s*[a-z_.]+\s*=\s*\w+\s*)*$/, 'must list notice=template id pairs, e.g. dossier.received=231456,dossier.supplement_requested=231457')
    .optional(),
  ZALO_API_URL: z.string().url().default('https://business.openapi.zalo.me'),
  ZALO_OAUTH_URL: z.string().url().default('https://oauth.zaloapp.com'),
  ZALO_DEVELOPMENT_MODE: bool.default(false),
  EMAIL_PROVIDER: z.enum(['log', 'smtp']).default('log'),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_SECURE: bool.default(false),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  SMTP_FROM: z.string().regex(/@/, 'must contain an address, e.g. "Phường Nông Trang <no-reply@nongtrang.gov.vn>"').optional(),
  MESSAGE_WORKER: bool.default(true),
  MESSAGE_POLL_SECONDS: z.coerce.number().min(0.05).max(3600).default(5),
  MESSAGE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  MESSAGE_RETRY_SECONDS: z.coerce.number().min(0.01).max(3600).default(30),
  // Signed documents (src/modules/signing, docs/documents.md): the unit's certificate.
  SIGNING_P12_FILE: z.string().min(1).optional(),
  SIGNING_P12_PASSWORD: z.string().optional(),
  // Sign-in with the national identity (src/modules/national-id, docs/vneid.md).
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_SCOPES: z.string().regex(/(^|\s)openid(\s|$)/, 'must include openid').default('openid profile'),
  OIDC_ID_NUMBER_CLAIM: z.string().min(1).default('id_number'),
  OIDC_ID_VERIFIED_CLAIM: z.string().min(1).default('id_number_verified'),
  OIDC_PROVIDER_NAME: z.string().min(1).default('VNeID'),
  // Notifications (src/modules/notifications): reminders and officials' daily digest.
  NOTIFY_SCHEDULER_SECONDS: z.coerce.number().min(0).max(24 * 3600).default(300),
  DIGEST_AT: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day such as 07:30').default('07:30'),
  // Connected systems (src/modules/interop, docs/INTEROP.md).
  INTEROP_MAX_BODY_MB: z.coerce.number().min(1).max(500).default(60),
  INTEROP_CALLBACK_TIMEOUT_SECONDS: z.coerce.number().min(1).max(120).default(15),
});

export type Config = ReturnType<typeof loadConfig>;

/** Settings whose value is never echoed in an error message (a password may sit in DATABASE_URL). */
const SECRET_SETTING = /SECRET|PASSWORD|KEY|DATABASE_URL/;

/** `dossier.received=231456, staff.digest=231460` → pairs. */
const znsTemplates = (v: string | undefined): [string, string][] =>
  (v ?? '')
    .split(',')
    .map((p) => p.split('=').map((x) => x.trim()) as [string, string])
    .filter(([k, id]) => k && id);

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads a `.env` file with Node's own parser (the one `node --env-file` uses); what is already set wins. */
function readDotEnv(path: string): NodeJS.Dict<string> {
  return existsSync(path) ? parseEnv(readFileSync(path, 'utf8')) : {};
}

/**
 * Validates the environment.
 * @throws ConfigError naming every variable that is wrong and what to do.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()) {
  const merged = { ...readDotEnv(resolve(cwd, '.env')), ...env };
  for (const k of Object.keys(merged)) if (merged[k] === '') delete merged[k];
  const parsed = EnvSchema.safeParse(merged);
  if (!parsed.success) {
    // One sentence per wrong setting, naming it and showing its value (unless it is a secret).
    const lines = parsed.error.issues.map((i) => {
      const key = i.path.join('.');
      const value = merged[key];
      const shown = value === undefined ? '' : SECRET_SETTING.test(key) ? '=…' : `=${JSON.stringify(value)}`;
      return `Cấu hình không hợp lệ / invalid setting ${key}${shown}: ${i.message}.`;
    });
    throw new ConfigError(lines.join('\n'));
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && !e.SESSION_SECRET) {
    throw new ConfigError('SESSION_SECRET is required in production (at least 32 random characters).');
  }
  if (e.STORAGE === 's3' && !(e.S3_ENDPOINT && e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY)) {
    throw new ConfigError('STORAGE=s3 needs S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY.');
  }
  if (e.EMAIL_PROVIDER === 'smtp' && !(e.SMTP_HOST && e.SMTP_FROM)) {
    throw new ConfigError('EMAIL_PROVIDER=smtp needs SMTP_HOST and SMTP_FROM (and SMTP_USER / SMTP_PASSWORD if the server asks for them).');
  }
  const p12File = e.SIGNING_P12_FILE ? resolve(cwd, e.SIGNING_P12_FILE) : null;
  if (p12File && !existsSync(p12File)) {
    throw new ConfigError(`SIGNING_P12_FILE: no file at ${p12File} (the unit's certificate and key as a .p12/.pfx file).`);
  }
  if (e.SMS_PROVIDER === 'esms' && !(e.ESMS_API_KEY && e.ESMS_SECRET_KEY && e.ESMS_BRANDNAME)) {
    throw new ConfigError('SMS_PROVIDER=esms needs ESMS_API_KEY, ESMS_SECRET_KEY and ESMS_BRANDNAME (the brand name registered with the gateway).');
  }
  if (e.ZALO_APP_ID && !(e.ZALO_APP_SECRET && e.ZALO_REFRESH_TOKEN && e.ZALO_ZNS_TEMPLATES)) {
    throw new ConfigError('ZALO_APP_ID needs ZALO_APP_SECRET, ZALO_REFRESH_TOKEN and ZALO_ZNS_TEMPLATES (docs/notifications.md).');
  }
  const unknownNotices = znsTemplates(e.ZALO_ZNS_TEMPLATES).filter(([k]) => !isNotificationEvent(k));
  if (unknownNotices.length) throw new ConfigError(`ZALO_ZNS_TEMPLATES: no notice named ${unknownNotices.map(([k]) => k).join(', ')} (see docs/notifications.md).`);
  if (e.OIDC_ISSUER && !(e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET)) {
    throw new ConfigError('OIDC_ISSUER needs OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (docs/vneid.md).');
  }
  if (e.OIDC_ISSUER && production && !e.OIDC_ISSUER.startsWith('https://')) throw new ConfigError('OIDC_ISSUER must be https:// in production.');
  if (e.MAP_TILE_URL && !e.MAP_TILE_ATTRIBUTION) {
    throw new ConfigError('MAP_TILE_URL needs MAP_TILE_ATTRIBUTION (the credit the tile provider\'s licence asks for, shown on the map).');
  }
  const dataDir = resolve(cwd, e.DATA_DIR);
  return {
    /** The ward map's tiles, or null: offline, the local GeoJSON only. */
    mapTiles: e.MAP_TILE_URL ? { url: e.MAP_TILE_URL, attribution: e.MAP_TILE_ATTRIBUTION!, maxZoom: e.MAP_TILE_MAX_ZOOM } : null,
    env: e.NODE_ENV,
    production,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL ?? null,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    embeddedDbThread: e.EMBEDDED_DB_THREAD,
    embeddedVacuumHour: e.EMBEDDED_VACUUM_HOUR === 'off' ? null : e.EMBEDDED_VACUUM_HOUR,
    publicUrl: e.PUBLIC_URL.replace(/\/$/, ''),
    secureCookies: e.PUBLIC_URL.startsWith('https://'),
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    /** The server's secret: keys for one-time code hashes and sealed TOTP secrets (a fixed, public value outside production when unset). */
    secret: e.SESSION_SECRET ?? DEVELOPMENT_SECRET,
    unit: { code: e.UNIT_CODE, name: e.UNIT_NAME, parentName: e.PARENT_UNIT_NAME, isDemoCode: e.UNIT_CODE === DEMO_UNIT_CODE },
    seedDemo: e.SEED_DEMO ?? !production,
    /** Dossiers of past history seeded with the demo data (first seeding only). */
    demoHistory: e.DEMO_HISTORY,
    logLevel: e.LOG_LEVEL,
    maxUploadBytes: Math.round(e.MAX_UPLOAD_MB * 1024 * 1024),
    uploads: { retentionMs: e.UPLOAD_RETENTION_HOURS * 3600_000, sweepEveryMs: Math.round(e.UPLOAD_SWEEP_INTERVAL_MINUTES * 60_000) },
    storage:
      e.STORAGE === 's3'
        ? ({
            kind: 's3',
            endpoint: e.S3_ENDPOINT!,
            region: e.S3_REGION,
            bucket: e.S3_BUCKET!,
            accessKeyId: e.S3_ACCESS_KEY_ID!,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
          } as const)
        : ({ kind: 'local', root: resolve(dataDir, 'files') } as const),
    login: {
      maxFailures: e.LOGIN_MAX_FAILURES,
      lockMs: e.LOGIN_LOCK_MINUTES * 60_000,
      ratePerMinute: e.RATE_LIMIT_LOGIN_PER_MINUTE,
    },
    trustProxy: e.TRUST_PROXY,
    messages: {
      sms:
        e.SMS_PROVIDER === 'esms'
          ? ({ kind: 'esms', url: e.ESMS_API_URL, apiKey: e.ESMS_API_KEY!, secretKey: e.ESMS_SECRET_KEY!, brandname: e.ESMS_BRANDNAME!, sandbox: e.ESMS_SANDBOX } as const)
          : ({ kind: 'log' } as const),
      zalo: e.ZALO_APP_ID
        ? {
            appId: e.ZALO_APP_ID,
            appSecret: e.ZALO_APP_SECRET!,
            refreshToken: e.ZALO_REFRESH_TOKEN!,
            templates: Object.fromEntries(znsTemplates(e.ZALO_ZNS_TEMPLATES)),
            apiUrl: e.ZALO_API_URL.replace(/\/$/, ''),
            oauthUrl: e.ZALO_OAUTH_URL.replace(/\/$/, ''),
            development: e.ZALO_DEVELOPMENT_MODE,
          }
        : null,
      email:
        e.EMAIL_PROVIDER === 'smtp'
          ? ({
              kind: 'smtp',
              host: e.SMTP_HOST!,
              port: e.SMTP_PORT,
              secure: e.SMTP_SECURE,
              user: e.SMTP_USER ?? null,
              password: e.SMTP_PASSWORD ?? null,
              from: e.SMTP_FROM!,
            } as const)
          : ({ kind: 'log' } as const),
      worker: e.MESSAGE_WORKER,
      pollMs: Math.round(e.MESSAGE_POLL_SECONDS * 1000),
      retry: { baseDelayMs: Math.round(e.MESSAGE_RETRY_SECONDS * 1000), maxDelayMs: 3_600_000, maxAttempts: e.MESSAGE_MAX_ATTEMPTS },
    },
    signing: { unitCode: e.UNIT_CODE, p12File, p12Password: e.SIGNING_P12_PASSWORD ?? '' },
    oidc: e.OIDC_ISSUER
      ? {
          issuer: e.OIDC_ISSUER,
          clientId: e.OIDC_CLIENT_ID!,
          clientSecret: e.OIDC_CLIENT_SECRET!,
          scopes: e.OIDC_SCOPES,
          idNumberClaim: e.OIDC_ID_NUMBER_CLAIM,
          idVerifiedClaim: e.OIDC_ID_VERIFIED_CLAIM,
          providerName: e.OIDC_PROVIDER_NAME,
        }
      : null,
    notifications: {
      schedulerEveryMs: Math.round(e.NOTIFY_SCHEDULER_SECONDS * 1000),
      digestHour: Number(e.DIGEST_AT.slice(0, 2)) + Number(e.DIGEST_AT.slice(3)) / 60,
    },
    interop: { maxBodyBytes: Math.round(e.INTEROP_MAX_BODY_MB * 1024 * 1024), callbackTimeoutMs: Math.round(e.INTEROP_CALLBACK_TIMEOUT_SECONDS * 1000) },
  };
}
