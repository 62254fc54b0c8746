import { describe, expect, it } from 'vitest';
import {
  parseProcedureDefinition,
  validateSubmission,
  type FormField,
  type ProcedureDefinition,
} from '../../domain/procedure.ts';
import { formFamilyOf } from './procedure-forms.ts';
import {
  TO_BE_CONFIRMED,
  convertTimeLimit,
  correctionNote,
  plainLegalBasis,
  wardCorrections,
  convertWardProcedure,
  inferResultKind,
  slugify,
  wardProcedureDefinitions,
  wardProcedureRecords,
} from './procedures.ts';

const defs = wardProcedureDefinitions();
const raws = wardProcedureRecords();
const byCode = new Map(defs.map((d) => [d.code, d]));
const get = (code: string): ProcedureDefinition => {
  const def = byCode.get(code);
  if (!def) throw new Error(`no procedure ${code}`);
  return def;
};
const countBy = <T>(items: readonly T[], key: (item: T) => string) =>
  items.reduce<Record<string, number>>((acc, item) => ({ ...acc, [key(item)]: (acc[key(item)] ?? 0) + 1 }), {});

describe('wardProcedureDefinitions', () => {
  it('converts all 48 records into definitions that validate again unchanged', () => {
    expect(defs).toHaveLength(48);
    for (const def of defs) expect(parseProcedureDefinition(def)).toEqual(def);
  });

  it('has unique codes, in the file order', () => {
    expect(new Set(defs.map((d) => d.code)).size).toBe(48);
    expect(defs.map((d) => d.code)).toEqual(raws.map((r) => r.code));
  });

  it('keeps source, confidence, legal basis, result, applicant and notes of every record (but for our corrections)', () => {
    const corrections = new Map(wardCorrections().map((c) => [c.code, c]));
    for (const [i, raw] of raws.entries()) {
      const def = defs[i]!;
      const correction = corrections.get(raw.code);
      expect(def).toMatchObject({
        name: raw.name,
        field: raw.field,
        source: raw.source,
        confidence: raw.confidence,
        legalBasis: plainLegalBasis(raw.legalBasis).legalBasis,
        result: raw.result,
        applicant: correction ? correction.applicant.to : raw.applicant,
        notes: [raw.notes, ...(correction ? [correctionNote(correction)] : []), ...plainLegalBasis(raw.legalBasis).remarks].filter(Boolean).join(' '),
        fees: raw.fees,
        nameEn: null,
      });
      expect(def.documents.map((d) => [d.name, d.kind, d.required])).toEqual(
        raw.documents.map((d) => [d.name, d.kind, d.required]),
      );
    }
    expect(countBy(defs, (d) => d.confidence)).toEqual({ high: 15, medium: 29, low: 4 });
  });

  it('maps the time-limit units: 8 same day, 35 working days (15 of them "Khác"), 4 calendar days, 1 unknown', () => {
    expect(countBy(defs, (d) => String(d.timeLimit.unit))).toEqual({
      same_day: 8,
      working_days: 35,
      calendar_days: 4,
      null: 1,
    });
    expect(defs.filter((d) => d.timeLimit.toBeConfirmed)).toHaveLength(15 + 4 + 1);
  });

  it('registers a birth the same day, keeping the source and a high confidence', () => {
    const khaiSinh = defs.find((d) => d.name === 'Thủ tục đăng ký khai sinh');
    expect(khaiSinh?.timeLimit).toMatchObject({ amount: 1, unit: 'same_day', toBeConfirmed: false });
    expect(khaiSinh?.source).toContain('BangNiemYetVinhBao');
    expect(khaiSinh?.confidence).toBe('high');
    expect(khaiSinh?.resultKind).toBe('certificate');
  });

  it('marks a portal "N Khác" time limit as to be confirmed and explains why', () => {
    const def = get('1.004884'); // "5 Khác"
    expect(def.timeLimit).toMatchObject({ amount: 5, unit: 'working_days', toBeConfirmed: true });
    expect(def.timeLimit.note).toContain('"Khác" chưa được xác nhận');
    expect(def.toBeConfirmed).toContain(TO_BE_CONFIRMED.timeLimitOtherUnit);
  });

  it('keeps a plain "ngày" as calendar days to be confirmed, and an unknown time limit as null', () => {
    expect(get('1.012812').timeLimit).toMatchObject({ amount: 30, unit: 'calendar_days', toBeConfirmed: true });
    expect(get('1.012812').toBeConfirmed).toContain(TO_BE_CONFIRMED.timeLimitDayKind);
    expect(get('1.001612').timeLimit).toMatchObject({ amount: null, unit: null, toBeConfirmed: true });
    expect(get('1.001612').toBeConfirmed).toContain(TO_BE_CONFIRMED.timeLimit);
  });

  it('keeps an unknown "required" as null and lists it as to be confirmed', () => {
    const doc = get('1.004194').documents.find((d) => d.name === 'Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp');
    expect(doc?.required).toBeNull();
    expect(get('1.004194').toBeConfirmed).toContain(TO_BE_CONFIRMED.documentRequired(doc!.name));
    expect(get('2.001019').documents.find((d) => d.name === 'Dự thảo di chúc')?.required).toBeNull();
  });

  it('keeps unknown fees as null and lists fees marked unconfirmed', () => {
    const hkd = get('1.001612');
    expect(hkd.fees[0]?.amountVnd).toBeNull();
    expect(hkd.toBeConfirmed).toContain(TO_BE_CONFIRMED.fee(hkd.fees[0]!.name));
    // 0 đ for an on-time birth, but the late-registration fee of Phú Thọ is unconfirmed.
    const khaiSinh = get('1.001193');
    expect(khaiSinh.fees[0]?.amountVnd).toBe(0);
    expect(khaiSinh.toBeConfirmed).toContain(TO_BE_CONFIRMED.fee('Lệ phí đăng ký khai sinh'));
    expect(get('2.000815').toBeConfirmed.filter((t) => t.startsWith('Mức thu'))).toEqual([]);
  });

  it('keeps the one known online level and marks the others to be confirmed', () => {
    expect(get('1.004222').onlineLevel.level).toBe('partial');
    expect(get('1.004222').toBeConfirmed).toEqual([]);
    const unknown = defs.filter((d) => d.onlineLevel.level === null);
    expect(unknown).toHaveLength(47);
    for (const def of unknown) {
      expect(def.onlineLevel.reason).toBe('Chưa xác định mức độ trực tuyến từ nguồn (cần xác nhận)');
      expect(def.toBeConfirmed).toContain(TO_BE_CONFIRMED.onlineLevel);
    }
  });

  it('flags the whole record of the 4 low-confidence procedures', () => {
    const flagged = defs.filter((d) => d.toBeConfirmed.includes(TO_BE_CONFIRMED.lowConfidence));
    expect(flagged.map((d) => d.code).sort()).toEqual(['1.004194', '1.013949', '2.000720', '2.001019']);
    expect(flagged.every((d) => d.confidence === 'low')).toBe(true);
  });

  it('gives document ids that are unique ASCII slugs within each procedure', () => {
    for (const def of defs) {
      const ids = def.documents.map((d) => d.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      for (const id of ids) expect(id.length).toBeLessThanOrEqual(40);
    }
    expect(get('1.001193').documents[0]?.id).toBe('to-khai-dang-ky-khai-sinh-theo-mau-nop');
  });

  it('gives every procedure a form with at least one required field and a hint on every field', () => {
    for (const def of defs) {
      expect(def.formFields.some((f) => f.required), def.code).toBe(true);
      for (const f of def.formFields) {
        expect(f.hint.trim(), `${def.code} ${f.key}`).not.toBe('');
        expect(f.hintEn.trim(), `${def.code} ${f.key}`).not.toBe('');
      }
    }
  });

  it('uses the default workflow for every procedure', () => {
    for (const def of defs) expect(def.workflow.map((s) => s.key)).toEqual(['receive', 'review', 'approve', 'return']);
  });

  it('accepts a submission that fills every required field and attaches every mandatory document', () => {
    const sample = (f: FormField): unknown =>
      ({ date: '2020-05-17', number: '2', cccd: '025096001234', phone: '0912345678', email: 'an@example.vn' })[
        f.type as string
      ] ?? (f.options ? f.options[0]?.value : 'Nguyễn Văn An');
    for (const def of defs) {
      const formData = Object.fromEntries(def.formFields.filter((f) => f.required).map((f) => [f.key, sample(f)]));
      const documents = def.documents.filter((d) => d.required === true).map((d) => ({ requirementId: d.id, fileId: 'x' }));
      expect(validateSubmission(def, formData, documents), def.code).toEqual({ ok: true });
    }
  });
});

describe('form families', () => {
  it.each([
    ['1.001193', 'khai_sinh'],
    ['1.000689', 'khai_sinh'],
    ['1.000894', 'ket_hon'],
    ['2.000806', 'ket_hon_nuoc_ngoai'],
    ['2.002189', 'ghi_chu_ket_hon'],
    ['1.000656', 'khai_tu'],
    ['1.001022', 'nhan_cha_me_con'],
    ['1.004837', 'giam_ho'],
    ['1.004859', 'cai_chinh'],
    ['1.004873', 'xac_nhan_hon_nhan'],
    ['2.000635', 'ban_sao_ho_tich'],
    ['2.001035', 'chung_thuc'],
    ['1.001612', 'ho_kinh_doanh_thanh_lap'],
    ['1.001266', 'ho_kinh_doanh_thay_doi'],
    ['1.004222', 'cu_tru'],
    ['1.001776', 'de_nghi_chung'],
    ['1.012812', 'de_nghi_chung'],
  ])('%s uses the %s form', (code, family) => {
    expect(formFamilyOf(get(code))).toBe(family);
  });

  it('asks for the child, birth date, sex, place of birth, parents and relationship on a birth registration', () => {
    expect(get('1.001193').formFields.map((f) => f.key)).toEqual([
      'child_full_name',
      'child_birth_date',
      'child_sex',
      'birth_place',
      'father_full_name',
      'mother_full_name',
      'applicant_relationship',
    ]);
  });
});

describe('conversion helpers', () => {
  it.each([
    ['Tờ khai đăng ký khai sinh', 'to-khai-dang-ky-khai-sinh'],
    ['Đơn đề nghị (mẫu 01)', 'don-de-nghi-mau-01'],
    ['Giấy tờ tùy thân (CCCD/thẻ căn cước)', 'giay-to-tuy-than-cccd-the-can-cuoc'],
    ['– –', 'giay-to'],
  ])('slugify(%j) = %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('de-duplicates document ids with -2, -3', () => {
    const raw = raws[0]!;
    const doc = { name: 'Bản sao giấy tờ', kind: 'copy', required: true } as const;
    const def = convertWardProcedure({ ...raw, documents: [doc, doc, doc] });
    expect(def.documents.map((d) => d.id)).toEqual(['ban-sao-giay-to', 'ban-sao-giay-to-2', 'ban-sao-giay-to-3']);
  });

  it.each([
    ['Giấy khai sinh', 'certificate'],
    ['Giấy chứng nhận kết hôn', 'certificate'],
    ['Quyết định hỗ trợ chi phí mai táng', 'decision'],
    ['Giấy xác nhận khuyết tật', 'confirmation'],
    ['Thông báo xác nhận kết quả đăng ký đất đai; Giấy chứng nhận', 'confirmation'],
    ['Trích lục khai tử', 'document'],
    ['Giấy tờ, văn bản được chứng thực chữ ký', 'document'],
  ])('inferResultKind(%j) = %s', (result, kind) => {
    expect(inferResultKind(result)).toBe(kind);
  });

  it('reads working days from the note of a plain "ngày", and refuses an unknown unit', () => {
    expect(convertTimeLimit({ amount: 5, unit: 'ngày', note: '05 ngày làm việc' }, 'x')).toMatchObject({
      unit: 'working_days',
      toBeConfirmed: false,
    });
    expect(() => convertTimeLimit({ amount: 2, unit: 'giờ', note: '' }, '9.999999')).toThrow(/9\.999999.*giờ/);
  });
});

describe('who may apply (data/ward-procedures.corrections.json)', () => {
  it('household-business registration is filed by a citizen; the later household-business procedures by the owner or the business', () => {
    expect(raws.find((r) => r.code === '1.001612')!.applicant).toBe('business'); // the source's value
    expect(get('1.001612').applicant).toBe('citizen');
    for (const code of ['2.000720', '1.001570', '1.001266', '2.000575']) expect(get(code).applicant, code).toBe('both');
    expect(get('1.001612').notes).toContain('chưa có mã số thuế');
  });

  it('no procedure is left for businesses only; every correction names a value the source really has', () => {
    expect(defs.filter((d) => d.applicant === 'business')).toEqual([]);
    for (const c of wardCorrections()) expect(raws.find((r) => r.code === c.code)?.applicant, c.code).toBe(c.applicant.from);
  });
});

describe('the legal basis citizens read', () => {
  it('moves a remark about the source to the officials’ notes', () => {
    expect(plainLegalBasis(['Luật Đất đai 2024', 'Nghị định 151/2025/NĐ-CP (được dẫn trong thành phần hồ sơ DVCQG)', 'Luật Hộ tịch (sửa đổi 2025)'])).toEqual({
      legalBasis: ['Luật Đất đai 2024', 'Nghị định 151/2025/NĐ-CP', 'Luật Hộ tịch (sửa đổi 2025)'],
      remarks: ['Căn cứ "Nghị định 151/2025/NĐ-CP": được dẫn trong thành phần hồ sơ DVCQG.'],
    });
    expect(get('1.004222').legalBasis).toContain('Thông tư 66/2023/TT-BCA');
    expect(get('1.004222').notes).toContain('biểu mẫu CT04, CT05, CT06 được dẫn trong nguồn');
    for (const def of defs) for (const l of def.legalBasis) expect(l).not.toMatch(/DVCQG|nguồn/i);
  });
});
