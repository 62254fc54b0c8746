import { pick, type Lang, type Translate } from '../../i18n';
import type { FormField, Procedure } from '../../api/types';
import { isCccd, isEmail, isPhone, normalizePhone } from '../../lib/validate';
import { normalizeDate, type FormError } from '../../ui';
import type { Draft } from './draft';
import type { UploadState } from './useUploads';

export const fieldId = (key: string) => `field-${key}`;
export const docId = (id: string) => `doc-${id}`;

function fieldProblem(f: FormField, raw: string | undefined, t: Translate, lang: Lang): string | null {
  const label = pick(lang, f.label, f.labelEn);
  const value = (raw ?? '').trim();
  if (!value) return f.required ? t(f.type === 'select' ? 'apply.error.choose' : 'apply.error.required', { label }) : null;
  if (f.maxLength && value.length > f.maxLength) return t('apply.error.tooLong', { label, max: f.maxLength });
  switch (f.type) {
    case 'cccd':
      return isCccd(value) ? null : t('apply.error.cccd', { label });
    case 'phone':
      return isPhone(value) ? null : t('apply.error.phone', { label });
    case 'email':
      return isEmail(value) ? null : t('apply.error.email', { label });
    case 'number':
      return Number.isFinite(Number(value.replace(',', '.'))) ? null : t('apply.error.number', { label });
    case 'date':
      return normalizeDate(value) ? null : t('apply.error.date', { label });
    case 'select':
      return f.options?.some((o) => o.value === value) ? null : t('apply.error.select', { label });
    default:
      return null;
  }
}

/** Blank required fields and malformed values, each pointing at its input. */
export function validateFields(p: Procedure, draft: Draft, t: Translate, lang: Lang): FormError[] {
  const out: FormError[] = [];
  for (const f of p.formFields) {
    const problem = fieldProblem(f, draft.formData[f.key], t, lang);
    if (problem) out.push({ target: fieldId(f.key), text: problem });
  }
  return out;
}

/** Missing mandatory documents, empty files, uploads still running or failed. */
export function validateDocuments(p: Procedure, draft: Draft, uploads: Record<string, UploadState>, t: Translate): FormError[] {
  const out: FormError[] = [];
  for (const d of p.documents) {
    const file = draft.documents[d.id];
    const up = uploads[d.id];
    if (up?.status === 'uploading') out.push({ target: docId(d.id), text: t('apply.error.stillUploading', { name: d.name }) });
    else if (up?.status === 'error') out.push({ target: docId(d.id), text: t('apply.error.uploadFailed', { name: d.name }) });
    else if (file && file.size === 0) out.push({ target: docId(d.id), text: t('apply.error.emptyFile', { name: d.name }) });
    else if (!file && d.required === true) out.push({ target: docId(d.id), text: t('apply.error.missingDocument', { name: d.name }) });
  }
  return out;
}

/** The values as the API expects them: trimmed, blanks left out, numbers as numbers. */
export function toFormData(p: Procedure, draft: Draft): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const f of p.formFields) {
    const value = (draft.formData[f.key] ?? '').trim();
    if (!value) continue;
    if (f.type === 'number') out[f.key] = Number(value.replace(',', '.'));
    else if (f.type === 'date') out[f.key] = normalizeDate(value) ?? value;
    else if (f.type === 'phone') out[f.key] = normalizePhone(value);
    else if (f.type === 'cccd') out[f.key] = value.replace(/\s+/g, '');
    else out[f.key] = value;
  }
  return out;
}

export function toDocuments(p: Procedure, draft: Draft): { requirementId: string; fileId: string }[] {
  return p.documents.flatMap((d) => {
    const f = draft.documents[d.id];
    return f ? [{ requirementId: d.id, fileId: f.fileId }] : [];
  });
}
