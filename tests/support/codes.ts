import { sql } from 'drizzle-orm';
import { maybeOne, rows } from '../../src/db/client.ts';
import type { TestApp } from './app.ts';
import { Client } from './client.ts';

export interface SentMessage {
  recipient: string;
  template: string;
  body: string;
}

/** Every message the outbox holds for a recipient, oldest first (what their phone or inbox got). */
export async function messagesTo(t: TestApp, recipient: string): Promise<SentMessage[]> {
  return rows<SentMessage>(t.database.db, sql`select recipient, template, body from messages where recipient = ${recipient} order by seq`);
}

/**
 * The one-time code in the latest message to a recipient, read as the person would read it on
 * their phone or in their inbox. Fails if there is none.
 */
export async function lastCodeTo(t: TestApp, recipient: string): Promise<string> {
  const list = await messagesTo(t, recipient);
  const body = list.at(-1)?.body ?? '';
  const code = /\b(\d{6})\b/.exec(body)?.[1];
  if (!code) throw new Error(`no code was sent to ${recipient}: ${JSON.stringify(list)}`);
  return code;
}

/**
 * Signs up as a person would: register, read the code their phone (or inbox) got, confirm.
 * Returns the signed-in client.
 */
export async function signUp(t: TestApp, body: Record<string, unknown>): Promise<Client> {
  const reg = await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: body });
  if (reg.statusCode !== 202) throw new Error(`sign-up failed: ${reg.statusCode} ${reg.body}`);
  const id = reg.json().signUp.id as string;
  const sent = await maybeOne<{ recipient: string }>(t.database.db, sql`select recipient from one_time_codes where subject = ${id} order by created_at desc limit 1`);
  if (!sent) throw new Error(`no code was sent for sign-up ${id}`);
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/register/confirm', payload: { signUpId: id, code: await lastCodeTo(t, sent.recipient) } });
  if (res.statusCode !== 201) throw new Error(`sign-up confirmation failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((k) => k.name === 'nts_session')!.value;
  return new Client(t.app, { cookie, csrf: res.json().csrfToken, user: res.json().user });
}
