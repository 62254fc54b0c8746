/**
 * Open311 GeoReport v2 shapes (http://wiki.open311.org/GeoReport_v2): the services and the
 * requests as the standard names them, and their XML form. Pure.
 */
import { toDate } from '../../db/time.ts';
import { formatVn } from '../../domain/calendar/index.ts';
import { CATEGORY_CODES, FEEDBACK_CATEGORIES, STATUS_LABELS, open311Status, type FeedbackCategory } from '../../domain/feedback.ts';
import type { ReportRow } from './feedback.repo.ts';

export type Format = 'json' | 'xml';

export function open311Service(code: FeedbackCategory) {
  const c = FEEDBACK_CATEGORIES[code];
  return {
    service_code: code,
    service_name: c.vi,
    description: `${c.vi} / ${c.en}`,
    metadata: false,
    type: 'realtime' as const,
    keywords: c.keywords,
    group: c.group,
  };
}
export const open311Services = () => CATEGORY_CODES.map(open311Service);

/** A report as an Open311 service request: public text only, never the reporter. */
export function open311Request(r: ReportRow, mediaUrl: string | null) {
  const closed = open311Status(r.status) === 'closed';
  const notes = r.status === 'merged' && r.merged_into_code ? `${STATUS_LABELS.merged.vi}: ${r.merged_into_code}` : (r.answer ?? STATUS_LABELS[r.status].vi);
  return {
    service_request_id: r.code,
    status: open311Status(r.status),
    status_notes: notes,
    service_name: FEEDBACK_CATEGORIES[r.category].vi,
    service_code: r.category,
    description: r.public_description,
    agency_responsible: r.department_name,
    service_notice: null,
    requested_datetime: formatVn(toDate(r.received_at)),
    updated_datetime: formatVn(toDate(closed ? (r.closed_at ?? r.answered_at ?? r.updated_at) : r.updated_at)),
    expected_datetime: formatVn(toDate(r.due_at)),
    address: r.address || null,
    address_id: null,
    zipcode: null,
    lat: r.lat,
    long: r.lon,
    media_url: mediaUrl,
  };
}

// XML 1.0 cannot carry C0 control characters other than tab and line breaks: they are dropped.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
const escape = (s: string) =>
  s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!).replace(XML_INVALID, '');

/** Element names of the items of a list, by the list's element name. */
const ITEM_OF: Record<string, string> = { services: 'service', service_requests: 'request', errors: 'error', endpoints: 'endpoint', formats: 'format', attributes: 'attribute', values: 'value' };

function element(name: string, value: unknown): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) return `<${name}>${value.map((v) => element(ITEM_OF[name] ?? 'item', v)).join('')}</${name}>`;
  if (typeof value === 'object') return `<${name}>${Object.entries(value).map(([k, v]) => element(k, v)).join('')}</${name}>`;
  return `<${name}>${escape(String(value))}</${name}>`;
}

/** The XML document of a value under its root element (`services`, `service_requests`, `errors`, `discovery`…). */
export const toXml = (root: string, value: unknown) => `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}`;

/** `requests.json` → ['requests', 'json']; anything else null. */
export function splitFormat(file: string): [string, Format] | null {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  return m ? [m[1]!, m[2] as Format] : null;
}
