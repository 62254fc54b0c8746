import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEMO_UNIT_CODE, loadConfig } from './config.ts';

describe('configuration', () => {
  it('reads a .env file in the working directory (comments, quotes, export); the environment wins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nts-env-'));
    writeFileSync(join(dir, '.env'), '# the ward\nexport PORT=4321\nPUBLIC_URL="https://dvc.nongtrang.gov.vn"\nSMTP_FROM=\'Phường Nông Trang <no-reply@nongtrang.gov.vn>\'\n');
    const c = loadConfig({}, dir);
    expect(c.port).toBe(4321);
    expect(c.publicUrl).toBe('https://dvc.nongtrang.gov.vn');
    expect(loadConfig({ PORT: '5000' }, dir).port).toBe(5000);
  });

  it('has working defaults for a demo on one machine', () => {
    const c = loadConfig({}, '/srv/nts');
    expect(c.port).toBe(3000);
    expect(c.dataDir).toBe('/srv/nts/data');
    expect(c.databaseUrl).toBeNull();
    expect(c.unit.code).toBe(DEMO_UNIT_CODE);
    expect(c.unit.isDemoCode).toBe(true);
    expect(c.seedDemo).toBe(true);
    expect(c.storage).toEqual({ kind: 'local', root: '/srv/nts/data/files' });
  });

  it('fails fast naming every wrong variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', UNIT_CODE: 'nông trang' }, '/x')).toThrowError(
      /PORT[\s\S]*DATABASE_URL[\s\S]*UNIT_CODE|PORT[\s\S]*UNIT_CODE/,
    );
  });

  it('production needs a session secret and seeds no demo data', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' }, '/x')).toThrow(ConfigError);
    const c = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(32), UNIT_CODE: '000.17.22.H56' }, '/x');
    expect(c.seedDemo).toBe(false);
    expect(c.unit.isDemoCode).toBe(false);
  });

  it("the embedded database's nightly vacuum: 02:00 by default, another hour, or off; nothing else", () => {
    expect(loadConfig({}, '/x').embeddedVacuumHour).toBe(2);
    expect(loadConfig({ EMBEDDED_VACUUM_HOUR: '23' }, '/x').embeddedVacuumHour).toBe(23);
    expect(loadConfig({ EMBEDDED_VACUUM_HOUR: 'off' }, '/x').embeddedVacuumHour).toBeNull();
    for (const bad of ['24', '-1', '2.5', 'never']) expect(() => loadConfig({ EMBEDDED_VACUUM_HOUR: bad }, '/x')).toThrow(/EMBEDDED_VACUUM_HOUR/);
  });

  it('S3 storage needs its settings', () => {
    expect(() => loadConfig({ STORAGE: 's3' }, '/x')).toThrow(/S3_ENDPOINT/);
  });

  it('https public URL makes cookies secure', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://dichvucong.nongtrang.gov.vn/' }, '/x').secureCookies).toBe(true);
  });

  it('messages: SMS and email are logged by default; SMTP needs a host and a sender', () => {
    const c = loadConfig({}, '/x');
    expect(c.messages.sms).toEqual({ kind: 'log' });
    expect(c.messages.zalo).toBeNull();
    expect(c.messages.email).toEqual({ kind: 'log' });
    expect(c.messages.retry).toEqual({ baseDelayMs: 30_000, maxDelayMs: 3_600_000, maxAttempts: 8 });
    expect(() => loadConfig({ EMAIL_PROVIDER: 'smtp' }, '/x')).toThrow(/SMTP_HOST and SMTP_FROM/);
    expect(() => loadConfig({ EMAIL_PROVIDER: 'smtp', SMTP_HOST: 'mail.example.vn', SMTP_FROM: 'no-reply' }, '/x')).toThrow(/SMTP_FROM/);
    const smtp = loadConfig({ EMAIL_PROVIDER: 'smtp', SMTP_HOST: 'mail.example.vn', SMTP_PORT: '465', SMTP_SECURE: 'true', SMTP_FROM: 'Phường Nông Trang <no-reply@nongtrang.gov.vn>' }, '/x');
    expect(smtp.messages.email).toMatchObject({ kind: 'smtp', host: 'mail.example.vn', port: 465, secure: true, user: null });
    expect(() => loadConfig({ SMS_PROVIDER: 'viettel' }, '/x')).toThrow(/SMS_PROVIDER/);
    expect(() => loadConfig({ MESSAGE_MAX_ATTEMPTS: '0' }, '/x')).toThrow(/MESSAGE_MAX_ATTEMPTS/);
  });

  it('notification channels: the SMS gateway and Zalo need their keys; Zalo templates name real notices', () => {
    expect(() => loadConfig({ SMS_PROVIDER: 'esms' }, '/x')).toThrow(/ESMS_API_KEY, ESMS_SECRET_KEY and ESMS_BRANDNAME/);
    const esms = loadConfig({ SMS_PROVIDER: 'esms', ESMS_API_KEY: 'k', ESMS_SECRET_KEY: 's', ESMS_BRANDNAME: 'PHUONGNT' }, '/x');
    expect(esms.messages.sms).toMatchObject({ kind: 'esms', brandname: 'PHUONGNT', sandbox: false });
    expect(() => loadConfig({ ZALO_APP_ID: '123' }, '/x')).toThrow(/ZALO_APP_SECRET, ZALO_REFRESH_TOKEN and ZALO_ZNS_TEMPLATES/);
    const zalo = { ZALO_APP_ID: '123', ZALO_APP_SECRET: 's', ZALO_REFRESH_TOKEN: 'r' };
    expect(() => loadConfig({ ...zalo, ZALO_ZNS_TEMPLATES: 'dossier.recieved=1' }, '/x')).toThrow(/no notice named dossier.recieved/);
    expect(() => loadConfig({ ...zalo, ZALO_ZNS_TEMPLATES: 'dossier.received' }, '/x')).toThrow(/ZALO_ZNS_TEMPLATES/);
    const ok = loadConfig({ ...zalo, ZALO_ZNS_TEMPLATES: 'dossier.received=231456, staff.digest=231460' }, '/x');
    expect(ok.messages.zalo?.templates).toEqual({ 'dossier.received': '231456', 'staff.digest': '231460' });
    expect(() => loadConfig({ DIGEST_AT: '7h30' }, '/x')).toThrow(/DIGEST_AT/);
    expect(loadConfig({ DIGEST_AT: '06:45' }, '/x').notifications.digestHour).toBe(6.75);
  });

  it('VNeID needs a client; https in production', () => {
    expect(loadConfig({}, '/x').oidc).toBeNull();
    expect(() => loadConfig({ OIDC_ISSUER: 'https://sso.example.gov.vn' }, '/x')).toThrow(/OIDC_CLIENT_ID and OIDC_CLIENT_SECRET/);
    const prod = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), OIDC_CLIENT_ID: 'c', OIDC_CLIENT_SECRET: 's' };
    expect(() => loadConfig({ ...prod, OIDC_ISSUER: 'http://sso.example.gov.vn' }, '/x')).toThrow(/https/);
    expect(loadConfig({ ...prod, OIDC_ISSUER: 'https://sso.example.gov.vn' }, '/x').oidc).toMatchObject({ idNumberClaim: 'id_number', scopes: 'openid profile' });
  });
});
