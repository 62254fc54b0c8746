import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt with N=2^15, r=8, p=1 (OWASP's recommended minimum), a 16-byte salt; stored as
// `scrypt$N$r$p$salt$hash` so the cost can be raised later without breaking old hashes.
// PASSWORD_SCRYPT_LOG2N lowers N for the test suite only (vitest.config.ts sets 10): it is
// refused in production, and an existing hash is always verified with the N stored in it.
export const N = 2 ** scryptLog2N(process.env);

const R = 8;
const P = 1;
const KEYLEN = 32;

export function scryptLog2N(env: NodeJS.ProcessEnv): number {
  const raw = env.PASSWORD_SCRYPT_LOG2N;
  if (raw === undefined || raw === '') return 15;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 10 || n > 20) {
    throw new Error(`PASSWORD_SCRYPT_LOG2N must be an integer from 10 to 20, not "${raw}"`);
  }
  if (n < 15 && env.NODE_ENV === 'production') {
    throw new Error('PASSWORD_SCRYPT_LOG2N below 15 is for tests only and is refused in production');
  }
  return n;
}

function scrypt(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFC'), salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, { N, r: R, p: P, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = (stored ?? '').split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    // Spend comparable time so that unknown accounts cannot be told apart by timing.
    await scrypt(password, randomBytes(16), KEYLEN, { N, r: R, p: P, maxmem: 64 * 1024 * 1024 });
    return false;
  }
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return timingSafeEqual(key, expected);
}
