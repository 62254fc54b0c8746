/**
 * The seeded catalogue: the 48 real commune/ward-level procedures of `data/ward-procedures.json`
 * (see `data/README.md` for the sources) turned into validated `ProcedureDefinition`s.
 *
 * The conversion never invents a value. What the source leaves open stays `null` and is listed
 * in `toBeConfirmed`; each record keeps its `source` and `confidence`. Only the form fields
 * (`procedure-forms.ts`) and the default workflow are ours, and officials edit both.
 */

import { z } from 'zod';
import {
  DEFAULT_WORKFLOW,
  DocumentKindSchema,
  parseProcedureDefinition,
  type DocumentRequirement,
  type OnlineLevel,
  type ProcedureDefinition,
  type TimeLimit,
} from '../../domain/procedure.ts';
import { formFieldsFor } from './procedure-forms.ts';
import wardProcedures from './data/ward-procedures.json' with { type: 'json' };
import correctionsFile from './data/ward-procedures.corrections.json' with { type: 'json' };

/** The shape of one record in `ward-procedures.json`, checked strictly so a format change fails loudly. */
const RawProcedureSchema = z.strictObject({
  code: z.string(),
  name: z.string(),
  field: z.string(),
  timeLimit: z.strictObject({ amount: z.number().nullable(), unit: z.string().nullable(), note: z.string() }),
  fees: z.array(z.strictObject({ name: z.string(), amountVnd: z.number().nullable(), note: z.string() })),
  documents: z.array(z.strictObject({ name: z.string(), kind: DocumentKindSchema, required: z.boolean().nullable() })),
  result: z.string(),
  legalBasis: z.array(z.string()),
  onlineLevel: z.enum(['full', 'partial']).nullable(),
  applicant: z.enum(['citizen', 'business', 'both']),
  source: z.string(),
  confidence: z.enum(['high', 'medium', 'low']),
  notes: z.string(),
});
export type RawWardProcedure = z.infer<typeof RawProcedureSchema>;

const ApplicantSchema = z.enum(['citizen', 'business', 'both']);

/**
 * Our corrections to the source (`data/ward-procedures.corrections.json`): the source file stays a
 * verbatim copy; each correction names the value it replaces, the new one, why and on what basis.
 */
const CorrectionSchema = z.strictObject({
  code: z.string(),
  applicant: z.strictObject({ from: ApplicantSchema, to: ApplicantSchema }),
  reason: z.string().min(1),
  basis: z.string().min(1),
});
export type WardCorrection = z.infer<typeof CorrectionSchema>;

/** The corrections, shape-checked. @throws {z.ZodError} on a malformed file. */
export function wardCorrections(): WardCorrection[] {
  return z.array(CorrectionSchema).parse(correctionsFile);
}

/** The line a correction adds to the officials' notes, so they see what was changed and why. */
export function correctionNote(c: WardCorrection): string {
  return `Đối tượng thực hiện: nguồn ghi "${c.applicant.from}", đã sửa thành "${c.applicant.to}". ${c.reason} Căn cứ: ${c.basis}.`;
}

/** A legal-basis entry's closing remark about where it was found: `(được dẫn trong … DVCQG)`. */
const SOURCE_REMARK = /\s*\(([^()]*(?:DVCQG|nguồn)[^()]*)\)\s*$/i;

/**
 * The legal basis as citizens read it: an entry's remark about the source it was found in is the
 * officials' business, so it moves to the notes, e.g. `Nghị định 151/2025/NĐ-CP (được dẫn trong
 * thành phần hồ sơ DVCQG)` → `Nghị định 151/2025/NĐ-CP`.
 */
export function plainLegalBasis(entries: readonly string[]): { legalBasis: string[]; remarks: string[] } {
  const legalBasis: string[] = [];
  const remarks: string[] = [];
  for (const entry of entries) {
    const m = SOURCE_REMARK.exec(entry);
    const plain = m ? entry.slice(0, m.index).trim() : entry;
    legalBasis.push(plain);
    if (m) remarks.push(`Căn cứ "${plain}": ${m[1]!.trim()}.`);
  }
  return { legalBasis, remarks };
}

/** Applies the corrections to one source record; a correction that no longer matches the source fails loudly. */
function corrected(raw: RawWardProcedure, corrections: readonly WardCorrection[]): RawWardProcedure {
  const c = corrections.find((x) => x.code === raw.code);
  if (!c) return raw;
  if (raw.applicant !== c.applicant.from) {
    throw new Error(`Correction of ${raw.code}: the source says applicant "${raw.applicant}", not "${c.applicant.from}"`);
  }
  return { ...raw, applicant: c.applicant.to, notes: [raw.notes, correctionNote(c)].filter(Boolean).join(' ') };
}

/** The portal's unspecified unit, kept by the data as e.g. `khác (DVCQG '5 Khác')`. */
const OTHER_UNIT = /^khác \(DVCQG '(\d+) Khác'\)$/;

export const TO_BE_CONFIRMED = {
  timeLimit: 'Thời hạn giải quyết',
  timeLimitOtherUnit: 'Thời hạn giải quyết (đơn vị "Khác" trên Cổng DVCQG)',
  timeLimitDayKind: 'Thời hạn giải quyết (ngày làm việc hay ngày theo lịch)',
  onlineLevel: 'Mức độ trực tuyến',
  lowConfidence: 'Toàn bộ thông tin (độ tin cậy thấp)',
  fee: (name: string) => `Mức thu "${name}"`,
  documentRequired: (name: string) => `Giấy tờ "${name}" có bắt buộc hay không`,
} as const;

const ONLINE_LEVEL_UNKNOWN = 'Chưa xác định mức độ trực tuyến từ nguồn (cần xác nhận)';

/** Converts the source's time limit; throws on a unit it does not know rather than guessing. */
export function convertTimeLimit(raw: RawWardProcedure['timeLimit'], code: string): TimeLimit {
  const { amount, unit, note } = raw;
  if (unit === 'trong ngày') {
    // Same day (Civil Status Law Art. 5(3), Decree 23/2015 Art. 7): after 15:00, the next working day.
    return { amount: 1, unit: 'same_day', note, toBeConfirmed: false };
  }
  if (unit === null || amount === null) return { amount: null, unit: null, note, toBeConfirmed: true };
  if (unit === 'ngày làm việc') return { amount, unit: 'working_days', note, toBeConfirmed: false };
  if (unit === 'ngày') {
    return /ngày làm việc/i.test(note)
      ? { amount, unit: 'working_days', note, toBeConfirmed: false }
      : { amount, unit: 'calendar_days', note, toBeConfirmed: true };
  }
  const other = OTHER_UNIT.exec(unit);
  if (other) {
    const n = Number(other[1]);
    const explanation =
      `Cổng DVCQG ghi "${n} Khác": đơn vị "Khác" chưa được xác nhận; ` +
      `tạm tính ${n} ngày làm việc cho đến khi phường xác nhận.`;
    return { amount: n, unit: 'working_days', note: note ? `${note} ${explanation}` : explanation, toBeConfirmed: true };
  }
  throw new Error(`Procedure ${code}: unknown time-limit unit "${unit}"`);
}

/**
 * ASCII slug for document ids: `Tờ khai đăng ký khai sinh` → `to-khai-dang-ky-khai-sinh`.
 * Long names are cut at a word boundary within `maxLength`.
 */
export function slugify(text: string, maxLength = 40): string {
  const full = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  let slug = full.slice(0, maxLength);
  if (full.length > maxLength && full[maxLength] !== '-' && slug.includes('-')) {
    slug = slug.slice(0, slug.lastIndexOf('-'));
  }
  slug = slug.replace(/-+$/, '');
  return slug === '' ? 'giay-to' : slug;
}

function convertDocuments(raw: RawWardProcedure['documents']): DocumentRequirement[] {
  const used = new Set<string>();
  return raw.map((doc) => {
    const base = slugify(doc.name);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return { id, name: doc.name, kind: doc.kind, required: doc.required, copies: 1, formUrl: null, note: '' };
  });
}

function convertOnlineLevel(level: RawWardProcedure['onlineLevel']): OnlineLevel {
  if (level === null) return { level: null, reason: ONLINE_LEVEL_UNKNOWN };
  const label = level === 'full' ? 'toàn trình' : 'một phần';
  return { level, reason: `Nguồn ghi dịch vụ công trực tuyến ${label}.` };
}

/** A simple reading of the result's first words; officials can correct it per procedure. */
export function inferResultKind(result: string): ProcedureDefinition['resultKind'] {
  const r = result.normalize('NFC').trim().toLowerCase();
  if (r.startsWith('quyết định')) return 'decision';
  const head = r.split(/[;(]/)[0] ?? r; // the main result, before alternatives and remarks
  if (head.includes('xác nhận')) return 'confirmation';
  if (r.startsWith('giấy') && !r.startsWith('giấy tờ')) return 'certificate';
  return 'document';
}

function toBeConfirmedOf(raw: RawWardProcedure, timeLimit: TimeLimit): string[] {
  const list: string[] = [];
  if (timeLimit.toBeConfirmed) {
    const unit = raw.timeLimit.unit;
    list.push(
      unit !== null && OTHER_UNIT.test(unit)
        ? TO_BE_CONFIRMED.timeLimitOtherUnit
        : unit === 'ngày' && timeLimit.amount !== null
          ? TO_BE_CONFIRMED.timeLimitDayKind
          : TO_BE_CONFIRMED.timeLimit,
    );
  }
  for (const fee of raw.fees) {
    if (fee.amountVnd === null || /unconfirmed/i.test(fee.note)) list.push(TO_BE_CONFIRMED.fee(fee.name));
  }
  for (const doc of raw.documents) {
    if (doc.required === null) list.push(TO_BE_CONFIRMED.documentRequired(doc.name));
  }
  if (raw.onlineLevel === null) list.push(TO_BE_CONFIRMED.onlineLevel);
  if (raw.confidence === 'low') list.push(TO_BE_CONFIRMED.lowConfidence);
  return [...new Set(list)];
}

/**
 * Converts one source record into a validated definition.
 * @throws {Error} on an unknown time-limit unit.
 * @throws {z.ZodError} when the converted definition is invalid.
 */
export function convertWardProcedure(raw: RawWardProcedure): ProcedureDefinition {
  const timeLimit = convertTimeLimit(raw.timeLimit, raw.code);
  const basis = plainLegalBasis(raw.legalBasis);
  return parseProcedureDefinition({
    code: raw.code,
    name: raw.name,
    nameEn: null,
    field: raw.field,
    legalBasis: basis.legalBasis,
    timeLimit,
    fees: raw.fees.map((fee) => ({ ...fee })),
    documents: convertDocuments(raw.documents),
    formFields: formFieldsFor(raw),
    applicant: raw.applicant,
    onlineLevel: convertOnlineLevel(raw.onlineLevel),
    workflow: DEFAULT_WORKFLOW.map((step) => ({ ...step })),
    result: raw.result,
    resultKind: inferResultKind(raw.result),
    source: raw.source,
    confidence: raw.confidence,
    notes: [raw.notes, ...basis.remarks].filter(Boolean).join(' '),
    toBeConfirmed: toBeConfirmedOf(raw, timeLimit),
  });
}

/** The raw records of `ward-procedures.json`, shape-checked. @throws {z.ZodError} on a malformed file. */
export function wardProcedureRecords(): RawWardProcedure[] {
  return z.array(RawProcedureSchema).parse(wardProcedures);
}

/**
 * The codes of `ward-procedures.json`, in the file's order, without checking the records' shape
 * (which `wardProcedureRecords` does at the first seed): what every start reads.
 */
export function wardProcedureCodes(): string[] {
  return (wardProcedures as { code: string }[]).map((r) => r.code);
}

/**
 * All 48 seeded ward procedures as validated definitions, in the file's order.
 * @throws {z.ZodError | Error} when the data file is malformed (fails fast at seed time).
 */
export function wardProcedureDefinitions(): ProcedureDefinition[] {
  const corrections = wardCorrections();
  const records = wardProcedureRecords();
  for (const c of corrections) {
    if (!records.some((r) => r.code === c.code)) throw new Error(`Correction of ${c.code}: no such procedure in the source`);
  }
  return records.map((raw) => convertWardProcedure(corrected(raw, corrections)));
}
