/**
 * Who sees what of a procedure definition (docs/CATALOGUE.md). Pure, no I/O.
 *
 * A definition mixes two kinds of content: what a citizen needs, in plain words (name, who may
 * apply, documents, form, fees, time limit, result, legal basis, steps), and the officials'
 * working notes on how far each value can be trusted (`source`, `confidence`, `notes`,
 * `toBeConfirmed`, the notes on the time limit, fees and online level). The citizen's view is
 * built from an explicit list of fields, never by removing fields from the whole, so that a field
 * added to the definition later stays with the officials until someone decides otherwise.
 *
 * Citizens see only what the ward has confirmed: a time limit still to be confirmed shows no
 * guessed value (the one-stop desk gives the appointment date when it receives the dossier), a
 * fee with no confirmed amount shows none, and `checkWithDesk` says, in one flag, that something
 * on the page is still being confirmed.
 */

import type { DocumentRequirement, FormField, ProcedureDefinition, TimeLimit, TimeLimitUnit } from './procedure.ts';

/** A time limit as citizens see it: the value only once the ward has confirmed it. */
export interface PublicTimeLimit {
  amount: number | null;
  unit: TimeLimitUnit | null;
  /** True: not confirmed yet; the desk writes the appointment date on the receipt. */
  toBeConfirmed: boolean;
}

export function publicTimeLimit(tl: Pick<TimeLimit, 'amount' | 'unit' | 'toBeConfirmed'>): PublicTimeLimit {
  if (tl.toBeConfirmed) return { amount: null, unit: null, toBeConfirmed: true };
  return { amount: tl.amount, unit: tl.unit, toBeConfirmed: false };
}

export interface PublicProcedure {
  code: string;
  name: string;
  nameEn: string | null;
  field: string;
  applicant: ProcedureDefinition['applicant'];
  legalBasis: string[];
  timeLimit: PublicTimeLimit;
  /** `amountVnd: null`: the amount is not confirmed; the desk says it. */
  fees: { name: string; amountVnd: number | null }[];
  /** `required: null`: whether it is needed is not confirmed; the desk says it. */
  documents: DocumentRequirement[];
  formFields: FormField[];
  onlineLevel: 'full' | 'partial' | null;
  workflow: { key: string; name: string; nameEn: string; role: string }[];
  result: string;
  resultKind: ProcedureDefinition['resultKind'];
  /** Something a citizen relies on (time limit, a fee, a document, or the whole entry) is still being confirmed. */
  checkWithDesk: boolean;
  version: number;
  effectiveFrom?: string;
}

/** What the ward still has to confirm, read from the definition's own values. */
export interface ConfirmationMarks {
  timeLimit: boolean;
  /** Names of the fees whose amount is not known. */
  fees: string[];
  /** Names of the documents of which it is not known whether they are required. */
  documents: string[];
  onlineLevel: boolean;
}

export function confirmationMarks(def: ProcedureDefinition): ConfirmationMarks {
  return {
    timeLimit: def.timeLimit.toBeConfirmed,
    fees: def.fees.filter((f) => f.amountVnd === null).map((f) => f.name),
    documents: def.documents.filter((d) => d.required === null).map((d) => d.name),
    onlineLevel: def.onlineLevel.level === null,
  };
}

/** Does the citizen need to check with the desk before relying on the page? */
export function needsCheckWithDesk(def: ProcedureDefinition): boolean {
  const m = confirmationMarks(def);
  return m.timeLimit || m.fees.length > 0 || m.documents.length > 0 || def.confidence === 'low';
}

/** The citizen's view of a procedure version: confirmed, plain-language content only. */
export function citizenProcedure(def: ProcedureDefinition, version: number, effectiveFrom?: string): PublicProcedure {
  return {
    code: def.code,
    name: def.name,
    nameEn: def.nameEn,
    field: def.field,
    applicant: def.applicant,
    legalBasis: [...def.legalBasis],
    timeLimit: publicTimeLimit(def.timeLimit),
    fees: def.fees.map((f) => ({ name: f.name, amountVnd: f.amountVnd })),
    documents: def.documents.map((d) => ({ id: d.id, name: d.name, kind: d.kind, required: d.required, copies: d.copies, formUrl: d.formUrl, note: d.note })),
    formFields: def.formFields,
    onlineLevel: def.onlineLevel.level,
    workflow: def.workflow.map((s) => ({ key: s.key, name: s.name, nameEn: s.nameEn, role: s.role })),
    result: def.result,
    resultKind: def.resultKind,
    checkWithDesk: needsCheckWithDesk(def),
    version,
    ...(effectiveFrom !== undefined ? { effectiveFrom } : {}),
  };
}

/** One line of the catalogue list as citizens see it. */
export function citizenSummary(def: ProcedureDefinition, version: number) {
  return {
    code: def.code,
    name: def.name,
    nameEn: def.nameEn,
    field: def.field,
    timeLimit: publicTimeLimit(def.timeLimit),
    onlineLevel: def.onlineLevel.level,
    applicant: def.applicant,
    version,
  };
}

const CONFIDENCE_ORDER = { low: 0, medium: 1, high: 2 } as const;

/** One procedure on the officials' list of what the ward must confirm. */
export interface ToConfirmItem {
  code: string;
  name: string;
  field: string;
  confidence: ProcedureDefinition['confidence'];
  source: string;
  notes: string;
  /** The ward's checklist, as the seed wrote it and officials keep it. */
  toBeConfirmed: string[];
  marks: ConfirmationMarks;
  version: number;
  effectiveFrom: string;
}

/**
 * What the ward must confirm, procedure by procedure: every version in force with a checklist
 * item, a value marked unknown, or low confidence; least trusted first, then by `compareName`.
 */
export function toConfirmList(
  versions: readonly { definition: ProcedureDefinition; version: number; effectiveFrom: string }[],
  compareName: (a: string, b: string) => number,
) {
  const items: ToConfirmItem[] = [];
  for (const { definition: def, version, effectiveFrom } of versions) {
    const marks = confirmationMarks(def);
    const open = def.toBeConfirmed.length > 0 || marks.timeLimit || marks.onlineLevel || marks.fees.length > 0 || marks.documents.length > 0 || def.confidence === 'low';
    if (!open) continue;
    items.push({
      code: def.code,
      name: def.name,
      field: def.field,
      confidence: def.confidence,
      source: def.source,
      notes: def.notes,
      toBeConfirmed: [...def.toBeConfirmed],
      marks,
      version,
      effectiveFrom,
    });
  }
  items.sort((a, b) => CONFIDENCE_ORDER[a.confidence] - CONFIDENCE_ORDER[b.confidence] || compareName(a.name, b.name));
  const byConfidence = { low: 0, medium: 0, high: 0 };
  for (const i of items) byConfidence[i.confidence]++;
  return {
    items,
    summary: { procedures: items.length, items: items.reduce((n, i) => n + i.toBeConfirmed.length, 0), byConfidence },
  };
}
