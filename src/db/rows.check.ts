// The modules' row types, each proved against its table in the migrated schema at compile time
// (src/db/rows.ts). A field not read from that table as it is — joined from another table,
// computed in SQL, or not null only because of the query's `where` — is named in the Omit, with a
// line saying which. A migration that changes a column these read fails `npm run typecheck` here,
// naming the field.
// src/db/rows.test.ts fails when a module declares an `interface …Row` that is neither proved
// here nor listed below, at the end, as having no table behind it.
import type { RowCheck } from './rows.ts';
import type { CertificationRow } from '../modules/certifications/certifications.repo.ts';
import type { DossierRow, PresentedDocumentRow, StepRow } from '../modules/dossiers/dossiers.repo.ts';
import type { ItemRow } from '../modules/dossiers/dossiers.facts.ts';
import type { RoundRow } from '../modules/dossiers/dossiers.present.ts';
import type { MessageRow, ClaimedRow } from '../modules/messages/messages.repo.ts';
import type { IssuedDocumentRow } from '../modules/documents/documents.repo.ts';
import type { ReportRow, EventRow as FeedbackEventRow, PhotoRow } from '../modules/feedback/feedback.repo.ts';
import type { DueRow as FeedbackDueRow } from '../modules/feedback/feedback.followup.ts';
import type { VersionRow as FeedbackVersionRow } from '../modules/feedback/feedback.settings.ts';
import type { UploadRow } from '../modules/files/files.routes.ts';
import type { EventRow as FormEventRow, StepRow as FormStepRow } from '../modules/forms/forms.loaders.ts';
import type { Row as RegisterDbRow } from '../modules/forms/forms.register.ts';
import type { CourseRow } from '../modules/indicators/training.service.ts';
import type { FactRow } from '../modules/indicators/indicators.repo.ts';
import type { LateRow } from '../modules/indicators/indicators.aggregate.ts';
import type { PushRow } from '../modules/interop/interop.catalogue.ts';
import type { EventRow as InteropEventRow } from '../modules/interop/interop.status.ts';
import type { SystemRow } from '../modules/interop/interop.systems.ts';
import type { ContactRow } from '../modules/notifications/notifications.contacts.ts';
import type { Row as InboxRow } from '../modules/notifications/notifications.inbox.ts';
import type { WaitRow, OfficialRow, DueRow as DigestDueRow } from '../modules/notifications/notifications.scheduler.ts';
import type { RecipientRow } from '../modules/notifications/notifications.service.ts';
import type { Row as TemplateDbRow } from '../modules/notifications/notifications.templates.ts';
import type { ProcedureRow } from '../modules/procedures/procedures.service.ts';
import type { YearRow } from '../modules/calendar/calendar.service.ts';
import type { SignUpRow } from '../modules/accounts/signup.service.ts';
import type { UserRow } from '../modules/accounts/accounts.service.ts';
import type { TotpRow } from '../modules/accounts/two-factor.service.ts';
import type { PasswordRow } from '../modules/accounts/password.service.ts';
import type {
  ProjectRow,
  MilestoneRow,
  ObstacleRow,
  DirectionRow,
  UpdateRow,
  UpdateFileRow,
  EventRow as ProjectEventRow,
  RuleRow,
} from '../modules/projects/projects.repo.ts';
import type { FileRow as ProjectFileRow } from '../modules/projects/projects.files.ts';
import type { OverdueRow } from '../modules/projects/projects.reminders.ts';
import type { SiteRow, PlanningRow, PlanningFileRow, InterestRow } from '../modules/projects/projects.sites.repo.ts';
import type { SigningUnit } from '../modules/signing/unit-signer.ts';
import type { UnitRef } from '../modules/units/units.service.ts';
import type { SessionRow } from '../server/auth.ts';
import type { EventActor } from '../modules/forms/forms.service.ts';
import type { DossierFacts as NoticeDossierRow } from '../modules/notifications/notifications.dossier.ts';
import type { Portal } from './seed/history.ts';

type Proved<T extends true> = T;
export type RowsProved = [
  // accounts
  Proved<RowCheck<'sign_ups', SignUpRow>>,
  // unit_*, department_*: the unit's and department's (joins); two_factor_enabled: totp_enabled_at is not null.
  Proved<RowCheck<'users', Omit<UserRow, 'unit_code' | 'unit_name' | 'department_code' | 'department_name' | 'two_factor_enabled'>>>,
  Proved<RowCheck<'users', TotpRow>>,
  Proved<RowCheck<'users', PasswordRow>>,

  // calendar
  Proved<RowCheck<'calendar_years', YearRow>>,

  // certifications
  // certified_by: the official's name, citizen and citizen_id_number: the citizen's name and CCCD (joins).
  Proved<RowCheck<'certifications', Omit<CertificationRow, 'certified_by' | 'citizen' | 'citizen_id_number'>>>,

  // documents
  Proved<RowCheck<'issued_documents', Omit<IssuedDocumentRow, 'unit_code' | 'unit_name' | 'owner_name' | 'dossier_code' | 'size' | 'certificate_subject' | 'certificate_issuer' | 'certificate_demo' | 'certificate_not_after'>>>,

  // dossiers
  Proved<RowCheck<'dossiers', DossierRow>>,
  Proved<RowCheck<'dossier_steps', StepRow>>,
  // name: the upload's, size and mime: the file's (joins).
  Proved<RowCheck<'dossier_documents', Omit<PresentedDocumentRow, 'name' | 'size' | 'mime'>>>,
  Proved<RowCheck<'supplement_items', ItemRow>>,
  // *_by_name: the officials' names (joins); items: the round's items as JSON (a sub-query).
  Proved<RowCheck<'supplement_requests', Omit<RoundRow, 'proposed_by_name' | 'sent_by_name' | 'items'>>>,

  // feedback
  Proved<RowCheck<'feedback_reports', Omit<ReportRow, 'department_name' | 'assignee_name' | 'merged_into_code'>>>,
  // answered_at: not null here (the query's `answered_at <= …`).
  Proved<RowCheck<'feedback_reports', Omit<FeedbackDueRow, 'answered_at'>>>,
  // actor_name, actor_kind: the actor's (a join).
  Proved<RowCheck<'feedback_events', Omit<FeedbackEventRow, 'actor_name' | 'actor_kind'>>>,
  Proved<RowCheck<'feedback_photos', PhotoRow>>,
  // saved_by: the official's name (a join).
  Proved<RowCheck<'feedback_settings_versions', Omit<FeedbackVersionRow, 'saved_by'>>>,

  // files
  // size, mime: the file's (a join).
  Proved<RowCheck<'uploads', Omit<UploadRow, 'size' | 'mime'>>>,

  // forms
  // full_name, kind, roles: the actor's (a join).
  Proved<RowCheck<'dossier_events', Omit<FormEventRow, 'full_name' | 'kind' | 'roles'>>>,
  // person, department, unit: the handler's or assignee's (joins).
  Proved<RowCheck<'dossier_steps', Omit<FormStepRow, 'person' | 'department' | 'unit'>>>,
  // procedure: the procedure's name, handling_unit: the unit's name (joins); forwarded_at: the first assignment's time (a sub-query);
  // received_at: not null here (the query's `received_at >= …`).
  Proved<RowCheck<'dossiers', Omit<RegisterDbRow, 'procedure' | 'handling_unit' | 'forwarded_at' | 'received_at'>>>,

  // at: the event's; full_name, roles: the actor's; department_name: the actor's department's (joins).
  Proved<RowCheck<'dossier_events', Pick<EventActor, 'at'>>>,
  Proved<RowCheck<'users', Pick<EventActor, 'full_name' | 'roles'>>>,

  // indicators
  // updated_by: the official's name (a join), null when the account is gone.
  Proved<RowCheck<'training_courses', Omit<CourseRow, 'updated_by'>>>,
  // procedure_name, field, end_to_end: the procedure version's; assignee_name: the official's (joins); the rest: counts and exists (expressions).
  // procedure_name: the version's (an expression); finished_at: the late keys' (a sub-query); due_at: not null here (a late dossier has one).
  Proved<RowCheck<'dossiers', Omit<LateRow, 'procedure_name' | 'finished_at' | 'due_at'>>>,
  Proved<RowCheck<'dossiers', Omit<FactRow, 'procedure_name' | 'field' | 'end_to_end' | 'assignee_name' | 'rounds' | 'late_rounds' | 'digitised' | 'e_result' | 'personal_store' | 'has_fee' | 'synced_known' | 'synced' | 'rating'>>>,

  // interop
  // system_code: the system's (a join); is_new: no procedure of that code yet (an expression).
  Proved<RowCheck<'interop_catalogue_pushes', Omit<PushRow, 'system_code' | 'is_new'>>>,
  Proved<RowCheck<'dossier_events', InteropEventRow>>,
  // remote_unit_code: the remote unit's code (a sub-query).
  Proved<RowCheck<'interop_systems', Omit<SystemRow, 'remote_unit_code'>>>,

  // messages
  Proved<RowCheck<'messages', MessageRow>>,
  Proved<RowCheck<'messages', ClaimedRow>>,

  // notifications
  Proved<RowCheck<'users', ContactRow>>,
  // seq: the bigint as text (`n.seq::text`, the same on both drivers); dossier_code: the dossier's (a join);
  // deliveries: the messages' channels and statuses as JSON (a sub-query).
  Proved<RowCheck<'notifications', Omit<InboxRow, 'seq' | 'dossier_code' | 'deliveries'>>>,
  // code, applicant_id, applicant, status: the dossier's, procedure: its name (joins); amount: the payment asked (a sub-query).
  Proved<RowCheck<'notification_waits', Omit<WaitRow, 'code' | 'applicant_id' | 'applicant' | 'procedure' | 'status' | 'amount'>>>,
  // unit_id: not null for staff (the query's `kind = 'staff'` and the table's CHECK (kind <> 'staff' OR unit_id IS NOT NULL)).
  Proved<RowCheck<'users', Omit<OfficialRow, 'unit_id'>>>,
  // procedure: the procedure's name (a join); overdue: the queue's overdue condition (an expression);
  // due_at: not null here (the query keeps only dossiers overdue or due soon).
  Proved<RowCheck<'dossiers', Omit<DigestDueRow, 'procedure' | 'overdue' | 'due_at'>>>,
  // channels, locale: the preferences' (a left join: null when never saved).
  Proved<RowCheck<'users', Omit<RecipientRow, 'channels' | 'locale'>>>,
  // created_by_name: the official's name (a join).
  Proved<RowCheck<'notification_templates', Omit<TemplateDbRow, 'created_by_name'>>>,

  Proved<RowCheck<'dossiers', NoticeDossierRow>>,

  // procedures
  // code: the procedure's, the same as the version's procedure_code (the join's key).
  Proved<RowCheck<'procedure_versions', Omit<ProcedureRow, 'code'>>>,

  // projects
  // registered_capital_vnd: a bigint read as float8 (exact up to 9 million billion đồng).
  Proved<RowCheck<'projects', Omit<ProjectRow, 'department_name' | 'investor_ids' | 'registered_capital_vnd'>>>,
  Proved<RowCheck<'project_milestones', MilestoneRow>>,
  Proved<RowCheck<'project_obstacles', Omit<ObstacleRow, 'actor_department_name' | 'raised_by_name'>>>,
  Proved<RowCheck<'project_directions', Omit<DirectionRow, 'owner_department_name' | 'given_by_name'>>>,
  // reporter_name: the reporter's (a join); disbursed_vnd: a bigint read as float8, as registered_capital_vnd.
  Proved<RowCheck<'project_updates', Omit<UpdateRow, 'reporter_name' | 'disbursed_vnd'>>>,
  // id, name: the upload's, mime, size: the file's (joins).
  Proved<RowCheck<'project_update_files', Omit<UpdateFileRow, 'id' | 'name' | 'mime' | 'size'>>>,
  // actor_name: the actor's, project_*: the project's (joins).
  Proved<RowCheck<'project_events', Omit<ProjectEventRow, 'actor_name' | 'project_id' | 'project_code' | 'project_name'>>>,
  // created_by_name: the official's name (a join).
  Proved<RowCheck<'project_schedule_rules', Omit<RuleRow, 'created_by_name'>>>,
  // mime, size: the file's (a join).
  Proved<RowCheck<'uploads', Omit<ProjectFileRow, 'mime' | 'size'>>>,
  // project_name: the project's, leader_name: the leader's who gave it (joins).
  Proved<RowCheck<'project_directions', Omit<OverdueRow, 'project_name' | 'leader_name'>>>,
  // interests: how many investors asked about it (a count).
  Proved<RowCheck<'investment_sites', Omit<SiteRow, 'interests'>>>,
  // version: a hash of the document's fields (an expression).
  Proved<RowCheck<'planning_documents', Omit<PlanningRow, 'version'>>>,
  // id, name: the upload's, mime, size: the file's (joins).
  Proved<RowCheck<'planning_document_files', Omit<PlanningFileRow, 'id' | 'name' | 'mime' | 'size'>>>,
  // site_id, site_code, site_name: the site's; full_name, login, kind, phone, email: the investor's (joins).
  Proved<RowCheck<'investment_interests', Omit<InterestRow, 'site_id' | 'site_code' | 'site_name' | 'full_name' | 'login' | 'kind' | 'phone' | 'email'>>>,

  // signing, units
  Proved<RowCheck<'units', SigningUnit>>,
  Proved<RowCheck<'units', UnitRef>>,

  // server: the session's user. csrf_token: the session's; two_factor: totp_enabled_at is not null (an expression);
  // channels, locale: the notification preferences' (a left join: null when never saved).
  Proved<RowCheck<'users', Omit<SessionRow, 'csrf_token' | 'two_factor' | 'channels' | 'locale'>>>,
  Proved<RowCheck<'sessions', Pick<SessionRow, 'csrf_token'>>>,

  // seed
  Proved<RowCheck<'interop_systems', Portal>>,
];

// Not proved: no table behind them (src/db/rows.test.ts reads this list, one `- path Name: why` a line).
// - indicators/indicators.aggregate.ts FlowDbRow: sums by day or month over the daily and monthly counts, its count columns chosen at run time.
// - calendar/calendar.service.ts SwitchRow: a holiday switch as the calendar presents it (camelCase, a Date), built from holiday_switches rows.
// - forms/register.pdf.ts RegisterRow: a line of the printed register (camelCase, Dates), built from forms.register.ts's Row.
// - ../domain/feedback.ts IndicatorRow: a report's clock facts as the indicators count them (camelCase), built from feedback_reports rows.
// - ../domain/indicators-aggregate.ts FlowRow: a day's count of dossiers received, settled or closed (camelCase), the pure aggregate's input.
// - ../domain/indicators-aggregate.ts StockRow: a count of dossiers in progress by state (camelCase), the pure aggregate's input.
