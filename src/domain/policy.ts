/**
 * Who may read or do what: the one authorization policy of the platform. Pure, no I/O: the
 * caller loads the actor and the resource, asks `can(actor, verb, resource)`, and acts on the
 * answer. Routes and services never re-derive a rule; the web app imports this module too.
 *
 * Which action is possible in which status is the dossier state machine's business
 * (`ALLOWED_ACTIONS` in dossier-state.ts); this module says WHO may take it.
 *
 * The people (docs/ARCHITECTURE.md, "Who may do what"):
 * - applicant: the citizen or business a dossier is for, or who filed it online;
 * - reception officer (`reception`): the one-stop desk of a unit;
 * - specialist (`specialist`): handles the dossiers assigned to them, and only those;
 * - department leader: a `leader` WITH a department leads that department (trưởng phòng): acts on
 *   the dossiers of their department (`dossiers.department_id`, set from the assignee's at assignment);
 * - unit leader: a `leader` WITHOUT a department leads the unit (chủ tịch / phó chủ tịch UBND):
 *   acts on every dossier the unit handles, and alone approves, sends back and stops;
 * - unit admin (`unit_admin`): staff accounts of their unit; the catalogue and the calendar when
 *   their unit is the one this deployment serves (every official of that unit reads the catalogue's
 *   sources, confidence and what is still to be confirmed);
 * - staff of another unit: nothing on a dossier they neither received nor handle; since 1 July 2025
 *   a citizen may file at any unit, so any unit's reception may look a citizen up by CCCD (name,
 *   masked phone and birth-year/gender checks only).
 */
import { ACTIONS, type Action } from './dossier-state.ts';
import { AppError } from './errors.ts';

export type StaffRole = 'reception' | 'specialist' | 'leader' | 'unit_admin';
export const STAFF_ROLES = ['reception', 'specialist', 'leader', 'unit_admin'] as const satisfies readonly StaffRole[];

/** The signed-in person as the policy sees them. `null` everywhere below means nobody is signed in. */
export interface Actor {
  id: string;
  kind: 'staff' | 'citizen' | 'business';
  roles: readonly StaffRole[];
  unitId: string | null;
  departmentId: string | null;
}

/** What the policy needs to know of a dossier. */
export interface DossierResource {
  applicantId: string;
  submittedBy: string;
  receivingUnitId: string;
  handlingUnitId: string;
  assigneeId: string | null;
  /** The department handling it (the assignee's, set at assignment), or null before. */
  departmentId: string | null;
  /** While `consulting`: the department whose opinion is asked. */
  consultedDepartmentId?: string | null;
}

/** An uploaded file: its uploader (null for a report's photo sent without signing in), and the dossier it belongs to (if any). */
export interface FileResource {
  uploadedBy: string | null;
  dossier: DossierResource | null;
}

/** Data owned by a unit: its staff accounts; the catalogue and calendar (owned by the deployment's unit). */
export interface UnitResource {
  unitId: string;
}

/**
 * A project of the investment register (src/domain/projects.ts): the unit whose register it is,
 * its responsible department, and the accounts that act for its investor.
 */
export interface ProjectResource {
  unitId: string;
  departmentId: string | null;
  investorIds: readonly string[];
}

/** A leader's direction on a project's obstacle: who must carry it out. */
export interface DirectionResource {
  project: ProjectResource;
  ownerKind: 'department' | 'investor' | 'other';
  /** The department that must carry it out, for `ownerKind` department. */
  ownerDepartmentId: string | null;
}

/** A document the platform issued signed (a result, a certified copy): whose it is, which unit issued it. */
export interface SignedDocumentResource {
  ownerId: string;
  unitId: string;
}

/**
 * A citizen's report or petition (phản ánh, kiến nghị; src/domain/feedback.ts): the unit it was
 * sent to, the department it was forwarded to, its assignee, and the reporter's account (null for
 * a report sent with contact details only, or through Open311).
 */
export interface FeedbackResource {
  unitId: string;
  departmentId: string | null;
  assigneeId: string | null;
  reporterId: string | null;
}

/** A list of dossiers; `query` is the free-text search (which may be a CCCD or a phone number). */
export interface DossierListResource {
  query: string | null;
}

export type DossierActionVerb = `dossier.${Action}`;

/** Every verb with the resource it applies to. */
export interface Verbs extends Record<DossierActionVerb, DossierResource> {
  /** The dossier itself (applicant, form data, documents list). */
  'dossier.read': DossierResource;
  /** Its history of actions (comments, supplement answers). */
  'dossier.history': DossierResource;
  /** Its printable forms: 01 receipt, 02 supplement request. */
  'dossier.forms': DossierResource;
  /** The audit trail of who did and read what (officials only). */
  'dossier.audit_trail': DossierResource;
  'dossier.rate': DossierResource;
  'dossier.list': DossierListResource;
  /** Filing online, for oneself. */
  'dossier.file_online': null;
  /** Filing at the desk for the person in front of the officer, at the officer's unit. */
  'dossier.file_at_desk': null;
  'file.upload': null;
  'file.read': FileResource;
  /** Finding a citizen by CCCD at the desk (minimal answer). */
  'citizen.lookup': null;
  /** The staff list of one's unit (the assignment picker). */
  'staff.list': null;
  'catalogue.edit': UnitResource;
  /** The catalogue's sources, confidence and what the ward must still confirm: the ward's officials. */
  'catalogue.review': UnitResource;
  'calendar.edit': UnitResource;
  'users.manage': UnitResource;
  /** The outbox of SMS and email (recipients, texts): the deployment's, like the catalogue. */
  'messages.read': UnitResource;
  /** Sending a failed message again (the dead-letter list): the deployment's outbox. */
  'messages.replay': UnitResource;
  /** The texts of notifications (versioned, vi/en): the deployment's, like the catalogue. */
  'notification_templates.edit': UnitResource;
  /** Connected systems (the national portal, provincial systems): their keys, scopes, the sync view and its replays. */
  'interop.manage': UnitResource;
  // Investment and urban-development projects (docs/PROJECTS.md). A unit's register.
  /** The register: the leaders' view, the map, the exports. */
  'projects.list': UnitResource;
  /** Create projects; publish investment opportunities and planning documents. */
  'projects.manage': UnitResource;
  /** Investors' registrations of interest (names, phones, emails: audited). */
  'projects.interests': UnitResource;
  /** The behind-schedule rule (versioned thresholds). */
  'projects.rule_edit': UnitResource;
  /** An investor (a business or a citizen) registers interest in a promoted site. */
  'projects.register_interest': null;
  'project.read': ProjectResource;
  'project.edit': ProjectResource;
  /** A progress update with evidence: the responsible department or the investor. */
  'project.report_progress': ProjectResource;
  /** The actual date of a legal milestone: the ward records it, not the investor. */
  'project.record_milestone': ProjectResource;
  'project.raise_obstacle': ProjectResource;
  /** A leader's direction (chỉ đạo) with a deadline. */
  'project.direct': ProjectResource;
  'project.resolve_obstacle': ProjectResource;
  /** Reporting a direction done: whoever it was given to. */
  'direction.complete': DirectionResource;
  /** A signed document (result, certified copy) and its file: its owner, and the issuing unit's staff. */
  'document.read': SignedDocumentResource;
  /** Revoking a signed document (with a reason): the issuing unit's leaders (without a department). */
  'document.revoke': SignedDocumentResource;
  /** Certifying copies from originals at the desk (chứng thực bản sao điện tử), in one's own unit's register. */
  'certification.perform': null;
  /** A unit's certification register (the list, the export): its desk and its leaders. */
  'certification.register': UnitResource;
  /** The one-stop forms' templates (law as data, like the catalogue): the deployment's unit admins. */
  'forms.edit': UnitResource;
  /** A unit's dossier register (form 07: names, addresses, phones): its desk and its leaders, audited. */
  'dossier.register': UnitResource;
  /**
   * Confirming an online sign-up for the person at the desk, ID card in hand (their code could not
   * reach them): the sign-ups waiting under a CCCD, and the confirmation. Any unit's desk.
   */
  'citizen.verify_sign_up': null;
  /** Changing one's own password (anyone signed in). */
  'account.change_password': null;
  /** Changing or verifying one's own phone and email with a code sent to it (anyone signed in). */
  'account.change_contact': null;
  /** Turning one's own two-factor sign-in on or off, new recovery codes (officials). */
  'account.two_factor': null;
  /** Resetting an official's password (a temporary one, changed at next sign-in): their unit's admin. */
  'users.reset_password': UnitResource;
  /** Removing an official's authenticator and recovery codes (lost phone): their unit's admin. */
  'users.reset_two_factor': UnitResource;
  // Decision 766 indicators and the term's targets (docs/INDICATORS.md).
  /** The leaders' view: the index, breakdowns by official, points at risk, drill-down, exports. */
  'indicators.read': UnitResource;
  /** Entering an ingredient the platform cannot compute, with its source: the unit's leaders and admins. */
  'indicators.enter': UnitResource;
  /** The index rule (weights, thresholds) as versioned law-as-data: the deployment's unit admins. */
  'indicators.rule_edit': UnitResource;
  /** Officials' training courses and who completed them (the share of officials trained): the unit's admins. */
  'training.manage': UnitResource;
  // Citizen feedback and petitions (docs/FEEDBACK.md)
  /** The officials' list of reports (no reporter's identity in it): the unit's staff. */
  'feedback.queue': UnitResource;
  /** A report with its reporter's identity and internal notes: those who handle it (audited). */
  'feedback.read': FeedbackResource;
  /** Classify, forward to a department, reject as spam or abuse, merge into a duplicate: the desk and the leaders. */
  'feedback.route': FeedbackResource;
  /** Hide personal data in the public text or a photo (the reason is kept): the desk and the leaders. */
  'feedback.moderate': FeedbackResource;
  /** Assign a handler in the department it was forwarded to: the department's leader, the unit's leaders. */
  'feedback.assign': FeedbackResource;
  /** Publish the answer, archive: the assignee, the department's leader, the unit's leaders. */
  'feedback.answer': FeedbackResource;
  /** An internal note: whoever may read the report. */
  'feedback.note': FeedbackResource;
  /** Rate the answer, say whether it is fixed, reopen it: the reporter (signed in). */
  'feedback.rate': FeedbackResource;
  /** Open311 API keys (apps and city tools that post reports): the deployment's unit admins. */
  'open311.keys': UnitResource;
  /** The routing table and response templates of feedback (docs/FEEDBACK.md): the deployment's unit admins. */
  'feedback.settings': UnitResource;
}
export type Verb = keyof Verbs;

// ---------------------------------------------------------------------------------------------
// Dossier actions: who, relative to the dossier, may take each one. Add a row for a new action.
// ---------------------------------------------------------------------------------------------

/** A person's standing towards one dossier. */
export type Standing =
  | 'applicant'
  /** reception of the unit that received it */
  | 'receiving_desk'
  /** reception of the unit that handles it (the same unit unless it was transferred) */
  | 'handling_desk'
  /** the specialist it is assigned to */
  | 'assignee'
  /** a leader of the department handling it */
  | 'department_leader'
  /** a leader of the handling unit, without a department */
  | 'unit_leader'
  /** a specialist or leader of the department consulted */
  | 'consulted';

const HANDLERS = ['assignee', 'department_leader', 'unit_leader'] as const satisfies readonly Standing[];

/** Who may take each action (the status table decides when). */
export const ACTION_STANDINGS = {
  receive: ['receiving_desk'],
  refuse: ['receiving_desk'],
  // Decree 118/2025 Art. 5: a handler does not contact the applicant outside the one-stop desk.
  // The handler proposes the items; the desk sends them (for an online dossier the system sends
  // them on the desk's behalf at once: dossier-decide.ts).
  propose_supplement: HANDLERS,
  request_supplement: ['handling_desk'],
  answer_supplement: ['applicant'],
  assign: ['handling_desk', 'department_leader', 'unit_leader'],
  consult: HANDLERS,
  consult_reply: ['consulted', 'unit_leader'],
  transfer: HANDLERS,
  // The handler, or their department's head, proposes; a unit leader decides on the proposal.
  propose: ['assignee', 'department_leader'],
  approve: ['unit_leader'],
  reject: ['unit_leader'],
  issue_result: ['handling_desk', ...HANDLERS],
  return_result: ['receiving_desk'],
  request_payment: HANDLERS,
  confirm_payment: ['receiving_desk', 'assignee'],
  extend: HANDLERS,
  withdraw: ['applicant'],
  stop: ['unit_leader'],
} as const satisfies Record<Action, readonly Standing[]>;

/** The role recorded on a dossier event for the person who took the action. */
export type ActorRole = 'applicant' | 'reception' | 'specialist' | 'leader';

const isStaff = (a: Actor | null): a is Actor & { kind: 'staff'; unitId: string } => a?.kind === 'staff' && a.unitId !== null;
const has = (a: Actor, role: StaffRole) => a.roles.includes(role);
const isApplicantOf = (a: Actor, d: DossierResource) => a.kind !== 'staff' && (a.id === d.applicantId || a.id === d.submittedBy);
const isStaffOf = (a: Actor, unitId: string) => isStaff(a) && a.unitId === unitId;

/** Whether `actor` stands towards the dossier as `standing`. */
export function hasStanding(actor: Actor, standing: Standing, d: DossierResource): boolean {
  switch (standing) {
    case 'applicant':
      return isApplicantOf(actor, d);
    case 'receiving_desk':
      return isStaffOf(actor, d.receivingUnitId) && has(actor, 'reception');
    case 'handling_desk':
      return isStaffOf(actor, d.handlingUnitId) && has(actor, 'reception');
    case 'assignee':
      return isStaffOf(actor, d.handlingUnitId) && has(actor, 'specialist') && d.assigneeId === actor.id;
    case 'department_leader':
      return isStaffOf(actor, d.handlingUnitId) && has(actor, 'leader') && actor.departmentId !== null && actor.departmentId === d.departmentId;
    case 'unit_leader':
      return isStaffOf(actor, d.handlingUnitId) && has(actor, 'leader') && actor.departmentId === null;
    case 'consulted':
      return (
        isStaffOf(actor, d.handlingUnitId) &&
        (has(actor, 'specialist') || has(actor, 'leader')) &&
        actor.departmentId !== null &&
        actor.departmentId === (d.consultedDepartmentId ?? null)
      );
  }
}

const ROLE_OF_STANDING: Record<Exclude<Standing, 'consulted'>, ActorRole> = {
  applicant: 'applicant',
  receiving_desk: 'reception',
  handling_desk: 'reception',
  assignee: 'specialist',
  department_leader: 'leader',
  unit_leader: 'leader',
};

/**
 * The role under which `actor` may take `action` on the dossier (what its event records), or
 * null if they may not take it.
 */
export function actingRole(actor: Actor | null, action: Action, d: DossierResource): ActorRole | null {
  if (!actor) return null;
  const standing = (ACTION_STANDINGS[action] as readonly Standing[]).find((s) => hasStanding(actor, s, d));
  if (!standing) return null;
  if (standing === 'consulted') return has(actor, 'specialist') ? 'specialist' : 'leader';
  return ROLE_OF_STANDING[standing];
}

// ---------------------------------------------------------------------------------------------
// Everything else
// ---------------------------------------------------------------------------------------------

const canReadDossier = (a: Actor, d: DossierResource) => isApplicantOf(a, d) || isStaffOf(a, d.handlingUnitId) || isStaffOf(a, d.receivingUnitId);
const isUnitAdmin = (a: Actor, unitId: string) => isStaffOf(a, unitId) && has(a, 'unit_admin');

type Rule<V extends Verb> = (actor: Actor, resource: Verbs[V]) => boolean;
type Rules = { [V in Exclude<Verb, DossierActionVerb>]: Rule<V> };

const isUnitLeader = (a: Actor, unitId: string) => isStaffOf(a, unitId) && has(a, 'leader') && a.departmentId === null;
/** Specialists and leaders of a unit (not reception, not admins): those who work on its projects. */
const isOfficerOf = (a: Actor, unitId: string) => isStaffOf(a, unitId) && (has(a, 'specialist') || has(a, 'leader'));
const isOfficerOfDept = (a: Actor, unitId: string, departmentId: string | null) => isOfficerOf(a, unitId) && departmentId !== null && a.departmentId === departmentId;
const isInvestorOf = (a: Actor, p: ProjectResource) => a.kind !== 'staff' && p.investorIds.includes(a.id);
/** The unit's leaders and the responsible department's specialists and leaders. */
const isProjectOfficer = (a: Actor, p: ProjectResource) => isUnitLeader(a, p.unitId) || isOfficerOfDept(a, p.unitId, p.departmentId);

const isFeedbackDesk = (a: Actor, f: FeedbackResource) => isStaffOf(a, f.unitId) && has(a, 'reception');
const isFeedbackDeptLeader = (a: Actor, f: FeedbackResource) => isOfficerOfDept(a, f.unitId, f.departmentId) && has(a, 'leader');
const isFeedbackAssignee = (a: Actor, f: FeedbackResource) => isStaffOf(a, f.unitId) && f.assigneeId === a.id;
/** Those who handle a report: the desk that logs and forwards it, the unit's leaders, its department, its assignee. */
const handlesFeedback = (a: Actor, f: FeedbackResource) =>
  isFeedbackDesk(a, f) || isUnitLeader(a, f.unitId) || isOfficerOfDept(a, f.unitId, f.departmentId) || isFeedbackAssignee(a, f);

const RULES: Rules = {
  'dossier.read': canReadDossier,
  'dossier.history': canReadDossier,
  'dossier.forms': canReadDossier,
  'dossier.audit_trail': (a, d) => isStaffOf(a, d.handlingUnitId) || isStaffOf(a, d.receivingUnitId),
  'dossier.rate': isApplicantOf,
  // Citizens list their own, staff their unit's (listScope says which): anyone signed in.
  'dossier.list': () => true,
  'dossier.file_online': (a) => a.kind === 'citizen' || a.kind === 'business',
  'dossier.file_at_desk': (a) => isStaff(a) && has(a, 'reception'),
  'file.upload': () => true,
  'file.read': (a, f) => f.uploadedBy === a.id || (f.dossier !== null && canReadDossier(a, f.dossier)),
  'citizen.lookup': (a) => isStaff(a) && has(a, 'reception'),
  'staff.list': (a) => isStaff(a),
  'catalogue.edit': (a, u) => isUnitAdmin(a, u.unitId),
  'catalogue.review': (a, u) => isStaffOf(a, u.unitId),
  'calendar.edit': (a, u) => isUnitAdmin(a, u.unitId),
  'users.manage': (a, u) => isUnitAdmin(a, u.unitId),
  'messages.read': (a, u) => isUnitAdmin(a, u.unitId),
  'messages.replay': (a, u) => isUnitAdmin(a, u.unitId),
  'notification_templates.edit': (a, u) => isUnitAdmin(a, u.unitId),
  'interop.manage': (a, u) => isUnitAdmin(a, u.unitId),
  'projects.list': (a, u) => isStaffOf(a, u.unitId),
  'projects.manage': (a, u) => isOfficerOf(a, u.unitId),
  'projects.interests': (a, u) => isOfficerOf(a, u.unitId),
  'projects.rule_edit': (a, u) => isUnitLeader(a, u.unitId),
  'projects.register_interest': (a) => a.kind === 'citizen' || a.kind === 'business',
  'project.read': (a, p) => isStaffOf(a, p.unitId) || isInvestorOf(a, p),
  'project.edit': isProjectOfficer,
  'project.report_progress': (a, p) => isProjectOfficer(a, p) || isInvestorOf(a, p),
  'project.record_milestone': isProjectOfficer,
  'project.raise_obstacle': (a, p) => isProjectOfficer(a, p) || isInvestorOf(a, p),
  'project.direct': (a, p) => isUnitLeader(a, p.unitId),
  'project.resolve_obstacle': (a, p) => isUnitLeader(a, p.unitId) || (isOfficerOfDept(a, p.unitId, p.departmentId) && has(a, 'leader')),
  'direction.complete': (a, d) =>
    isUnitLeader(a, d.project.unitId) ||
    (d.ownerKind === 'department' && isOfficerOfDept(a, d.project.unitId, d.ownerDepartmentId)) ||
    (d.ownerKind === 'investor' && isInvestorOf(a, d.project)) ||
    // A task for another agency is reported done by the project's own department.
    (d.ownerKind === 'other' && isOfficerOfDept(a, d.project.unitId, d.project.departmentId)),
  'document.read': (a, d) => (a.kind !== 'staff' && a.id === d.ownerId) || isStaffOf(a, d.unitId),
  'document.revoke': (a, d) => isStaffOf(a, d.unitId) && has(a, 'leader') && a.departmentId === null,
  'certification.perform': (a) => isStaff(a) && has(a, 'reception'),
  'certification.register': (a, u) => isStaffOf(a, u.unitId) && (has(a, 'reception') || has(a, 'leader')),
  'forms.edit': (a, u) => isUnitAdmin(a, u.unitId),
  'dossier.register': (a, u) => isStaffOf(a, u.unitId) && (has(a, 'reception') || has(a, 'leader')),
  'citizen.verify_sign_up': (a) => isStaff(a) && has(a, 'reception'),
  'account.change_password': () => true,
  'account.change_contact': () => true,
  'account.two_factor': (a) => isStaff(a),
  'users.reset_password': (a, u) => isUnitAdmin(a, u.unitId),
  'users.reset_two_factor': (a, u) => isUnitAdmin(a, u.unitId),
  'indicators.read': (a, u) => isStaffOf(a, u.unitId) && (has(a, 'leader') || has(a, 'unit_admin')),
  'indicators.enter': (a, u) => isUnitLeader(a, u.unitId) || isUnitAdmin(a, u.unitId),
  'indicators.rule_edit': (a, u) => isUnitAdmin(a, u.unitId),
  'training.manage': (a, u) => isUnitAdmin(a, u.unitId),
  'feedback.queue': (a, u) => isStaffOf(a, u.unitId) && (has(a, 'reception') || has(a, 'specialist') || has(a, 'leader')),
  'feedback.read': handlesFeedback,
  'feedback.route': (a, f) => isFeedbackDesk(a, f) || isUnitLeader(a, f.unitId) || isFeedbackDeptLeader(a, f),
  'feedback.moderate': (a, f) => isFeedbackDesk(a, f) || isUnitLeader(a, f.unitId) || isFeedbackDeptLeader(a, f),
  'feedback.assign': (a, f) => isUnitLeader(a, f.unitId) || isFeedbackDeptLeader(a, f),
  'feedback.answer': (a, f) => isUnitLeader(a, f.unitId) || isFeedbackDeptLeader(a, f) || (isFeedbackAssignee(a, f) && has(a, 'specialist')),
  'feedback.note': handlesFeedback,
  'feedback.rate': (a, f) => a.kind !== 'staff' && f.reporterId !== null && a.id === f.reporterId,
  'open311.keys': (a, u) => isUnitAdmin(a, u.unitId),
  'feedback.settings': (a, u) => isUnitAdmin(a, u.unitId),
};

const ACTION_VERBS = new Map<string, Action>(ACTIONS.map((a) => [`dossier.${a}`, a]));

/** Every verb, for tables and tests. */
export const VERBS: readonly Verb[] = [...(Object.keys(RULES) as Verb[]), ...ACTION_VERBS.keys()] as Verb[];

/** May `actor` (null: nobody signed in) do `verb` to `resource`? Anonymous callers may do none of these. */
export function can<V extends Verb>(actor: Actor | null, verb: V, resource: Verbs[V]): boolean {
  if (!actor) return false;
  const action = ACTION_VERBS.get(verb);
  if (action) return actingRole(actor, action, resource as DossierResource) !== null;
  return (RULES[verb as Exclude<Verb, DossierActionVerb>] as Rule<Verb>)(actor, resource);
}

/** Verbs that only staff can ever be granted: after `authorize`, the actor is staff of a unit. */
export type StaffVerb =
  | 'dossier.audit_trail'
  | 'dossier.file_at_desk'
  | 'citizen.lookup'
  | 'citizen.verify_sign_up'
  | 'staff.list'
  | 'catalogue.edit'
  | 'catalogue.review'
  | 'calendar.edit'
  | 'users.manage'
  | 'messages.read'
  | 'messages.replay'
  | 'notification_templates.edit'
  | 'interop.manage'
  | 'projects.list'
  | 'projects.manage'
  | 'projects.interests'
  | 'projects.rule_edit'
  | 'project.direct'
  | 'document.revoke'
  | 'certification.perform'
  | 'certification.register'
  | 'forms.edit'
  | 'dossier.register'
  | 'account.two_factor'
  | 'users.reset_password'
  | 'users.reset_two_factor'
  | 'indicators.read'
  | 'indicators.enter'
  | 'indicators.rule_edit'
  | 'training.manage'
  | 'feedback.queue'
  | 'feedback.read'
  | 'feedback.route'
  | 'feedback.moderate'
  | 'feedback.assign'
  | 'feedback.answer'
  | 'feedback.note'
  | 'open311.keys'
  | 'feedback.settings';
type Authorized<A extends Actor, V extends Verb> = V extends StaffVerb ? A & { kind: 'staff'; unitId: string } : A;

/**
 * Asserts `can(actor, verb, resource)` and returns the actor (typed as staff of a unit for the
 * verbs only staff can be granted).
 * @throws AppError UNAUTHENTICATED when nobody is signed in, FORBIDDEN when the policy says no
 * (callers that must not disclose a resource's existence check `can` and answer NOT_FOUND instead).
 */
export function authorize<A extends Actor, V extends Verb>(actor: A | null, verb: V, resource: Verbs[V]): Authorized<A, V> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!can(actor, verb, resource)) throw new AppError('FORBIDDEN');
  return actor as Authorized<A, V>;
}

/** The actions `actor` may take now, among those the status allows (what the back office offers). */
export function allowedActions(actor: Actor | null, allowedByStatus: readonly Action[], d: DossierResource): Action[] {
  return allowedByStatus.filter((a) => actingRole(actor, a, d) !== null);
}

/** Which dossiers a list shows: the unit's (handled or received there) for staff, one's own for others. */
export function listScope(actor: Actor): { unitId: string } | { applicantId: string } {
  return isStaff(actor) ? { unitId: actor.unitId } : { applicantId: actor.id };
}

/**
 * Reads of personal data by an official are recorded in the audit log, in the transaction of the
 * read (Decree 13/2023/NĐ-CP). Applicants reading their own data, and officials opening a file
 * they uploaded themselves, are not; neither is a plain work queue (code, procedure, name, dates:
 * the list of the official's own work) — but a queue SEARCH is, since it may look a person up by
 * CCCD or phone.
 */
export function mustAudit<V extends Verb>(actor: Actor | null, verb: V, resource: Verbs[V]): boolean {
  if (!actor || actor.kind !== 'staff') return false;
  switch (verb) {
    case 'dossier.read':
    case 'dossier.history':
    case 'dossier.forms':
    case 'citizen.lookup':
    case 'citizen.verify_sign_up':
    case 'messages.read':
    case 'interop.manage':
    case 'projects.interests':
    case 'certification.register':
    case 'dossier.register':
    case 'document.read':
    case 'feedback.read':
      return true;
    case 'file.read':
      return (resource as FileResource).uploadedBy !== actor.id;
    case 'dossier.list':
      return ((resource as DossierListResource).query ?? '').trim() !== '';
    default:
      return false;
  }
}

/**
 * Officials whose sign-in needs a second factor (an authenticator app, RFC 6238): leaders, who
 * approve and stop dossiers, and unit admins, who manage accounts. Others may turn it on.
 */
export function twoFactorRequired(actor: Pick<Actor, 'kind' | 'roles'>): boolean {
  return actor.kind === 'staff' && (actor.roles.includes('leader') || actor.roles.includes('unit_admin'));
}

/** Verbs that need no particular dossier: what the session presents, so the UI offers only these. */
export const GLOBAL_VERBS = [
  'dossier.file_online',
  'dossier.file_at_desk',
  'citizen.lookup',
  'citizen.verify_sign_up',
  'staff.list',
  'catalogue.edit',
  'calendar.edit',
  'users.manage',
  'messages.read',
  'messages.replay',
  'notification_templates.edit',
  'interop.manage',
  'projects.list',
  'projects.manage',
  'projects.rule_edit',
  'projects.register_interest',
  'certification.perform',
  'certification.register',
  'catalogue.review',
  'forms.edit',
  'dossier.register',
  'indicators.read',
  'indicators.enter',
  'indicators.rule_edit',
  'training.manage',
  'feedback.queue',
  'open311.keys',
  'feedback.settings',
] as const satisfies readonly Verb[];
export type Capability = (typeof GLOBAL_VERBS)[number];

/**
 * The global verbs `actor` may use. `homeUnitId` is the unit this deployment serves (it owns
 * the catalogue and the calendar); staff accounts are managed per the actor's own unit.
 */
export function capabilities(actor: Actor | null, homeUnitId: string | null): Capability[] {
  if (!actor) return [];
  const resourceOf = (v: Capability): Verbs[Capability] => {
    switch (v) {
      case 'catalogue.edit':
      case 'catalogue.review':
      case 'calendar.edit':
      case 'messages.read':
      case 'messages.replay':
      case 'notification_templates.edit':
      case 'interop.manage':
      case 'projects.list':
      case 'projects.manage':
      case 'projects.rule_edit':
      case 'forms.edit':
      case 'indicators.read':
      case 'indicators.enter':
      case 'indicators.rule_edit':
      case 'feedback.queue':
      case 'open311.keys':
      case 'feedback.settings':
        return { unitId: homeUnitId ?? '' };
      case 'users.manage':
      case 'training.manage':
      case 'certification.register':
      case 'dossier.register':
        return { unitId: actor.unitId ?? '' };
      default:
        return null;
    }
  };
  return GLOBAL_VERBS.filter((v) => can(actor, v, resourceOf(v) as never));
}

/**
 * What a connected system (the national portal, a provincial system: docs/INTEROP.md) may do
 * through the machine API: exactly the scopes its unit admin granted it, while it is active.
 */
export function systemMay(system: { scopes: readonly string[]; active: boolean }, scope: 'dossiers.submit' | 'dossiers.read' | 'residents.read' | 'catalogue.push'): boolean {
  return system.active && system.scopes.includes(scope);
}
