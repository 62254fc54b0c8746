import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Keys derived from the server's secret (SESSION_SECRET), one per use, so that a value kept in the
 * database for one purpose is useless for another, and a copy of the database without the
 * server's environment reveals neither one-time codes nor authenticator secrets.
 */
export interface ServerKeys {
  /** A keyed hash (HMAC-SHA-256, hex) of `value` for `purpose`. */
  mac(purpose: string, value: string): string;
  /** Constant-time comparison of a hash made by `mac`. */
  macEquals(purpose: string, value: string, expected: string): boolean;
  /** Encrypts a short secret (AES-256-GCM): `v1.<iv>.<ciphertext>.<tag>`, base64url. */
  seal(plain: string): string;
  /** @returns the plain text, or null if it was sealed under another key or altered. */
  unseal(sealed: string): string | null;
}

export function serverKeys(secret: string): ServerKeys {
  const derive = (label: string) => Buffer.from(hkdfSync('sha256', secret, 'nong-trang-so', label, 32));
  const macKey = derive('mac');
  const sealKey = derive('seal');
  const mac = (purpose: string, value: string) => createHmac('sha256', macKey).update(purpose).update('\u0000').update(value).digest('hex');
  return {
    mac,
    macEquals(purpose, value, expected) {
      const a = Buffer.from(mac(purpose, value), 'hex');
      const b = Buffer.from(expected, 'hex');
      return a.length === b.length && timingSafeEqual(a, b);
    },
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', sealKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
    },
    unseal(sealed) {
      const [v, iv, body, tag] = sealed.split('.');
      if (v !== 'v1' || iv === undefined || body === undefined || tag === undefined) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', sealKey, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        return null;
      }
    },
  };
}

/** SHA-256 in hex: for random tokens with enough entropy of their own (session, challenge, recovery codes). */
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
