import { loginSchema, passwordResetSchema, problemSchema, sessionSchema } from '@kinga/shared';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { SESSION_COOKIE, requestContext, type App } from '../../http/app.ts';
import { unauthenticated } from '../../http/errors.ts';
import * as service from './auth.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 429: problemSchema };

export function registerAuthRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie and answers the CSRF token',
        body: loginSchema,
        response: { 200: sessionSchema, ...errors },
      },
    },
    async (request, reply) => {
      const result = await service.login(ctx, request.body, request.ip, request.id, request.session?.idHash);
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
        maxAge: Math.floor(ctx.config.sessionAbsoluteMs / 1000),
      });
      return result.session;
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { access: 'authenticated', duringMfaEnrolment: true },
      schema: { tags: ['auth'], summary: 'End the session', response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      const { actor } = requestContext(request);
      if (!request.session) throw unauthenticated();
      await service.logout(ctx, request.session, actor, request.id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/session',
    {
      config: { access: 'authenticated', duringMfaEnrolment: true },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, permissions and CSRF token',
        response: { 200: sessionSchema, ...errors },
      },
    },
    (request) => {
      const { actor } = requestContext(request);
      if (!request.session) throw unauthenticated();
      return service.describeSession(request.session, actor);
    },
  );

  app.post(
    '/api/v1/auth/password-reset',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Choose a password with a one-time link token',
        body: passwordResetSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.resetPasswordWithToken(ctx, request.body.token, request.body.password, request.ip, request.id);
      return reply.code(204).send(null);
    },
  );
}
