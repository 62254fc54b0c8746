import { describe, expect, it } from 'vitest';
import { addFlow, addStock, flowRow } from './indicators-aggregate.ts';
import { emptyTally, headline } from './indicators.ts';

describe('a tally from pre-aggregated counts', () => {
  it('adds received, settled, closed and open dossiers as the per-dossier tally would (hand-computed)', () => {
    const t = emptyTally();
    // 10 received online (6 of an end-to-end procedure, 4 of them with papers on file, 2 with 3 supplement rounds, 1 late; 4 with a fee), 5 at the desk.
    addFlow(t, flowRow({ kind: 'received', n: 6, endToEnd: true, digitised: 4, suppDossiers: 2, suppRounds: 3, suppLate: 1 }));
    addFlow(t, flowRow({ kind: 'received', n: 4, hasFee: true }));
    addFlow(t, flowRow({ kind: 'received', n: 5, channel: 'in_person', endToEnd: true }));
    // Settled: 3 early, 4 on time (2 rated 5 and 1), 2 late (1 extended); 1 refused.
    addFlow(t, flowRow({ kind: 'settled', outcome: 'early', n: 3, eResult: 3, digitisedWithE: 2, personalStore: 1 }));
    addFlow(t, flowRow({ kind: 'settled', outcome: 'on_time', n: 4, ratingCount: 2, ratingSum: 6, satisfied: 1, disliked: 1 }));
    addFlow(t, flowRow({ kind: 'settled', outcome: 'late', n: 2, extended: 1 }));
    addFlow(t, flowRow({ kind: 'closed', n: 1 }));
    addStock(t, { state: 'overdue', n: 2, procedureCode: 'p', field: 'f', channel: 'online', assigneeId: null });
    addStock(t, { state: 'waiting', n: 1, procedureCode: 'p', field: 'f', channel: 'online', assigneeId: null });
    addStock(t, { state: 'on_time', n: 3, procedureCode: 'p', field: 'f', channel: 'online', assigneeId: null });
    expect(t.received).toEqual({ total: 15, byChannel: { online: 10, in_person: 5 }, online: 10 });
    expect(t.endToEnd).toEqual({ eligible: 11, online: 6 });
    expect(t.digitised).toEqual({ received: 15, digitised: 4 });
    expect(t.payment).toEqual({ withFee: 4, known: 0, online: 0 });
    expect(t.supplement).toEqual({ dossiers: 2, rounds: 3, late: 1 });
    expect(t.settled).toEqual({ total: 9, early: 3, onTime: 4, late: 2, extended: 1 });
    expect(t.results).toEqual({ electronic: 3, digitisedWithE: 2, personalStore: 1 });
    expect(t.inProgress).toEqual({ total: 6, onTime: 3, overdue: 2, waiting: 1 });
    expect(t.closedWithoutResult).toBe(1);
    // 7 of 9 settled early or on time; 10 of 15 online; ratings 6 / 2 = 3.
    expect(headline(t)).toMatchObject({ received: 15, settled: 9, inProgress: 6, overdue: 2, onTimeShare: 77.78, onlineShare: 66.67, averageRating: 3, satisfiedShare: 50 });
  });
});
