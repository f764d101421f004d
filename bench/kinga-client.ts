const SESSION_COOKIE = 'kinga_session';

export const DEMO_ADMIN = { email: 'admin@demo.kinga.test', password: 'kinga-demo-2026' } as const;

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
