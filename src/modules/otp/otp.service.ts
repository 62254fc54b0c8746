import { randomInt, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { maybeOne, type Executor } from '../../db/client.ts';
import { toDate } from '../../db/time.ts';
import { AppError } from '../../domain/errors.ts';
import { maskPhone } from '../../domain/identifiers.ts';
import { OTP_RULES, codeStatus, newCode, resendWaitSeconds, secondsLeftInWindow, type OtpRules } from '../../domain/otp.ts';
import type { ServerKeys } from '../../server/secrets.ts';
import { enqueueMessage, maskEmail, type Channel } from '../messages/index.ts';
import type { CodePurpose } from '../messages/messages.templates.ts';
import { countEvent } from './rate-counters.ts';
import type { RowOf } from '../../db/rows.ts';

/**
 * One-time codes, for any use: a code is issued for a purpose (its message template is
 * `otp.<purpose>`) and a subject (what it proves something about: a sign-up, an account, a
 * contact), sent through the outbox in the caller's transaction, and checked later. Only a keyed
 * hash of the code is stored; the message keeps the code only until it expires (docs/messages.md).
 */

/** A one-time code goes by text message or email, never to a connected system or Zalo. */
export type CodeChannel = Extract<Channel, 'sms' | 'email'>;

export interface IssueInput {
  purpose: CodePurpose;
  subject: string;
  channel: CodeChannel;
  recipient: string;
  /** The account it concerns, if any (kept with the message). */
  userId?: string | null;
  /** The client address that asked for it: codes are limited per address too. */
  address: string;
}

export interface IssuedCode {
  id: string;
  channel: CodeChannel;
  /** The recipient as the person may be shown it: `******5678`, `a******@example.vn`. */
  sentTo: string;
  expiresAt: Date;
  /** When a new code may be asked for. */
  resendAt: Date;
}

export const maskRecipient = (channel: Channel, recipient: string) => (channel === 'sms' ? maskPhone(recipient) : maskEmail(recipient));

const hashOf = (keys: ServerKeys, id: string, code: string) => keys.mac('one-time-code', `${id}:${code}`);

/**
 * Issues a code and writes its message to the outbox, in `tx`. Any earlier code for the same
 * purpose and subject stops working.
 * @throws AppError OTP_RATE_LIMITED (details: retryAfterSeconds, limit: "resend" | "recipient" | "address")
 */
export async function issueCode(tx: Executor, keys: ServerKeys, input: IssueInput, now: Date, rules: OtpRules = OTP_RULES): Promise<IssuedCode> {
  const last = await maybeOne<RowOf<'one_time_codes', { created_at: string }>>(
    tx,
    sql`select created_at from one_time_codes where purpose = ${input.purpose} and subject = ${input.subject}
        order by created_at desc limit 1`,
  );
  const wait = resendWaitSeconds(last ? toDate(last.created_at) : null, now, rules);
  if (wait > 0) throw new AppError('OTP_RATE_LIMITED', { limit: 'resend', retryAfterSeconds: wait });
  const limits = [
    { limit: 'recipient', key: `otp:to:${input.channel}:${input.recipient}`, ...rules.perRecipient },
    { limit: 'address', key: `otp:from:${input.address}`, ...rules.perAddress },
  ];
  for (const l of limits) {
    if ((await countEvent(tx, l.key, l.windowMs, now)) > l.max) {
      throw new AppError('OTP_RATE_LIMITED', { limit: l.limit, retryAfterSeconds: secondsLeftInWindow(now, l.windowMs) });
    }
  }
  // Codes are kept a day past their expiry (to answer "expired" rather than "none"), then removed.
  await tx.execute(sql`delete from one_time_codes where expires_at < ${new Date(now.getTime() - 86_400_000).toISOString()}`);
  await tx.execute(sql`update one_time_codes set expires_at = ${now.toISOString()}
                       where purpose = ${input.purpose} and subject = ${input.subject} and consumed_at is null and expires_at > ${now.toISOString()}`);
  const id = randomUUID();
  const code = newCode(randomInt, rules.digits);
  const expiresAt = new Date(now.getTime() + rules.ttlMs);
  const message = await enqueueMessage(
    tx,
    {
      channel: input.channel,
      recipient: input.recipient,
      template: `otp.${input.purpose}`,
      data: { minutes: Math.round(rules.ttlMs / 60_000) },
      secrets: { code },
      userId: input.userId ?? null,
      dedupeKey: `otp:${id}`,
      expiresAt,
    },
    now,
  );
  await tx.execute(sql`
    insert into one_time_codes (id, purpose, subject, channel, recipient, code_hash, max_attempts, created_at, expires_at, message_id)
    values (${id}, ${input.purpose}, ${input.subject}, ${input.channel}, ${input.recipient}, ${hashOf(keys, id, code)},
            ${rules.maxAttempts}, ${now.toISOString()}, ${expiresAt.toISOString()}, ${message.id})`);
  return { id, channel: input.channel, sentTo: maskRecipient(input.channel, input.recipient), expiresAt, resendAt: new Date(now.getTime() + rules.resendAfterMs) };
}

export type CheckResult =
  | { ok: true; codeId: string; channel: Channel; recipient: string }
  | { ok: false; reason: 'wrong'; attemptsLeft: number }
  | { ok: false; reason: 'none' | 'expired' | 'used' | 'attempts' };

/**
 * Checks a code typed for a purpose and subject against the latest one sent. A wrong code
 * counts one try (the row is locked, so tries sent together are each counted); the right one
 * is spent at once. The caller must COMMIT the transaction whatever the answer, so that wrong
 * tries stay counted, and then report a failure with `codeError`.
 */
export async function checkCode(tx: Executor, keys: ServerKeys, input: { purpose: CodePurpose; subject: string; code: string }, now: Date): Promise<CheckResult> {
  const row = await maybeOne<RowOf<'one_time_codes', { id: string; channel: Channel; recipient: string; code_hash: string; attempts: number; max_attempts: number; expires_at: string; consumed_at: string | null }>>(
    tx,
    sql`select id, channel, recipient, code_hash, attempts, max_attempts, expires_at, consumed_at from one_time_codes
        where purpose = ${input.purpose} and subject = ${input.subject}
        order by created_at desc limit 1 for update`,
  );
  if (!row) return { ok: false, reason: 'none' };
  const status = codeStatus({ attempts: row.attempts, maxAttempts: row.max_attempts, expiresAt: toDate(row.expires_at), consumedAt: toDate(row.consumed_at) }, now);
  if (status !== 'usable') return { ok: false, reason: status === 'exhausted' ? 'attempts' : status };
  if (keys.macEquals('one-time-code', `${row.id}:${input.code}`, row.code_hash)) {
    await tx.execute(sql`update one_time_codes set consumed_at = ${now.toISOString()} where id = ${row.id}`);
    return { ok: true, codeId: row.id, channel: row.channel, recipient: row.recipient };
  }
  await tx.execute(sql`update one_time_codes set attempts = attempts + 1 where id = ${row.id}`);
  const attemptsLeft = row.max_attempts - row.attempts - 1;
  return attemptsLeft > 0 ? { ok: false, reason: 'wrong', attemptsLeft } : { ok: false, reason: 'attempts' };
}

/** The error to answer for a failed check: OTP_INVALID (another try is possible) or OTP_EXPIRED (ask for a new code). */
export function codeError(r: Extract<CheckResult, { ok: false }>): AppError {
  return r.reason === 'wrong' ? new AppError('OTP_INVALID', { attemptsLeft: r.attemptsLeft }) : new AppError('OTP_EXPIRED', { reason: r.reason });
}
