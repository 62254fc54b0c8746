import { validateCccd, type CccdResult } from '@domain/identifiers.ts';
import type { Translate } from '../../../i18n';
import type { ApiError } from '../../../api/client';
import type { Procedure, UploadedFile } from '../../../api/types';
import type { FormError } from '../../../ui';
import { isPhone, normalizePhone } from '../../../lib/validate';
import type { Citizen, DeskSubmission } from '../api';
import { appointmentNeeded, appointmentPayload, appointmentProblems, emptyAppointment, type AppointmentDraft } from '../components/appointment';

/** Kept on this device (cleared at sign-out) so a reload or a failed request loses nothing. */
export const DESK_DRAFT_KEY = 'nts.draft.bo.desk.v2'; // v2: the look-up answers a summary, not the record

export interface DeskDraft {
  cccd: string;
  lookup: 'none' | 'found' | 'new';
  citizen: Citizen | null;
  fullName: string;
  birthYear: string;
  gender: '' | 'male' | 'female';
  phone: string;
  email: string;
  address: string;
  procedureCode: string;
  formData: Record<string, string>;
  files: Record<string, UploadedFile>;
  idempotencyKey: string;
  /** Filed but not yet received (the receive call failed): never filed twice. */
  created: { code: string; version: number } | null;
  /** The officer's appointment, when the procedure's time limit is unconfirmed (absent in older drafts). */
  appointment?: AppointmentDraft;
}

function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `desk-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export function emptyDesk(): DeskDraft {
  return {
    cccd: '',
    lookup: 'none',
    citizen: null,
    fullName: '',
    birthYear: '',
    gender: '',
    phone: '',
    email: '',
    address: '',
    procedureCode: '',
    formData: {},
    files: {},
    idempotencyKey: newKey(),
    created: null,
    appointment: emptyAppointment(),
  };
}

export const DESK_APPOINTMENT = 'desk-appointment';

export const deskIds = {
  cccd: 'desk-cccd',
  fullName: 'desk-full-name',
  birthYear: 'desk-birth-year',
  gender: 'desk-gender',
  phone: 'desk-phone',
  email: 'desk-email',
  address: 'desk-address',
  procedure: 'desk-procedure-q',
  field: (key: string) => `desk-field-${key}`,
  doc: (id: string) => `desk-doc-${id}`,
};

/** What the typed number says, once it has 12 digits (the domain's own parser, as on the server). */
export function cccdOf(cccd: string): CccdResult | null {
  const digits = cccd.replace(/\s/g, '');
  return /^\d{12}$/.test(digits) ? validateCccd(digits) : null;
}

/** The problem with the typed CCCD, if any: format (not 12 digits) or a province code that does not exist. */
export function cccdProblem(cccd: string, t: Translate): string | null {
  const parsed = cccdOf(cccd);
  if (!parsed) return t('bo.desk.err.cccd');
  return parsed.ok ? null : t('desk.err.cccdProvince');
}

/** The birth year or gender typed for a new citizen, against what the CCCD number says (null: nothing to say yet). */
export function factProblems(d: Pick<DeskDraft, 'cccd' | 'birthYear' | 'gender'>, t: Translate) {
  const parsed = cccdOf(d.cccd);
  if (!parsed?.ok) return { birthYear: null, gender: null };
  const year = d.birthYear.trim();
  return {
    birthYear: /^\d{4}$/.test(year) && Number(year) !== parsed.birthYear ? t('desk.err.birthYearCccd', { year: parsed.birthYear }) : null,
    gender: d.gender && d.gender !== parsed.gender ? t('desk.err.genderCccd', { gender: t(`gender.${parsed.gender}`) }) : null,
  };
}

/** A found citizen whose record contradicts the number cannot be filed for (the server refuses it too). */
export const recordContradicts = (c: Citizen | null) => c !== null && (c.checks.birthYear === 'mismatch' || c.checks.gender === 'mismatch');

/** A phone must be typed for a new citizen, or for one whose record has none. */
export const needsPhone = (d: Pick<DeskDraft, 'lookup' | 'citizen'>) => d.lookup === 'new' || (d.lookup === 'found' && !d.citizen?.phoneMasked);

/** Every problem at once, each linked to its field. */
export function validateDesk(d: DeskDraft, procedure: Procedure | undefined, t: Translate, uploading: boolean): FormError[] {
  const errs: FormError[] = [];
  const add = (ok: boolean, target: string, key: Parameters<Translate>[0], params?: Record<string, string>) => {
    if (!ok) errs.push({ target, text: t(key, params) });
  };
  const cccd = cccdProblem(d.cccd, t);
  if (cccd) errs.push({ target: deskIds.cccd, text: cccd });
  else if (d.lookup === 'none') add(false, deskIds.cccd, 'bo.desk.err.lookup');
  else if (d.lookup === 'found' && recordContradicts(d.citizen)) add(false, deskIds.cccd, 'desk.err.recordMismatch');
  if (d.lookup === 'new') {
    add(d.fullName.trim().length >= 2, deskIds.fullName, 'bo.desk.err.fullName');
    const y = Number(d.birthYear);
    const facts = factProblems(d, t);
    if (facts.birthYear) errs.push({ target: deskIds.birthYear, text: facts.birthYear });
    else add(/^\d{4}$/.test(d.birthYear.trim()) && y >= 1900 && y <= new Date().getFullYear(), deskIds.birthYear, 'bo.desk.err.birthYear');
    if (facts.gender) errs.push({ target: deskIds.gender, text: facts.gender });
    else add(d.gender !== '', deskIds.gender, 'bo.desk.err.gender');
  }
  if (needsPhone(d)) add(isPhone(d.phone), deskIds.phone, 'bo.desk.err.phone');
  add(Boolean(d.procedureCode), deskIds.procedure, 'bo.desk.err.procedure');
  if (procedure) {
    for (const f of procedure.formFields) {
      if (f.required && !(d.formData[f.key] ?? '').trim()) add(false, deskIds.field(f.key), 'bo.desk.err.field', { label: f.label });
    }
    for (const doc of procedure.documents) {
      if (doc.required === true && !d.files[doc.id]) add(false, deskIds.doc(doc.id), 'bo.desk.err.doc', { name: doc.name });
    }
  }
  if (procedure && appointmentNeeded(procedure.timeLimit)) errs.push(...appointmentProblems(d.appointment ?? emptyAppointment(), DESK_APPOINTMENT, t));
  if (uploading) errs.push({ target: 'desk-docs-title', text: t('bo.desk.err.uploading') });
  return errs;
}

/** The POST /dossiers body: only the current procedure's fields and documents. */
export function deskBody(d: DeskDraft, procedure: Procedure): DeskSubmission {
  const formData: Record<string, string | number> = {};
  for (const f of procedure.formFields) {
    const v = (d.formData[f.key] ?? '').trim();
    if (v) formData[f.key] = f.type === 'number' ? Number(v) : v;
  }
  const documents = procedure.documents.filter((doc) => d.files[doc.id]).map((doc) => ({ requirementId: doc.id, fileId: d.files[doc.id]!.id }));
  const c = d.lookup === 'found' ? d.citizen : null;
  const opt = (s: string | null | undefined) => (s && s.trim() ? s.trim() : undefined);
  // A citizen on record is filed for under the record's name (the server checks it); birth year
  // and gender are what the number says; a phone only where one must be typed.
  const parsed = cccdOf(d.cccd);
  const fromCccd = parsed?.ok ? { birthYear: parsed.birthYear, gender: parsed.gender } : {};
  return {
    procedureCode: procedure.code,
    formData,
    documents,
    applicant: {
      kind: 'citizen',
      fullName: c?.fullName ?? d.fullName.trim(),
      cccd: d.cccd.replace(/\s/g, ''),
      ...(c ? fromCccd : { birthYear: Number(d.birthYear), gender: d.gender || undefined }),
      ...(needsPhone(d) ? { phone: normalizePhone(d.phone) } : {}),
      ...(c ? {} : { email: opt(d.email), address: opt(d.address) }),
    },
  };
}

/** The receive call's body: the officer's appointment when the time limit is unconfirmed, else nothing. */
export const deskReceiveBody = (d: DeskDraft, procedure: Procedure) =>
  appointmentNeeded(procedure.timeLimit) ? appointmentPayload(d.appointment ?? emptyAppointment()) : {};

/** The server's per-field refusals mapped to this page's field ids. */
export function deskServerErrors(err: ApiError, lang: 'vi' | 'en', procedure: Procedure | undefined): FormError[] {
  // The number is on record under another identity (found after the look-up): look it up again.
  if (err.code === 'APPLICANT_IDENTITY_MISMATCH') return [{ target: deskIds.cccd, text: err.localized(lang) }];
  const out: FormError[] = [];
  const details = err.details ?? {};
  const targetOf = (key: string) => {
    if (key.startsWith('applicant.')) {
      const k = key.slice('applicant.'.length) as keyof typeof deskIds;
      return typeof deskIds[k] === 'string' ? (deskIds[k] as string) : deskIds.cccd;
    }
    return procedure?.documents.some((doc) => doc.id === key) ? deskIds.doc(key) : deskIds.field(key);
  };
  const problems = Array.isArray(details.problems) ? (details.problems as { key?: string; message?: string; messageEn?: string }[]) : [];
  for (const p of problems) if (p.key) out.push({ target: targetOf(p.key), text: (lang === 'en' && p.messageEn) || p.message || err.localized(lang) });
  if (typeof details.field === 'string') out.push({ target: targetOf(details.field), text: err.localized(lang) });
  return out;
}
