/**
 * The HTTP contract of the desk's look-ups of citizens (GET /citizens, /citizens/sign-ups) and its
 * confirmation of an online sign-up: enough to serve the person in front of the officer, never the
 * whole record (masked phone, facts checked against the CCCD without their values). Pure: no I/O.
 */
import { z } from 'zod';

export const CccdQuery = z.strictObject({ cccd: z.string().max(20) });
export const SignUpParams = z.strictObject({ id: z.uuid() });
export const VerifySignUpBody = z.strictObject({ phone: z.string().max(20) });

/** A record's fact against the one the CCCD number encodes. */
export const FactCheck = z.enum(['match', 'mismatch', 'unknown']);

/** What the desk learns of a citizen from their CCCD: enough to start a dossier, no more. */
export const Citizen = z.object({
  fullName: z.string(),
  phoneMasked: z.string().nullable(),
  /** The record's birth year and gender against those the number encodes (the values are not shown). */
  checks: z.object({ birthYear: FactCheck, gender: FactCheck }),
});

/** An online sign-up waiting under a CCCD, as the desk sees it: what the person typed, to check against their ID card. */
export const PendingSignUp = z.object({
  id: z.string(),
  fullName: z.string(),
  birthYear: z.number().int().nullable(),
  gender: z.enum(['male', 'female']).nullable(),
  phoneMasked: z.string(),
  /** The CCCD is on record at a ward already. */
  existingRecord: z.boolean(),
  /** Where the code went (masked), or null when only the desk can verify. */
  codeSentTo: z.string().nullable(),
  createdAt: z.string(),
});
export const PendingSignUpList = z.object({ items: z.array(PendingSignUp) });

/** The account is open: the person signs in with this login and the password they chose online. */
export const SignUpVerified = z.object({ verified: z.literal(true), login: z.string() });

export type FactCheck = z.infer<typeof FactCheck>;
export type Citizen = z.infer<typeof Citizen>;
export type PendingSignUp = z.infer<typeof PendingSignUp>;
export type PendingSignUpList = z.infer<typeof PendingSignUpList>;
export type SignUpVerified = z.infer<typeof SignUpVerified>;
