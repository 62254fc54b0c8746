// Request/response shapes of the API (docs/API.md, v1), re-exported from the contract the server
// validates and serializes with (src/contract, `@contract/*`): every route has a response schema
// there (tests/integration/response-schemas.test.ts), so nothing here is written by hand but names
// and narrowings of those shapes (`Page`, the public/staff step and event, `canDo`). Type imports
// only, so no zod reaches the citizen bundle.

import type { Capability, StaffRole } from '@domain/policy.ts';
import type { Ref, SessionPayload, SessionUser, TwoFactorChallenge, UserKind } from '@contract/session.ts';
import type { CodeSent, PasswordResetStarted, RecoveryCodes, RegisterBody, SignUpAnswer, SignUpPending, TwoFactorSetup, TwoFactorStatus } from '@contract/auth.ts';
import type { AdminUser, CreateUserBody, UpdateUserBody } from '@contract/admin.ts';
import type { MessageList, OutboxMessage, ReplayAnswer } from '@contract/messages.ts';
import type { TemplateDetail, TemplatePreview, TemplateProblem, TemplateSummary, TemplateText, TemplateTexts, TemplateVersion } from '@contract/notifications.ts';
import type { CataloguePush, CataloguePushDetail, CataloguePushList, ConnectedSystem, IssuedKey, PushDecision, SyncAnswer, SystemList } from '@contract/interop.ts';
import type { FormTemplateEntry, FormTemplateList, FormTemplateView, SaveFormTemplateBody } from '@contract/forms.ts';
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
/** Sign-up and forgotten passwords: where a one-time code went (masked), a sign-up waiting for it. */
export type { CodeSent, RegisterBody, SignUpAnswer, SignUpPending, PasswordResetStarted };
/** A staff account as its unit admin sees it (GET /admin/users), creates and edits it. */
export type { AdminUser };
export type NewUser = CreateUserBody;
export type UserUpdate = UpdateUserBody;
/** One's own two-factor sign-in: the state, an enrolment's secret and the recovery codes (each shown once). */
export type { RecoveryCodes, TwoFactorSetup, TwoFactorStatus };

/** Notification templates as a unit admin edits them, and the outbox (GET /admin/messages). */
export type { TemplateDetail, TemplatePreview, TemplateProblem, TemplateSummary, TemplateText, TemplateTexts, TemplateVersion };
export type { MessageList, OutboxMessage, ReplayAnswer };

/** Connected systems, the province's catalogue updates, the sync view (back office, unit admin). */
export type { CataloguePush, CataloguePushDetail, CataloguePushList, ConnectedSystem, IssuedKey, PushDecision, SyncAnswer, SystemList };

/** The forms' templates (Circular 03/2025 forms 01–07), versioned by the unit admin. */
export type { FormTemplateEntry, FormTemplateList, FormTemplateView, SaveFormTemplateBody };

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
