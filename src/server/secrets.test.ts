import { describe, expect, it } from 'vitest';
import { serverKeys } from './secrets.ts';

describe('server keys', () => {
  const a = serverKeys('a'.repeat(40));
  const b = serverKeys('b'.repeat(40));

  it('a keyed hash depends on the key, the purpose and the value', () => {
    const h = a.mac('otp', '123456');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(a.mac('otp', '123456')).toBe(h);
    expect(b.mac('otp', '123456')).not.toBe(h);
    expect(a.mac('otp2', '123456')).not.toBe(h);
    expect(a.mac('otp', '123457')).not.toBe(h);
    // The purpose and the value are separated: ("ab", "c") is not ("a", "bc").
    expect(a.mac('ab', 'c')).not.toBe(a.mac('a', 'bc'));
    expect(a.macEquals('otp', '123456', h)).toBe(true);
    expect(a.macEquals('otp', '654321', h)).toBe(false);
    expect(a.macEquals('otp', '123456', 'abcd')).toBe(false);
  });

  it('a sealed secret opens only with the same key, and not once altered', () => {
    const sealed = a.seal('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('JBSWY3DP');
    expect(a.unseal(sealed)).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    expect(a.seal('x')).not.toBe(a.seal('x'));
    expect(b.unseal(sealed)).toBeNull();
    const parts = sealed.split('.');
    const flipped = [parts[0], parts[1], (parts[2]![0] === 'A' ? 'B' : 'A') + parts[2]!.slice(1), parts[3]].join('.');
    expect(a.unseal(flipped)).toBeNull();
    expect(a.unseal('not sealed')).toBeNull();
  });
});
