import type {
  AgencyDto,
  AuditEventDto,
  ChangePasswordInput,
  CreateAgencyInput,
  CreateUserInput,
  InstanceDto,
  Language,
  ListAgenciesQuery,
  ListAuditQuery,
  ListUsersQuery,
  LoginInput,
  PasswordLinkDto,
  PasswordResetInput,
  SessionDto,
  SessionUserDto,
  TotpSetupDto,
  UpdateAgencyInput,
  UpdateUserInput,
  UserDto,
} from '@kinga/shared';

/** One field problem as the server reports it in problem+json `issues`. */
export interface ApiIssue {
  path: string;
  message: string;
  code: string;
}

/** An error answer of the API (RFC 9457 problem details), or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly issues: ApiIssue[];
  readonly requestId: string | null;
  /** Seconds from the Retry-After header, when the server sent one. */
  readonly retryAfter: number | null;

  constructor(init: {
    status: number;
    code: string;
    title: string;
    issues?: ApiIssue[];
    requestId?: string | null;
    retryAfter?: number | null;
  }) {
    super(init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.issues = init.issues ?? [];
    this.requestId = init.requestId ?? null;
    this.retryAfter = init.retryAfter ?? null;
  }
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type QueryValue = string | number | boolean | null | undefined;

/** A list query as the browser sends it: the server coerces numbers (their zod input is `unknown`). */
export type QueryOf<Q> = { [K in keyof Q]?: unknown extends Q[K] ? number : Q[K] };

// The CSRF token lives in memory only: never in storage, where a script could keep it.
let csrfToken: string | null = null;
let handleUnauthorized: (() => void) | null = null;

/** Remembers the CSRF token of the current session (null after sign-out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registers what to do when a signed-in request answers 401 (the session ended). */
export function onUnauthorized(handler: (() => void) | null): void {
  handleUnauthorized = handler;
}

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function parseRetryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.round((date - Date.now()) / 1000));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  const problem = isRecord(body) ? body : {};
  const issues = Array.isArray(problem.issues)
    ? problem.issues.filter(isRecord).map((i) => ({
        path: typeof i.path === 'string' ? i.path : '',
        message: typeof i.message === 'string' ? i.message : '',
        code: typeof i.code === 'string' ? i.code : '',
      }))
    : [];
  return new ApiError({
    status: response.status,
    code: typeof problem.code === 'string' ? problem.code : `http_${response.status}`,
    title: typeof problem.title === 'string' ? problem.title : response.statusText,
    issues,
    requestId: typeof problem.requestId === 'string' ? problem.requestId : null,
    retryAfter: parseRetryAfter(response.headers.get('Retry-After')),
  });
}

/** Sends one JSON request to the API and returns the parsed answer (undefined for 204). */
export async function request<T>(
  method: Method,
  path: string,
  options: { body?: unknown; query?: Record<string, QueryValue>; skipUnauthorizedHandler?: boolean } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error', title: 'Network error' });
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (error.status === 401 && !options.skipUnauthorizedHandler) handleUnauthorized?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Sends a file as the raw request body (uploads) with the session's CSRF token; answers parsed JSON. */
export async function uploadRaw<T>(path: string, body: Blob, headers: Record<string, string>): Promise<T> {
  const allHeaders: Record<string, string> = { Accept: 'application/json', ...headers };
  if (csrfToken) allHeaders['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers: allHeaders, credentials: 'same-origin', body });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error', title: 'Network error' });
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (error.status === 401) handleUnauthorized?.();
    throw error;
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

// ---- instance and authentication ---------------------------------------------------------

export const getInstance = () => request<InstanceDto>('GET', '/api/public/instance');

/** The current session, or null when nobody is signed in. */
export async function getSession(): Promise<SessionDto | null> {
  try {
    return await request<SessionDto>('GET', '/api/v1/auth/session', { skipUnauthorizedHandler: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const login = (input: LoginInput) =>
  request<SessionDto>('POST', '/api/v1/auth/login', { body: input, skipUnauthorizedHandler: true });

export const logout = () => request<void>('POST', '/api/v1/auth/logout', { skipUnauthorizedHandler: true });

export const resetPasswordWithToken = (input: PasswordResetInput) =>
  request<void>('POST', '/api/v1/auth/password-reset', { body: input, skipUnauthorizedHandler: true });

// ---- profile -----------------------------------------------------------------------------

export const updateProfile = (input: { language: Language }) =>
  request<SessionUserDto>('PATCH', '/api/v1/profile', { body: input });

export const changePassword = (input: ChangePasswordInput) =>
  request<void>('POST', '/api/v1/profile/password', { body: input });

export const setupTotp = () => request<TotpSetupDto>('POST', '/api/v1/profile/totp/setup', { body: {} });

export const confirmTotp = (code: string) =>
  request<{ recoveryCodes: string[] }>('POST', '/api/v1/profile/totp/confirm', { body: { code } });

export const regenerateRecoveryCodes = (code: string) =>
  request<{ recoveryCodes: string[] }>('POST', '/api/v1/profile/recovery-codes', { body: { code } });

export const disableTotp = (password: string) =>
  request<void>('POST', '/api/v1/profile/totp/disable', { body: { password } });

// ---- agencies ----------------------------------------------------------------------------

export const listAgencies = (query: QueryOf<ListAgenciesQuery>) =>
  request<Page<AgencyDto>>('GET', '/api/v1/agencies', { query: { ...query } });

export const getAgency = (id: string) => request<AgencyDto>('GET', `/api/v1/agencies/${encodeURIComponent(id)}`);

export const createAgency = (input: CreateAgencyInput) =>
  request<AgencyDto>('POST', '/api/v1/agencies', { body: input });

export const updateAgency = (id: string, input: UpdateAgencyInput) =>
  request<AgencyDto>('PATCH', `/api/v1/agencies/${encodeURIComponent(id)}`, { body: input });

// ---- users -------------------------------------------------------------------------------

export const listUsers = (query: QueryOf<ListUsersQuery>) =>
  request<Page<UserDto>>('GET', '/api/v1/users', { query: { ...query } });

export const getUser = (id: string) => request<UserDto>('GET', `/api/v1/users/${encodeURIComponent(id)}`);

export const createUser = (input: CreateUserInput) =>
  request<{ user: UserDto; passwordLink: PasswordLinkDto }>('POST', '/api/v1/users', { body: input });

export const updateUser = (id: string, input: UpdateUserInput) =>
  request<UserDto>('PATCH', `/api/v1/users/${encodeURIComponent(id)}`, { body: input });

export const resetUserPassword = (id: string) =>
  request<PasswordLinkDto>('POST', `/api/v1/users/${encodeURIComponent(id)}/password-reset`, { body: {} });

export const resetUserSecondFactor = (id: string) =>
  request<UserDto>('POST', `/api/v1/users/${encodeURIComponent(id)}/mfa-reset`, { body: {} });

// ---- audit -------------------------------------------------------------------------------

export const listAuditEvents = (query: QueryOf<ListAuditQuery>) =>
  request<Page<AuditEventDto>>('GET', '/api/v1/audit-events', { query: { ...query } });
