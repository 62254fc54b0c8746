import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('Mật-khẩu-2026');
    const b = await hashPassword('Mật-khẩu-2026');
    expect(a).not.toBe(b);
    expect(a.startsWith('scrypt$32768$8$1$')).toBe(true);
    expect(await verifyPassword('Mật-khẩu-2026', a)).toBe(true);
    expect(await verifyPassword('mật-khẩu-2026', a)).toBe(false);
    expect(await verifyPassword('anything', null)).toBe(false);
  });

  it('treats NFC and NFD input as the same password', async () => {
    const h = await hashPassword('Nông Trang');
    expect(await verifyPassword('Nông Trang'.normalize('NFD'), h)).toBe(true);
  });
});
