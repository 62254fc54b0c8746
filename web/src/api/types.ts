// Request/response shapes of the API (docs/API.md, v1). Inferred from the contract the server
// validates and serializes with (src/contract, `@contract/*`) where it has one; type imports only,
// so no zod reaches the citizen bundle. The shapes still written here by hand are those whose
// routes have no response schema yet (tests/integration/response-schemas.test.ts lists them).

import type { Capability, StaffRole } from '@domain/policy.ts';
import type { Ref, SessionPayload, SessionUser, TwoFactorChallenge, UserKind } from '@contract/session.ts';
import type { Confidence, ProcedureDefinitionView, ProcedureSummary, PublicProcedure, PublicTimeLimit, ToConfirmItem, ToConfirmList } from '@contract/catalogue.ts';
import type { UploadedFile as ContractUploadedFile } from '@contract/files.ts';
import type {
  AuditEntry,
  AuditList,
  ClockState,
  Dossier,
  DossierDocument,
  DossierEvent as ContractDossierEvent,
  DossierList,
  DossierStatus,
  DossierStep as ContractDossierStep,
  DossierSummary,
  EventList,
  Extension,
  FormList,
  PublicDossier,
  SupplementItem,
  SupplementRequest,
  Timeliness,
} from '@contract/dossiers.ts';

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

/** What POST /files answers: `id` is what a dossier's documents and GET /files/:id take. */
export type UploadedFile = ContractUploadedFile;

export type { DossierStatus, ClockState, Timeliness, Extension, DossierDocument, SupplementItem, SupplementRequest, Dossier, DossierSummary, DossierList, PublicDossier };
/** A result file is a document of the dossier (`fileId` is what GET /files/:id takes). */
export type ResultFile = DossierDocument;

/** A step as the dossier's pages show it: public tracking leaves out key, role, handler and timeliness. */
export type DossierStep = NonNullable<PublicDossier['steps']>[number] & Partial<ContractDossierStep>;

/** Whether the caller may take `action` on the dossier now. */
export function canDo(d: Pick<Dossier, 'allowedActions'>, action: string): boolean {
  return d.allowedActions.some((a) => a.action === action);
}

/** An event as a timeline shows it: public tracking leaves out who, the comment, the data and the attachments. */
export type DossierEvent = NonNullable<PublicDossier['events']>[number] & Partial<ContractDossierEvent>;
export type { ContractDossierEvent as StaffDossierEvent, EventList, AuditEntry, AuditList, FormList };
