import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { buildActor, hasPermission, type Actor, type RouteAccess } from '../access/access.ts';
import type { AppContext, RequestContext } from '../context.ts';
import { mustEnrolMfa } from '../modules/auth/auth.service.ts';
import { findActiveSession, type ActiveSession } from '../modules/auth/sessions.ts';
import { HttpProblem, forbidden, unauthenticated } from './errors.ts';
import { registerSecurityHeaders } from './security-headers.ts';

export const SESSION_COOKIE = 'kinga_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: ActiveSession | null;
  }
  interface FastifyContextConfig {
    /** Who may call the route; every /api route must declare it (deny by default). */
    access?: RouteAccess;
    /** Open to a signed-in user who still has to enrol a second factor. */
    duringMfaEnrolment?: boolean;
  }
}

export type App = FastifyInstance<Server, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

/** The request's actor and id, for services; throws 401 if the route let an anonymous caller through. */
export function requestContext(request: FastifyRequest): RequestContext {
  if (!request.actor) throw unauthenticated();
  return { actor: request.actor, requestId: request.id };
}

/** Builds the HTTP application: headers, sessions, access gate, CSRF, errors, OpenAPI. Modules add routes. */
export async function buildHttpApp(ctx: AppContext): Promise<App> {
  const loggerInstance: FastifyBaseLogger = ctx.logger;
  const app = Fastify({
    loggerInstance,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: trustProxyOption(ctx.config.trustProxy),
    bodyLimit: ctx.config.bodyLimit,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);

  await app.register(fastifyCookie);
  registerSecurityHeaders(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kinga API',
        version: ctx.version,
        description:
          'Counter-trafficking coordination platform. State-changing calls need the X-CSRF-Token header from sign-in.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } },
      },
    },
    transform: jsonSchemaTransform,
  });

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && route.config?.access === undefined) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule`);
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    const access = request.routeOptions.config.access;
    if (!request.url.startsWith('/api/') || access === undefined) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await findActiveSession(ctx.db, token, {
        idleMs: ctx.config.sessionIdleMs,
        absoluteMs: ctx.config.sessionAbsoluteMs,
      });
      if (session) {
        request.session = session;
        request.actor = loadActor(ctx, session);
      }
    }
    if (access === 'public') return;
    if (!request.actor || !request.session) throw unauthenticated();
    if (!hasValidCsrfToken(request, request.session)) {
      throw await refuse(ctx, request, forbidden('csrf_failed', 'Missing or wrong X-CSRF-Token header'));
    }
    if (request.actor.mfaEnrolmentRequired && !request.routeOptions.config.duringMfaEnrolment) {
      throw await refuse(ctx, request, forbidden('mfa_enrolment_required', 'Set up a second factor first'));
    }
    if (access !== 'authenticated' && !hasPermission(request.actor, access)) {
      throw await refuse(ctx, request, forbidden());
    }
  });

  app.setErrorHandler(async (error, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) {
      request.log.error({ err: error }, 'request failed');
    } else if (error instanceof HttpProblem && error.auditAsRefusal && request.actor) {
      await refuse(ctx, request, error).catch((e: unknown) => request.log.error({ err: e }, 'audit of refusal failed'));
    }
    return sendProblem(reply, request, problem);
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, request, { status: 404, code: 'not_found', title: 'No such endpoint' }),
  );

  return app;
}

function loadActor(ctx: AppContext, session: ActiveSession): Actor {
  return buildActor({
    id: session.userId,
    agencyId: session.user.agencyId,
    roles: session.user.roles,
    mfaEnrolmentRequired: mustEnrolMfa(ctx, session.user, session.user.roles),
  });
}

/** A hop count becomes Fastify's per-hop function; booleans and address lists pass through. */
function trustProxyOption(
  value: boolean | number | string,
): boolean | string | ((address: string, hop: number) => boolean) {
  if (typeof value !== 'number') return value;
  return (_address, hop) => hop < value;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function hasValidCsrfToken(request: FastifyRequest, session: ActiveSession): boolean {
  if (SAFE_METHODS.has(request.method)) return true;
  const sent = request.headers['x-csrf-token'];
  const expected = Buffer.from(session.csrfToken);
  const given = Buffer.from(typeof sent === 'string' ? sent : '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Records a refused access in the audit trail and returns the problem to throw. */
async function refuse(ctx: AppContext, request: FastifyRequest, problem: HttpProblem): Promise<HttpProblem> {
  await ctx.audit.record({
    action: `access.${request.routeOptions.config.access ?? 'unknown'}`,
    outcome: 'denied',
    actorId: request.actor?.userId ?? null,
    agencyId: request.actor?.agencyId ?? null,
    entityType: problem.entityType ?? null,
    entityId: problem.entityId ?? null,
    requestId: request.id,
  });
  return problem;
}

interface ProblemBody {
  status: number;
  code: string;
  title: string;
  detail?: string;
  issues?: { path: string; message: string; code: string }[];
  headers?: Record<string, string>;
}

function toProblem(error: unknown): ProblemBody {
  if (error instanceof HttpProblem) {
    return {
      status: error.status,
      code: error.code,
      title: error.title,
      ...(error.detail ? { detail: error.detail } : {}),
      ...(error.issues ? { issues: error.issues } : {}),
      ...(error.headers ? { headers: error.headers } : {}),
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    return {
      status: 400,
      code: 'validation_failed',
      title: 'The request is not valid',
      issues: error.validation.map((v) => ({
        path: `${error.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`,
        message: v.message ?? 'Invalid value',
        code: v.keyword,
      })),
    };
  }
  if (isUniqueViolation(error)) {
    // Two requests raced to create the same thing; the loser hears what a later request would.
    return { status: 409, code: 'conflict', title: 'This record already exists' };
  }
  const e = error as { statusCode?: number; code?: string; message?: string };
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    // Fastify's own client errors (bad JSON, wrong content type, body too large): their messages hold no request data.
    return { status: e.statusCode, code: (e.code ?? 'bad_request').toLowerCase(), title: e.message ?? 'Bad request' };
  }
  return { status: 500, code: 'internal_error', title: 'Something went wrong on our side' };
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: ProblemBody): FastifyReply {
  const { headers, status, ...rest } = problem;
  if (headers) reply.headers(headers);
  return reply
    .code(status)
    .type('application/problem+json')
    .serializer(JSON.stringify)
    .send({ type: `https://kinga.dev/problems/${problem.code}`, status, ...rest, requestId: request.id });
}
