/**
 * What makes a new password acceptable. Pure. Length is what matters most (NIST SP 800-63B):
 * at least 8 characters, no composition rules, but not a password everyone tries first, not the
 * login itself (a CCCD, a tax code, a username), and not one character repeated.
 */

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 200;

export type PasswordProblem = 'too_short' | 'too_long' | 'contains_login' | 'common' | 'repeated';

// The passwords tried first, in Vietnam and everywhere (lower case, compared without spaces).
const COMMON = new Set([
  '12345678', '123456789', '1234567890', '87654321', '11111111', '88888888', '66668888', '12341234', '11223344',
  'password', 'password1', 'password123', 'passw0rd', 'qwertyui', 'qwerty123', '1qaz2wsx', 'abc12345', 'abcd1234',
  'iloveyou', 'admin123', 'admin@123', 'matkhau', 'matkhau1', 'matkhau123', 'matkhau@123', 'anhyeuem', 'emyeuanh',
  'anhyeuem123', 'vietnam1', 'vietnam123', 'hanoi123', 'nongtrang', 'nongtrang1', 'nongtrang123', 'phutho123',
  'motcua123', 'dichvucong', 'dichvucong123', '123456aa', 'aa123456', 'a1234567', '12345678a',
]);

/** Every problem of `password` for an account signing in as `login` (empty: acceptable). */
export function passwordProblems(password: string, login: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = Array.from(password.normalize('NFC')).length;
  if (length < MIN_PASSWORD_LENGTH) problems.push('too_short');
  if (length > MAX_PASSWORD_LENGTH) problems.push('too_long');
  const folded = password.normalize('NFC').toLowerCase().replace(/\s+/g, '');
  const loginKey = login.normalize('NFC').toLowerCase().replace(/\s+/g, '');
  if (loginKey.length >= 3 && folded.includes(loginKey)) problems.push('contains_login');
  if (COMMON.has(folded)) problems.push('common');
  if (folded.length > 0 && new Set(Array.from(folded)).size === 1) problems.push('repeated');
  return problems;
}
