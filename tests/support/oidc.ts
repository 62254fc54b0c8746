import Provider from 'oidc-provider';
import { LocalHttp } from './local-http.ts';

/**
 * A real OpenID Connect provider (`oidc-provider`) on localhost, standing in for VNeID. Its
 * login page is replaced by a handler that signs in as `nextAccount` and grants the scopes
 * asked, so a test drives the whole authorization-code flow over HTTP. Claims: `name`,
 * `birthdate`, `gender`, `id_number`, `id_number_verified` (scope `profile`), served by userinfo.
 */
export class TestOidcProvider {
  readonly clientId = 'nong-trang-so-test';
  readonly clientSecret = 'a-test-client-secret-that-is-long-enough';
  /** Claims of the person who signs in next, by subject. */
  accounts = new Map<string, Record<string, unknown>>();
  nextAccount = '';
  private http = new LocalHttp();
  get port() {
    return this.http.port;
  }

  get issuer() {
    return `http://localhost:${this.port}`;
  }

  async start(redirectUri: string): Promise<this> {
    await this.http.listen();
    const provider = new Provider(this.issuer, {
      clients: [
        {
          client_id: this.clientId,
          client_secret: this.clientSecret,
          redirect_uris: [redirectUri],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
      pkce: { required: () => true },
      claims: { openid: ['sub'], profile: ['name', 'birthdate', 'gender', 'id_number', 'id_number_verified'] },
      scopes: ['openid', 'profile'],
      findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, ...this.accounts.get(id) }) }),
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      features: { devInteractions: { enabled: false }, userinfo: { enabled: true } },
      cookies: { keys: ['test-cookie-key'] },
    });
    const callback = provider.callback();
    this.http.handler = (req, res) => {
      if (!req.url?.startsWith('/interaction/')) return void callback(req, res);
      void (async () => {
        const details = await provider.interactionDetails(req, res);
        const grant = new provider.Grant({ accountId: this.nextAccount, clientId: this.clientId });
        grant.addOIDCScope(String(details.params.scope));
        const grantId = await grant.save();
        await provider.interactionFinished(req, res, { login: { accountId: this.nextAccount }, consent: { grantId } }, { mergeWithLastSubmission: false });
      })().catch((err: unknown) => {
        res.statusCode = 500;
        res.end(String(err));
      });
    };
    return this;
  }

  stop() {
    return this.http.close();
  }
}

/** A browser's cookie jar and redirects, over fetch: follows 30x across hosts, keeping each host's cookies. */
export class Browser {
  private jar = new Map<string, Map<string, string>>();
  cookies(host: string) {
    return this.jar.get(host) ?? new Map<string, string>();
  }
  setCookie(host: string, name: string, value: string) {
    this.jar.set(host, this.cookies(host).set(name, value));
  }
  /** Follows redirects until a page that is not a redirect, or one whose path starts with `stopAt`; returns every URL visited. */
  async visit(url: string, stopAt?: (u: URL) => boolean): Promise<{ visited: URL[]; last: URL; status: number }> {
    const visited: URL[] = [];
    let current = new URL(url);
    for (let i = 0; i < 20; i++) {
      visited.push(current);
      if (stopAt?.(current)) return { visited, last: current, status: 0 };
      const jar = this.cookies(current.hostname);
      const res = await fetch(current, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const eq = pair!.indexOf('=');
        const name = pair!.slice(0, eq).trim();
        const value = pair!.slice(eq + 1).trim();
        const expired = /max-age=0|expires=thu, 01 jan 1970/i.test(c) || value === '';
        const store = this.jar.get(current.hostname) ?? new Map<string, string>();
        if (expired) store.delete(name);
        else store.set(name, value);
        this.jar.set(current.hostname, store);
      }
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) {
        await res.arrayBuffer();
        return { visited, last: current, status: res.status };
      }
      await res.arrayBuffer();
      current = new URL(location, current);
    }
    throw new Error(`too many redirects from ${url}`);
  }
}
