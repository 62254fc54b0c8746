import { describe, expect, it } from 'vitest';
import { STATUSES } from './dossier-state.ts';
import { checkTimestamp, parseApiKey, PORTAL_STATUS, signatureMatches, signRequest, statusEvent, type DossierFacts } from './interop.ts';

const now = new Date('2026-03-02T02:00:00Z');
const ts = String(now.getTime() / 1000);

describe('signed requests', () => {
  const req = { timestamp: ts, method: 'POST', path: '/api/v1/interop/dossiers', body: '{"a":1}' };

  it('a signature binds the secret, timestamp, method, path and body', () => {
    const sig = signRequest('secret', req);
    expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(signatureMatches('secret', req, sig)).toBe(true);
    for (const changed of [{ ...req, timestamp: String(Number(ts) + 1) }, { ...req, method: 'GET' }, { ...req, path: '/api/v1/interop/catalogue' }, { ...req, body: '{"a":2}' }]) {
      expect(signatureMatches('secret', changed, sig)).toBe(false);
    }
    expect(signatureMatches('other', req, sig)).toBe(false);
    expect(signatureMatches('secret', req, 'sha256=00')).toBe(false);
  });

  it.each([
    [ts, 'ok'],
    [String(Number(ts) - 300), 'ok'],
    [String(Number(ts) - 301), 'too_old'],
    [String(Number(ts) + 301), 'in_future'],
    ['1740880800.5', 'malformed'],
    ['', 'malformed'],
    [undefined, 'malformed'],
  ] as const)('timestamp %s is %s', (given, verdict) => {
    expect(checkTimestamp(given, now)).toBe(verdict);
  });

  it.each([
    ['Bearer nts_dvcqgdemo001_NongTrangSoDemoNationalPortalKey2026', { keyId: 'dvcqgdemo001', secret: 'NongTrangSoDemoNationalPortalKey2026' }],
    ['Bearer nts_DVCQGDEMO001_NongTrangSoDemoNationalPortalKey2026', null],
    ['Bearer nts_dvcqgdemo001_short', null],
    ['Basic abc', null],
    [undefined, null],
  ] as const)('API key %s', (header, parsed) => {
    expect(parseApiKey(header)).toEqual(parsed);
  });
});

describe('status events', () => {
  it('every status has a national-portal number from 1 to 10', () => {
    for (const s of STATUSES) expect(PORTAL_STATUS[s]).toBeGreaterThanOrEqual(1);
    expect(PORTAL_STATUS.submitted).toBe(1);
    expect(PORTAL_STATUS.supplement_requested).toBe(5);
    expect(PORTAL_STATUS.returned).toBe(10);
  });

  const d: DossierFacts = {
    id: 'd1',
    code: 'DEMO.07894.H25-260302-0001',
    externalCode: 'G22.99.8-260302-000001',
    procedureCode: '1.001193',
    procedureVersion: 1,
    receivingUnitCode: 'DEMO.07894.H25',
    handlingUnitCode: 'DEMO.07894.H25',
    channel: 'online',
    originKind: 'national_portal',
    status: 'supplement_requested',
    receivedAt: now,
    dueAt: null,
    finishedAt: null,
    returnedAt: null,
    outcome: null,
  };
  const fmt = (x: Date) => x.toISOString();

  it('carries the codes, the channel at the sender, and what the event adds', () => {
    const e = statusEvent(
      d,
      { seq: 3, action: 'request_supplement', at: now, comment: null, data: { items: [{ target: { type: 'document', key: 'giay-chung-sinh' }, reason: 'Bản chụp mờ' }] } },
      fmt,
    );
    expect(e).toMatchObject({ eventId: 'd1:3', sequence: 3, dossier: { channel: 'national_portal', portalStatus: 5, externalCode: 'G22.99.8-260302-000001' } });
    expect(e.supplement).toEqual({ items: [{ target: 'document:giay-chung-sinh', reason: 'Bản chụp mờ' }] });
    const paid = statusEvent({ ...d, status: 'awaiting_payment' }, { seq: 4, action: 'request_payment', at: now, comment: 'Lệ phí', data: { amountVnd: 8000 } }, fmt);
    expect(paid.payment).toEqual({ amountVnd: 8000, note: 'Lệ phí' });
    const moved = statusEvent({ ...d, status: 'received', originKind: null }, { seq: 5, action: 'transfer', at: now, comment: 'x', data: { toUnit: { code: 'U2', name: 'Sở' } } }, fmt);
    expect(moved).toMatchObject({ dossier: { channel: 'online' }, transferredTo: { unitCode: 'U2', unitName: 'Sở' } });
  });
});
