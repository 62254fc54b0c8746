import type { Translate } from '../../../i18n';
import type { ApiError } from '../../../api/client';
import type { Procedure, UploadedFile } from '../../../api/types';
import type { FormError } from '../../../ui';
import type { Citizen, DeskSubmission } from '../api';

/** Kept on this device (cleared at sign-out) so a reload or a failed request loses nothing. */
export const DESK_DRAFT_KEY = 'nts.draft.bo.desk';

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
  };
}

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

const CCCD = /^\d{12}$/;
const PHONE = /^0\d{9}$/;

/** Every problem at once, each linked to its field. */
export function validateDesk(d: DeskDraft, procedure: Procedure | undefined, t: Translate, uploading: boolean): FormError[] {
  const errs: FormError[] = [];
  const add = (ok: boolean, target: string, key: Parameters<Translate>[0], params?: Record<string, string>) => {
    if (!ok) errs.push({ target, text: t(key, params) });
  };
  add(CCCD.test(d.cccd.trim()), deskIds.cccd, 'bo.desk.err.cccd');
  if (d.lookup === 'none') add(false, deskIds.cccd, 'bo.desk.err.lookup');
  if (d.lookup === 'new') {
    add(d.fullName.trim().length >= 2, deskIds.fullName, 'bo.desk.err.fullName');
    const y = Number(d.birthYear);
    add(/^\d{4}$/.test(d.birthYear.trim()) && y >= 1900 && y <= new Date().getFullYear(), deskIds.birthYear, 'bo.desk.err.birthYear');
    add(d.gender !== '', deskIds.gender, 'bo.desk.err.gender');
  }
  if (d.lookup === 'new' || (d.lookup === 'found' && !d.citizen?.phone)) add(PHONE.test(d.phone.replace(/\s/g, '')), deskIds.phone, 'bo.desk.err.phone');
  add(Boolean(d.procedureCode), deskIds.procedure, 'bo.desk.err.procedure');
  if (procedure) {
    for (const f of procedure.formFields) {
      if (f.required && !(d.formData[f.key] ?? '').trim()) add(false, deskIds.field(f.key), 'bo.desk.err.field', { label: f.label });
    }
    for (const doc of procedure.documents) {
      if (doc.required === true && !d.files[doc.id]) add(false, deskIds.doc(doc.id), 'bo.desk.err.doc', { name: doc.name });
    }
  }
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
  return {
    procedureCode: procedure.code,
    formData,
    documents,
    applicant: {
      kind: 'citizen',
      fullName: c?.fullName ?? d.fullName.trim(),
      cccd: d.cccd.trim(),
      birthYear: c ? (c.birthYear ?? undefined) : Number(d.birthYear),
      gender: c ? (c.gender ?? undefined) : d.gender || undefined,
      phone: c?.phone ?? d.phone.replace(/\s/g, ''),
      email: c ? opt(c.email) : opt(d.email),
      address: c ? opt(c.address) : opt(d.address),
    },
  };
}

/** The server's per-field refusals mapped to this page's field ids. */
export function deskServerErrors(err: ApiError, lang: 'vi' | 'en', procedure: Procedure | undefined): FormError[] {
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
