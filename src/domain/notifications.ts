/**
 * Notifications as rules: which dossier events concern whom, which facts each notice may
 * mention, how a template is filled in and checked, when a reminder and an official's daily digest
 * are due. Pure, no I/O; the clock is a parameter. The module that writes and sends them is
 * src/modules/notifications (docs/notifications.md).
 */
import type { Status } from './dossier-state.ts';

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Channels a person may choose, beside the portal's inbox (which always receives everything). */
export const NOTIFY_CHANNELS = ['email', 'sms', 'zalo'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

/**
 * Every notification, who receives it, the facts (variables) its text may use, and those its
 * text must use (a supplement request that did not say what, by when and where to answer would
 * be the complaint citizens make most).
 */
export const NOTIFICATION_EVENTS = {
  'dossier.submitted': { audience: 'applicant', vars: ['name', 'code', 'procedure', 'link'], required: ['code', 'link'] },
  'dossier.received': { audience: 'applicant', vars: ['name', 'code', 'procedure', 'appointment', 'link'], required: ['code', 'appointment', 'link'] },
  'dossier.supplement_requested': {
    audience: 'applicant',
    vars: ['name', 'code', 'procedure', 'items', 'deadline', 'link'],
    required: ['items', 'deadline', 'link'],
  },
  'dossier.supplement_reminder': { audience: 'applicant', vars: ['name', 'code', 'procedure', 'deadline', 'link'], required: ['deadline', 'link'] },
  'dossier.payment_requested': {
    audience: 'applicant',
    vars: ['name', 'code', 'procedure', 'amount', 'reason', 'deadline', 'link'],
    required: ['amount', 'deadline', 'link'],
  },
  'dossier.payment_reminder': { audience: 'applicant', vars: ['name', 'code', 'procedure', 'amount', 'deadline', 'link'], required: ['deadline', 'link'] },
  'dossier.extended': {
    audience: 'applicant',
    vars: ['name', 'code', 'procedure', 'reason', 'previousDate', 'newDate', 'link'],
    required: ['reason', 'newDate'],
  },
  'dossier.refused': { audience: 'applicant', vars: ['name', 'code', 'procedure', 'reason', 'link'], required: ['reason'] },
  'dossier.stopped': { audience: 'applicant', vars: ['name', 'code', 'procedure', 'reason', 'link'], required: ['reason'] },
  'dossier.result_ready': { audience: 'applicant', vars: ['name', 'code', 'procedure', 'collect', 'link'], required: ['collect'] },
  'dossier.returned': { audience: 'applicant', vars: ['name', 'code', 'procedure', 'method', 'link'], required: ['code'] },
  'staff.assigned': { audience: 'official', vars: ['name', 'code', 'procedure', 'due', 'link'], required: ['code', 'link'] },
  'staff.consulted': { audience: 'official', vars: ['name', 'code', 'procedure', 'department', 'question', 'link'], required: ['code', 'question', 'link'] },
  'staff.applicant_answered': { audience: 'official', vars: ['name', 'code', 'procedure', 'link'], required: ['code', 'link'] },
  'staff.digest': { audience: 'official', vars: ['name', 'date', 'overdue', 'dueSoon', 'list', 'link'], required: ['overdue', 'dueSoon', 'link'] },
  // Citizen feedback (docs/FEEDBACK.md): the reporter with an account hears of the answer; officials of new work.
  'feedback.answered': { audience: 'applicant', vars: ['name', 'code', 'category', 'link'], required: ['code', 'link'] },
  // …and, FEEDBACK_RULES.followUpDays after the answer, "is it fixed?" with the link to say so, rate or reopen.
  'feedback.follow_up': { audience: 'applicant', vars: ['name', 'code', 'category', 'link'], required: ['code', 'link'] },
  'staff.feedback_forwarded': { audience: 'official', vars: ['name', 'code', 'category', 'due', 'link'], required: ['code', 'due', 'link'] },
  'staff.feedback_assigned': { audience: 'official', vars: ['name', 'code', 'category', 'due', 'link'], required: ['code', 'due', 'link'] },
  // A leader's direction on a project's obstacle (docs/PROJECTS.md): to the department's officers, or the investor's accounts.
  'project.direction_given': { audience: 'official', vars: ['name', 'project', 'direction', 'deadline', 'leader', 'link'], required: ['project', 'direction', 'deadline'] },
  // …and once more, to the same people, when its deadline passes without completion.
  'project.direction_overdue': { audience: 'official', vars: ['name', 'project', 'direction', 'deadline', 'leader', 'link'], required: ['project', 'direction', 'deadline'] },
} as const satisfies Record<string, { audience: 'applicant' | 'official'; vars: readonly string[]; required: readonly string[] }>;

export type NotificationEvent = keyof typeof NOTIFICATION_EVENTS;
export const NOTIFICATION_EVENT_KEYS = Object.keys(NOTIFICATION_EVENTS) as NotificationEvent[];
export const isNotificationEvent = (k: string): k is NotificationEvent => Object.hasOwn(NOTIFICATION_EVENTS, k);

/** The values a notice is filled with; `null` or absent facts are left out (a line that needs them says so). */
export type Vars = Partial<Record<string, string>>;

/** One language's text of a notice: a title (email subject, inbox heading), a body, a short SMS/Zalo text. */
export interface TemplateText {
  title: string;
  body: string;
  sms: string;
}
export type TemplateTexts = Record<Locale, TemplateText>;

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** Fills `{{name}}` placeholders; an unknown or missing one becomes an empty string. */
export function fill(text: string, vars: Vars): string {
  return text.replace(PLACEHOLDER, (_, k: string) => vars[k] ?? '').replace(/[ \t]+$/gm, '');
}

/** The placeholders a text uses. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

export interface TemplateProblem {
  locale: Locale;
  part: keyof TemplateText;
  message: string;
  messageEn: string;
}

/** An SMS longer than this is split into more than three messages (unaccented text: 153 characters each). */
export const SMS_MAX = 459;

/**
 * What is wrong with a template a unit admin wrote, in both languages (empty: nothing). Checks:
 * every part is written; placeholders are those the event has; the title and body mention every
 * required fact; no internal code (`supplement_requested`, `DOSSIER_…`) and no stray braces reach
 * a citizen; the SMS stays within three messages with the sample facts.
 */
export function templateProblems(event: NotificationEvent, texts: TemplateTexts): TemplateProblem[] {
  const spec = NOTIFICATION_EVENTS[event];
  const known = new Set<string>(spec.vars);
  const out: TemplateProblem[] = [];
  for (const locale of LOCALES) {
    const t = texts[locale];
    for (const part of ['title', 'body', 'sms'] as const) {
      const text = t[part];
      const add = (message: string, messageEn: string) => out.push({ locale, part, message, messageEn });
      if (text.trim() === '') {
        add('Chưa có nội dung', 'is empty');
        continue;
      }
      for (const p of placeholdersOf(text)) if (!known.has(p)) add(`Không có thông tin {{${p}}} cho thông báo này`, `{{${p}}} is not a fact of this notice`);
      const rest = text.replace(PLACEHOLDER, '');
      if (/[{}]/.test(rest)) add('Dấu ngoặc { } không thành thông tin nào: viết {{ten}}', 'stray braces: placeholders are written {{name}}');
      if (/\b[a-z]+_[a-z_]+\b|\b[A-Z]{2,}_[A-Z_]+\b/.test(rest)) add('Có mã nội bộ (như supplement_requested): người dân không hiểu', 'contains an internal code (like supplement_requested)');
      if (part === 'sms' && fill(text, SAMPLE_VARS[locale]).length > SMS_MAX) add(`Tin nhắn dài quá ${SMS_MAX} ký tự với dữ liệu mẫu`, `SMS longer than ${SMS_MAX} characters with the sample data`);
    }
    const used = new Set([...placeholdersOf(t.title), ...placeholdersOf(t.body)]);
    for (const r of spec.required) {
      if (!used.has(r)) out.push({ locale, part: 'body', message: `Thông báo cần nêu {{${r}}}`, messageEn: `the notice must mention {{${r}}}` });
    }
  }
  return out;
}

/** Sample facts for previews and checks, per language. */
export const SAMPLE_VARS: Record<Locale, Record<string, string>> = {
  vi: {
    name: 'Nguyễn Văn An',
    code: 'DEMO.07894.H25-260302-0001',
    procedure: 'Đăng ký khai sinh',
    link: 'https://dichvucong.nongtrang.gov.vn/ho-so-cua-toi/DEMO.07894.H25-260302-0001',
    appointment: '16:30 thứ Năm, 05/03/2026',
    items: '- Giấy chứng sinh: bản chụp bị mờ, xin chụp lại rõ nét\n- Số điện thoại người đi khai: thiếu một chữ số',
    deadline: '17:00 thứ Hai, 23/03/2026',
    amount: '50.000 đồng',
    reason: 'Lệ phí đăng ký khai sinh quá hạn',
    previousDate: '16:30 thứ Năm, 05/03/2026',
    newDate: '16:30 thứ Ba, 10/03/2026',
    collect: 'Nhận tại Bộ phận Một cửa phường (giờ hành chính), mang theo giấy biên nhận và căn cước; hoặc tải bản điện tử trong mục Hồ sơ của tôi.',
    method: 'nhận tại Bộ phận Một cửa',
    due: '16:30 thứ Tư, 04/03/2026',
    department: 'Phòng Kinh tế, Hạ tầng và Đô thị',
    question: 'Đề nghị cho ý kiến về vị trí thửa đất số 125.',
    date: 'thứ Hai, 02/03/2026',
    overdue: '1',
    dueSoon: '2',
    list: '- DEMO.07894.H25-260225-0003 Đăng ký khai sinh: quá hạn từ 27/02/2026\n- DEMO.07894.H25-260226-0001 Chứng thực bản sao: hạn 16:30 03/03/2026',
    category: 'Đường sá, chiếu sáng',
    project: 'Khu nhà ở đô thị mới Thụy Vân',
    direction: 'Tổ chức đối thoại với 23 hộ chưa nhận tiền bồi thường; báo cáo phương án đơn giá bổ sung.',
    leader: 'Phạm Quang Huy',
  },
  en: {
    name: 'Nguyễn Văn An',
    code: 'DEMO.07894.H25-260302-0001',
    procedure: 'Đăng ký khai sinh',
    link: 'https://dichvucong.nongtrang.gov.vn/ho-so-cua-toi/DEMO.07894.H25-260302-0001',
    appointment: 'Thursday 5 March 2026, 16:30',
    items: '- Giấy chứng sinh: the scan is blurred, please scan it again\n- Phone number: one digit is missing',
    deadline: 'Monday 23 March 2026, 17:00',
    amount: '50,000 VND',
    reason: 'Fee for a late birth registration',
    previousDate: 'Thursday 5 March 2026, 16:30',
    newDate: 'Tuesday 10 March 2026, 16:30',
    collect: "At the ward's one-stop office (office hours), with your receipt and ID card; or download the electronic copy under My dossiers.",
    method: "collected at the ward's one-stop office",
    due: 'Wednesday 4 March 2026, 16:30',
    department: 'Phòng Kinh tế, Hạ tầng và Đô thị',
    question: 'Please give your opinion on the location of land plot 125.',
    date: 'Monday 2 March 2026',
    overdue: '1',
    dueSoon: '2',
    list: '- DEMO.07894.H25-260225-0003 Đăng ký khai sinh: overdue since 27/02/2026\n- DEMO.07894.H25-260226-0001 Chứng thực bản sao: due 03/03/2026 16:30',
    category: 'Roads and street lighting',
    project: 'Khu nhà ở đô thị mới Thụy Vân',
    direction: 'Hold a dialogue with the 23 households not yet compensated; report the additional price scheme.',
    leader: 'Phạm Quang Huy',
  },
};

/** What the notification pipeline needs of an appended dossier event. */
export interface DossierEventFacts {
  action: string;
  fromStatus: Status | null;
  toStatus: Status;
  channel: 'online' | 'in_person' | 'post';
}

/**
 * The notice an event sends its applicant, or null. Every status change that concerns the
 * applicant yields one; the steps inside the office (assignment, consultation, proposal,
 * approval) do not. A dossier filed at the desk gets no "submitted" notice: the applicant holds
 * the paper and hears when it is received.
 */
export function applicantNoticeOf(e: DossierEventFacts): NotificationEvent | null {
  const entered = (s: Status) => e.toStatus === s && e.fromStatus !== s;
  if (e.action === 'submit') return e.channel === 'online' ? 'dossier.submitted' : null;
  if (e.action === 'extend') return 'dossier.extended';
  if (entered('received')) return 'dossier.received';
  if (entered('supplement_requested')) return 'dossier.supplement_requested';
  if (entered('awaiting_payment')) return 'dossier.payment_requested';
  if (entered('refused')) return 'dossier.refused';
  if (entered('stopped')) return 'dossier.stopped';
  if (entered('result_ready')) return 'dossier.result_ready';
  if (entered('returned')) return 'dossier.returned';
  return null;
}

/** Who among the officials an event concerns: the new assignee, the department consulted, the assignee an applicant answered. */
export type OfficialNotice =
  | { event: 'staff.assigned'; to: { userId: string } }
  | { event: 'staff.consulted'; to: { departmentId: string } }
  | { event: 'staff.applicant_answered'; to: { userId: string } };

export function officialNoticesOf(e: { action: string; data: Record<string, unknown>; assigneeId: string | null; actorId: string }): OfficialNotice[] {
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
  switch (e.action) {
    case 'assign': {
      const to = str(e.data.assigneeId);
      // Assigning a dossier to oneself tells nobody anything.
      return to && to !== e.actorId ? [{ event: 'staff.assigned', to: { userId: to } }] : [];
    }
    case 'consult': {
      const dept = str(e.data.departmentId);
      return dept ? [{ event: 'staff.consulted', to: { departmentId: dept } }] : [];
    }
    case 'answer_supplement':
      return e.assigneeId ? [{ event: 'staff.applicant_answered', to: { userId: e.assigneeId } }] : [];
    default:
      return [];
  }
}

/** What a dossier waits for from its applicant after an event, if anything (for the deadline and the reminder). */
export function waitOf(event: NotificationEvent | null): 'supplement' | 'payment' | null {
  if (event === 'dossier.supplement_requested') return 'supplement';
  if (event === 'dossier.payment_requested') return 'payment';
  return null;
}

/**
 * How long the applicant has, and when to remind them. Ward policy as data (settings
 * `applicant_deadlines`): the law sets no single period for answering a supplement request or
 * paying, so the ward chooses one and the notice states it.
 */
export interface DeadlineRules {
  supplementWorkingDays: number;
  paymentWorkingDays: number;
  remindWorkingDaysBefore: number;
}
export const DEFAULT_DEADLINE_RULES: DeadlineRules = { supplementWorkingDays: 15, paymentWorkingDays: 10, remindWorkingDaysBefore: 2 };

/** Which officials' digest lists what: their own dossiers, their department's, or the whole unit's. */
export type DigestScope = { kind: 'assignee'; userId: string } | { kind: 'department'; departmentId: string } | { kind: 'unit' } | { kind: 'reception' };

/** The scope of an official's digest, by their roles (the widest wins), or null (an admin only). */
export function digestScopeOf(o: { id: string; roles: readonly string[]; departmentId: string | null }): DigestScope | null {
  if (o.roles.includes('leader')) return o.departmentId ? { kind: 'department', departmentId: o.departmentId } : { kind: 'unit' };
  if (o.roles.includes('specialist')) return { kind: 'assignee', userId: o.id };
  if (o.roles.includes('reception')) return { kind: 'reception' };
  return null;
}

/** Whether today's digest is due: on a working day, from the configured hour (Vietnam time). */
export function digestDue(now: Date, o: { isWorkingDay: boolean; hour: number }): boolean {
  const vnHour = (now.getUTCHours() + 7) % 24 + now.getUTCMinutes() / 60;
  return o.isWorkingDay && vnHour >= o.hour;
}

const WEEKDAYS: Record<Locale, readonly string[]> = {
  vi: ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as a person reads it, in Vietnam time: `16:30 thứ Năm, 05/03/2026` / `Thursday 5 March 2026, 16:30`. */
export function formatWhen(instant: Date, locale: Locale, withTime = true): string {
  const v = new Date(instant.getTime() + 7 * 3_600_000);
  const [y, m, d, wd] = [v.getUTCFullYear(), v.getUTCMonth(), v.getUTCDate(), v.getUTCDay()];
  const time = `${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}`;
  if (locale === 'vi') return `${withTime ? `${time} ` : ''}${WEEKDAYS.vi[wd]}, ${pad(d)}/${pad(m + 1)}/${y}`;
  return `${WEEKDAYS.en[wd]} ${d} ${MONTHS_EN[m]} ${y}${withTime ? `, ${time}` : ''}`;
}

/** An amount in đồng: `150.000 đồng` / `150,000 VND`. */
export function formatVnd(amount: number, locale: Locale): string {
  const digits = String(Math.round(Math.abs(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'vi' ? '.' : ',');
  return locale === 'vi' ? `${digits} đồng` : `${digits} VND`;
}

/** A person's contacts as the notifier sees them: an address counts only once it is verified. */
export interface Contacts {
  phone: string | null;
  phoneVerified: boolean;
  email: string | null;
  emailVerified: boolean;
}

/**
 * The channels a person receives notices on: those they chose, or, having chosen nothing, every
 * channel the ward offers (staff: email only — their work arrives all day); never one the ward
 * does not offer.
 */
export function channelsFor(kind: 'staff' | 'citizen' | 'business', chosen: readonly NotifyChannel[] | null, offered: readonly NotifyChannel[]): NotifyChannel[] {
  const want = chosen ?? (kind === 'staff' ? ['email'] : offered);
  return NOTIFY_CHANNELS.filter((c) => want.includes(c) && offered.includes(c));
}

/**
 * Where a notice goes beyond the inbox: each of the person's channels for which they have a
 * verified address. An unverified phone or email receives nothing but its own verification code
 * (sent by the one-time-code flow, not here). SMS and Zalo both reach the phone.
 */
export function deliveryTargets(c: Contacts, channels: readonly NotifyChannel[]): { channel: NotifyChannel; recipient: string }[] {
  const out: { channel: NotifyChannel; recipient: string }[] = [];
  for (const channel of channels) {
    if (channel === 'email' && c.email && c.emailVerified) out.push({ channel, recipient: c.email });
    if (channel !== 'email' && c.phone && c.phoneVerified) out.push({ channel, recipient: c.phone });
  }
  return out;
}
