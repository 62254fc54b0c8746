import { api, apiPath } from '../../api/client';
import type { AdminUser, Dossier, DossierList, DossierSummary, NewUser, ProcedureDefinitionView, ProcedureSummary, Ref, Role, StaffDossierEvent, UserUpdate } from '../../api/types';
import type { Unit } from '@contract/units.ts';
import type { CalendarYear, RulesView, YearInput } from '@contract/calendar.ts';
import type { Citizen, FactCheck, PendingSignUp, PendingSignUpList, SignUpVerified } from '@contract/citizens.ts';

// Back-office API paths (they double as useApi cache keys, in the same hierarchy as the
// citizen pages: /api/v1/dossiers…) and the writes the back office makes.

export const QUEUE_PAGE_SIZE = 20;
export const QUEUES = ['to_receive', 'to_send_supplement', 'to_assign', 'mine', 'to_approve', 'due_soon', 'overdue', 'all'] as const;
export type QueueName = (typeof QUEUES)[number];

/** One dossier of a work queue (GET /dossiers). */
export type QueueItem = DossierSummary;

export type QueueList = Omit<DossierList, 'counts'> & {
  counts?: Partial<Record<QueueName | 'department', number>>;
};

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

export type { Unit };

export type { FactCheck, Citizen };

/** A year of the calendar (GET /calendar/:year) and its days. */
export type { CalendarYear };
/** A day as the editor holds it and sends it back (a shown day, or one just added). */
export type DayOff = YearInput['daysOff'][number];
export type DayOffKind = DayOff['kind'];
export type MakeUpDay = YearInput['makeUpWorkingDays'][number];
/** GET /calendar/rules: the calendar's law as data, and what changes when. */
export type CalendarRules = RulesView;

export interface ProcedureVersion {
  version: number;
  effectiveFrom: string;
  createdAt: string;
  createdBy: string | { fullName?: string } | null;
}

export type EventList = { items: StaffDossierEvent[] };
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

/** @throws {ApiError} ACCOUNT_EXISTS (409), VALIDATION_FAILED (details.issues). */
export function createUser(body: NewUser): Promise<AdminUser> {
  return api.post<AdminUser>('/admin/users', body);
}

/** @throws {ApiError} USER_NOT_FOUND, VALIDATION_FAILED (e.g. removing one's own admin rights). */
export type { PendingSignUp };

export function pendingSignUps(cccd: string): Promise<PendingSignUpList> {
  return api.get<PendingSignUpList>(apiPath('/citizens/sign-ups', { cccd }));
}

/** The person in front of the officer gives the phone they signed up with; the sign-up is confirmed. */
export function verifySignUp(id: string, phone: string): Promise<SignUpVerified> {
  return api.post<SignUpVerified>(`/citizens/sign-ups/${enc(id)}/verify`, { phone });
}

/** Removes an official's authenticator and recovery codes (lost phone); their sessions end. */
export function resetTwoFactor(id: string): Promise<void> {
  return api.del<void>(`/admin/users/${enc(id)}/two-factor`);
}

export function updateUser(id: string, body: UserUpdate): Promise<AdminUser> {
  return api.put<AdminUser>(`/admin/users/${enc(id)}`, body);
}

export type { AdminUser, NewUser, ProcedureSummary, UserUpdate };
