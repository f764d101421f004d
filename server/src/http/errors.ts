/** A failure the client caused or may see; rendered as application/problem+json by the error handler. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly issues?: { path: string; message: string; code: string }[],
    readonly headers?: Record<string, string>,
  ) {
    super(title);
  }

  /** Set on refusals that the access module raises, so the error handler audits them. */
  auditAsRefusal = false;
  entityType?: string;
  entityId?: string;
}

/** A record outside the caller's scope: answered 404 like a missing one, but audited as a refusal. */
export function hiddenRecord(entityType: string, entityId: string, what = 'Resource'): HttpProblem {
  const problem = notFound(what);
  problem.auditAsRefusal = true;
  problem.entityType = entityType;
  problem.entityId = entityId;
  return problem;
}

/** An action the caller's role may not take on a record it can see; audited. */
export function refused(code: string, title: string, entityType?: string, entityId?: string): HttpProblem {
  const problem = forbidden(code, title);
  problem.auditAsRefusal = true;
  if (entityType) problem.entityType = entityType;
  if (entityId) problem.entityId = entityId;
  return problem;
}

export const notFound = (what = 'Resource') => new HttpProblem(404, 'not_found', `${what} not found`);
export const unauthenticated = () => new HttpProblem(401, 'unauthenticated', 'Sign in to continue');
export const forbidden = (code = 'forbidden', title = 'You may not do this') => new HttpProblem(403, code, title);
export const conflict = (code: string, title: string) => new HttpProblem(409, code, title);
export const badRequest = (code: string, title: string, detail?: string) => new HttpProblem(400, code, title, detail);
export const validationFailed = (issues: { path: string; message: string; code: string }[]) =>
  new HttpProblem(400, 'validation_failed', 'The request is not valid', undefined, issues);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new HttpProblem(429, 'too_many_attempts', 'Too many attempts; try again later', undefined, undefined, {
    'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))),
  });
