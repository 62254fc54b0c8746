import { api, apiPath } from '../../api/client';
import type { ClockState, Dossier, DossierEvent, DossierStatus, ProcedureDefinitionView, ProcedureSummary, Ref, Role, Timeliness, User } from '../../api/types';
import type { DaySource } from '@domain/calendar/decisions.ts';
import type { SwitchStatus } from '@domain/calendar/switchable.ts';

// Back-office API paths (they double as useApi cache keys, in the same hierarchy as the
// citizen pages: /api/v1/dossiers…) and the writes the back office makes.

export const QUEUE_PAGE_SIZE = 20;
export const QUEUES = ['to_receive', 'to_send_supplement', 'to_assign', 'mine', 'to_approve', 'due_soon', 'overdue', 'all'] as const;
export type QueueName = (typeof QUEUES)[number];

export interface QueueItem {
  code: string;
  procedure: { code: string; name: string; version?: number };
  status: DossierStatus;
  statusLabel?: string;
  statusLabelEn?: string;
  channel?: 'online' | 'in_person' | 'post';
  /** Its code at the system that forwarded it (the national portal's), shown beside ours. */
  externalCode?: string | null;
  /** national_portal, provincial_system or unit_system when a connected system forwarded it. */
  originChannel?: string | null;
  applicantName?: string;
  submittedAt: string | null;
  receivedAt?: string | null;
  dueAt: string | null;
  /** The new date given with an apology, beside dueAt. */
  extendedDueAt?: string | null;
  clock?: ClockState;
  finishedAt?: string | null;
  timeliness?: Timeliness;
  assignee?: { id: string; fullName: string } | null;
  /** The applicant's answer to a supplement request is the last thing that happened. */
  applicantAnswered?: boolean;
}

export interface QueueList {
  items: QueueItem[];
  total: number;
  counts?: Partial<Record<QueueName | 'department', number>>;
}

export interface QueueQuery {
  queue: QueueName;
  q?: string;
  status?: string;
  procedure?: string;
  page: number;
}

export interface StaffMember {
  id: string;
  login: string;
  fullName: string;
  roles: Role[];
  department: Ref | null;
}

export interface Unit {
  id: string;
  code: string;
  name: string;
  parentCode: string | null;
  departments: Ref[];
}

/** A staff account as its unit admin sees it (GET /admin/users). */
export type AdminUser = Omit<User, 'capabilities' | 'mustChangePassword' | 'twoFactor'> & {
  disabled: boolean;
  /** The password was set by an admin and not yet changed by the official. */
  mustChangePassword: boolean;
  twoFactorEnabled: boolean;
};

/** A record's fact against the one the CCCD number encodes. */
export type FactCheck = 'match' | 'mismatch' | 'unknown';

/** What the desk learns of a citizen from their CCCD (GET /citizens): enough to start a dossier, no more. */
export interface Citizen {
  fullName: string;
  phoneMasked: string | null;
  checks: { birthYear: FactCheck; gender: FactCheck };
}

export type DayOffKind = 'holiday' | 'compensatory' | 'extra';
export interface MakeUpDay {
  date: string;
  name: string;
  nameEn?: string;
  /** Where the day comes from: the law's rules, a government decision, or an admin's edit. */
  source?: DaySource;
  basis?: string;
}
export interface DayOff extends MakeUpDay {
  kind: DayOffKind;
}
export interface CalendarYear {
  year: number;
  daysOff: DayOff[];
  makeUpWorkingDays: MakeUpDay[];
  /** Pre-filled days an admin removed (they can be put back). */
  removed: { daysOff: DayOff[]; makeUpWorkingDays: MakeUpDay[] };
  version: number;
  confirmed: boolean;
  updatedAt?: string | null;
}

type RuleStatus = 'past' | 'in_force' | 'upcoming';
/** GET /calendar/rules: the calendar's law as data, and what changes when. */
export interface CalendarRules {
  today: string;
  workingTime: { effectiveFrom: string; legalBasis: string; periods: { start: string; end: string }[]; status: RuleStatus }[];
  holidayRules: { id: string; effectiveFrom: string; legalBasis: string; holidays: string[]; status: RuleStatus }[];
  switchable: {
    id: string;
    name: string;
    nameEn: string;
    month: number;
    day: number;
    legalBasis: string;
    legalBasisEn: string;
    effectiveFrom: string | null;
    status: SwitchStatus;
    version: number;
    switchBasis: string | null;
    updatedAt: string | null;
  }[];
  decisions: { year: number; title: string; titleEn: string; source: string | null }[];
  upcoming: { date: string; kind: 'working_time' | 'holiday_rules' | 'switchable'; what: string; whatEn: string }[];
}

export interface ProcedureVersion {
  version: number;
  effectiveFrom: string;
  createdAt: string;
  createdBy: string | { fullName?: string } | null;
}

export type EventList = { items: DossierEvent[] };
export type ItemList<T> = { items: T[] };

const enc = encodeURIComponent;

export const boApi = {
  queue: (q: QueueQuery) =>
    apiPath('/dossiers', {
      queue: q.queue,
      q: q.q,
      status: q.status,
      procedure: q.procedure,
      limit: QUEUE_PAGE_SIZE,
      offset: (q.page - 1) * QUEUE_PAGE_SIZE,
    }),
  dossier: (code: string) => apiPath(`/dossiers/${enc(code)}`),
  events: (code: string) => apiPath(`/dossiers/${enc(code)}/events`),
  procedure: (code: string, version?: number) => apiPath(`/procedures/${enc(code)}`, { version }),
  /** The whole definition with sources, confidence and notes: officials only. */
  procedureDefinition: (code: string) => apiPath(`/procedures/${enc(code)}/definition`),
  toConfirm: () => apiPath('/procedures/to-confirm'),
  procedureVersions: (code: string) => apiPath(`/procedures/${enc(code)}/versions`),
  procedures: (q: string, offset = 0, limit = 50) => apiPath('/procedures', { q, limit, offset }),
  allProcedures: () => apiPath('/procedures', { limit: 200 }),
  staff: (role: Role) => apiPath('/staff', { role }),
  units: () => apiPath('/units'),
  /** When "due soon" ends: 16 working hours from now, as the server counts the queue. */
  dueSoonLimit: (from: string) => apiPath('/calendar/due', { from, amount: 16, unit: 'working_hours' }),
  calendar: (year: number) => apiPath(`/calendar/${year}`),
  calendarRules: () => apiPath('/calendar/rules'),
  users: () => apiPath('/admin/users'),
};

/**
 * Takes an action on the version of the dossier the official saw.
 * @throws {ApiError} DOSSIER_VERSION_CONFLICT / DOSSIER_ACTION_NOT_ALLOWED (409), VALIDATION_FAILED,
 *   EXTENSION_NOT_ALLOWED (400), FORBIDDEN (403), network errors.
 */
export function runAction(d: Pick<Dossier, 'code' | 'version'>, action: string, payload: Record<string, unknown>): Promise<Dossier> {
  return api.post<Dossier>(`/dossiers/${enc(d.code)}/actions`, { ...payload, action, expectedVersion: d.version });
}

/** @throws {ApiError} USER_NOT_FOUND (404) when nobody has this CCCD, CCCD_INVALID (400). */
export function findCitizen(cccd: string): Promise<Citizen> {
  return api.get<Citizen>(apiPath('/citizens', { cccd }));
}

export interface DeskSubmission {
  procedureCode: string;
  formData: Record<string, string | number>;
  documents: { requirementId: string; fileId: string }[];
  applicant: {
    kind: 'citizen';
    fullName: string;
    cccd: string;
    birthYear?: number;
    gender?: 'male' | 'female';
    /** Needed for a new citizen, or one whose record has no phone. */
    phone?: string;
    email?: string;
    address?: string;
  };
}

/**
 * Files a dossier at the desk; the same `idempotencyKey` never files it twice.
 * @throws {ApiError} DOCUMENT_MISSING / FIELD_REQUIRED (details.problems), CCCD_INVALID, PHONE_INVALID,
 *   APPLICANT_IDENTITY_MISMATCH (409: the CCCD is on record under another name, birth year or gender)…
 */
export function createDeskDossier(body: DeskSubmission, idempotencyKey: string): Promise<Dossier> {
  return api.post<Dossier>('/dossiers', { ...body, channel: 'in_person' }, { 'Idempotency-Key': idempotencyKey });
}

/** @throws {ApiError} VALIDATION_FAILED / PROCEDURE_INVALID with details.issues, FORBIDDEN. */
export function saveProcedure(code: string, definition: unknown, effectiveFrom: string | undefined): Promise<ProcedureDefinitionView> {
  return api.put<ProcedureDefinitionView>(`/procedures/${enc(code)}`, { definition, ...(effectiveFrom ? { effectiveFrom } : {}) });
}

/** @throws {ApiError} VALIDATION_FAILED / CALENDAR_INVALID, FORBIDDEN. */
export function saveCalendar(year: number, body: { daysOff: DayOff[]; makeUpWorkingDays: MakeUpDay[]; confirmed: boolean }): Promise<CalendarYear> {
  return api.put<CalendarYear>(`/calendar/${year}`, body);
}

/**
 * Switches a switchable holiday (24/11) on from a date, or off with null.
 * @throws {ApiError} VALIDATION_FAILED, FORBIDDEN.
 */
export function saveHolidaySwitch(id: string, body: { effectiveFrom: string | null; legalBasis: string }): Promise<CalendarRules> {
  return api.put<CalendarRules>(`/calendar/rules/${enc(id)}`, body);
}

export interface NewUser {
  login: string;
  fullName: string;
  roles: Role[];
  departmentId: string | null;
  phone?: string;
  email?: string;
  password: string;
}

/** @throws {ApiError} ACCOUNT_EXISTS (409), VALIDATION_FAILED (details.issues). */
export function createUser(body: NewUser): Promise<AdminUser> {
  return api.post<AdminUser>('/admin/users', body);
}

export type UserUpdate = Partial<{ fullName: string; roles: Role[]; departmentId: string | null; disabled: boolean; password: string }>;

/** @throws {ApiError} USER_NOT_FOUND, VALIDATION_FAILED (e.g. removing one's own admin rights). */
/** An online sign-up waiting under a CCCD, as the desk sees it (GET /citizens/sign-ups). */
export interface PendingSignUp {
  id: string;
  fullName: string;
  birthYear: number | null;
  gender: 'male' | 'female' | null;
  phoneMasked: string;
  existingRecord: boolean;
  codeSentTo: string | null;
  createdAt: string;
}

export function pendingSignUps(cccd: string): Promise<{ items: PendingSignUp[] }> {
  return api.get<{ items: PendingSignUp[] }>(apiPath('/citizens/sign-ups', { cccd }));
}

/** The person in front of the officer gives the phone they signed up with; the sign-up is confirmed. */
export function verifySignUp(id: string, phone: string): Promise<{ verified: true; login: string }> {
  return api.post<{ verified: true; login: string }>(`/citizens/sign-ups/${enc(id)}/verify`, { phone });
}

/** Removes an official's authenticator and recovery codes (lost phone); their sessions end. */
export function resetTwoFactor(id: string): Promise<void> {
  return api.del<void>(`/admin/users/${enc(id)}/two-factor`);
}

export function updateUser(id: string, body: UserUpdate): Promise<AdminUser> {
  return api.put<AdminUser>(`/admin/users/${enc(id)}`, body);
}

export type { ProcedureSummary };
