/**
 * The HTTP contract of one's own account (docs/identity.md): sign-up with a code, passwords
 * (change, forgotten), and officials' two-factor sign-in. The answers are serialized through
 * these schemas (a field missing here never leaves the server). A secret — the authenticator's
 * secret and otpauth URL, recovery codes — is in the one answer that shows it and in no other.
 * Signing in and the session are in session.ts. Pure: no I/O.
 */
import { z } from 'zod';
import { normalizeCode } from '../domain/otp.ts';

export const NewPassword = z.string().min(8, 'Mật khẩu tối thiểu 8 ký tự / at least 8 characters').max(200);
/** A code as people type it ("123 456"): six digits once spaces and dashes are dropped. */
export const CodeInput = z.string().max(20).transform(normalizeCode).pipe(z.string().regex(/^\d{6}$/, 'Mã gồm 6 chữ số / six digits'));
/** The current password again, before a change of sign-in security. */
export const PasswordAgainBody = z.strictObject({ password: z.string().min(1).max(200) });
export const CodeBody = z.strictObject({ code: CodeInput });

/** POST /auth/register: a citizen (by CCCD) or a business (by tax code). */
export const RegisterBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('citizen'),
    fullName: z.string().trim().min(2).max(120),
    cccd: z.string().max(20),
    birthYear: z.number().int().min(1900).max(2100),
    gender: z.enum(['male', 'female']),
    phone: z.string().max(20),
    email: z.email().max(200).optional(),
    address: z.string().max(300).optional(),
    password: NewPassword,
  }),
  z.strictObject({
    kind: z.literal('business'),
    businessName: z.string().trim().min(2).max(200),
    mst: z.string().max(20),
    phone: z.string().max(20),
    email: z.email().max(200).optional(),
    address: z.string().max(300).optional(),
    password: NewPassword,
  }),
]);
export const ResendSignUpBody = z.strictObject({ signUpId: z.uuid() });

/** Where a one-time code was sent (masked), when it expires, and when a new one may be asked for. */
export const CodeSent = z.object({
  channel: z.enum(['sms', 'email']),
  /** `******5678`, `a******@example.vn`. */
  sentTo: z.string(),
  expiresAt: z.string(),
  resendAt: z.string(),
});

/** A sign-up waiting for its code (or the desk): nothing is open yet. */
export const SignUpPending = z.object({
  id: z.string(),
  status: z.literal('pending'),
  /** The ID number is on record at a ward: the code went to the phone or email on record. */
  existingRecord: z.boolean(),
  /** null: no contact on record to send a code to; only a one-stop desk can verify the person. */
  code: CodeSent.nullable(),
  expiresAt: z.string(),
});
/** POST /auth/register (202), POST /auth/register/resend. */
export const SignUpAnswer = z.object({ signUp: SignUpPending });

export const ChangePasswordBody = z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: NewPassword });
export const ForgotPasswordBody = z.strictObject({ login: z.string().trim().min(1).max(100) });
/** POST /auth/password/forgot (202): the same shape whether or not the login exists; `code` null when none was sent. */
export const PasswordResetStarted = z.object({ reset: z.object({ id: z.string(), code: CodeSent.nullable() }) });
export const ResetPasswordBody = z.strictObject({ resetId: z.uuid(), code: CodeInput, newPassword: NewPassword });

/** GET /auth/two-factor: on or not, required of this person or not, recovery codes left. */
export const TwoFactorStatus = z.object({ enabled: z.boolean(), required: z.boolean(), recoveryCodesLeft: z.number().int() });
/** POST /auth/two-factor/setup: the new authenticator secret, shown this once (as text, as an otpauth URL, as a QR code). */
export const TwoFactorSetup = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  /** A data: URL of an SVG image. */
  qrCode: z.string(),
});
/** POST /auth/two-factor/enable and /recovery-codes: ten single-use codes, shown this once. */
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });

export type RegisterBody = z.input<typeof RegisterBody>;
export type CodeSent = z.infer<typeof CodeSent>;
export type SignUpPending = z.infer<typeof SignUpPending>;
export type SignUpAnswer = z.infer<typeof SignUpAnswer>;
export type PasswordResetStarted = z.infer<typeof PasswordResetStarted>;
export type TwoFactorStatus = z.infer<typeof TwoFactorStatus>;
export type TwoFactorSetup = z.infer<typeof TwoFactorSetup>;
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;
