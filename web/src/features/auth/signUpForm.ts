import type { Translate } from '../../i18n';
import type { RegisterBody } from '../../api/session';
import { isBlank, isCccd, isEmail, isMst, isPhone, normalizePhone } from '../../lib/validate';
import type { FormError } from '../../ui';

export interface SignUpValues {
  kind: 'citizen' | 'business' | '';
  fullName: string;
  cccd: string;
  birthYear: string;
  gender: 'male' | 'female' | '';
  businessName: string;
  mst: string;
  phone: string;
  email: string;
  password: string;
}

export const emptySignUp: SignUpValues = {
  kind: '',
  fullName: '',
  cccd: '',
  birthYear: '',
  gender: '',
  businessName: '',
  mst: '',
  phone: '',
  email: '',
  password: '',
};

/** Field ids on the page, by the body key the server reports. */
export const FIELD_IDS: Record<string, string> = {
  kind: 'kind',
  fullName: 'fullName',
  cccd: 'cccd',
  birthYear: 'birthYear',
  gender: 'gender',
  businessName: 'businessName',
  mst: 'mst',
  phone: 'phone',
  email: 'email',
  password: 'password',
};

/** Every problem at once, in page order, in the reader's language. */
export function validateSignUp(v: SignUpValues, t: Translate, thisYear: number): FormError[] {
  const e: FormError[] = [];
  if (!v.kind) e.push({ target: 'kind', text: t('signUp.error.kind') });
  if (v.kind === 'citizen') {
    if (isBlank(v.fullName) || v.fullName.trim().length < 2) e.push({ target: 'fullName', text: t('signUp.error.fullName') });
    if (isBlank(v.cccd)) e.push({ target: 'cccd', text: t('signUp.error.cccdBlank') });
    else if (!isCccd(v.cccd)) e.push({ target: 'cccd', text: t('signUp.error.cccd') });
    const year = Number(v.birthYear);
    if (isBlank(v.birthYear)) e.push({ target: 'birthYear', text: t('signUp.error.birthYearBlank') });
    else if (!/^\d{4}$/.test(v.birthYear.trim()) || year < 1900 || year > thisYear) {
      e.push({ target: 'birthYear', text: t('signUp.error.birthYear', { max: thisYear }) });
    }
    if (!v.gender) e.push({ target: 'gender', text: t('signUp.error.gender') });
  }
  if (v.kind === 'business') {
    if (isBlank(v.businessName) || v.businessName.trim().length < 2) e.push({ target: 'businessName', text: t('signUp.error.businessName') });
    if (isBlank(v.mst)) e.push({ target: 'mst', text: t('signUp.error.mstBlank') });
    else if (!isMst(v.mst)) e.push({ target: 'mst', text: t('signUp.error.mst') });
  }
  if (v.kind) {
    if (isBlank(v.phone)) e.push({ target: 'phone', text: t('signUp.error.phoneBlank') });
    else if (!isPhone(v.phone)) e.push({ target: 'phone', text: t('signUp.error.phone') });
    if (!isBlank(v.email) && !isEmail(v.email)) e.push({ target: 'email', text: t('signUp.error.email') });
    if (v.password.length < 8) e.push({ target: 'password', text: t('signUp.error.password') });
  }
  return e;
}

export function toRegisterBody(v: SignUpValues): RegisterBody {
  const email = v.email.trim() || undefined;
  const phone = normalizePhone(v.phone);
  if (v.kind === 'business') {
    return { kind: 'business', businessName: v.businessName.trim(), mst: v.mst.trim(), phone, email, password: v.password };
  }
  return {
    kind: 'citizen',
    fullName: v.fullName.trim().replace(/\s+/g, ' '),
    cccd: v.cccd.replace(/\s+/g, ''),
    birthYear: Number(v.birthYear),
    gender: v.gender === 'female' ? 'female' : 'male',
    phone,
    email,
    password: v.password,
  };
}

/** Which field a server error code belongs to. */
export function fieldForCode(code: string, kind: SignUpValues['kind']): string | null {
  switch (code) {
    case 'CCCD_INVALID':
      return 'cccd';
    case 'MST_INVALID':
      return 'mst';
    case 'PHONE_INVALID':
    case 'OTP_RATE_LIMITED':
      return 'phone';
    case 'ACCOUNT_EXISTS':
      return kind === 'business' ? 'mst' : 'cccd';
    default:
      return null;
  }
}
