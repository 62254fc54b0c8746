import { describe, expect, it } from 'vitest';
import { ConfigError, DEMO_UNIT_CODE, loadConfig } from './config.ts';

describe('configuration', () => {
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

  it('S3 storage needs its settings', () => {
    expect(() => loadConfig({ STORAGE: 's3' }, '/x')).toThrow(/S3_ENDPOINT/);
  });

  it('https public URL makes cookies secure', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://dichvucong.nongtrang.gov.vn/' }, '/x').secureCookies).toBe(true);
  });
});
