/**
 * Helpers for the account specs: a mailer that keeps what it is given, and a browser over
 * `app.inject` that keeps cookies between requests and fetches CSRF tokens like a page would.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Mailer, OutgoingMail } from '../src/services/ports.js';

export class RecordingMailer implements Mailer {
  readonly describe = 'recording mailer';
  readonly sent: OutgoingMail[] = [];

  async send(mail: OutgoingMail): Promise<void> {
    this.sent.push(mail);
  }

  /** The reset token in the last email's link. */
  lastResetToken(): string {
    const text = this.sent.at(-1)?.text ?? '';
    const match = /reset-password\?token=(\S+)/.exec(text);
    if (!match?.[1]) throw new Error('No reset link was sent');
    return match[1];
  }
}

export const GOOD_PASSWORD = 'violet kettle harbour 42';

/** A browser: cookies kept per name, sent back on every request. */
export class TestBrowser {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly app: FastifyInstance,
    readonly ip = '198.51.100.7',
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async request(options: InjectOptions): Promise<LightMyRequestResponse> {
    const headers = { ...(options.headers ?? {}) } as Record<string, string>;
    if (this.cookies.size > 0 && headers.cookie === undefined) headers.cookie = this.cookieHeader();
    const response = await this.app.inject({ remoteAddress: this.ip, ...options, headers });
    for (const cookie of response.cookies as {
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
    }[]) {
      const expired =
        cookie.value === '' ||
        cookie.maxAge === 0 ||
        (cookie.expires !== undefined && cookie.expires.getTime() <= Date.now());
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  /** A CSRF token, as a page would embed it. */
  async csrf(): Promise<string> {
    const response = await this.request({ method: 'GET', url: '/api/auth/csrf' });
    return response.json<{ token: string }>().token;
  }

  /** A change with the session cookie and a fresh CSRF token in the header. */
  async change(options: InjectOptions): Promise<LightMyRequestResponse> {
    const token = await this.csrf();
    return this.request({
      ...options,
      headers: { ...(options.headers ?? {}), 'x-csrf-token': token },
    });
  }

  async signUp(email: string, password = GOOD_PASSWORD): Promise<LightMyRequestResponse> {
    return this.request({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email, password },
    });
  }

  async signIn(email: string, password = GOOD_PASSWORD): Promise<LightMyRequestResponse> {
    return this.request({
      method: 'POST',
      url: '/api/auth/signin',
      payload: { email, password },
    });
  }
}
