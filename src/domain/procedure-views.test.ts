import { describe, expect, it } from 'vitest';
import { wardProcedureDefinitions } from '../db/seed/procedures.ts';
import type { ProcedureDefinition } from './procedure.ts';
import { citizenProcedure, citizenSummary, confirmationMarks, publicTimeLimit, toConfirmList } from './procedure-views.ts';

const defs = wardProcedureDefinitions();
const get = (code: string): ProcedureDefinition => defs.find((d) => d.code === code)!;
const compare = (a: string, b: string) => a.localeCompare(b, 'vi');

describe('the citizen’s view of a procedure', () => {
  it('names its fields one by one: a field added to the definition stays with the officials', () => {
    const def = { ...get('1.001193'), secretField: 'x' } as ProcedureDefinition;
    const view = citizenProcedure(def, 1, '2026-03-02');
    expect(Object.keys(view).sort()).toEqual(
      ['applicant', 'checkWithDesk', 'code', 'documents', 'effectiveFrom', 'fees', 'field', 'formFields', 'legalBasis', 'name', 'nameEn', 'onlineLevel', 'result', 'resultKind', 'timeLimit', 'version', 'workflow'].sort(),
    );
    expect(Object.keys(citizenSummary(def, 1)).sort()).toEqual(['applicant', 'code', 'field', 'name', 'nameEn', 'onlineLevel', 'timeLimit', 'version']);
  });

  it('carries no source, confidence, research note or checklist, for any seeded procedure', () => {
    for (const def of defs) {
      const text = JSON.stringify(citizenProcedure(def, 1));
      expect(text, def.code).not.toMatch(/github|unconfirmed|DVCQG|formalityId/i);
      expect(text).not.toContain(def.source);
      if (def.notes) expect(text).not.toContain(def.notes);
      for (const f of citizenProcedure(def, 1).fees) expect(Object.keys(f)).toEqual(['name', 'amountVnd']);
    }
  });

  it('a time limit is shown only once confirmed', () => {
    expect(publicTimeLimit({ amount: 5, unit: 'working_days', toBeConfirmed: true })).toEqual({ amount: null, unit: null, toBeConfirmed: true });
    expect(publicTimeLimit({ amount: 3, unit: 'working_days', toBeConfirmed: false })).toEqual({ amount: 3, unit: 'working_days', toBeConfirmed: false });
    expect(publicTimeLimit({ amount: 1, unit: 'same_day', toBeConfirmed: false })).toEqual({ amount: 1, unit: 'same_day', toBeConfirmed: false });
  });

  it('says "check with the desk" when a time limit, a fee, a document or the whole entry is unconfirmed', () => {
    expect(citizenProcedure(get('1.004194'), 1).checkWithDesk).toBe(true); // low confidence (and a fee)
    expect(citizenProcedure(get('1.001612'), 1).checkWithDesk).toBe(true); // no time limit
    const confirmed = { ...get('1.004837'), onlineLevel: { level: null, reason: '' } }; // giám hộ: all known but the online level
    expect(confirmationMarks(confirmed)).toEqual({ timeLimit: false, fees: [], documents: [], onlineLevel: true });
    expect(citizenProcedure(confirmed, 1).checkWithDesk).toBe(false);
  });
});

describe('what the ward must confirm', () => {
  const all = defs.map((definition) => ({ definition, version: 1, effectiveFrom: '2026-03-02' }));

  it('lists least trusted first, with the checklist, the marks, the source', () => {
    const { items, summary } = toConfirmList(all, compare);
    expect(items.slice(0, 4).map((i) => i.confidence)).toEqual(['low', 'low', 'low', 'low']);
    expect(summary.byConfidence.low).toBe(4);
    expect(summary.procedures).toBe(items.length);
    const hkd = items.find((i) => i.code === '1.001612')!;
    expect(hkd.source).toBe(get('1.001612').source);
    expect(hkd.marks).toMatchObject({ timeLimit: true, fees: ['Lệ phí đăng ký hộ kinh doanh'] });
  });

  it('leaves out a procedure with nothing left to confirm', () => {
    const done: ProcedureDefinition = { ...get('1.004837'), onlineLevel: { level: 'partial', reason: 'Phường xác nhận' }, toBeConfirmed: [], confidence: 'high' };
    expect(confirmationMarks(done)).toEqual({ timeLimit: false, fees: [], documents: [], onlineLevel: false });
    expect(toConfirmList([{ definition: done, version: 2, effectiveFrom: '2026-03-02' }], compare).items).toEqual([]);
    expect(toConfirmList([{ definition: { ...done, confidence: 'low' }, version: 2, effectiveFrom: '2026-03-02' }], compare).items).toHaveLength(1);
  });
});
