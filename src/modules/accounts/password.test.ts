import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { N, hashPassword, scryptLog2N, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('Mật-khẩu-2026');
    const b = await hashPassword('Mật-khẩu-2026');
    expect(a).not.toBe(b);
    expect(a.startsWith(`scrypt$${N}$8$1$`)).toBe(true);
    expect(await verifyPassword('Mật-khẩu-2026', a)).toBe(true);
    expect(await verifyPassword('mật-khẩu-2026', a)).toBe(false);
    expect(await verifyPassword('anything', null)).toBe(false);
  });

  it('uses N=2^15 unless a test run lowers it; never lower in production', () => {
    expect(scryptLog2N({})).toBe(15);
    expect(scryptLog2N({ PASSWORD_SCRYPT_LOG2N: '10' })).toBe(10);
    expect(() => scryptLog2N({ PASSWORD_SCRYPT_LOG2N: '10', NODE_ENV: 'production' })).toThrow(/production/);
    expect(() => scryptLog2N({ PASSWORD_SCRYPT_LOG2N: 'abc' })).toThrow(/10 to 20/);
  });

  it('verifies a hash made with another cost by the N stored in it', async () => {
    const salt = Buffer.from('0123456789abcdef');
    const key = scryptSync('x', salt, 32, { N: 4096, r: 8, p: 1 });
    const stored = ['scrypt', 4096, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
    expect(await verifyPassword('x', stored)).toBe(true);
    expect(await verifyPassword('y', stored)).toBe(false);
  });

  it('treats NFC and NFD input as the same password', async () => {
    const h = await hashPassword('Nông Trang');
    expect(await verifyPassword('Nông Trang'.normalize('NFD'), h)).toBe(true);
  });
});
