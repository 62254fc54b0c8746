// Request/response shapes of the API (docs/API.md, v1). Inferred from the contract the server
// validates and serializes with (src/contract, `@contract/*`) where it has one; type imports only,
// so no zod reaches the citizen bundle. The shapes still written here by hand are those whose
// routes have no response schema yet (tests/integration/response-schemas.test.ts lists them).

import type { Capability, StaffRole } from '@domain/policy.ts';
import type { Ref, SessionPayload, SessionUser, TwoFactorChallenge, UserKind } from '@contract/session.ts';
import type { Confidence, ProcedureDefinitionView, ProcedureSummary, PublicProcedure, PublicTimeLimit, ToConfirmItem, ToConfirmList } from '@contract/catalogue.ts';

export type Role = StaffRole;
export type { Capability, Ref, SessionPayload, TwoFactorChallenge, UserKind };
export type User = SessionUser;

/** Where a one-time code was sent (masked), and when it expires / a new one may be asked for. */
export interface CodeSent {
  channel: 'sms' | 'email';
  sentTo: string;
  expiresAt: string;
  resendAt: string;
}

/** POST /auth/register answers this: nothing is open until the code (or the desk) confirms it. */
export interface SignUpPending {
  id: string;
  status: 'pending';
  /** The ID number is on record at a ward: the code went to the phone or email on record. */
  existingRecord: boolean;
  /** null: no contact on record to send a code to; only a one-stop desk can verify the person. */
  code: CodeSent | null;
  expiresAt: string;
}

export type TimeUnit = NonNullable<PublicTimeLimit['unit']>;
/** As citizens see it: amount and unit only once the ward has confirmed them. */
export type TimeLimit = PublicTimeLimit;
export type OnlineLevel = ProcedureSummary['onlineLevel'];
export type Applicant = ProcedureSummary['applicant'];
export type { ProcedureSummary, Confidence, ProcedureDefinitionView, ToConfirmItem, ToConfirmList };
/** A procedure as citizens see it (GET /procedures/:code). */
export type Procedure = PublicProcedure;
export type DocumentRequirement = Procedure['documents'][number];
export type DocumentKind = DocumentRequirement['kind'];
export type FormField = Procedure['formFields'][number];
export type FormFieldType = FormField['type'];
export type Fee = Procedure['fees'][number];

export interface Page<T> {
  items: T[];
  total: number;
}

export interface UploadedFile {
  id: string;
  sha256?: string;
  name: string;
  size: number;
  mime: string;
}

export type DossierStatus =
  | 'submitted'
  | 'received'
  | 'refused'
  | 'in_review'
  | 'consulting'
  | 'awaiting_approval'
  | 'approved'
  | 'supplement_proposed'
  | 'supplement_requested'
  | 'awaiting_payment'
  | 'withdrawn'
  | 'stopped'
  | 'result_ready'
  | 'returned';

export type Timeliness = 'early' | 'on_time' | 'late' | null;

/** The legal clock (docs/adr/0005-legal-clock.md): `stopped` while the dossier waits for its applicant. */
export type ClockState = 'not_started' | 'running' | 'stopped' | 'finished' | 'closed';

/** The one extension with apology, recorded beside the due date (which it never replaces). */
export interface Extension {
  dueAt: string;
  at: string;
  reason: string;
  /** Sent at least one day before the due date (Decree 118/2025 Art. 19). */
  apologyOnTime: boolean;
}

export interface DossierDocument {
  id: string;
  requirementId: string | null;
  name: string;
  fileId: string;
  size: number;
  mime: string;
  round: number;
  superseded?: boolean;
}

/** A result file: `fileId` is what GET /files/:id takes (older shapes only had `id`). */
export interface ResultFile {
  id: string;
  fileId?: string;
  name: string;
  size?: number;
  mime?: string;
}

export interface SupplementItem {
  id: string;
  target: { type: 'document' | 'field'; key: string };
  reason: string;
  answered?: boolean;
  answer?: { fileId?: string | null; value?: string | null } | null;
}

/** One round of a request to supplement: proposed by a handler, sent by the desk (or the system, online). */
export interface SupplementRequest {
  round: number;
  proposedBy?: string | null;
  proposedAt?: string | null;
  sentBy?: string | null;
  sentBySystem?: boolean;
  sentAt?: string | null;
  /** Receipt + 3 working days; null before receipt. */
  windowEndsAt?: string | null;
  /** Sent after the window: allowed, but flagged. */
  late?: boolean | null;
  /** Why a second or later request was needed. */
  repeatReason?: string | null;
  comment?: string | null;
  answeredAt?: string | null;
  /** Present for the open (or proposed) round only. */
  items?: SupplementItem[];
}

export interface DossierStep {
  /** Public tracking leaves out key, role and timeliness. */
  key?: string;
  name: string;
  role?: string;
  startedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  timeliness?: Timeliness;
}

export interface Dossier {
  id: string;
  code: string;
  procedure: { code: string; name: string; version: number; timeLimit: TimeLimit };
  status: DossierStatus;
  statusLabel: string;
  statusLabelEn?: string;
  statusGroup: number;
  channel: 'online' | 'in_person' | 'post';
  /** Its code at the system that forwarded it (the national portal's), shown beside ours. */
  externalCode?: string | null;
  /** national_portal, provincial_system or unit_system when a connected system forwarded it. */
  originChannel?: string | null;
  applicant: {
    kind: UserKind;
    fullName: string;
    idNumber: string | null;
    phone: string | null;
    email: string | null;
    address: string | null;
  };
  formData: Record<string, unknown>;
  documents: DossierDocument[];
  submittedAt: string | null;
  receivedAt: string | null;
  /** The due date the law set: timeliness is judged against it. */
  dueAt: string | null;
  /** The new date given with an apology, if any (beside dueAt, never replacing it). */
  extendedDueAt: string | null;
  extended: boolean;
  extension?: Extension | null;
  /** Set when the receiving officer gave the appointment (unconfirmed time limit): why. */
  appointmentReason?: string | null;
  /** While not yet received: whether the officer must give the appointment, and the date the limit would give. */
  appointment?: { required: boolean; suggestedAt: string | null };
  /** Receipt + 3 working days: a request to supplement after it is flagged late. */
  supplementWindowEndsAt?: string | null;
  clock?: ClockState;
  clockStoppedAt?: string | null;
  finishedAt: string | null;
  returnedAt: string | null;
  timeliness: Timeliness;
  supplementRounds: number;
  openSupplement: SupplementRequest | null;
  /** Staff only: a handler's proposal awaiting the desk. */
  proposedSupplement?: SupplementRequest | null;
  /** Every round sent, for the record (without items). */
  supplementRequests?: SupplementRequest[];
  assignee: { id: string; fullName: string } | null;
  department: Ref | null;
  handlingUnit: Ref | null;
  receivingUnit: Ref | null;
  steps: DossierStep[];
  /** The contract says strings; the server sends `{ action, label, labelEn }`. Use `canDo()`. */
  allowedActions: (string | { action: string; label?: string; labelEn?: string })[];
  rating: { score: number; comment: string | null } | null;
  result: { outcome: 'granted' | 'denied'; files: ResultFile[] } | null;
  version: number;
}

/** The list shape is not spelled out in the contract; only these fields are relied upon. */
export interface DossierSummary {
  code: string;
  procedure: { code: string; name: string };
  status: DossierStatus;
  statusLabel?: string;
  submittedAt: string | null;
  dueAt: string | null;
  timeliness?: Timeliness;
}

/** Whether the caller may take `action` on the dossier now. */
export function canDo(d: Pick<Dossier, 'allowedActions'>, action: string): boolean {
  return d.allowedActions.some((a) => (typeof a === 'string' ? a : a.action) === action);
}

export interface DossierEvent {
  seq: number;
  action: string;
  fromStatus: DossierStatus | null;
  toStatus: DossierStatus | null;
  actor: { id: string; fullName: string; role: string } | null;
  at: string;
  comment: string | null;
  data?: unknown;
  /** Upload ids (the server's shape) or file objects. */
  attachments?: (string | UploadedFile)[] | null;
  label?: string;
  labelEn?: string;
}

export interface PublicDossier {
  code: string;
  procedure: { code: string; name: string };
  status: DossierStatus;
  statusLabel: string;
  submittedAt: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  /** The new date given with an apology, if any. */
  extendedDueAt?: string | null;
  clock?: ClockState;
  clockStoppedAt?: string | null;
  finishedAt: string | null;
  returnedAt: string | null;
  applicantName: string;
  steps?: DossierStep[];
  events?: DossierEvent[];
}
