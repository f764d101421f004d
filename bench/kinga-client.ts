import http from 'node:http';

const SESSION_COOKIE = 'kinga_session';

export const DEMO_ADMIN = { email: 'admin@demo.kinga.test', password: 'kinga-demo-2026' } as const;

/** A demo account that works on cases: the case-list benchmark lists as this user (scope: own agency). */
export const DEMO_CASEWORKER_A = { email: 'caseworker.a@demo.kinga.test', password: DEMO_ADMIN.password } as const;

/** Signs in through the API and answers the Cookie header value that carries the session. */
export async function signIn(
  baseUrl: string,
  credentials: { email: string; password: string } = DEMO_ADMIN,
): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`sign-in as ${credentials.email} answered ${response.status}: ${body}`);
  const session = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!session) throw new Error('sign-in set no session cookie');
  return session.split(';')[0] ?? '';
}

/** The id of the first user the session may list. */
export async function firstUserId(baseUrl: string, cookie: string): Promise<string> {
  const page = await getJson<{ items: { id: string }[] }>(`${baseUrl}/api/v1/users?limit=1`, cookie);
  const id = page.items[0]?.id;
  if (!id) throw new Error('GET /api/v1/users?limit=1 listed no user');
  return id;
}

/** A GET with the session cookie that must answer 200 with JSON. */
export async function getJson<T>(url: string, cookie: string): Promise<T> {
  const response = await fetch(url, { headers: { cookie } });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${body}`);
  return JSON.parse(body) as T;
}

/**
 * One keep-alive connection making GETs one at a time, as a single browser tab would: each call
 * resolves when the whole body has arrived and rejects on anything but 200.
 */
export function sequentialGetter(url: string, cookie: string): { get: () => Promise<void>; close: () => void } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = () =>
    new Promise<void>((resolve, reject) => {
      const request = http.get(url, { agent, headers: { cookie } }, (response) => {
        response.on('data', () => undefined);
        response.on('end', () =>
          response.statusCode === 200 ? resolve() : reject(new Error(`GET ${url} answered ${response.statusCode}`)),
        );
        response.on('error', reject);
      });
      request.on('error', reject);
    });
  return { get, close: () => agent.destroy() };
}
