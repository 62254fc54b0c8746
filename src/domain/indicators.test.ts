import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, prefillYear } from './calendar/index.ts';
import { classify, headline, ingredientsOf, periodBounds, tally, type DossierClass, type DossierFact, type Period } from './indicators.ts';
import { DEFAULT_INDEX_RULE, IndexRuleSchema, indexRuleInForce, pointsFor, type IndexRuleVersion } from './indicators-rules.ts';
import { scoreIndex } from './indicators-score.ts';
import { pointsAtRisk, riskByOfficial, riskReasons } from './indicators-risk.ts';

// Decision 766/QĐ-TTg indicators on small hand-computed fixtures (issue 11 "Tests").
const cal = createWorkingCalendar({ yearProvider: (y) => prefillYear(y) });
const at = (iso: string) => new Date(iso);
const MARCH: Period = { from: '2026-03-01', to: '2026-03-31' };
const APRIL: Period = { from: '2026-04-01', to: '2026-04-30' };
const AFTER = at('2026-06-01T09:00:00+07:00');
const WARD = 'ward';
const OTHER = 'other-unit';

let seq = 0;
function fact(over: Partial<DossierFact> = {}): DossierFact {
  seq++;
  return {
    code: `D-${String(seq).padStart(4, '0')}`,
    procedureCode: '1.001193',
    procedureName: 'Đăng ký khai sinh',
    field: 'Hộ tịch',
    endToEndEligible: false,
    channel: 'in_person',
    receivingUnitId: WARD,
    handlingUnitId: WARD,
    departmentId: null,
    assigneeId: 'u1',
    assigneeName: 'Trần Văn Minh',
    status: 'result_ready',
    receivedAt: at('2026-03-02T09:00:00+07:00'),
    dueAt: at('2026-03-05T09:00:00+07:00'),
    finishedAt: at('2026-03-04T10:00:00+07:00'),
    extension: null,
    supplementRounds: 0,
    supplementLate: 0,
    digitised: true,
    electronicResult: true,
    inPersonalStore: true,
    synced: null,
    hasFee: false,
    paidOnline: null,
    rating: null,
    ...over,
  };
}

describe('where a dossier counts', () => {
  const cases: { name: string; d: Partial<DossierFact>; period?: Period; now?: Date; expected: DossierClass }[] = [
    { name: 'settled a day before the due date: early', d: {}, expected: { kind: 'settled', timeliness: 'early' } },
    { name: 'settled exactly at the due time: on time', d: { finishedAt: at('2026-03-05T09:00:00+07:00') }, expected: { kind: 'settled', timeliness: 'on_time' } },
    { name: 'settled on the due day, earlier: on time', d: { finishedAt: at('2026-03-05T08:00:00+07:00') }, expected: { kind: 'settled', timeliness: 'on_time' } },
    { name: 'settled a minute after the due time: late', d: { finishedAt: at('2026-03-05T09:01:00+07:00') }, expected: { kind: 'settled', timeliness: 'late' } },
    {
      name: 'an extended dossier settled by its new date still counts late',
      d: { finishedAt: at('2026-03-09T09:00:00+07:00'), extension: { dueAt: '2026-03-10T02:00:00.000Z', apologyOnTime: true } },
      expected: { kind: 'settled', timeliness: 'late' },
    },
    {
      // The clock moved the due date by the waiting time (confirm_payment / a restarted limit): the
      // indicators judge against that due date, so the wait costs nothing.
      name: 'waiting time is excluded: the due date the clock moved is the one judged',
      d: { dueAt: at('2026-03-10T09:00:00+07:00'), finishedAt: at('2026-03-09T16:00:00+07:00') },
      expected: { kind: 'settled', timeliness: 'early' },
    },
    { name: 'no time limit: settled counts on time', d: { dueAt: null, finishedAt: at('2026-03-20T09:00:00+07:00') }, expected: { kind: 'settled', timeliness: 'on_time' } },
    {
      name: 'received in March, settled in April: in progress (on time) at the end of March',
      d: { dueAt: at('2026-04-02T09:00:00+07:00'), finishedAt: at('2026-04-01T09:00:00+07:00') },
      expected: { kind: 'in_progress', state: 'on_time' },
    },
    {
      name: '… and settled in April',
      d: { dueAt: at('2026-04-02T09:00:00+07:00'), finishedAt: at('2026-04-01T09:00:00+07:00') },
      period: APRIL,
      expected: { kind: 'settled', timeliness: 'early' },
    },
    {
      name: 'open past its due date at the end of March: overdue then',
      d: { dueAt: at('2026-03-20T09:00:00+07:00'), finishedAt: at('2026-04-03T09:00:00+07:00') },
      expected: { kind: 'in_progress', state: 'overdue' },
    },
    {
      name: 'waiting for a supplement now: stopped clock, never overdue',
      d: { status: 'supplement_requested', dueAt: at('2026-03-05T09:00:00+07:00'), finishedAt: null },
      now: at('2026-03-20T09:00:00+07:00'),
      expected: { kind: 'in_progress', state: 'waiting' },
    },
    { name: 'refused: no timeliness', d: { status: 'refused', finishedAt: at('2026-03-02T10:00:00+07:00') }, expected: { kind: 'closed' } },
    { name: 'settled before the period: not counted', d: {}, period: APRIL, expected: { kind: 'none' } },
    { name: 'not received yet: not counted', d: { status: 'submitted', receivedAt: null, dueAt: null, finishedAt: null }, expected: { kind: 'none' } },
    { name: 'a result issued after now is not counted yet', d: { finishedAt: at('2026-03-04T10:00:00+07:00') }, now: at('2026-03-03T09:00:00+07:00'), expected: { kind: 'in_progress', state: 'on_time' } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(classify(fact(c.d), c.period ?? MARCH, cal, c.now ?? AFTER)).toEqual(c.expected);
    });
  }

  it('a period is whole Vietnam days: 1/3 00:00 to 1/4 00:00 at +07:00', () => {
    const b = periodBounds(MARCH);
    expect(b.start.toISOString()).toBe('2026-02-28T17:00:00.000Z');
    expect(b.end.toISOString()).toBe('2026-03-31T17:00:00.000Z');
  });
});

describe('a month of dossiers, counted by hand', () => {
  const facts: DossierFact[] = [
    // 1 online, end-to-end, early, e-result, rated 5
    fact({ channel: 'online', endToEndEligible: true, rating: 5 }),
    // 2 in person, on time exactly, no e-result, not digitised, rated 2
    fact({ finishedAt: at('2026-03-05T09:00:00+07:00'), electronicResult: false, inPersonalStore: false, digitised: false, rating: 2 }),
    // 3 in person, late, extended with apology, 1 supplement round sent late
    fact({ finishedAt: at('2026-03-09T09:00:00+07:00'), extension: { dueAt: '2026-03-10T02:00:00.000Z', apologyOnTime: true }, supplementRounds: 1, supplementLate: 1 }),
    // 4 post, end-to-end eligible but not online, open and overdue at the end of March
    fact({ channel: 'post', endToEndEligible: true, status: 'in_review', dueAt: at('2026-03-20T09:00:00+07:00'), finishedAt: null }),
    // 5 online, open and not due yet
    fact({ channel: 'online', status: 'in_review', receivedAt: at('2026-03-30T09:00:00+07:00'), dueAt: at('2026-04-02T09:00:00+07:00'), finishedAt: null }),
    // 6 received by the ward, handled by another unit (location-independent reception)
    fact({ handlingUnitId: OTHER }),
    // 7 received elsewhere, handled by the ward: settled late
    fact({ receivingUnitId: OTHER, finishedAt: at('2026-03-06T09:00:00+07:00') }),
    // 8 withdrawn
    fact({ status: 'withdrawn', finishedAt: at('2026-03-03T09:00:00+07:00') }),
    // 9 received in February, settled in March, on time
    fact({ receivedAt: at('2026-02-25T09:00:00+07:00'), dueAt: at('2026-03-03T09:00:00+07:00'), finishedAt: at('2026-03-03T08:00:00+07:00') }),
  ];
  const now = at('2026-04-15T09:00:00+07:00');
  const t = tally(facts, { unitId: WARD, period: MARCH, cal, now });

  it('received, by the receiving unit and channel', () => {
    // 1,2,3,4,5,6,8 received by the ward in March (7 elsewhere, 9 in February)
    expect(t.received).toEqual({ total: 7, byChannel: { online: 2, in_person: 4, post: 1 }, online: 2 });
  });
  it('settled, by the handling unit: early, on time, late; extended counted late', () => {
    // settled by the ward: 1 early, 2 on time, 3 late, 7 late, 9 on time (6 is the other unit's, 8 withdrawn)
    expect(t.settled).toEqual({ total: 5, early: 1, onTime: 2, late: 2, extended: 1 });
    expect(t.inProgress).toEqual({ total: 2, onTime: 1, overdue: 1, waiting: 0 });
    expect(t.closedWithoutResult).toBe(1);
  });
  it('supplement rounds, digitisation, results, ratings', () => {
    expect(t.supplement).toEqual({ dossiers: 1, rounds: 1, late: 1 });
    expect(t.digitised).toEqual({ received: 7, digitised: 6 });
    expect(t.results).toEqual({ electronic: 4, digitisedWithE: 4, personalStore: 4 });
    expect(t.ratings).toEqual({ count: 2, sum: 7, satisfied: 1, disliked: 1 });
    expect(t.endToEnd).toEqual({ eligible: 2, online: 1 });
  });
  it('ingredients and headline figures', () => {
    const ing = ingredientsOf(t, { procedures: 48, online: 40 });
    // (1 early + 2 on time + 1 in progress on time) of 7 handled
    expect(ing.progress_on_time).toEqual({ numerator: 4, denominator: 7, rate: 4 / 7 });
    expect(ing.online_submission!.rate).toBeCloseTo(2 / 7);
    expect(ing.end_to_end_online!.rate).toBe(0.5);
    expect(ing.procedures_online!.rate).toBeCloseTo(40 / 48);
    expect(ing.electronic_results!.rate).toBe(0.8);
    // 1 − (3 late or overdue + 1 disliked) ÷ 7
    expect(ing.dossier_satisfaction!.rate).toBeCloseTo(3 / 7);
    // The platform does not know the sync or the payment channel yet: an official enters them.
    expect(ing.synced_national_portal).toBeNull();
    expect(ing.dossiers_paid_online).toEqual({ numerator: 0, denominator: 0, rate: null });
    expect(headline(t)).toEqual({ received: 7, settled: 5, inProgress: 2, overdue: 1, onTimeShare: 60, onlineShare: 28.57, averageRating: 3.5, satisfiedShare: 50 });
  });
  it('the whole province (no unit) counts every dossier once', () => {
    const all = tally(facts, { unitId: null, period: MARCH, cal, now });
    expect(all.received.total).toBe(8);
    expect(all.settled.total).toBe(6);
  });
});

describe('Decision 766 conversion', () => {
  const cases: [rate: number | null, max: number, threshold: number, points: number][] = [
    [1, 20, 1, 20],
    [0.9, 20, 1, 18],
    [0.8, 2, 0.8, 2],
    [0.4, 2, 0.8, 1],
    [0.95, 6, 0.9, 6],
    [0.45, 6, 0.9, 3],
    [0, 12, 1, 0],
    [null, 12, 1, 12],
    [1.2, 6, 1, 6],
  ];
  for (const [rate, max, threshold, points] of cases) {
    it(`rate ${rate} of ${max} points, full from ${threshold}: ${points}`, () => expect(pointsFor(rate, max, threshold)).toBe(points));
  }
});

describe('the index, both views', () => {
  const zero = { numerator: 0, denominator: 0, rate: null };
  const ing = {
    synced_national_portal: null,
    progress_on_time: { numerator: 9, denominator: 10, rate: 0.9 },
    end_to_end_online: { numerator: 1, denominator: 2, rate: 0.5 },
    procedures_online: { numerator: 40, denominator: 48, rate: 40 / 48 },
    online_submission: zero,
    dossiers_paid_online: null,
    electronic_results: { numerator: 3, denominator: 4, rate: 0.75 },
    digitised_with_e_result: { numerator: 3, denominator: 4, rate: 0.75 },
    personal_store: { numerator: 4, denominator: 4, rate: 1 },
    dossier_satisfaction: { numerator: 9, denominator: 10, rate: 0.9 },
    feedback_on_time: null,
    feedback_satisfaction: null,
  };
  const manual = [{ itemKey: 'synced', rate: 0.5, source: 'Báo cáo Cổng DVCQG 30/3/2026', enteredBy: 'Đỗ Văn Nam', enteredAt: '2026-03-31T10:00:00+07:00' }];
  const s = scoreIndex(DEFAULT_INDEX_RULE, ing, manual);

  it('the default rule weighs 100 points: 18 + 20 + 12 + 10 + 18 + 22, and 5 groups of the same 100', () => {
    expect(s.max).toBe(100);
    expect(s.groups6.map((g) => [g.key, g.max])).toEqual([['transparency', 18], ['progress', 20], ['online', 12], ['payment', 10], ['satisfaction', 18], ['digitisation', 22]]);
    expect(s.groups5.map((g) => [g.key, g.max])).toEqual([['transparency', 18], ['progress', 20], ['online', 22], ['satisfaction', 18], ['digitisation', 22]]);
  });
  it('every item shows its ingredients and where they came from', () => {
    const by = Object.fromEntries(s.items.map((i) => [i.key, i]));
    expect(by.on_time).toMatchObject({ origin: 'computed', numerator: 9, denominator: 10, points: 18, lost: 2 });
    expect(by.synced).toMatchObject({ origin: 'manual', rate: 0.5, points: 3, manual: { source: 'Báo cáo Cổng DVCQG 30/3/2026' } });
    expect(by.paid_online).toMatchObject({ origin: 'missing', points: 0, lost: 6 });
    expect(by.end_to_end).toMatchObject({ points: 6 });
    expect(by.digitised).toMatchObject({ rate: 0.75, points: 3.75 });
    expect(by.dossier_satisfaction).toMatchObject({ points: 6 });
    expect(by.announced_on_time).toMatchObject({ origin: 'missing', points: 0 });
  });
  it('the views add up to the same total', () => {
    // transparency 3 + progress 18 + online 6 + payment 0 + satisfaction 6 + digitisation (4.5 + 3.75 + 4)
    expect(s.total).toBe(45.25);
    expect(s.groups6.reduce((n, g) => n + g.points, 0)).toBeCloseTo(s.total);
    expect(s.groups5.reduce((n, g) => n + g.points, 0)).toBeCloseTo(s.total);
  });
});

describe('feedback handled on time: computed from the reports, an entered figure when none arose here', () => {
  const tallyOf = tally([], { unitId: 'u', period: { from: '2026-03-01', to: '2026-03-31' }, cal, now: new Date('2026-04-01T00:00:00+07:00') });
  const entry = { itemKey: 'feedback_on_time', rate: 0.8, source: 'Hệ thống PAKN tỉnh, quý I/2026', enteredBy: 'Đỗ Văn Nam', enteredAt: '2026-03-31T10:00:00+07:00' };
  // [case, reports' counts (null: not known), entered figure, origin, rate, points of the 6]
  const cases: [string, { total: number; handledOnTime: number; unsatisfied: number } | null, boolean, string, number | null, number][] = [
    ['no reports, nothing entered: none arose', { total: 0, handledOnTime: 0, unsatisfied: 0 }, false, 'none_arose', null, 6],
    ['no reports, a figure entered: the entry', { total: 0, handledOnTime: 0, unsatisfied: 0 }, true, 'manual', 0.8, 4.8],
    ['3 of 4 on time: computed, the entry ignored', { total: 4, handledOnTime: 3, unsatisfied: 2 }, true, 'computed', 0.75, 4.5],
    ['all 2 on time', { total: 2, handledOnTime: 2, unsatisfied: 0 }, false, 'computed', 1, 6],
    ['not counted (no feedback data), nothing entered: missing', null, false, 'missing', null, 0],
  ];
  for (const [name, counts, entered, origin, rate, points] of cases) {
    it(name, () => {
      const s = scoreIndex(DEFAULT_INDEX_RULE, ingredientsOf(tallyOf, { procedures: 1, online: 1 }, counts), entered ? [entry] : []);
      expect(s.items.find((i) => i.key === 'feedback_on_time')).toMatchObject({ origin, rate, points });
    });
  }
  it('satisfaction with the handling: (reports − not satisfied) ÷ reports', () => {
    const ing = ingredientsOf(tallyOf, { procedures: 1, online: 1 }, { total: 4, handledOnTime: 3, unsatisfied: 2 });
    expect(ing.feedback_satisfaction).toEqual({ numerator: 2, denominator: 4, rate: 0.5 });
  });
});

describe('versions of the rule', () => {
  const heavier: IndexRuleVersion = {
    version: 3,
    effectiveFrom: '2026-07-01',
    basis: 'QĐ giả định',
    rule: { ...DEFAULT_INDEX_RULE.rule, items: DEFAULT_INDEX_RULE.rule.items.map((i) => (i.key === 'on_time' ? { ...i, threshold: 0.95 } : i)) },
  };
  const cases: [date: string, version: number][] = [
    ['2022-06-23', 0],
    ['2026-06-30', 0],
    ['2026-07-01', 3],
    ['2027-01-01', 3],
  ];
  for (const [date, version] of cases) it(`on ${date} version ${version} is in force`, () => expect(indexRuleInForce([heavier], date).version).toBe(version));
  it('a saved future version never changes today’s score', () => {
    const ing = { progress_on_time: { numerator: 9, denominator: 10, rate: 0.9 } } as Parameters<typeof scoreIndex>[1];
    const today = scoreIndex(indexRuleInForce([heavier], '2026-06-15'), ing, []);
    const later = scoreIndex(indexRuleInForce([heavier], '2026-07-15'), ing, []);
    expect(today.items.find((i) => i.key === 'on_time')!.points).toBe(18);
    expect(later.items.find((i) => i.key === 'on_time')!.points).toBe(18.95);
  });
  it('the default rule is valid data, and a rule naming an unknown group is refused', () => {
    expect(IndexRuleSchema.safeParse(DEFAULT_INDEX_RULE.rule).success).toBe(true);
    const bad = { ...DEFAULT_INDEX_RULE.rule, items: [{ ...DEFAULT_INDEX_RULE.rule.items[0]!, group6: 'nowhere' }] };
    expect(IndexRuleSchema.safeParse(bad).success).toBe(false);
  });
});

describe('points at risk', () => {
  const now = at('2026-03-04T09:00:00+07:00'); // Wednesday
  const cases: { name: string; d: Partial<DossierFact>; reasons: string[] }[] = [
    { name: 'overdue, no apology', d: { status: 'in_review', dueAt: at('2026-03-03T09:00:00+07:00'), finishedAt: null }, reasons: ['overdue_no_apology'] },
    { name: 'overdue with an apology and a new date', d: { status: 'in_review', dueAt: at('2026-03-03T09:00:00+07:00'), finishedAt: null, extension: { dueAt: '2026-03-06T02:00:00.000Z', apologyOnTime: true } }, reasons: ['overdue'] },
    { name: 'due tomorrow morning: within a working day', d: { status: 'in_review', dueAt: at('2026-03-05T08:30:00+07:00'), finishedAt: null }, reasons: ['due_within_day'] },
    { name: 'due in two working days: not yet', d: { status: 'in_review', dueAt: at('2026-03-06T10:00:00+07:00'), finishedAt: null }, reasons: [] },
    { name: 'waiting for the applicant: the clock is stopped', d: { status: 'supplement_requested', dueAt: at('2026-03-03T09:00:00+07:00'), finishedAt: null }, reasons: [] },
    { name: 'a result issued on paper only', d: { finishedAt: at('2026-03-03T09:00:00+07:00'), electronicResult: false }, reasons: ['no_electronic_result'] },
    { name: 'papers not digitised', d: { status: 'in_review', dueAt: at('2026-03-10T09:00:00+07:00'), finishedAt: null, digitised: false }, reasons: ['not_digitised'] },
    { name: 'known not synced', d: { finishedAt: at('2026-03-03T09:00:00+07:00'), synced: false }, reasons: ['not_synced'] },
    { name: 'refused: nothing to fix', d: { status: 'refused', finishedAt: at('2026-03-03T09:00:00+07:00'), electronicResult: false }, reasons: [] },
  ];
  for (const c of cases) it(c.name, () => expect(riskReasons(fact(c.d), cal, now)).toEqual(c.reasons));

  it('the list puts the overdue first and groups by official', () => {
    const list = pointsAtRisk(
      [
        fact({ code: 'B', status: 'in_review', dueAt: at('2026-03-05T08:30:00+07:00'), finishedAt: null, assigneeId: 'u2', assigneeName: 'Lê Thị Thu' }),
        fact({ code: 'A', status: 'in_review', dueAt: at('2026-03-03T09:00:00+07:00'), finishedAt: null }),
        fact({ code: 'C', finishedAt: at('2026-03-03T09:00:00+07:00'), electronicResult: false, assigneeId: null, assigneeName: null }),
        fact({ code: 'D' }),
      ],
      cal,
      now,
    );
    expect(list.map((e) => e.code)).toEqual(['A', 'B', 'C']);
    expect(riskByOfficial(list).map((o) => [o.assigneeName, o.dossiers])).toEqual([['Lê Thị Thu', 1], ['Trần Văn Minh', 1], [null, 1]]);
  });
});
