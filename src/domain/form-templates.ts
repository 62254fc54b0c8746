/**
 * The one-stop forms as versioned data (Circular 03/2025/TT-VPCP numbers them 01–07): each form's
 * number, title, legal basis, paper size and the sentences its layout prints, with the date each
 * version takes effect. A unit admin adjusts them; the next renumbering is a data change. Pure.
 */
import { z } from 'zod';
import { inForceOn, type IsoDate } from './calendar/index.ts';

export const FORM_NUMBERS = ['01', '02', '03', '04', '05', '06', '07'] as const;
export type FormNumber = (typeof FORM_NUMBERS)[number];

export const PAPERS = ['A5', 'A4', 'A4_landscape'] as const;
export type Paper = (typeof PAPERS)[number];

/** Where the law's text comes from: cited on every form. */
const CIRCULAR = 'Thông tư số 03/2025/TT-VPCP ngày 15/9/2025 của Văn phòng Chính phủ';

interface Defaults {
  title: string;
  paper: Paper;
  /** The sentences the layout prints; {placeholders} are filled from the dossier. */
  texts: Record<string, string>;
}

/**
 * The built-in versions, in force from 15/9/2025 (the circular's date). The texts follow the
 * circular's forms; where the circular's exact wording was not available, the wording is ours
 * (docs/forms.md) — which is why a unit admin can change every sentence.
 */
const DEFAULTS: Record<FormNumber, Defaults> = {
  '01': {
    title: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
    paper: 'A5',
    texts: {
      person: 'Tiếp nhận hồ sơ của ông/bà',
      organisation: 'Tiếp nhận hồ sơ của tổ chức',
      documents: 'Thành phần hồ sơ nộp gồm:',
      applicantSigns: 'Người nộp hồ sơ',
      officerSigns: 'Người tiếp nhận hồ sơ',
      signHint: '(Ký và ghi rõ họ tên)',
    },
  },
  '02': {
    title: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
    paper: 'A5',
    texts: {
      intro: 'Sau khi xem xét, đề nghị {you} bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:',
      how: 'Hồ sơ được bổ sung trực tuyến (tra cứu tại {tracking}) hoặc tại {desk}. Thời hạn giải quyết được tính từ khi nhận đủ hồ sơ theo yêu cầu.',
      help: 'Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, {you} liên hệ {desk} để được hướng dẫn.',
      officerSigns: 'Người hướng dẫn',
      signHint: '(Ký và ghi rõ họ tên)',
    },
  },
  '03': {
    title: 'Phiếu từ chối tiếp nhận, giải quyết hồ sơ',
    paper: 'A5',
    texts: {
      intro: '{desk} tiếp nhận hồ sơ đề nghị giải quyết thủ tục hành chính "{procedure}" của {you} {applicant}.',
      refusal: 'Qua xem xét, cơ quan, đơn vị giải quyết từ chối tiếp nhận, giải quyết hồ sơ này với lý do như sau:',
      closing: 'Xin thông báo để {you} được biết và thực hiện.',
      officerSigns: 'Người tiếp nhận hồ sơ',
      signHint: '(Ký và ghi rõ họ tên)',
    },
  },
  '04': {
    title: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
    paper: 'A5',
    texts: {
      intro: 'Vào {receivedAt}, {unit} tiếp nhận giải quyết hồ sơ của {you} {applicant}, mã hồ sơ {code}, hẹn trả kết quả vào {previousDue}.',
      delay: 'Tuy nhiên đến nay, chưa giải quyết xong hồ sơ của {you}. Lý do: {reason}',
      apology: '{unit} xin lỗi {you} và hẹn trả kết quả giải quyết hồ sơ vào {newDue}.',
      closing: 'Mong nhận được sự thông cảm của {you} vì sự chậm trễ này.',
      signerTitle: 'Thủ trưởng cơ quan, đơn vị',
      signHint: '(Ký, ghi rõ họ tên và đóng dấu)',
    },
  },
  '05': {
    title: 'Thông báo dừng giải quyết hồ sơ',
    paper: 'A5',
    texts: {
      intro: '{unit} đã tiếp nhận hồ sơ của {you} {applicant}, mã hồ sơ {code}, đề nghị giải quyết thủ tục hành chính "{procedure}".',
      onRequest: 'Theo đề nghị của {you} ngày {date}, {unit} dừng giải quyết hồ sơ. Lý do {you} nêu: {reason}',
      byDecision: '{unit} thông báo dừng giải quyết hồ sơ. Lý do: {reason}',
      closing: 'Hồ sơ và giấy tờ đã nộp được trả lại theo quy định. Xin thông báo để {you} được biết.',
      signerTitle: 'Thủ trưởng cơ quan, đơn vị',
      signHint: '(Ký, ghi rõ họ tên và đóng dấu)',
    },
  },
  '06': {
    title: 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
    paper: 'A5',
    texts: {
      intro: 'Kèm theo hồ sơ của {you} {applicant}; mã hồ sơ {code}; thủ tục "{procedure}"; hẹn trả kết quả {due}.',
      note: 'Kết quả từng bước: trước hạn, đúng hạn hoặc quá hạn so với hạn của bước đó.',
    },
  },
  '07': {
    title: 'Sổ theo dõi hồ sơ',
    paper: 'A4_landscape',
    texts: {
      period: 'Từ ngày {from} đến ngày {to}',
      totals: 'Tổng số: {count} hồ sơ',
    },
  },
};

export const FormTemplate = z.strictObject({
  number: z.enum(FORM_NUMBERS),
  effectiveFrom: z.iso.date(),
  /** In sentence case; forms print it in capitals. */
  title: z.string().trim().min(3).max(200),
  /** "Mẫu số 01, Thông tư số 03/2025/TT-VPCP…": printed on the form and in the PDF's metadata. */
  legalBasis: z.string().trim().min(5).max(300),
  paper: z.enum(PAPERS),
  texts: z.record(z.string().max(40), z.string().trim().max(1000)),
});
export type FormTemplate = z.infer<typeof FormTemplate>;

/** The built-in version of a form. */
export function defaultTemplate(number: FormNumber): FormTemplate {
  const d = DEFAULTS[number];
  return { number, effectiveFrom: '2025-09-15', title: d.title, legalBasis: `Mẫu số ${number} ban hành kèm theo ${CIRCULAR}`, paper: d.paper, texts: { ...d.texts } };
}

/** The sentence keys a form's layout prints (an edit may change these and no others). */
export const textKeys = (number: FormNumber): string[] => Object.keys(DEFAULTS[number].texts);

/**
 * Checks an edited version: known sentence keys only; a key left out keeps the built-in sentence.
 * Returns the problems (empty when valid).
 */
export function templateProblems(t: FormTemplate): string[] {
  const known = new Set(textKeys(t.number));
  return Object.keys(t.texts)
    .filter((k) => !known.has(k))
    .map((k) => `texts.${k}: không có câu "${k}" trong mẫu số ${t.number} / form ${t.number} has no sentence "${k}"`);
}

/**
 * The version in force on `date` among the saved ones and the built-in one, with every sentence
 * present (missing ones from the built-in version).
 */
export function templateInForce(number: FormNumber, saved: readonly FormTemplate[], date: IsoDate): FormTemplate {
  const base = defaultTemplate(number);
  const chosen = inForceOn([base, ...saved.filter((s) => s.number === number)], date) ?? base;
  return { ...chosen, texts: { ...base.texts, ...chosen.texts } };
}

/** Fills {placeholders} from `vars`; an unknown placeholder stays as written. */
export function fillText(text: string, vars: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => vars[key] ?? whole);
}

/** What happened to a dossier, as far as its forms go. */
export interface DossierFacts {
  received: boolean;
  supplementRounds: number;
  /** Every action taken on it. */
  actions: ReadonlySet<string>;
}

/**
 * The forms a dossier has: 01 and 06 once received, 02 after a request to supplement, 03 after a
 * refusal, 04 after an apology with a new date, 05 after it was stopped or withdrawn. (07 is the
 * register, of a period, not of a dossier.)
 */
export function availableForms(d: DossierFacts): FormNumber[] {
  const has: Record<FormNumber, boolean> = {
    '01': d.received,
    '02': d.supplementRounds > 0,
    '03': d.actions.has('refuse'),
    '04': d.actions.has('extend'),
    '05': d.actions.has('stop') || d.actions.has('withdraw'),
    '06': d.received,
    '07': false,
  };
  return FORM_NUMBERS.filter((n) => has[n]);
}

/** A form of a dossier as the API lists it (GET /dossiers/:code/forms). */
export interface DossierFormLink {
  number: FormNumber;
  title: string;
  legalBasis: string;
  paper: Paper;
  /** The PDF. */
  url: string;
}
