/**
 * The Decision 766 tally from pre-aggregated counts instead of one fact per dossier (docs/INDICATORS.md
 * "At scale"). Pure. A flow row sums the dossiers received, settled or closed on some days with the
 * same procedure, channel, official and outcome; a stock row counts the dossiers open at a period's
 * end in one state. Adding every row of a period gives exactly the tally `tally()` computes from
 * the dossiers themselves — the recount check (indicators.aggregate.ts) proves it on real data.
 */
import type { Tally } from './indicators.ts';

export interface Dimensions {
  procedureCode: string;
  field: string;
  channel: string;
  assigneeId: string | null;
}

export interface FlowRow extends Dimensions {
  kind: 'received' | 'settled' | 'closed';
  /** For `settled`: against the due date the law set. */
  outcome: '' | 'early' | 'on_time' | 'late';
  endToEnd: boolean;
  hasFee: boolean;
  n: number;
  digitised: number;
  suppDossiers: number;
  suppRounds: number;
  suppLate: number;
  syncedKnown: number;
  synced: number;
  extended: number;
  eResult: number;
  digitisedWithE: number;
  personalStore: number;
  ratingCount: number;
  ratingSum: number;
  satisfied: number;
  disliked: number;
}

export interface StockRow extends Dimensions {
  state: 'on_time' | 'overdue' | 'waiting';
  n: number;
}

/** Adds a flow row to a tally (mutates it). */
export function addFlow(t: Tally, r: FlowRow): void {
  if (r.kind === 'received') {
    t.received.total += r.n;
    t.received.byChannel[r.channel] = (t.received.byChannel[r.channel] ?? 0) + r.n;
    if (r.channel === 'online') t.received.online += r.n;
    t.digitised.received += r.n;
    t.digitised.digitised += r.digitised;
    if (r.endToEnd) {
      t.endToEnd.eligible += r.n;
      if (r.channel === 'online') t.endToEnd.online += r.n;
    }
    t.synced.known += r.syncedKnown;
    t.synced.synced += r.synced;
    // The platform records a payment, not its channel: dossiers paid online stay unknown.
    if (r.hasFee) t.payment.withFee += r.n;
    t.supplement.dossiers += r.suppDossiers;
    t.supplement.rounds += r.suppRounds;
    t.supplement.late += r.suppLate;
  } else if (r.kind === 'settled') {
    t.settled.total += r.n;
    if (r.outcome === 'early') t.settled.early += r.n;
    else if (r.outcome === 'late') t.settled.late += r.n;
    else t.settled.onTime += r.n;
    t.settled.extended += r.extended;
    t.results.electronic += r.eResult;
    t.results.digitisedWithE += r.digitisedWithE;
    t.results.personalStore += r.personalStore;
    t.ratings.count += r.ratingCount;
    t.ratings.sum += r.ratingSum;
    t.ratings.satisfied += r.satisfied;
    t.ratings.disliked += r.disliked;
  } else {
    t.closedWithoutResult += r.n;
  }
}

/** Adds the dossiers open at the period's end in one state (mutates the tally). */
export function addStock(t: Tally, r: StockRow): void {
  t.inProgress.total += r.n;
  if (r.state === 'overdue') t.inProgress.overdue += r.n;
  else if (r.state === 'waiting') t.inProgress.waiting += r.n;
  else t.inProgress.onTime += r.n;
}

/** A flow row with every count zero but `n` (for fixtures). */
export function flowRow(r: Partial<FlowRow> & Pick<FlowRow, 'kind' | 'n'>): FlowRow {
  return {
    outcome: '',
    procedureCode: 'p',
    field: 'f',
    channel: 'online',
    assigneeId: null,
    endToEnd: false,
    hasFee: false,
    digitised: 0,
    suppDossiers: 0,
    suppRounds: 0,
    suppLate: 0,
    syncedKnown: 0,
    synced: 0,
    extended: 0,
    eResult: 0,
    digitisedWithE: 0,
    personalStore: 0,
    ratingCount: 0,
    ratingSum: 0,
    satisfied: 0,
    disliked: 0,
    ...r,
  };
}
