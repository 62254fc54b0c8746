import { describe, expect, it } from 'vitest';
import { availableForms, defaultTemplate, fillText, FORM_NUMBERS, templateInForce, templateProblems, textKeys, type FormTemplate } from './form-templates.ts';
import { defaultResultDelivery } from './result-delivery.ts';

describe('the built-in forms (Circular 03/2025/TT-VPCP)', () => {
  it.each([
    ['01', 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', 'A5'],
    ['02', 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', 'A5'],
    ['03', 'Phiếu từ chối tiếp nhận, giải quyết hồ sơ', 'A5'],
    ['04', 'Phiếu xin lỗi và hẹn lại ngày trả kết quả', 'A5'],
    ['05', 'Thông báo dừng giải quyết hồ sơ', 'A5'],
    ['06', 'Phiếu kiểm soát quá trình giải quyết hồ sơ', 'A5'],
    ['07', 'Sổ theo dõi hồ sơ', 'A4_landscape'],
  ] as const)('%s: %s on %s, citing the circular', (number, title, paper) => {
    const t = defaultTemplate(number);
    expect(t).toMatchObject({ number, title, paper, effectiveFrom: '2025-09-15' });
    expect(t.legalBasis).toBe(`Mẫu số ${number} ban hành kèm theo Thông tư số 03/2025/TT-VPCP ngày 15/9/2025 của Văn phòng Chính phủ`);
  });

  it('every form is numbered 01–07 and has its sentences', () => {
    expect(FORM_NUMBERS).toEqual(['01', '02', '03', '04', '05', '06', '07']);
    for (const n of FORM_NUMBERS) expect(textKeys(n).length).toBeGreaterThan(0);
  });
});

describe('the version in force', () => {
  const edited = (effectiveFrom: string, title: string, texts: Record<string, string> = {}): FormTemplate => ({ ...defaultTemplate('01'), effectiveFrom, title, texts });
  const saved = [edited('2026-03-04', 'Giấy biên nhận hồ sơ', { officerSigns: 'Cán bộ tiếp nhận' }), edited('2027-01-01', 'Mẫu mới năm 2027')];

  it.each([
    ['2025-08-01', 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả'], // before the circular: the built-in one still
    ['2026-03-03', 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả'],
    ['2026-03-04', 'Giấy biên nhận hồ sơ'],
    ['2026-12-31', 'Giấy biên nhận hồ sơ'],
    ['2027-01-01', 'Mẫu mới năm 2027'], // a future version never changes today's forms
  ])('on %s: %s', (date, title) => {
    expect(templateInForce('01', saved, date).title).toBe(title);
  });

  it('sentences an edit leaves out keep the built-in wording', () => {
    const t = templateInForce('01', saved, '2026-06-01');
    expect(t.texts.officerSigns).toBe('Cán bộ tiếp nhận');
    expect(t.texts.applicantSigns).toBe('Người nộp hồ sơ');
  });

  it('another form’s versions do not count', () => {
    expect(templateInForce('02', saved, '2026-06-01').title).toBe('Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ');
  });

  it('an edit may only change the sentences the form has', () => {
    expect(templateProblems(edited('2026-03-04', 'x', { officerSigns: 'y' }))).toEqual([]);
    expect(templateProblems(edited('2026-03-04', 'x', { khongCo: 'y' }))).toHaveLength(1);
  });
});

describe('fillText', () => {
  it.each([
    ['Kính gửi {you} {applicant}', { you: 'ông/bà', applicant: 'Nguyễn Văn An' }, 'Kính gửi ông/bà Nguyễn Văn An'],
    ['{unknown} stays', {}, '{unknown} stays'],
    ['{a}{a}', { a: 'x' }, 'xx'],
  ])('%s', (text, vars, out) => expect(fillText(text, vars)).toBe(out));
});

describe('the forms a dossier has', () => {
  const facts = (received: boolean, supplementRounds: number, ...actions: string[]) => ({ received, supplementRounds, actions: new Set(actions) });
  it.each([
    ['just submitted', facts(false, 0, 'submit'), []],
    ['refused at the desk', facts(false, 0, 'submit', 'refuse'), ['03']],
    ['withdrawn before receipt', facts(false, 0, 'submit', 'withdraw'), ['05']],
    ['received', facts(true, 0, 'submit', 'receive'), ['01', '06']],
    ['asked to supplement', facts(true, 1, 'submit', 'receive', 'request_supplement'), ['01', '02', '06']],
    ['late, with an apology', facts(true, 0, 'submit', 'receive', 'extend'), ['01', '04', '06']],
    ['stopped by the leader', facts(true, 0, 'submit', 'receive', 'stop'), ['01', '05', '06']],
  ] as const)('%s → %j', (_name, f, expected) => {
    expect(availableForms(f)).toEqual(expected);
  });
});

describe('how the result is received, by default', () => {
  it.each([
    ['online', 'electronic'],
    ['in_person', 'desk'],
    ['post', 'post'],
  ] as const)('%s → %s', (channel, delivery) => expect(defaultResultDelivery(channel)).toBe(delivery));
});
