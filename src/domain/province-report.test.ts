import { describe, expect, it } from 'vitest';
import { flowRow } from './indicators-aggregate.ts';
import type { StockRow } from './indicators-aggregate.ts';
import { periodWords, provinceLines } from './province-report.ts';

const stock = (field: string, state: StockRow['state'], n: number): StockRow => ({ procedureCode: 'p', field, channel: 'online', assigneeId: null, state, n });

describe('the report to the province, by field', () => {
  it('received = carried over + new online + new in person or by post; settled and in progress as the form splits them', () => {
    const { fields, total } = provinceLines(
      [
        flowRow({ kind: 'received', field: 'Hộ tịch', channel: 'online', n: 5 }),
        flowRow({ kind: 'received', field: 'Hộ tịch', channel: 'in_person', n: 2 }),
        flowRow({ kind: 'received', field: 'Chứng thực', channel: 'post', n: 1 }),
        flowRow({ kind: 'settled', field: 'Hộ tịch', outcome: 'early', n: 3 }),
        flowRow({ kind: 'settled', field: 'Hộ tịch', outcome: 'on_time', n: 2 }),
        flowRow({ kind: 'settled', field: 'Chứng thực', outcome: 'late', n: 1 }),
        flowRow({ kind: 'closed', field: 'Hộ tịch', n: 1 }),
      ],
      [stock('Hộ tịch', 'on_time', 1), stock('Hộ tịch', 'waiting', 1), stock('Chứng thực', 'overdue', 2)],
      [stock('Hộ tịch', 'on_time', 2), stock('Chứng thực', 'overdue', 2)],
    );
    // Fields in Vietnamese order: Chứng thực before Hộ tịch.
    expect(fields.map((f) => f.field)).toEqual(['Chứng thực', 'Hộ tịch']);
    expect(fields[1]!.line).toEqual({
      received: { total: 9, carried: 2, online: 5, direct: 2 },
      settled: { total: 5, early: 3, onTime: 2, late: 0 },
      // Waiting for the applicant is not overdue.
      inProgress: { total: 2, onTime: 2, overdue: 0 },
      closed: 1,
    });
    expect(total).toEqual({ received: { total: 12, carried: 4, online: 5, direct: 3 }, settled: { total: 6, early: 3, onTime: 2, late: 1 }, inProgress: { total: 4, onTime: 2, overdue: 2 }, closed: 1 });
  });

  it('names the period as a report does', () => {
    expect(periodWords({ from: '2026-03-01', to: '2026-03-31' })).toBe('tháng 3 năm 2026');
    expect(periodWords({ from: '2026-02-01', to: '2026-02-28' })).toBe('tháng 2 năm 2026');
    expect(periodWords({ from: '2026-04-01', to: '2026-06-30' })).toBe('quý II năm 2026');
    expect(periodWords({ from: '2026-01-01', to: '2026-06-30' })).toBe('6 tháng đầu năm 2026');
    expect(periodWords({ from: '2025-01-01', to: '2025-12-31' })).toBe('năm 2025');
    expect(periodWords({ from: '2026-03-01', to: '2026-03-15' })).toBe('từ ngày 01/03/2026 đến ngày 15/03/2026');
    expect(periodWords({ from: '2025-12-01', to: '2026-01-31' })).toBe('từ ngày 01/12/2025 đến ngày 31/01/2026');
  });
});
