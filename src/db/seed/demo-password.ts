import { hashPassword } from '../../modules/accounts/password.ts';
import { DEMO_PASSWORD } from './demo-accounts.ts';

let hashing: Promise<string> | null = null;

/**
 * The stored hash of DEMO_PASSWORD, which every demo account shares: made once per process (scrypt
 * costs ≈ 0.1–0.5 s and 32 MB), on libuv's thread pool, so the seed's queries go on meanwhile.
 * Only the demo seed calls it: a start on a seeded database never hashes.
 */
export function demoPasswordHash(): Promise<string> {
  if (!hashing) {
    hashing = hashPassword(DEMO_PASSWORD);
    // A failure is the caller's (it awaits the promise); a retry hashes again.
    hashing.catch(() => (hashing = null));
  }
  return hashing;
}
