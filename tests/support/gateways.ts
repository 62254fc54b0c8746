import type { IncomingMessage } from 'node:http';
import { LocalHttp } from './local-http.ts';

/**
 * Local stand-ins for the SMS brand-name gateway (eSMS) and Zalo's OAuth and ZNS endpoints, on
 * 127.0.0.1. Each checks the documented request shape and refuses what the real service would
 * refuse (a missing field, a wrong header, a spent refresh token), so an adapter that drifts
 * from the documentation fails its test.
 */
abstract class StandIn {
  private http = new LocalHttp();
  get port() {
    return this.http.port;
  }
  get url() {
    return `http://127.0.0.1:${this.port}`;
  }
  protected abstract handle(path: string, headers: IncomingMessage['headers'], body: string): { status: number; json: unknown };

  async start(): Promise<this> {
    this.http.handler = (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const out = this.handle(req.url ?? '', req.headers, Buffer.concat(chunks).toString('utf8'));
        res.writeHead(out.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(out.json));
      });
    };
    await this.http.listen();
    return this;
  }
  stop() {
    return this.http.close();
  }
}

export interface EsmsRequest {
  ApiKey: string;
  SecretKey: string;
  Phone: string;
  Content: string;
  Brandname: string;
  SmsType: string;
  IsUnicode: string;
  Sandbox: string;
  RequestId: string;
}

/** eSMS `SendMultipleMessage_V4_post_json`: JSON body, CodeResult 100 on success. */
export class EsmsStandIn extends StandIn {
  received: EsmsRequest[] = [];
  /** The next answers' CodeResult (then 100). */
  answers: string[] = [];
  problems: string[] = [];
  constructor(
    readonly apiKey = 'esms-key',
    readonly secretKey = 'esms-secret',
  ) {
    super();
  }
  protected handle(path: string, headers: IncomingMessage['headers'], body: string) {
    const problem = (p: string) => {
      this.problems.push(p);
      return { status: 200, json: { CodeResult: '99', ErrorMessage: p } };
    };
    if (path !== '/MainService.svc/json/SendMultipleMessage_V4_post_json/') return { status: 404, json: {} };
    if (!String(headers['content-type']).startsWith('application/json')) return problem('content-type must be application/json');
    const r = JSON.parse(body) as EsmsRequest;
    for (const k of ['ApiKey', 'SecretKey', 'Phone', 'Content', 'Brandname', 'SmsType', 'RequestId'] as const) {
      if (typeof r[k] !== 'string' || r[k] === '') return problem(`${k} missing`);
    }
    if (r.ApiKey !== this.apiKey || r.SecretKey !== this.secretKey) return { status: 200, json: { CodeResult: '101' } };
    if (r.SmsType !== '2') return problem('SmsType must be "2" (customer care)');
    if (!/^0\d{9}$/.test(r.Phone)) return problem(`Phone ${r.Phone} is not a Vietnamese mobile number`);
    if (r.IsUnicode === '0' && /[^\x20-\x7e\n]/.test(r.Content)) return problem('non-Unicode SMS with accented characters');
    const code = this.answers.shift() ?? '100';
    // The gateway keeps RequestIds: a second copy is refused with 124.
    if (code === '100' && this.received.some((x) => x.RequestId === r.RequestId)) return { status: 200, json: { CodeResult: '124' } };
    if (code === '100') this.received.push(r);
    return { status: 200, json: { CodeResult: code, SMSID: code === '100' ? `sms-${this.received.length}` : undefined } };
  }
}

export interface ZnsRequest {
  phone: string;
  template_id: string;
  template_data: Record<string, string>;
  tracking_id: string;
  mode?: string;
}

/**
 * Zalo: `POST /v4/oa/access_token` (form, header secret_key; each refresh token is single-use and
 * yields the next) and `POST /message/template` (JSON, header access_token).
 */
export class ZaloStandIn extends StandIn {
  received: ZnsRequest[] = [];
  refreshes = 0;
  problems: string[] = [];
  /** The next ZNS answers' error codes (then 0). */
  answers: number[] = [];
  private refreshTokens = new Set<string>();
  private accessTokens = new Set<string>();
  constructor(
    readonly appId = 'zalo-app',
    readonly appSecret = 'zalo-secret',
    firstRefreshToken = 'refresh-0',
  ) {
    super();
    this.refreshTokens.add(firstRefreshToken);
  }
  /** Makes every access token issued so far invalid (Zalo answers -124). */
  expireAccessTokens() {
    this.accessTokens.clear();
  }
  protected handle(path: string, headers: IncomingMessage['headers'], body: string) {
    if (path === '/v4/oa/access_token') {
      if (headers['secret_key'] !== this.appSecret) return { status: 200, json: { error: -14002, error_name: 'Invalid secret key' } };
      if (!String(headers['content-type']).startsWith('application/x-www-form-urlencoded')) {
        this.problems.push('token request must be a form');
        return { status: 200, json: { error: -14001 } };
      }
      const f = new URLSearchParams(body);
      if (f.get('app_id') !== this.appId || f.get('grant_type') !== 'refresh_token') return { status: 200, json: { error: -14003, error_name: 'Invalid app_id or grant_type' } };
      const rt = f.get('refresh_token') ?? '';
      if (!this.refreshTokens.delete(rt)) return { status: 200, json: { error: -14014, error_name: 'Invalid refresh token' } };
      this.refreshes++;
      const access = `access-${this.refreshes}`;
      const next = `refresh-${this.refreshes}`;
      this.accessTokens.add(access);
      this.refreshTokens.add(next);
      return { status: 200, json: { access_token: access, refresh_token: next, expires_in: '90000' } };
    }
    if (path === '/message/template') {
      if (!this.accessTokens.has(String(headers['access_token']))) return { status: 200, json: { error: -124, message: 'Access token is invalid' } };
      const r = JSON.parse(body) as ZnsRequest;
      const bad = (p: string) => {
        this.problems.push(p);
        return { status: 200, json: { error: -100, message: p } };
      };
      if (!/^84\d{9}$/.test(r.phone)) return bad(`phone ${r.phone} must be 84 followed by 9 digits`);
      if (typeof r.template_id !== 'string' || !r.template_id) return bad('template_id missing');
      if (typeof r.template_data !== 'object' || Object.values(r.template_data).some((v) => typeof v !== 'string')) return bad('template_data must map names to strings');
      if (typeof r.tracking_id !== 'string' || !r.tracking_id) return bad('tracking_id missing');
      const error = this.answers.shift() ?? 0;
      if (error !== 0) return { status: 200, json: { error, message: 'refused by the stand-in' } };
      this.received.push(r);
      return { status: 200, json: { error: 0, message: 'Success', data: { msg_id: `zns-${this.received.length}`, sent_time: String(Date.now()) } } };
    }
    return { status: 404, json: {} };
  }
}
