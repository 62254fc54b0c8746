import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from './calendar/index.ts';
import {
  FEEDBACK_ACTIONS,
  FEEDBACK_ALLOWED,
  FEEDBACK_RULES,
  FEEDBACK_STATUSES,
  deadlinesAt,
  distanceM,
  feedbackCode,
  feedbackIndicators,
  feedbackRulesOn,
  followUpDue,
  followUpMessageDue,
  forwardLate,
  mayReopen,
  mayTake,
  nextStatus,
  open311Status,
  routeOf,
  similarReports,
  timelinessOf,
  type DuplicateCandidate,
  type FeedbackStatus,
  type IndicatorRow,
} from './feedback.ts';
import { areaOf, parseAreasFile, WARD_BBOX } from './feedback-areas.ts';

const vn = (s: string) => new Date(`${s}+07:00`);
const cal = createWorkingCalendar();
const rules = FEEDBACK_RULES[0]!;

describe('deadlines on the working-day calendar (Decree 20/2008: forward within 5 working days)', () => {
  it.each([
    // received, forward due, answer due (15 working days)
    ['Monday morning', '2026-03-02T09:00:00', '2026-03-09T09:00:00', '2026-03-23T09:00:00'],
    ['Friday afternoon: the weekend does not count', '2026-03-06T15:00:00', '2026-03-13T15:00:00', '2026-03-27T15:00:00'],
    // Giỗ Tổ Hùng Vương (10/3 lunar) falls on Sunday 26/4/2026, with Monday 27/4 off in lieu; 30/4 and 1/5 off.
    ['over Hùng Kings’ day and 30/4–1/5', '2026-04-24T10:00:00', '2026-05-06T10:00:00', '2026-05-20T10:00:00'],
  ])('%s', (_name, received, forward, answer) => {
    const d = deadlinesAt(vn(received), cal, rules);
    expect(d.forwardDueAt.toISOString()).toBe(vn(forward).toISOString());
    expect(d.dueAt.toISOString()).toBe(vn(answer).toISOString());
  });

  it('the rules in force are picked by date', () => {
    const versions = [...FEEDBACK_RULES, { ...rules, effectiveFrom: '2027-01-01', answerWorkingDays: 10 }];
    expect(feedbackRulesOn('2026-12-31', versions).answerWorkingDays).toBe(15);
    expect(feedbackRulesOn('2027-01-01', versions).answerWorkingDays).toBe(10);
  });
});

describe('the steps as a table', () => {
  it('every status lists only known actions; open reports can be forwarded, closed ones reopened', () => {
    for (const s of FEEDBACK_STATUSES) for (const a of FEEDBACK_ALLOWED[s]) expect(FEEDBACK_ACTIONS).toContain(a);
    expect(mayTake('received', 'answer')).toBe(false);
    expect(mayTake('forwarded', 'answer')).toBe(true);
    expect(mayTake('rejected', 'reopen')).toBe(false);
  });
  it.each([
    ['received', 'forward', 'forwarded'],
    ['in_progress', 'forward', 'in_progress'],
    ['forwarded', 'assign', 'in_progress'],
    ['in_progress', 'answer', 'answered'],
    ['answered', 'archive', 'closed'],
    ['closed', 'reopen', 'in_progress'],
    ['received', 'merge', 'merged'],
    ['received', 'note', 'received'],
  ] as [FeedbackStatus, (typeof FEEDBACK_ACTIONS)[number], FeedbackStatus][])('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });
});

describe('timeliness, reopening, the follow-up', () => {
  const base = { status: 'in_progress' as FeedbackStatus, forwardDueAt: vn('2026-03-09T09:00:00'), forwardedAt: vn('2026-03-04T09:00:00'), dueAt: vn('2026-03-23T09:00:00'), answeredAt: null };
  it.each([
    ['answered before the due date', { ...base, status: 'answered', answeredAt: vn('2026-03-20T10:00:00') }, '2026-04-01T00:00:00', 'on_time'],
    ['answered after it', { ...base, status: 'answered', answeredAt: vn('2026-03-23T09:00:01') }, '2026-04-01T00:00:00', 'late'],
    ['open, not yet due', base, '2026-03-20T00:00:00', 'open'],
    ['open, past due', base, '2026-03-24T00:00:00', 'overdue'],
    ['rejected as spam', { ...base, status: 'rejected' }, '2026-04-01T00:00:00', 'not_counted'],
  ] as const)('%s → %s', (_n, facts, now, expected) => {
    expect(timelinessOf(facts as never, vn(now))).toBe(expected);
  });

  it('forwarding is late after 5 working days', () => {
    expect(forwardLate({ ...base, status: 'received', forwardedAt: null }, vn('2026-03-09T09:00:01'))).toBe(true);
    expect(forwardLate({ ...base, status: 'received', forwardedAt: null }, vn('2026-03-09T08:59:00'))).toBe(false);
    expect(forwardLate({ ...base, forwardedAt: vn('2026-03-10T08:00:00') }, vn('2026-03-10T09:00:00'))).toBe(true);
  });

  it('the reporter may reopen within 30 days of the answer; is asked "is it fixed?" after 7', () => {
    const answered = { status: 'answered' as FeedbackStatus, answeredAt: vn('2026-03-10T10:00:00'), fixed: null };
    expect(mayReopen(answered, vn('2026-04-09T10:00:00'), rules)).toBe(true);
    expect(mayReopen(answered, vn('2026-04-09T10:00:01'), rules)).toBe(false);
    expect(mayReopen({ ...answered, status: 'rejected' }, vn('2026-03-11T10:00:00'), rules)).toBe(false);
    expect(followUpDue(answered, vn('2026-03-17T09:59:59'), rules)).toBe(false);
    expect(followUpDue(answered, vn('2026-03-17T10:00:00'), rules)).toBe(true);
    expect(followUpDue({ ...answered, fixed: true }, vn('2026-03-20T10:00:00'), rules)).toBe(false);
  });

  it.each([
    ['7 days after the answer, never asked', { followUpSentAt: null }, '2026-03-17T10:00:00', true],
    ['a minute early', { followUpSentAt: null }, '2026-03-17T09:59:00', false],
    ['already asked after this answer', { followUpSentAt: vn('2026-03-17T10:05:00') }, '2026-03-20T10:00:00', false],
    ['asked about an earlier answer (reopened, answered again)', { followUpSentAt: vn('2026-03-01T10:00:00') }, '2026-03-17T10:00:00', true],
    ['the reporter said it is fixed', { followUpSentAt: null, fixed: true }, '2026-03-20T10:00:00', false],
    ['reopened (answer withdrawn)', { followUpSentAt: null, status: 'in_progress' as FeedbackStatus, answeredAt: null }, '2026-03-20T10:00:00', false],
    ['archived by the ward, never asked', { followUpSentAt: null, status: 'closed' as FeedbackStatus }, '2026-03-17T10:00:00', true],
  ])('the "is it fixed?" message: %s', (_, o, at, due) => {
    const r = { status: 'answered' as FeedbackStatus, answeredAt: vn('2026-03-10T10:00:00') as Date | null, fixed: null as boolean | null, ...o };
    expect(followUpMessageDue(r, vn(at), rules)).toBe(due);
  });
});

describe('routing by category and area', () => {
  const rules = [
    { category: 'waste' as const, area: '07924', department: 'VHXH' },
    { category: 'waste' as const, area: null, department: 'KTHTDT' },
    { category: '*' as const, area: null, department: 'VANPHONG' },
  ];
  it.each([
    ['a broken street light goes to infrastructure', 'roads_lighting', null, undefined, 'KTHTDT'],
    ['a procedure complaint to the one-stop office', 'admin_procedure', '07894', undefined, 'MOTCUA'],
    ['disorder to the office of the People’s Committee', 'order_safety', '07927', undefined, 'VANPHONG'],
    ['waste in Thụy Vân by its own rule', 'waste', '07924', rules, 'VHXH'],
    ['waste elsewhere by the general rule', 'waste', '07894', rules, 'KTHTDT'],
    ['anything else by the catch-all', 'drainage', null, rules, 'VANPHONG'],
  ] as const)('%s', (_n, category, area, table, expected) => {
    expect(routeOf(category, area, table)).toBe(expected);
  });
  it('no rule, no department', () => {
    expect(routeOf('waste', null, [])).toBeNull();
  });
});

describe('areas of the ward (approximate 2009 boundaries)', () => {
  it.each([
    ['the centre of old Nông Trang', 21.32897, 105.38257, '07894'],
    ['Việt Trì centre far east', 21.3, 105.43, null],
    ['Hà Nội', 21.0285, 105.8542, null],
  ])('%s', (_n, lat, lon, area) => {
    expect(areaOf(lat, lon)).toBe(area);
  });
  it('the built-in extent is the former units’ padded by about 1 km', () => {
    expect(WARD_BBOX).toEqual([105.323287, 21.297161, 105.400789, 21.357877]);
  });
});

describe('a residential groups file loaded by the unit admin', () => {
  const sq = (w: number, s: number, d: number) => [[[w, s], [w + d, s], [w + d, s + d], [w, s + d], [w, s]]];
  const file = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { MA: 7, Ten: ' Tổ dân phố 7 ' }, geometry: { type: 'MultiPolygon', coordinates: [sq(105.38, 21.33, 0.002), sq(105.39, 21.33, 0.002)] } },
      { type: 'Feature', properties: { code: 'P', name: 'Phường Nông Trang', loai: 'phuong' }, geometry: { type: 'Polygon', coordinates: sq(105.33, 21.3, 0.06) } },
    ],
  };
  it('reads code/ma and name/ten whatever their case; a group is found before the ward', () => {
    const r = parseAreasFile(file);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.features.map((f) => f.properties)).toEqual([
      { code: '7', name: 'Tổ dân phố 7', kind: 'group' },
      { code: 'P', name: 'Phường Nông Trang', kind: 'ward' },
    ]);
    expect(areaOf(21.331, 105.391, r.features)).toBe('7');
    expect(areaOf(21.331, 105.385, r.features)).toBe('P');
    expect(areaOf(21.2, 105.385, r.features)).toBeNull();
  });
  it('refuses a file with two ward boundaries, or no FeatureCollection', () => {
    const two = { ...file, features: [file.features[1], { ...file.features[1], properties: { code: 'Q', name: 'Q', kind: 'ward' } }] };
    expect(parseAreasFile(two)).toMatchObject({ ok: false, issues: [{ path: 'features.1.properties.kind' }] });
    expect(parseAreasFile([])).toMatchObject({ ok: false, issues: [{ path: '' }] });
  });
});

describe('duplicate suggestion: open, same category, near, recent', () => {
  const now = vn('2026-03-02T09:00:00');
  const spot = { category: 'roads_lighting' as const, lat: 21.32897, lon: 105.38257 };
  const c = (code: string, o: Partial<DuplicateCandidate>): DuplicateCandidate => ({
    code,
    category: 'roads_lighting',
    status: 'received',
    lat: spot.lat,
    lon: spot.lon,
    receivedAt: vn('2026-02-25T09:00:00'),
    ...o,
  });
  const candidates = [
    c('same-spot', {}),
    c('80m-north', { lat: spot.lat + 80 / 111_320 }),
    c('300m-north', { lat: spot.lat + 300 / 111_320 }),
    c('other-category', { category: 'waste' }),
    c('answered', { status: 'answered' }),
    c('old', { receivedAt: vn('2025-12-01T09:00:00') }),
    c('no-location', { lat: null, lon: null }),
    c('in-progress-40m', { status: 'in_progress', lon: spot.lon + 40 / 103_600 }),
  ];
  it('suggests the near ones, nearest first, with the distance', () => {
    const found = similarReports(spot, candidates, now);
    expect(found.map((f) => f.code)).toEqual(['same-spot', 'in-progress-40m', '80m-north']);
    expect(found.map((f) => f.distanceM)).toEqual([0, 40, 80]);
  });
  it('a limit caps the list', () => {
    expect(similarReports(spot, candidates, now, 1)).toHaveLength(1);
  });
  it('distances are right at ward scale', () => {
    expect(Math.round(distanceM({ lat: 21, lon: 105 }, { lat: 21.001, lon: 105 }))).toBe(111);
  });
});

describe('Open311 status and codes', () => {
  it.each([
    ['received', 'open'],
    ['forwarded', 'open'],
    ['in_progress', 'open'],
    ['answered', 'closed'],
    ['closed', 'closed'],
    ['rejected', 'closed'],
    ['merged', 'closed'],
  ] as const)('%s → %s', (s, o) => expect(open311Status(s)).toBe(o));
  it('codes are PA-YYMMDD-NNNN', () => {
    expect(feedbackCode('2026-03-02', 7)).toBe('PA-260302-0007');
  });
});

describe('indicators: share handled on time, satisfaction', () => {
  const period = { from: vn('2026-03-01T00:00:00'), to: vn('2026-04-01T00:00:00') };
  const now = vn('2026-04-05T00:00:00');
  const r = (o: Partial<IndicatorRow>): IndicatorRow => ({
    status: 'answered',
    forwardDueAt: vn('2026-03-09T09:00:00'),
    forwardedAt: vn('2026-03-03T09:00:00'),
    dueAt: vn('2026-03-23T09:00:00'),
    answeredAt: vn('2026-03-20T09:00:00'),
    rating: null,
    reopenCount: 0,
    ...o,
  });
  it('counts answered in the period and overdue ones that fell due in it; spam is not counted', () => {
    const rows = [
      r({}), // on time, not rated: satisfied
      r({ rating: 5 }), // on time, liked
      r({ rating: 1 }), // on time, disliked
      r({ reopenCount: 1 }), // on time but the problem came back
      r({ answeredAt: vn('2026-03-25T09:00:00') }), // late
      r({ status: 'in_progress', answeredAt: null }), // overdue since 23/3
      r({ status: 'rejected', answeredAt: null }), // spam
      r({ answeredAt: vn('2026-02-20T09:00:00'), dueAt: vn('2026-02-25T09:00:00') }), // another period
      r({ status: 'in_progress', answeredAt: null, dueAt: vn('2026-04-10T09:00:00') }), // not due yet
    ];
    expect(feedbackIndicators(rows, period, now)).toEqual({ total: 6, handledOnTime: 4, onTimeShare: 4 / 6, unsatisfied: 4, satisfaction: 2 / 6 });
  });
  it('nothing to count is no figure, not 100%', () => {
    expect(feedbackIndicators([], period, now)).toEqual({ total: 0, handledOnTime: 0, onTimeShare: null, unsatisfied: 0, satisfaction: null });
    // Only spam and reports not due yet: still nothing to count.
    const notYet = [r({ status: 'rejected', answeredAt: null }), r({ status: 'in_progress', answeredAt: null, dueAt: vn('2026-04-10T09:00:00') })];
    expect(feedbackIndicators(notYet, period, now)).toMatchObject({ total: 0, onTimeShare: null, satisfaction: null });
  });
});
