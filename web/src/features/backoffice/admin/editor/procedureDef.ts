import type { Translate } from '../../../../i18n';
import type { DocumentKind, FormFieldType, ProcedureDefinitionView, TimeUnit } from '../../../../api/types';
import type { FormError } from '../../../../ui';

// The editor's state is the definition in form-friendly shapes (numbers as typed text, list
// rows with stable ids); `toDefinition` rebuilds exactly the strict server schema
// (src/domain/procedure.ts): GET's extra `version`/`effectiveFrom` are dropped and the
// flattened `onlineLevel` + `onlineLevelReason` go back to `{ level, reason }`.

export interface FeeRow { uid: string; name: string; amount: string; note: string }
export interface DocRow { uid: string; isNew: boolean; id: string; name: string; kind: DocumentKind; required: 'true' | 'false' | 'null'; copies: string; formUrl: string; note: string }
export interface FieldRow { uid: string; isNew: boolean; key: string; label: string; labelEn: string; type: FormFieldType; required: boolean; hint: string; hintEn: string; options: string; maxLength: string }
export interface StepRow { uid: string; isNew: boolean; key: string; name: string; nameEn: string; role: 'reception' | 'specialist' | 'leader'; share: string }

export interface EditorState {
  code: string;
  name: string;
  nameEn: string;
  field: string;
  applicant: 'citizen' | 'business' | 'both';
  result: string;
  resultKind: string;
  source: string;
  confidence: string;
  notes: string;
  legalBasis: string;
  toBeConfirmed: string;
  onlineLevel: '' | 'full' | 'partial';
  onlineReason: string;
  tlAmount: string;
  tlUnit: '' | TimeUnit;
  tlNote: string;
  tlToBeConfirmed: boolean;
  fees: FeeRow[];
  documents: DocRow[];
  formFields: FieldRow[];
  workflow: StepRow[];
  effectiveFrom: string;
}

let n = 0;
export const uid = () => `r${++n}`;
const lines = (s: string) => s.split('\n').map((x) => x.trim()).filter(Boolean);
const num = (s: string) => (s.trim() === '' ? null : Number(s.replace(',', '.')));
type Raw = ProcedureDefinitionView & Record<string, unknown>;

/** Vietnam's date today, `YYYY-MM-DD` (the default effective date). */
export function todayVn(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

/** "Giấy khai sinh" → "giay-khai-sinh"; `_` for field and step keys. */
export function slug(s: string, sep: '-' | '_'): string {
  const base = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z0-9]+/g, sep);
  return base.replace(new RegExp(`^\\${sep}+|\\${sep}+$`, 'g'), '').slice(0, 40);
}

export function fromProcedure(p: ProcedureDefinitionView): EditorState {
  const raw = p as Raw;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    code: p.code,
    name: p.name,
    nameEn: str(p.nameEn),
    field: p.field,
    applicant: p.applicant,
    result: str(p.result),
    resultKind: str(raw.resultKind) || 'document',
    source: str(p.source),
    confidence: p.confidence ?? 'medium',
    notes: str(p.notes),
    legalBasis: (p.legalBasis ?? []).join('\n'),
    toBeConfirmed: (p.toBeConfirmed ?? []).join('\n'),
    onlineLevel: p.onlineLevel ?? '',
    onlineReason: str(p.onlineLevelReason),
    tlAmount: p.timeLimit.amount === null ? '' : String(p.timeLimit.amount),
    tlUnit: p.timeLimit.unit ?? '',
    tlNote: str(p.timeLimit.note),
    tlToBeConfirmed: p.timeLimit.toBeConfirmed,
    fees: p.fees.map((f) => ({ uid: uid(), name: f.name, amount: f.amountVnd === null ? '' : String(f.amountVnd), note: str(f.note) })),
    documents: p.documents.map((d) => ({
      uid: uid(), isNew: false, id: d.id, name: d.name, kind: d.kind, required: String(d.required) as DocRow['required'],
      copies: String(d.copies ?? 1), formUrl: d.formUrl ?? '', note: str(d.note),
    })),
    formFields: p.formFields.map((f) => ({
      uid: uid(), isNew: false, key: f.key, label: f.label, labelEn: f.labelEn ?? '', type: f.type, required: f.required,
      hint: str(f.hint), hintEn: str(f.hintEn), maxLength: f.maxLength ? String(f.maxLength) : '',
      options: (f.options ?? []).map((o) => `${o.value} | ${o.label} | ${o.labelEn ?? o.label}`).join('\n'),
    })),
    workflow: p.workflow.map((s) => ({ uid: uid(), isNew: false, key: s.key, name: s.name, nameEn: s.nameEn ?? s.name, role: s.role as StepRow['role'], share: String(Math.round(s.share * 1000) / 10) })),
    effectiveFrom: todayVn(),
  };
}

function options(text: string) {
  return lines(text).map((l) => {
    const [value = '', label = '', labelEn = ''] = l.split('|').map((x) => x.trim());
    return { value, label: label || value, labelEn: labelEn || label || value };
  });
}

/** The body's `definition`, exactly the keys the strict schema accepts. */
export function toDefinition(s: EditorState) {
  return {
    code: s.code,
    name: s.name.trim(),
    nameEn: s.nameEn.trim() || null,
    field: s.field.trim(),
    legalBasis: lines(s.legalBasis),
    timeLimit: { amount: num(s.tlAmount), unit: s.tlUnit || null, note: s.tlNote.trim(), toBeConfirmed: s.tlToBeConfirmed },
    fees: s.fees.map((f) => ({ name: f.name.trim(), amountVnd: num(f.amount.replace(/[.\s]/g, '')), note: f.note.trim() })),
    documents: s.documents.map((d) => ({
      id: d.id.trim(), name: d.name.trim(), kind: d.kind, required: d.required === 'null' ? null : d.required === 'true',
      copies: Math.max(1, Number(d.copies) || 1), formUrl: d.formUrl.trim() || null, note: d.note.trim(),
    })),
    formFields: s.formFields.map((f) => ({
      key: f.key.trim(), label: f.label.trim(), labelEn: f.labelEn.trim() || f.label.trim(), type: f.type, required: f.required,
      hint: f.hint.trim(), hintEn: f.hintEn.trim(),
      ...(f.type === 'select' ? { options: options(f.options) } : {}),
      ...(f.maxLength.trim() ? { maxLength: Number(f.maxLength) } : {}),
    })),
    applicant: s.applicant,
    onlineLevel: { level: s.onlineLevel || null, reason: s.onlineReason.trim() },
    workflow: s.workflow.map((w) => ({ key: w.key.trim(), name: w.name.trim(), nameEn: w.nameEn.trim() || w.name.trim(), role: w.role, share: (num(w.share) ?? 0) / 100 })),
    result: s.result.trim(),
    resultKind: s.resultKind,
    source: s.source.trim(),
    confidence: s.confidence,
    notes: s.notes.trim(),
    toBeConfirmed: lines(s.toBeConfirmed),
  };
}

export const ids = {
  name: 'pe-name', field: 'pe-field', result: 'pe-result', source: 'pe-source', tlAmount: 'pe-tl-amount', tlUnit: 'pe-tl-unit',
  effectiveFrom: 'pe-effective', shares: 'pe-shares',
  fee: (u: string, k: string) => `pe-fee-${u}-${k}`, doc: (u: string, k: string) => `pe-doc-${u}-${k}`,
  fieldRow: (u: string, k: string) => `pe-field-${u}-${k}`, step: (u: string, k: string) => `pe-step-${u}-${k}`,
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SNAKE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

/** The checks the server makes, done first so every problem shows at once, linked to its input. */
export function validateEditor(s: EditorState, t: Translate): FormError[] {
  const errs: FormError[] = [];
  const need = (ok: boolean, target: string, text: string) => !ok && errs.push({ target, text });
  need(Boolean(s.name.trim()), ids.name, t('bo.pe.err.name'));
  need(Boolean(s.field.trim()), ids.field, t('bo.pe.err.field'));
  need(Boolean(s.result.trim()), ids.result, t('bo.pe.err.result'));
  need(Boolean(s.source.trim()), ids.source, t('bo.pe.err.source'));
  const amount = num(s.tlAmount);
  need(amount === null || (Number.isFinite(amount) && amount > 0), ids.tlAmount, t('bo.pe.err.tlAmount'));
  need(s.tlToBeConfirmed || (Boolean(s.tlUnit) && (amount !== null || s.tlUnit === 'same_day')), ids.tlUnit, t('bo.pe.err.tl'));
  need(/^\d{4}-\d{2}-\d{2}$/.test(s.effectiveFrom), ids.effectiveFrom, t('bo.pe.err.effectiveFrom'));
  s.fees.forEach((f, i) => {
    need(Boolean(f.name.trim()), ids.fee(f.uid, 'name'), t('bo.pe.err.feeName', { n: i + 1 }));
    const a = num(f.amount.replace(/[.\s]/g, ''));
    need(a === null || (Number.isInteger(a) && a >= 0), ids.fee(f.uid, 'amount'), t('bo.pe.err.feeAmount', { n: i + 1 }));
  });
  const dup = (keys: string[], k: string) => keys.filter((x) => x === k).length > 1;
  s.documents.forEach((d, i) => {
    need(SLUG.test(d.id.trim()) && !dup(s.documents.map((x) => x.id.trim()), d.id.trim()), ids.doc(d.uid, 'id'), t('bo.pe.err.docId', { n: i + 1 }));
    need(Boolean(d.name.trim()), ids.doc(d.uid, 'name'), t('bo.pe.err.docName', { n: i + 1 }));
  });
  s.formFields.forEach((f, i) => {
    need(SNAKE.test(f.key.trim()) && !dup(s.formFields.map((x) => x.key.trim()), f.key.trim()), ids.fieldRow(f.uid, 'key'), t('bo.pe.err.fieldKey', { n: i + 1 }));
    need(Boolean(f.label.trim()), ids.fieldRow(f.uid, 'label'), t('bo.pe.err.fieldLabel', { n: i + 1 }));
    need(f.type !== 'select' || options(f.options).length > 0, ids.fieldRow(f.uid, 'options'), t('bo.pe.err.fieldOptions', { n: i + 1 }));
  });
  need(s.workflow.length > 0, ids.shares, t('bo.pe.err.noSteps'));
  s.workflow.forEach((w, i) => {
    need(SNAKE.test(w.key.trim()) && !dup(s.workflow.map((x) => x.key.trim()), w.key.trim()), ids.step(w.uid, 'key'), t('bo.pe.err.stepKey', { n: i + 1 }));
    need(Boolean(w.name.trim()), ids.step(w.uid, 'name'), t('bo.pe.err.stepName', { n: i + 1 }));
  });
  const total = s.workflow.reduce((sum, w) => sum + (num(w.share) ?? NaN), 0);
  need(Math.abs(total - 100) <= 0.1, ids.shares, t('bo.pe.err.shares', { total: Number.isFinite(total) ? String(Math.round(total * 10) / 10) : '?' }));
  return errs;
}
