/**
 * Officials' digital-skills training (docs/INDICATORS.md "Officials' training"): the share of a
 * unit's officials trained, from the courses a unit admin records and who completed them. The
 * 2025–2030 term asks the ward to train its officials in IT (the seed article: "tăng cường đào tạo,
 * bồi dưỡng đội ngũ cán bộ, công chức, viên chức … có trình độ công nghệ thông tin"). Pure, no I/O.
 */
import type { IsoDate } from './calendar/dates.ts';

/** Course topics; the labels live in the contract (training-contract.ts) and the web app's i18n. */
export const TRAINING_TOPICS = ['digital_skills', 'information_security', 'digital_transformation', 'data', 'other'] as const;
export type TrainingTopic = (typeof TRAINING_TOPICS)[number];
export const TRAINING_MODES = ['in_person', 'online', 'blended'] as const;
export type TrainingMode = (typeof TRAINING_MODES)[number];

/** An official of the unit as the share sees them: when they came, and since when they are gone. */
export interface OfficialSpan {
  userId: string;
  /** The day the account was created through the admin page; null when not known (seeded or imported: there from the start). */
  joinedOn: IsoDate | null;
  /** The day the account was disabled (not active from that day); null while active. */
  leftOn: IsoDate | null;
}

export interface CompletionFact {
  userId: string;
  completedOn: IsoDate;
  /** Whether the course counts towards the share (a digital-skills course). */
  qualifies: boolean;
}

export interface ShareTrained {
  /** Active officials at the period's end who completed a qualifying course within the period. */
  trained: number;
  /** Active officials at the period's end. */
  active: number;
  /** trained ÷ active in percent (2 decimals); null when the unit has no active official. */
  percent: number | null;
}

/** Whether the official is active on `day`: joined on or before it, not disabled on or before it. */
export function activeOn(o: OfficialSpan, day: IsoDate): boolean {
  return (o.joinedOn === null || o.joinedOn <= day) && (o.leftOn === null || o.leftOn > day);
}

/**
 * The share of officials trained in a period: of the officials active on its last day (one who
 * joined during the period counts; one disabled before its end does not, in either figure), those
 * who completed at least one qualifying course on a day within the period.
 */
export function shareTrained(officials: readonly OfficialSpan[], completions: readonly CompletionFact[], period: { from: IsoDate; to: IsoDate }): ShareTrained {
  const active = officials.filter((o) => activeOn(o, period.to));
  const done = new Set(completions.filter((c) => c.qualifies && c.completedOn >= period.from && c.completedOn <= period.to).map((c) => c.userId));
  const trained = active.filter((o) => done.has(o.userId)).length;
  return { trained, active: active.length, percent: active.length === 0 ? null : Math.round((trained / active.length) * 10000) / 100 };
}

/** The first day the term's figures count from: the 2025–2030 term's first year. */
export const TERM_START: IsoDate = '2025-01-01';
