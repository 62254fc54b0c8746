import { describe, expect, it } from 'vitest';
import { assessProject, plannedAt, rankByLateness, reportedAt, stateChange, type Milestone, type ProjectFacts, dayVi, lateReasonsVi } from './projects.ts';
import { DEFAULT_SCHEDULE_RULE, nextRule, ruleInForce, type ScheduleRule, type ScheduleRuleVersion } from './projects-rule.ts';

const RULE: ScheduleRule = { milestoneGraceDays: 0, disbursementMarginPoints: 10, progressMarginPoints: 10, dueSoonDays: 30 };
const at = (iso: string) => new Date(iso);
/** Monday 2 March 2026, 09:00 in Nông Trang. */
const NOW = at('2026-03-02T09:00:00+07:00');
const BN = 1_000_000_000;

const ms = (...list: [Milestone['kind'], string | null, string | null][]): Milestone[] => list.map(([kind, plannedDate, actualDate]) => ({ kind, plannedDate, actualDate }));
const project = (p: Partial<ProjectFacts>): ProjectFacts => ({ registeredCapitalVnd: 1000 * BN, milestones: [], plan: [], reports: [], ...p });

describe('behind schedule: legal milestones', () => {
  const cases: { name: string; milestones: Milestone[]; rule?: Partial<ScheduleRule>; now?: Date; state: string; daysLate: number; overdue: string[] }[] = [
    {
      name: 'land allocation planned 31/12/2024 never happened: 426 days late; site clearance 245',
      milestones: ms(['investment_approval', '2024-03-15', '2024-03-20'], ['land_allocation', '2024-12-31', null], ['site_clearance', '2025-06-30', null], ['construction_start', '2026-09-01', null]),
      state: 'late',
      daysLate: 426,
      overdue: ['land_allocation', 'site_clearance'],
    },
    { name: 'due today: not late yet, at risk', milestones: ms(['construction_permit', '2026-03-02', null]), state: 'at_risk', daysLate: 0, overdue: [] },
    { name: 'due yesterday: one day late', milestones: ms(['construction_permit', '2026-03-01', null]), state: 'late', daysLate: 1, overdue: ['construction_permit'] },
    { name: 'the day turns at midnight in Vietnam, not UTC', milestones: ms(['construction_permit', '2026-03-01', null]), now: at('2026-03-01T23:59:00+07:00'), state: 'at_risk', daysLate: 0, overdue: [] },
    { name: 'five days past plan with five days of grace: at risk', milestones: ms(['site_clearance', '2026-02-25', null]), rule: { milestoneGraceDays: 5 }, state: 'at_risk', daysLate: 0, overdue: [] },
    { name: 'six days past plan with five days of grace: one day late', milestones: ms(['site_clearance', '2026-02-24', null]), rule: { milestoneGraceDays: 5 }, state: 'late', daysLate: 1, overdue: ['site_clearance'] },
    { name: 'reached late is history, not lateness', milestones: ms(['investment_approval', '2025-01-10', '2025-05-20'], ['construction_start', '2026-08-01', null]), state: 'on_track', daysLate: 0, overdue: [] },
    { name: 'an actual date after now does not count yet', milestones: ms(['construction_start', '2026-02-01', '2026-03-05']), state: 'late', daysLate: 29, overdue: ['construction_start'] },
    { name: 'a milestone without a planned date is not judged', milestones: ms(['investment_approval', '2025-01-10', '2025-01-10'], ['land_allocation', null, null]), state: 'on_track', daysLate: 0, overdue: [] },
    { name: 'due in 30 days: at risk', milestones: ms(['completion', '2026-04-01', null]), state: 'at_risk', daysLate: 0, overdue: [] },
    { name: 'due in 31 days: on track', milestones: ms(['completion', '2026-04-02', null]), state: 'on_track', daysLate: 0, overdue: [] },
    { name: 'every milestone reached: completed', milestones: ms(['construction_start', '2024-05-01', '2024-05-01'], ['completion', '2025-09-30', '2025-12-20'], ['operation', '2026-01-15', '2026-01-15']), state: 'completed', daysLate: 0, overdue: [] },
    { name: 'nothing planned: not scheduled', milestones: ms(['investment_approval', null, null]), state: 'not_scheduled', daysLate: 0, overdue: [] },
  ];
  it.each(cases)('$name', ({ milestones, rule, now, state, daysLate, overdue }) => {
    const a = assessProject(project({ milestones }), { ...RULE, ...rule }, now ?? NOW);
    expect(a.state).toBe(state);
    expect(a.daysLate).toBe(daysLate);
    expect(a.reasons.filter((r) => r.kind === 'milestone_overdue').map((r) => r.kind === 'milestone_overdue' && r.milestone)).toEqual(overdue);
  });

  it('names the last milestone reached', () => {
    const a = assessProject(project({ milestones: ms(['land_allocation', '2025-01-01', '2025-02-01'], ['investment_approval', '2024-01-01', '2024-01-05'], ['site_clearance', '2025-12-01', null]) }), RULE, NOW);
    expect(a.reached).toBe('land_allocation');
  });
});

describe('behind schedule: disbursement and progress against the plan', () => {
  // 1,000 billion registered; 400 billion to be disbursed by 1/1/2026; 30 % built by then, all by the end of 2026.
  const plan = [
    { date: '2025-01-01', disbursedVnd: 0, progressPct: 0 },
    { date: '2026-01-01', disbursedVnd: 400 * BN, progressPct: 30 },
    { date: '2026-12-31', disbursedVnd: null, progressPct: 100 },
  ];
  const cases: { name: string; reports: ProjectFacts['reports']; rule?: Partial<ScheduleRule>; late: string[]; shortfall: number }[] = [
    { name: '310 of 400 billion (31 % against 40 %): within the 10-point margin; progress 45 % fine', reports: [{ date: '2026-02-20', disbursedVnd: 310 * BN, progressPct: 45 }], late: [], shortfall: 0 },
    { name: '290 billion (29 %): 11 points short, late', reports: [{ date: '2026-02-20', disbursedVnd: 290 * BN, progressPct: 45 }], late: ['disbursement_below_plan'], shortfall: 1 },
    { name: 'progress 30 % against 41.5 % planned: 11.5 points short, late', reports: [{ date: '2026-02-20', disbursedVnd: 400 * BN, progressPct: 30 }], late: ['progress_below_plan'], shortfall: 1.5 },
    { name: 'a margin of 15 points forgives 11.5', reports: [{ date: '2026-02-20', disbursedVnd: 400 * BN, progressPct: 30 }], rule: { progressMarginPoints: 15 }, late: [], shortfall: 0 },
    { name: 'nothing reported: nothing disbursed, nothing built', reports: [], late: ['disbursement_below_plan', 'progress_below_plan'], shortfall: 31.5 },
    {
      name: 'the latest report on or before now counts; a report dated later does not',
      reports: [
        { date: '2026-01-15', disbursedVnd: 380 * BN, progressPct: 40 },
        { date: '2026-03-20', disbursedVnd: 100 * BN, progressPct: 5 },
      ],
      late: [],
      shortfall: 0,
    },
    {
      name: 'a report without a figure keeps the earlier one',
      reports: [
        { date: '2026-01-15', disbursedVnd: 380 * BN, progressPct: 40 },
        { date: '2026-02-15', disbursedVnd: null, progressPct: 42 },
      ],
      late: [],
      shortfall: 0,
    },
  ];
  it.each([false, true])('two reports of the same day: the one recorded later counts, whatever the order given (reversed: %s)', (reversed) => {
    const sameDay: ProjectFacts['reports'] = [
      { date: '2026-02-20', disbursedVnd: 200 * BN, progressPct: 20, recordedAt: '2026-02-20T02:00:00.000Z' },
      { date: '2026-02-20', disbursedVnd: 390 * BN, progressPct: 42, recordedAt: '2026-02-20T09:30:00.000Z' },
    ];
    const reports = reversed ? [...sameDay].reverse() : sameDay;
    expect(reportedAt(reports, 'progressPct', '2026-03-02')).toBe(42);
    expect(reportedAt(reports, 'disbursedVnd', '2026-03-02')).toBe(390 * BN);
    expect(assessProject(project({ plan, reports }), RULE, NOW).state).toBe('on_track');
  });

  it.each(cases)('$name', ({ reports, rule, late, shortfall }) => {
    const a = assessProject(project({ plan, reports }), { ...RULE, ...rule }, NOW);
    expect(a.reasons.map((r) => r.kind)).toEqual(late);
    expect(a.state).toBe(late.length ? 'late' : 'on_track');
    expect(a.shortfallPoints).toBe(shortfall);
  });

  it('reports the planned and actual figures it compared', () => {
    const a = assessProject(project({ plan, reports: [{ date: '2026-02-20', disbursedVnd: 290 * BN, progressPct: 45 }] }), RULE, NOW);
    expect(a).toMatchObject({ plannedDisbursedVnd: 400 * BN, actualDisbursedVnd: 290 * BN, plannedProgressPct: 41.5, actualProgressPct: 45 });
    expect(a.reasons[0]).toEqual({ kind: 'disbursement_below_plan', plannedPct: 40, actualPct: 29, shortfallPoints: 11, marginPoints: 10 });
  });

  it('the plan is linear between its points, zero before the first, held after the last', () => {
    expect(plannedAt(plan, 'disbursedVnd', '2024-12-31')).toBe(0);
    expect(plannedAt(plan, 'disbursedVnd', '2025-07-02')).toBeCloseTo((400 * BN * 182) / 365, 0);
    expect(plannedAt(plan, 'disbursedVnd', '2027-06-01')).toBe(400 * BN);
    expect(plannedAt(plan, 'progressPct', '2026-03-02')).toBeCloseTo(30 + (70 * 60) / 364, 6);
    expect(plannedAt([], 'progressPct', '2026-03-02')).toBeNull();
    expect(reportedAt([], 'progressPct', '2026-03-02')).toBeNull();
  });

  it('a completed project is not judged on money', () => {
    const a = assessProject(project({ plan, reports: [], milestones: ms(['operation', '2026-01-01', '2026-01-01']) }), RULE, NOW);
    expect(a.state).toBe('completed');
    expect(a.reasons).toEqual([]);
  });

  it('without registered capital the disbursement is not compared', () => {
    const a = assessProject(project({ registeredCapitalVnd: 0, plan: [{ date: '2025-01-01', disbursedVnd: 5 * BN, progressPct: null }] }), RULE, NOW);
    expect(a.reasons).toEqual([]);
  });
});

describe('ranking by lateness', () => {
  const item = (name: string, p: Partial<ProjectFacts>) => ({ name, assessment: assessProject(project(p), RULE, NOW) });
  it('late first (most days, then largest shortfall), then at risk (soonest), on track, not scheduled, completed; by name within a tie', () => {
    const list = [
      item('Trường mầm non Thụy Vân', { milestones: ms(['completion', '2026-12-01', null]) }),
      item('Chợ Nông Trang', { milestones: ms(['operation', '2025-01-01', '2025-02-01']) }),
      item('Khu đô thị Minh Phương', { milestones: ms(['land_allocation', '2024-12-31', null]) }),
      item('Nhà văn hóa khu 5', { milestones: ms(['construction_start', '2026-03-20', null]) }),
      item('Đường Âu Cơ kéo dài', { milestones: ms(['site_clearance', '2026-02-20', null]), plan: [{ date: '2026-01-01', disbursedVnd: null, progressPct: 50 }] }),
      item('Bãi đỗ xe Thụy Vân', { milestones: ms(['site_clearance', '2026-02-20', null]), plan: [{ date: '2026-01-01', disbursedVnd: null, progressPct: 20 }] }),
      item('Ao điều hòa', {}),
      item('Cụm công nghiệp Thụy Vân', { milestones: ms(['construction_permit', '2026-03-10', null]) }),
      item('Ăn uống phố đêm', { milestones: ms(['completion', '2026-12-01', null]) }),
    ];
    expect(rankByLateness(list).map((p) => [p.name, p.assessment.state])).toEqual([
      ['Khu đô thị Minh Phương', 'late'],
      ['Đường Âu Cơ kéo dài', 'late'],
      ['Bãi đỗ xe Thụy Vân', 'late'],
      ['Cụm công nghiệp Thụy Vân', 'at_risk'],
      ['Nhà văn hóa khu 5', 'at_risk'],
      ['Ăn uống phố đêm', 'on_track'],
      ['Trường mầm non Thụy Vân', 'on_track'],
      ['Ao điều hòa', 'not_scheduled'],
      ['Chợ Nông Trang', 'completed'],
    ]);
  });

  it('a week ago against now: the project that turned late this week', () => {
    const p = project({ milestones: ms(['construction_permit', '2026-02-27', null]) });
    const weekAgo = assessProject(p, RULE, at('2026-02-23T09:00:00+07:00'));
    expect(stateChange(weekAgo, assessProject(p, RULE, NOW))).toEqual({ from: 'at_risk', to: 'late' });
    expect(stateChange(weekAgo, weekAgo)).toBeNull();
  });
});

describe('the rule as versioned data', () => {
  const v = (version: number, effectiveFrom: string, graceDays: number): ScheduleRuleVersion => ({
    version,
    effectiveFrom,
    rule: { ...RULE, milestoneGraceDays: graceDays },
    basis: `v${version}`,
  });
  const versions = [v(1, '2025-09-01', 15), v(2, '2026-01-01', 30), v(3, '2026-06-01', 0), v(4, '2026-01-01', 20)];
  const cases: [string, number][] = [
    ['2025-08-31', 0],
    ['2025-09-01', 1],
    ['2025-12-31', 1],
    ['2026-01-01', 4],
    ['2026-05-31', 4],
    ['2026-06-01', 3],
  ];
  it.each(cases)('on %s the version in force is %i (0 = the default)', (date, version) => {
    expect(ruleInForce(versions, date).version).toBe(version);
  });

  it('a version saved for later never changes today’s answer, and is announced', () => {
    const project1 = project({ milestones: ms(['site_clearance', '2026-02-10', null]) });
    const today = ruleInForce(versions, '2026-03-02');
    expect(assessProject(project1, today.rule, NOW).state).toBe('at_risk'); // 20 days of grace
    expect(nextRule(versions, '2026-03-02')?.version).toBe(3);
    expect(assessProject(project1, ruleInForce(versions, '2026-06-01').rule, at('2026-06-01T09:00:00+07:00')).state).toBe('late');
    expect(ruleInForce([], '2026-03-02')).toBe(DEFAULT_SCHEDULE_RULE);
  });
});

describe('dayVi: a calendar date as Vietnamese readers write it', () => {
  it.each([
    ['2026-12-20', '20/12/2026'],
    ['2026-03-09', '09/03/2026'],
    ['1999-01-01', '01/01/1999'],
  ])('%s → %s', (iso, vi) => expect(dayVi(iso)).toBe(vi));
});

describe('lateReasonsVi: why, in the words of the leaders’ page', () => {
  it('milestones with their planned date and days late, shortfalls with plan, actual and margin', () => {
    expect(
      lateReasonsVi({
        state: 'late',
        reasons: [
          { kind: 'milestone_overdue', milestone: 'site_clearance', plannedDate: '2025-08-14', daysLate: 200 },
          { kind: 'disbursement_below_plan', plannedPct: 40.25, actualPct: 12.5, shortfallPoints: 27.75, marginPoints: 10 },
        ],
        dueSoon: [],
      }),
    ).toEqual(['Hoàn thành giải phóng mặt bằng: kế hoạch 14/08/2025, chậm 200 ngày', 'Giải ngân 12,5% so với kế hoạch 40,3% (thiếu 27,8 điểm, ngưỡng 10)']);
  });
  it('at risk: the milestone due soon', () => {
    expect(lateReasonsVi({ state: 'at_risk', reasons: [], dueSoon: [{ milestone: 'construction_start', plannedDate: '2026-03-20', daysLeft: 18 }] })).toEqual([
      'Khởi công: còn 18 ngày (kế hoạch 20/03/2026)',
    ]);
  });
});
