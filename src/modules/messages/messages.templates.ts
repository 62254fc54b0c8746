/**
 * The texts of outgoing messages, by template key and channel. SMS bodies are written without
 * diacritics (carriers' brand-name SMS rules in Vietnam; 160 characters per segment instead of
 * 70), emails in full Vietnamese with an English line. A template receives the message's data and
 * its secrets (a one-time code) together; the outbox stores a second rendering with every secret
 * masked, which replaces the body once the secret has expired.
 */

// `webhook`: status events to connected systems (src/modules/interop), written by their own code, never by a template.
export const CHANNELS = ['sms', 'email', 'zalo', 'webhook'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface Rendered {
  subject: string | null;
  body: string;
}

type Values = Record<string, string | number>;
type Render = (v: Values) => Rendered;

const SERVICE = 'Nong Trang So';
const SERVICE_VI = 'Nông Trang Số';

const email = (subject: string, lines: string[]): Rendered => ({ subject, body: lines.join('\n') });
const sms = (text: string): Rendered => ({ subject: null, body: text });

/** What each one-time code is for, as the person reads it. */
const CODE_PURPOSE = {
  sign_up: { sms: 'dang ky tai khoan', vi: 'đăng ký tài khoản', en: 'account sign-up' },
  claim_record: { sms: 'xac nhan ho so tai phuong cua ban', vi: 'xác nhận hồ sơ của bạn tại phường', en: 'confirming your record at the ward' },
  password_reset: { sms: 'dat lai mat khau', vi: 'đặt lại mật khẩu', en: 'password reset' },
  contact_change: { sms: 'xac nhan so dien thoai/email moi', vi: 'xác nhận số điện thoại/email mới', en: 'confirming your new phone/email' },
  feedback_contact: { sms: 'xac nhan gui phan anh, kien nghi', vi: 'xác nhận gửi phản ánh, kiến nghị', en: 'confirming your report to the ward' },
} as const;
export type CodePurpose = keyof typeof CODE_PURPOSE;

function codeTemplate(purpose: CodePurpose, smsExtra = '', emailExtra: string[] = []): Record<'sms' | 'email', Render> {
  const p = CODE_PURPOSE[purpose];
  return {
    sms: (v) => sms(`${SERVICE}: ma ${p.sms} la ${v.code}, hieu luc ${v.minutes} phut. Khong cung cap ma nay cho bat ky ai.${smsExtra}`),
    email: (v) =>
      email(`${SERVICE_VI}: mã ${p.vi} / ${p.en} code`, [
        `Mã ${p.vi} của bạn là: ${v.code}`,
        `Mã có hiệu lực trong ${v.minutes} phút. Không cung cấp mã này cho bất kỳ ai, kể cả cán bộ.`,
        ...emailExtra,
        '',
        `Your ${p.en} code is ${v.code}. It is valid for ${v.minutes} minutes. Never share it with anyone.`,
      ]),
  };
}

const TEMPLATES = {
  'otp.sign_up': codeTemplate('sign_up'),
  // Sent to the phone or email a citizen already has on record: say who is asking and what to do.
  'otp.claim_record': codeTemplate(
    'claim_record',
    ' Neu ban khong dang ky truc tuyen, hay bo qua tin nay va bao Bo phan Mot cua.',
    ['Có người vừa đăng ký tài khoản trực tuyến bằng số định danh của bạn. Nếu không phải bạn, hãy bỏ qua thư này và báo cho Bộ phận Một cửa phường.'],
  ),
  'otp.password_reset': codeTemplate('password_reset', ' Neu ban khong yeu cau, hay bo qua tin nay.', ['Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu của bạn không đổi.']),
  'otp.contact_change': codeTemplate('contact_change'),
  'otp.feedback_contact': codeTemplate('feedback_contact', ' Neu ban khong gui phan anh, hay bo qua tin nay.', ['Nếu bạn không gửi phản ánh nào, hãy bỏ qua thư này.']),
  'account.contact_changed': {
    sms: () => sms(`${SERVICE}: thong tin lien he cua tai khoan vua duoc thay doi. Neu khong phai ban, hay bao ngay Bo phan Mot cua phuong.`),
    email: (v) =>
      email(`${SERVICE_VI}: thông tin liên hệ đã thay đổi / contact details changed`, [
        `Số điện thoại hoặc email của tài khoản ${v.login} vừa được đổi. Từ nay thông báo sẽ gửi tới địa chỉ mới.`,
        'Nếu không phải bạn thực hiện, hãy báo ngay cho Bộ phận Một cửa phường.',
        '',
        `The phone or email of account ${v.login} has just been changed. If this was not you, tell the ward's one-stop office at once.`,
      ]),
  },
  'account.password_changed': {
    sms: () => sms(`${SERVICE}: mat khau tai khoan cua ban vua duoc thay doi. Neu khong phai ban, hay bao ngay Bo phan Mot cua phuong.`),
    email: (v) =>
      email(`${SERVICE_VI}: mật khẩu đã thay đổi / password changed`, [
        `Mật khẩu của tài khoản ${v.login} vừa được thay đổi.`,
        'Nếu không phải bạn thực hiện, hãy báo ngay cho Bộ phận Một cửa phường.',
        '',
        `The password of account ${v.login} has just been changed. If this was not you, tell the ward's one-stop office at once.`,
      ]),
  },
  // Certified electronic copies made at the desk (src/modules/certifications): the links to verify and download them.
  'document.certified_copies': {
    email: (v) =>
      email(`${SERVICE_VI}: bản sao chứng thực điện tử / certified electronic copies`, [
        `${v.unit} đã chứng thực ${v.count} bản sao điện tử từ bản chính của bạn. Mỗi bản đã được ký số; xem và tải về trong mục "Giấy tờ điện tử" của tài khoản, hoặc xác minh tại:`,
        String(v.list),
        '',
        `${v.unit} has certified ${v.count} electronic copies of your originals, each digitally signed: find them under "E-documents" in your account, or verify them at the links above.`,
      ]),
  },
} as const satisfies Record<string, Partial<Record<Channel, Render>>>;

export type TemplateKey = keyof typeof TEMPLATES;

export const isTemplateKey = (k: string): k is TemplateKey => Object.hasOwn(TEMPLATES, k);

/** Removes Vietnamese diacritics (đ → d) for SMS. */
export function smsText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/**
 * Renders a template for a channel.
 * @throws Error when the template has no text for that channel (a programming error).
 */
export function renderTemplate(key: TemplateKey, channel: Channel, values: Values): Rendered {
  const render = (TEMPLATES[key] as Partial<Record<Channel, Render>>)[channel];
  if (!render) throw new Error(`Template ${key} has no ${channel} text`);
  const out = render(values);
  return channel === 'sms' ? { subject: null, body: smsText(out.body) } : out;
}
