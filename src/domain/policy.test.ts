import { describe, expect, it } from 'vitest';
import { ACTIONS, ALLOWED_ACTIONS } from './dossier-state.ts';
import {
  ACTION_STANDINGS,
  VERBS,
  actingRole,
  allowedActions,
  authorize,
  can,
  capabilities,
  listScope,
  mustAudit,
  twoFactorRequired,
  type Actor,
  type DirectionResource,
  type DossierResource,
  type FeedbackResource,
  type ProjectResource,
  systemMay,
  type Verb,
  type Verbs,
} from './policy.ts';

// Unit A is the deployment's ward; unit B another agency on the same platform.
const A = 'unit-a';
const B = 'unit-b';
const VHXH = 'dept-vhxh'; // the department handling the dossier (its assignee's)
const KT = 'dept-kt'; // another department of A
const TP = 'dept-tp'; // the department consulted

const staff = (id: string, unitId: string, departmentId: string | null, ...roles: Actor['roles'][number][]): Actor => ({ id, kind: 'staff', roles, unitId, departmentId });
const person = (id: string, kind: 'citizen' | 'business'): Actor => ({ id, kind, roles: [], unitId: null, departmentId: null });

/** Every kind of person, by the short name the table below uses. */
const WHO = {
  applicant: person('citizen-1', 'citizen'),
  otherCitizen: person('citizen-2', 'citizen'),
  business: person('business-1', 'business'),
  reception: staff('rec', A, 'dept-motcua', 'reception'),
  assignee: staff('spec-a', A, VHXH, 'specialist'),
  sameDept: staff('spec-b', A, VHXH, 'specialist'),
  otherDept: staff('spec-c', A, KT, 'specialist'),
  consulted: staff('spec-d', A, TP, 'specialist'),
  deptLeader: staff('lead-vhxh', A, VHXH, 'leader'),
  otherDeptLeader: staff('lead-kt', A, KT, 'leader'),
  unitLeader: staff('lead-unit', A, null, 'leader'),
  unitAdmin: staff('admin', A, 'dept-vp', 'unit_admin'),
  otherUnit: staff('other', B, null, 'reception', 'specialist', 'leader', 'unit_admin'),
  anonymous: null,
} as const satisfies Record<string, Actor | null>;
type Who = keyof typeof WHO;
const EVERYONE = Object.keys(WHO) as Who[];

const dossier: DossierResource = {
  applicantId: 'citizen-1',
  submittedBy: 'citizen-1',
  receivingUnitId: A,
  handlingUnitId: A,
  assigneeId: 'spec-a',
  departmentId: VHXH,
  consultedDepartmentId: TP,
};

// A project of A's register, followed by its department KT; the business account acts for its investor.
const project: ProjectResource = { unitId: A, departmentId: KT, investorIds: ['business-1'] };
// A direction given to department VHXH.
const direction: DirectionResource = { project, ownerKind: 'department', ownerDepartmentId: VHXH };

// A report sent by citizen-1 to A, forwarded to department VHXH and assigned to its specialist spec-a.
const feedback: FeedbackResource = { unitId: A, departmentId: VHXH, assigneeId: 'spec-a', reporterId: 'citizen-1' };

const RESOURCES: { [V in Verb]: Verbs[V] } = {
  ...(Object.fromEntries(ACTIONS.map((a) => [`dossier.${a}`, dossier])) as Record<`dossier.${(typeof ACTIONS)[number]}`, DossierResource>),
  'dossier.read': dossier,
  'dossier.history': dossier,
  'dossier.forms': dossier,
  'dossier.audit_trail': dossier,
  'dossier.rate': dossier,
  'dossier.list': { query: null },
  'dossier.file_online': null,
  'dossier.file_at_desk': null,
  'file.upload': null,
  'file.read': { uploadedBy: 'citizen-1', dossier },
  'citizen.lookup': null,
  'staff.list': null,
  'catalogue.edit': { unitId: A },
  'catalogue.review': { unitId: A },
  'calendar.edit': { unitId: A },
  'users.manage': { unitId: A },
  'messages.read': { unitId: A },
  'messages.replay': { unitId: A },
  'notification_templates.edit': { unitId: A },
  'interop.manage': { unitId: A },
  'projects.list': { unitId: A },
  'projects.manage': { unitId: A },
  'projects.interests': { unitId: A },
  'projects.rule_edit': { unitId: A },
  'projects.register_interest': null,
  'project.read': project,
  'project.edit': project,
  'project.report_progress': project,
  'project.record_milestone': project,
  'project.raise_obstacle': project,
  'project.direct': project,
  'project.resolve_obstacle': project,
  'direction.complete': direction,
  'document.read': { ownerId: 'citizen-1', unitId: A },
  'document.revoke': { ownerId: 'citizen-1', unitId: A },
  'certification.perform': null,
  'certification.register': { unitId: A },
  'forms.edit': { unitId: A },
  'dossier.register': { unitId: A },
  'citizen.verify_sign_up': null,
  'account.change_password': null,
  'account.change_contact': null,
  'account.two_factor': null,
  'users.reset_password': { unitId: A },
  'users.reset_two_factor': { unitId: A },
  'indicators.read': { unitId: A },
  'indicators.enter': { unitId: A },
  'indicators.rule_edit': { unitId: A },
  'training.manage': { unitId: A },
  'feedback.queue': { unitId: A },
  'feedback.read': feedback,
  'feedback.route': feedback,
  'feedback.moderate': feedback,
  'feedback.assign': feedback,
  'feedback.answer': feedback,
  'feedback.note': feedback,
  'feedback.rate': feedback,
  'open311.keys': { unitId: A },
  'feedback.settings': { unitId: A },
};

const STAFF_OF_A: Who[] = ['reception', 'assignee', 'sameDept', 'otherDept', 'consulted', 'deptLeader', 'otherDeptLeader', 'unitLeader', 'unitAdmin'];
const SIGNED_IN = EVERYONE.filter((w) => w !== 'anonymous');
const HANDLERS: Who[] = ['assignee', 'deptLeader', 'unitLeader'];
/** Specialists and leaders of A: who works on its projects. */
const OFFICERS_OF_A: Who[] = ['assignee', 'sameDept', 'otherDept', 'consulted', 'deptLeader', 'otherDeptLeader', 'unitLeader'];
/** The project's department (KT) and the unit's leaders. */
const PROJECT_OFFICERS: Who[] = ['otherDept', 'otherDeptLeader', 'unitLeader'];

/** The whole policy as a table: for every verb, exactly who may. */
const EXPECTED: Record<Verb, Who[]> = {
  'dossier.receive': ['reception'],
  'dossier.refuse': ['reception'],
  'dossier.propose_supplement': HANDLERS,
  'dossier.request_supplement': ['reception'],
  'dossier.answer_supplement': ['applicant'],
  'dossier.assign': ['reception', 'deptLeader', 'unitLeader'],
  'dossier.consult': HANDLERS,
  'dossier.consult_reply': ['consulted', 'unitLeader'],
  'dossier.transfer': HANDLERS,
  'dossier.propose': ['assignee', 'deptLeader'],
  'dossier.approve': ['unitLeader'],
  'dossier.reject': ['unitLeader'],
  'dossier.issue_result': ['reception', ...HANDLERS],
  'dossier.return_result': ['reception'],
  'dossier.request_payment': HANDLERS,
  'dossier.confirm_payment': ['reception', 'assignee'],
  'dossier.extend': HANDLERS,
  'dossier.withdraw': ['applicant'],
  'dossier.stop': ['unitLeader'],
  'dossier.read': ['applicant', ...STAFF_OF_A],
  'dossier.history': ['applicant', ...STAFF_OF_A],
  'dossier.forms': ['applicant', ...STAFF_OF_A],
  'dossier.audit_trail': STAFF_OF_A,
  'dossier.rate': ['applicant'],
  'dossier.list': SIGNED_IN,
  'dossier.file_online': ['applicant', 'otherCitizen', 'business'],
  'dossier.file_at_desk': ['reception', 'otherUnit'],
  'file.upload': SIGNED_IN,
  'file.read': ['applicant', ...STAFF_OF_A],
  'citizen.lookup': ['reception', 'otherUnit'],
  'staff.list': [...STAFF_OF_A, 'otherUnit'],
  'catalogue.edit': ['unitAdmin'],
  'catalogue.review': STAFF_OF_A,
  'calendar.edit': ['unitAdmin'],
  'users.manage': ['unitAdmin'],
  'messages.read': ['unitAdmin'],
  'messages.replay': ['unitAdmin'],
  'notification_templates.edit': ['unitAdmin'],
  'interop.manage': ['unitAdmin'],
  'projects.list': STAFF_OF_A,
  'projects.manage': OFFICERS_OF_A,
  'projects.interests': OFFICERS_OF_A,
  'projects.rule_edit': ['unitLeader'],
  'projects.register_interest': ['applicant', 'otherCitizen', 'business'],
  'project.read': [...STAFF_OF_A, 'business'],
  'project.edit': PROJECT_OFFICERS,
  'project.report_progress': [...PROJECT_OFFICERS, 'business'],
  'project.record_milestone': PROJECT_OFFICERS,
  'project.raise_obstacle': [...PROJECT_OFFICERS, 'business'],
  'project.direct': ['unitLeader'],
  'project.resolve_obstacle': ['otherDeptLeader', 'unitLeader'],
  'direction.complete': ['assignee', 'sameDept', 'deptLeader', 'unitLeader'],
  'document.read': ['applicant', ...STAFF_OF_A],
  'document.revoke': ['unitLeader'],
  'certification.perform': ['reception', 'otherUnit'],
  'certification.register': ['reception', 'deptLeader', 'otherDeptLeader', 'unitLeader'],
  'forms.edit': ['unitAdmin'],
  'dossier.register': ['reception', 'deptLeader', 'otherDeptLeader', 'unitLeader'],
  'citizen.verify_sign_up': ['reception', 'otherUnit'],
  'account.change_password': SIGNED_IN,
  'account.change_contact': SIGNED_IN,
  'account.two_factor': [...STAFF_OF_A, 'otherUnit'],
  'users.reset_password': ['unitAdmin'],
  'users.reset_two_factor': ['unitAdmin'],
  // Department leaders read their unit's indicators too; only the unit's leaders and admins enter figures.
  'indicators.read': ['deptLeader', 'otherDeptLeader', 'unitLeader', 'unitAdmin'],
  'indicators.enter': ['unitLeader', 'unitAdmin'],
  'indicators.rule_edit': ['unitAdmin'],
  'training.manage': ['unitAdmin'],
  // Feedback: its handlers are the desk, the unit's leaders, the department it went to (VHXH), its assignee.
  'feedback.queue': ['reception', 'assignee', 'sameDept', 'otherDept', 'consulted', 'deptLeader', 'otherDeptLeader', 'unitLeader'],
  'feedback.read': ['reception', 'assignee', 'sameDept', 'deptLeader', 'unitLeader'],
  'feedback.route': ['reception', 'deptLeader', 'unitLeader'],
  'feedback.moderate': ['reception', 'deptLeader', 'unitLeader'],
  'feedback.assign': ['deptLeader', 'unitLeader'],
  'feedback.answer': ['assignee', 'deptLeader', 'unitLeader'],
  'feedback.note': ['reception', 'assignee', 'sameDept', 'deptLeader', 'unitLeader'],
  'feedback.rate': ['applicant'],
  'open311.keys': ['unitAdmin'],
  'feedback.settings': ['unitAdmin'],
};

describe('the policy, every person against every verb', () => {
  it('the table names every verb, and every verb has a resource', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...VERBS].sort());
    expect(Object.keys(RESOURCES).sort()).toEqual([...VERBS].sort());
  });

  const cases = VERBS.flatMap((verb) => EVERYONE.map((who) => ({ verb, who, allowed: EXPECTED[verb].includes(who) })));
  it.each(cases)('$verb by $who → $allowed', ({ verb, who, allowed }) => {
    expect(can(WHO[who], verb, RESOURCES[verb] as never)).toBe(allowed);
  });
});

describe('dossier actions', () => {
  it('every action has a row saying who may take it', () => {
    expect(Object.keys(ACTION_STANDINGS).sort()).toEqual([...ACTIONS].sort());
  });

  it('a specialist acts only on the dossiers assigned to them: unassigned, nobody but leaders and the desk', () => {
    const unassigned = { ...dossier, assigneeId: null, departmentId: null };
    expect(can(WHO.assignee, 'dossier.propose_supplement', unassigned)).toBe(false);
    expect(can(WHO.deptLeader, 'dossier.assign', unassigned)).toBe(false); // no department yet: the unit's leaders or the desk assign
    expect(can(WHO.unitLeader, 'dossier.assign', unassigned)).toBe(true);
    expect(can(WHO.reception, 'dossier.assign', unassigned)).toBe(true);
  });

  it('after a transfer: the receiving desk returns the result, the handling unit does the rest', () => {
    const transferred = { ...dossier, handlingUnitId: B, assigneeId: null, departmentId: null };
    expect(can(WHO.reception, 'dossier.return_result', transferred)).toBe(true);
    expect(can(WHO.otherUnit, 'dossier.return_result', transferred)).toBe(false);
    expect(can(WHO.otherUnit, 'dossier.assign', transferred)).toBe(true);
    expect(can(WHO.reception, 'dossier.assign', transferred)).toBe(false);
    expect(can(WHO.unitLeader, 'dossier.approve', transferred)).toBe(false);
    expect(can(WHO.otherUnit, 'dossier.approve', transferred)).toBe(true);
    // Both units read it.
    expect(can(WHO.reception, 'dossier.read', transferred)).toBe(true);
    expect(can(WHO.otherUnit, 'dossier.read', transferred)).toBe(true);
  });

  it('no consultation open: nobody replies but the unit’s leaders', () => {
    const notConsulting = { ...dossier, consultedDepartmentId: null };
    expect(can(WHO.consulted, 'dossier.consult_reply', notConsulting)).toBe(false);
    expect(can(WHO.otherDept, 'dossier.consult_reply', notConsulting)).toBe(false);
  });

  it('a staff member with no unit (a broken account) is granted nothing a unit grants', () => {
    const orphan: Actor = { id: 'spec-a', kind: 'staff', roles: ['reception', 'specialist', 'leader', 'unit_admin'], unitId: null, departmentId: null };
    for (const verb of VERBS) if (verb !== 'dossier.list' && verb !== 'file.upload' && verb !== 'account.change_password' && verb !== 'account.change_contact') expect(can(orphan, verb, RESOURCES[verb] as never), verb).toBe(false);
  });

  it('a signed document: a department leader or another unit’s leader does not revoke it; a staff member is never its owner', () => {
    const doc = { ownerId: 'rec', unitId: A };
    expect(can(WHO.deptLeader, 'document.revoke', doc)).toBe(false);
    expect(can(WHO.otherUnit, 'document.revoke', doc)).toBe(false);
    expect(can(WHO.otherUnit, 'document.read', doc)).toBe(false);
    expect(can(staff('rec', B, null, 'reception'), 'document.read', doc)).toBe(false);
  });

  it('a staff member is never the applicant, even if their id is on the dossier', () => {
    const filer = { ...dossier, submittedBy: 'rec' };
    expect(can(WHO.reception, 'dossier.withdraw', filer)).toBe(false);
    expect(can(WHO.reception, 'dossier.rate', filer)).toBe(false);
  });

  it('records the role the action was taken under', () => {
    expect(actingRole(WHO.reception, 'receive', dossier)).toBe('reception');
    expect(actingRole(WHO.assignee, 'propose', dossier)).toBe('specialist');
    expect(actingRole(WHO.deptLeader, 'propose', dossier)).toBe('leader');
    expect(actingRole(WHO.unitLeader, 'approve', dossier)).toBe('leader');
    expect(actingRole(WHO.consulted, 'consult_reply', dossier)).toBe('specialist');
    expect(actingRole(staff('lead-tp', A, TP, 'leader'), 'consult_reply', dossier)).toBe('leader');
    expect(actingRole(WHO.applicant, 'withdraw', dossier)).toBe('applicant');
    expect(actingRole(WHO.otherDept, 'extend', dossier)).toBeNull();
    expect(actingRole(null, 'withdraw', dossier)).toBeNull();
  });

  it('offers the actions the status allows AND the person may take', () => {
    expect(allowedActions(WHO.otherDept, ALLOWED_ACTIONS.in_review, dossier)).toEqual([]);
    expect(allowedActions(WHO.sameDept, ALLOWED_ACTIONS.in_review, dossier)).toEqual([]);
    expect(allowedActions(WHO.assignee, ALLOWED_ACTIONS.in_review, dossier)).toEqual([
      'propose_supplement',
      'consult',
      'transfer',
      'propose',
      'request_payment',
      'extend',
    ]);
    expect(allowedActions(WHO.otherDept, ALLOWED_ACTIONS.approved, dossier)).toEqual([]);
    expect(allowedActions(WHO.assignee, ALLOWED_ACTIONS.approved, dossier)).toEqual(['issue_result', 'extend']);
    expect(allowedActions(WHO.unitLeader, ALLOWED_ACTIONS.awaiting_approval, dossier)).toEqual(['approve', 'reject', 'extend', 'stop']);
    expect(allowedActions(WHO.deptLeader, ALLOWED_ACTIONS.awaiting_approval, dossier)).toEqual(['extend']);
  });
});

describe('feedback', () => {
  it('a report not yet forwarded is the desk’s and the unit leaders’; a department sees it once it is theirs', () => {
    const fresh: FeedbackResource = { ...feedback, departmentId: null, assigneeId: null };
    expect(can(WHO.reception, 'feedback.read', fresh)).toBe(true);
    expect(can(WHO.unitLeader, 'feedback.route', fresh)).toBe(true);
    expect(can(WHO.deptLeader, 'feedback.read', fresh)).toBe(false);
    expect(can(WHO.assignee, 'feedback.answer', fresh)).toBe(false);
  });
  it('a report sent with contact details only is rated through its follow code, by no account', () => {
    expect(can(WHO.applicant, 'feedback.rate', { ...feedback, reporterId: null })).toBe(false);
    expect(can(WHO.reception, 'feedback.rate', { ...feedback, reporterId: 'rec' })).toBe(false);
  });
});

describe('projects', () => {
  it('a direction for the investor is reported done by the investor; one for another agency by the project’s department', () => {
    const forInvestor: DirectionResource = { project, ownerKind: 'investor', ownerDepartmentId: null };
    expect(can(WHO.business, 'direction.complete', forInvestor)).toBe(true);
    expect(can(WHO.otherDept, 'direction.complete', forInvestor)).toBe(false);
    expect(can(WHO.business, 'direction.complete', direction)).toBe(false);
    const forOther: DirectionResource = { project, ownerKind: 'other', ownerDepartmentId: null };
    expect(can(WHO.otherDept, 'direction.complete', forOther)).toBe(true);
    expect(can(WHO.assignee, 'direction.complete', forOther)).toBe(false);
    expect(can(WHO.unitLeader, 'direction.complete', forOther)).toBe(true);
  });

  it('a project with no department yet is the unit leaders’ alone; another business is not its investor', () => {
    const orphan: ProjectResource = { ...project, departmentId: null };
    expect(can(WHO.otherDept, 'project.edit', orphan)).toBe(false);
    expect(can(WHO.unitLeader, 'project.edit', orphan)).toBe(true);
    expect(can(person('business-2', 'business'), 'project.report_progress', project)).toBe(false);
    expect(can(person('business-2', 'business'), 'project.read', project)).toBe(false);
  });

  it('a staff account is never the investor, even if its id is listed', () => {
    expect(can(WHO.reception, 'project.report_progress', { ...project, investorIds: ['rec'] })).toBe(false);
  });
});

describe('what else the policy answers', () => {
  it('authorize: 401 for nobody, 403 for the wrong person, the actor otherwise', () => {
    expect(() => authorize(null, 'staff.list', null)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    expect(() => authorize(WHO.applicant, 'staff.list', null)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(authorize(WHO.reception, 'staff.list', null).unitId).toBe(A);
  });

  it('a connected system may use exactly the scopes it was granted, while active', () => {
    const portal = { scopes: ['dossiers.submit', 'dossiers.read'], active: true };
    expect(systemMay(portal, 'dossiers.submit')).toBe(true);
    expect(systemMay(portal, 'dossiers.read')).toBe(true);
    expect(systemMay(portal, 'residents.read')).toBe(false);
    expect(systemMay(portal, 'catalogue.push')).toBe(false);
    expect(systemMay({ ...portal, active: false }, 'dossiers.submit')).toBe(false);
  });

  it('lists: the unit’s dossiers for staff, one’s own for applicants', () => {
    expect(listScope(WHO.reception)).toEqual({ unitId: A });
    expect(listScope(WHO.business)).toEqual({ applicantId: 'business-1' });
  });

  it('the session presents the global verbs each person may use', () => {
    expect(capabilities(WHO.reception, A)).toEqual(['dossier.file_at_desk', 'citizen.lookup', 'citizen.verify_sign_up', 'staff.list', 'projects.list', 'certification.perform', 'certification.register', 'catalogue.review', 'dossier.register', 'feedback.queue']);
    expect(capabilities(WHO.unitAdmin, A)).toEqual([
      'staff.list',
      'catalogue.edit',
      'calendar.edit',
      'users.manage',
      'messages.read',
      'messages.replay',
      'notification_templates.edit',
      'interop.manage',
      'projects.list',
      'catalogue.review',
      'forms.edit',
      'indicators.read',
      'indicators.enter',
      'indicators.rule_edit',
      'training.manage',
      'open311.keys',
      'feedback.settings',
    ]);
    expect(capabilities(WHO.unitLeader, A)).toEqual([
      'staff.list',
      'projects.list',
      'projects.manage',
      'projects.rule_edit',
      'certification.register',
      'catalogue.review',
      'dossier.register',
      'indicators.read',
      'indicators.enter',
      'feedback.queue',
    ]);
    // The admin of another unit manages their own staff, not this deployment's catalogue or calendar.
    expect(capabilities(WHO.otherUnit, A)).toEqual(['dossier.file_at_desk', 'citizen.lookup', 'citizen.verify_sign_up', 'staff.list', 'users.manage', 'certification.perform', 'certification.register', 'dossier.register', 'training.manage']);
    expect(capabilities(WHO.applicant, A)).toEqual(['dossier.file_online', 'projects.register_interest']);
    expect(capabilities(null, A)).toEqual([]);
  });

  const AUDITED: [Verb, Who, boolean][] = [
    ['dossier.read', 'reception', true],
    ['dossier.read', 'applicant', false],
    ['dossier.history', 'assignee', true],
    ['dossier.forms', 'unitLeader', true],
    ['dossier.forms', 'applicant', false],
    ['citizen.lookup', 'otherUnit', true],
    ['citizen.verify_sign_up', 'reception', true],
    ['users.reset_password', 'unitAdmin', false],
    ['messages.read', 'unitAdmin', true],
    ['interop.manage', 'unitAdmin', true],
    ['projects.interests', 'otherDept', true],
    ['project.read', 'unitLeader', false],
    ['file.read', 'reception', true],
    ['file.read', 'applicant', false],
    ['document.read', 'reception', true],
    ['document.read', 'applicant', false],
    ['certification.register', 'unitLeader', true],
    ['dossier.audit_trail', 'reception', false],
    ['dossier.list', 'reception', false],
    ['dossier.receive', 'reception', false],
    ['feedback.read', 'deptLeader', true],
    ['feedback.queue', 'reception', false],
  ];
  it.each(AUDITED)('a read of %s by %s is audited: %s', (verb, who, audited) => {
    expect(mustAudit(WHO[who], verb, RESOURCES[verb] as never)).toBe(audited);
  });

  it.each([
    ['unitLeader', true],
    ['deptLeader', true],
    ['unitAdmin', true],
    ['otherUnit', true],
    ['reception', false],
    ['assignee', false],
    ['applicant', false],
    ['business', false],
  ] as const)('two-factor sign-in is required of %s: %s', (who, required) => {
    expect(twoFactorRequired(WHO[who])).toBe(required);
  });

  it('an official opening their own upload is not audited; a queue search (maybe by CCCD) is', () => {
    expect(mustAudit(WHO.reception, 'file.read', { uploadedBy: 'rec', dossier })).toBe(false);
    expect(mustAudit(WHO.reception, 'dossier.list', { query: '025090001234' })).toBe(true);
    expect(mustAudit(WHO.reception, 'dossier.list', { query: '  ' })).toBe(false);
    expect(mustAudit(WHO.applicant, 'dossier.list', { query: 'khai sinh' })).toBe(false);
  });
});
