import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import {
  DEFAULT_WORKFLOW,
  parseProcedureDefinition,
  validateSubmission,
  type ProcedureDefinitionInput,
  type SubmissionProblem,
} from './procedure.ts';

function buildInput(overrides: Partial<ProcedureDefinitionInput> = {}): ProcedureDefinitionInput {
  return {
    code: '1.001193',
    name: 'Thủ tục đăng ký khai sinh',
    nameEn: null,
    field: 'Hộ tịch',
    legalBasis: ['Luật Hộ tịch số 60/2014/QH13'],
    timeLimit: { amount: 1, unit: 'same_day', note: '', toBeConfirmed: false },
    fees: [{ name: 'Lệ phí đăng ký khai sinh', amountVnd: 0, note: 'Miễn' }],
    documents: [
      { id: 'to-khai', name: 'Tờ khai đăng ký khai sinh', kind: 'form', required: true },
      { id: 'giay-chung-sinh', name: 'Giấy chứng sinh', kind: 'original', required: true },
      { id: 'uy-quyen', name: 'Văn bản ủy quyền', kind: 'original', required: false },
      { id: 'cho-o', name: 'Giấy tờ chứng minh chỗ ở', kind: 'original', required: null },
    ],
    formFields: [
      { key: 'child_full_name', label: 'Họ và tên', labelEn: 'Full name', type: 'text', required: true, hint: '', hintEn: '', maxLength: 10 },
      { key: 'child_birth_date', label: 'Ngày sinh', labelEn: 'Date of birth', type: 'date', required: true, hint: '', hintEn: '' },
      {
        key: 'child_sex',
        label: 'Giới tính',
        labelEn: 'Sex',
        type: 'select',
        required: true,
        hint: '',
        hintEn: '',
        options: [
          { value: 'nam', label: 'Nam', labelEn: 'Male' },
          { value: 'nu', label: 'Nữ', labelEn: 'Female' },
        ],
      },
      { key: 'father_cccd', label: 'CCCD của cha', labelEn: "Father's ID", type: 'cccd', required: false, hint: '', hintEn: '' },
      { key: 'phone', label: 'Điện thoại', labelEn: 'Phone', type: 'phone', required: false, hint: '', hintEn: '' },
      { key: 'email', label: 'Email', labelEn: 'Email', type: 'email', required: false, hint: '', hintEn: '' },
      { key: 'copies', label: 'Số bản sao', labelEn: 'Copies', type: 'number', required: false, hint: '', hintEn: '' },
    ],
    applicant: 'citizen',
    onlineLevel: { level: null, reason: 'Chưa xác định' },
    workflow: DEFAULT_WORKFLOW.map((s) => ({ ...s })),
    result: 'Giấy khai sinh',
    resultKind: 'certificate',
    source: 'test',
    confidence: 'high',
    notes: '',
    toBeConfirmed: [],
    ...overrides,
  };
}

const def = parseProcedureDefinition(buildInput());
const complete = {
  formData: { child_full_name: 'Nguyễn An', child_birth_date: '2026-01-05', child_sex: 'nu' },
  documents: [
    { requirementId: 'to-khai', fileId: 'f1' },
    { requirementId: 'giay-chung-sinh', fileId: 'f2' },
  ],
};

function problemsOf(formData: Record<string, unknown>, documents = complete.documents): SubmissionProblem[] {
  const check = validateSubmission(def, formData, documents);
  return check.ok ? [] : check.problems;
}

describe('parseProcedureDefinition', () => {
  it('accepts a valid definition and fills defaults', () => {
    expect(def.documents[0]).toMatchObject({ copies: 1, formUrl: null, note: '' });
    expect(def.documents[3]?.required).toBeNull();
  });

  it('normalises text to NFC', () => {
    const nfd = 'Thủ tục đăng ký khai sinh'.normalize('NFD');
    expect(parseProcedureDefinition(buildInput({ name: nfd })).name).toBe('Thủ tục đăng ký khai sinh');
  });

  it('accepts a national code with a local agency suffix and rejects a malformed code', () => {
    expect(parseProcedureDefinition(buildInput({ code: '1.011442.000.00.00.H38' })).code).toBe('1.011442.000.00.00.H38');
    expect(() => parseProcedureDefinition(buildInput({ code: '1001193' }))).toThrow(ZodError);
  });

  it('rejects unknown keys, at the top level and nested', () => {
    expect(() => parseProcedureDefinition({ ...buildInput(), extra: 1 })).toThrow(ZodError);
    const docs = [{ id: 'to-khai', name: 'Tờ khai', kind: 'form', required: true, pages: 2 }];
    expect(() => parseProcedureDefinition({ ...buildInput(), documents: docs })).toThrow(ZodError);
  });

  it('rejects workflow shares that do not sum to 1, within a tolerance of 0.001', () => {
    const shares = (values: number[]) => DEFAULT_WORKFLOW.map((s, i) => ({ ...s, share: values[i] ?? 0 }));
    expect(() => parseProcedureDefinition(buildInput({ workflow: shares([0.1, 0.6, 0.2, 0.2]) }))).toThrow(
      /sum to 1/,
    );
    expect(() => parseProcedureDefinition(buildInput({ workflow: shares([0.1, 0.5, 0.2, 0.1]) }))).toThrow(ZodError);
    expect(() => parseProcedureDefinition(buildInput({ workflow: shares([0.1, 0.6005, 0.2, 0.1]) }))).not.toThrow();
  });

  it('rejects duplicate document ids and field keys, and a select without options', () => {
    const [first] = buildInput().documents;
    expect(() => parseProcedureDefinition(buildInput({ documents: [first!, { ...first! }] }))).toThrow(/Duplicate/);
    const field = { key: 'a', label: 'A', labelEn: 'A', type: 'text', required: true, hint: '', hintEn: '' } as const;
    expect(() => parseProcedureDefinition(buildInput({ formFields: [field, field] }))).toThrow(/Duplicate/);
    expect(() => parseProcedureDefinition(buildInput({ formFields: [{ ...field, type: 'select' }] }))).toThrow(ZodError);
  });

  it('requires a time limit without amount or unit to be marked toBeConfirmed', () => {
    const timeLimit = { amount: null, unit: null, note: '', toBeConfirmed: false };
    expect(() => parseProcedureDefinition(buildInput({ timeLimit }))).toThrow(ZodError);
    expect(parseProcedureDefinition(buildInput({ timeLimit: { ...timeLimit, toBeConfirmed: true } })).timeLimit.amount).toBeNull();
  });

  it('DEFAULT_WORKFLOW is receive → review → approve → return and sums to 1', () => {
    expect(DEFAULT_WORKFLOW.map((s) => [s.key, s.role, s.share])).toEqual([
      ['receive', 'reception', 0.1],
      ['review', 'specialist', 0.6],
      ['approve', 'leader', 0.2],
      ['return', 'reception', 0.1],
    ]);
  });
});

describe('validateSubmission', () => {
  it('passes a complete submission (a "to be confirmed" document is optional)', () => {
    expect(validateSubmission(def, complete.formData, complete.documents)).toEqual({ ok: true });
  });

  it('lists every problem at once: a missing mandatory document and a blank required field', () => {
    const problems = problemsOf({ ...complete.formData, child_full_name: '   ' }, [{ requirementId: 'to-khai', fileId: 'f1' }]);
    expect(problems.map((p) => [p.kind, p.key])).toEqual([
      ['field_required', 'child_full_name'],
      ['document_missing', 'giay-chung-sinh'],
    ]);
    expect(problems[0]?.message).toContain('Họ và tên');
    expect(problems[1]?.message).toContain('Giấy chứng sinh');
    expect(problems[1]?.messageEn).toContain('required document');
  });

  it('rejects unknown form keys and unknown document ids', () => {
    const problems = problemsOf({ ...complete.formData, nickname: 'Bi' }, [
      ...complete.documents,
      { requirementId: 'ho-chieu', fileId: 'f3' },
    ]);
    expect(problems.map((p) => [p.kind, p.key])).toEqual([
      ['field_unknown', 'nickname'],
      ['document_unknown', 'ho-chieu'],
    ]);
  });

  it('does not count a document entry without a file', () => {
    const problems = problemsOf(complete.formData, [
      { requirementId: 'to-khai', fileId: 'f1' },
      { requirementId: 'giay-chung-sinh', fileId: ' ' },
    ]);
    expect(problems.map((p) => p.kind)).toEqual(['document_missing']);
  });

  it.each([
    ['child_birth_date', '2025-02-29'],
    ['child_birth_date', '05/01/2026'],
    ['child_birth_date', '2026-13-01'],
    ['child_sex', 'khac'],
    ['father_cccd', '02509600123'],
    ['father_cccd', '0250960012345'],
    ['father_cccd', '02509600123a'],
    ['phone', '912345678'],
    ['phone', '1912345678'],
    ['phone', '09123456789'],
    ['email', 'an@'],
    ['copies', 'hai'],
    ['copies', Number.POSITIVE_INFINITY],
    ['child_full_name', 'Nguyễn Văn An Bình'],
    ['child_full_name', 42],
  ])('rejects %s = %j as field_invalid', (key, value) => {
    const problems = problemsOf({ ...complete.formData, [key]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'field_invalid', key });
  });

  it.each([
    ['child_birth_date', '2024-02-29'],
    ['father_cccd', '025096001234'],
    ['phone', '0912345678'],
    ['email', 'an@example.vn'],
    ['copies', '2'],
    ['copies', 3],
    ['phone', ''],
  ])('accepts %s = %j', (key, value) => {
    expect(problemsOf({ ...complete.formData, [key]: value })).toEqual([]);
  });
});
