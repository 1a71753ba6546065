/** A signed-in client over real HTTP (fetch keeps the connection alive, as a browser would). */
export class Client {
  private constructor(
    readonly base: string,
    private readonly cookie: string,
  ) {}

  static async signIn(base: string, email: string, password: string): Promise<Client> {
    const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
    const session = res.headers.getSetCookie().find((c) => c.startsWith('rapport_session='));
    if (!session) throw new Error('sign-in returned no rapport_session cookie');
    await res.arrayBuffer();
    return new Client(base, session.split(';')[0] ?? '');
  }

  /** The status and parsed body; the time covers the whole body being read. */
  async get(path: string): Promise<{ status: number; body: unknown; ms: number }> {
    const started = performance.now();
    const res = await fetch(this.base + path, { headers: { cookie: this.cookie, accept: 'application/json' } });
    const text = await res.text();
    const ms = performance.now() - started;
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text for the message
    }
    return { status: res.status, body, ms };
  }
}

/** Why a response is not a success, in one line; null when it is one. */
export function problem(path: string, status: number, body: unknown): string | null {
  if (status === 200) return null;
  const b = (typeof body === 'object' && body !== null ? body : {}) as { code?: string; message?: string };
  if (status === 404 && b.message?.startsWith('No route')) return `route not available (404): GET ${path.split('?')[0] ?? path}`;
  return `GET ${path} answered ${status} ${b.code ?? ''} ${b.message ?? String(body).slice(0, 120)}`.trim();
}
