import {
  createdUserSchema,
  createUserSchema,
  idSchema,
  listUsersQuerySchema,
  pageOf,
  passwordLinkSchema,
  problemSchema,
  updateUserSchema,
  userSchema,
} from '@kinga/shared';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requestContext, type App } from '../../http/app.ts';
import * as service from './users.service.ts';

const params = z.object({ id: idSchema });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export function registerUserRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/users',
    {
      config: { access: 'user:read' },
      schema: {
        tags: ['users'],
        summary: 'List the accounts in scope',
        querystring: listUsersQuerySchema,
        response: { 200: pageOf(userSchema), ...errors },
      },
    },
    (request) => service.listUsers(ctx, requestContext(request), request.query),
  );

  app.post(
    '/api/v1/users',
    {
      config: { access: 'user:manage' },
      schema: {
        tags: ['users'],
        summary: 'Create an account; answers a one-time link to choose a password',
        body: createUserSchema,
        response: { 201: createdUserSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createUser(ctx, requestContext(request), request.body)),
  );

  app.get(
    '/api/v1/users/:id',
    {
      config: { access: 'user:read' },
      schema: {
        tags: ['users'],
        summary: 'Read an account (audited)',
        params,
        response: { 200: userSchema, ...errors },
      },
    },
    (request) => service.getUser(ctx, requestContext(request), request.params.id),
  );

  app.patch(
    '/api/v1/users/:id',
    {
      config: { access: 'user:manage' },
      schema: {
        tags: ['users'],
        summary: 'Change, deactivate or reactivate an account',
        params,
        body: updateUserSchema,
        response: { 200: userSchema, ...errors },
      },
    },
    (request) => service.updateUser(ctx, requestContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/users/:id/password-reset',
    {
      config: { access: 'user:manage' },
      schema: {
        tags: ['users'],
        summary: 'Issue a one-time password reset link; ends the user’s sessions',
        params,
        response: { 200: passwordLinkSchema, ...errors },
      },
    },
    (request) => service.issuePasswordReset(ctx, requestContext(request), request.params.id),
  );

  app.post(
    '/api/v1/users/:id/mfa-reset',
    {
      config: { access: 'user:manage' },
      schema: {
        tags: ['users'],
        summary: 'Remove the account’s second factor (a lost phone); ends its sessions; it enrols again if required',
        params,
        response: { 200: userSchema, ...errors },
      },
    },
    (request) => service.resetSecondFactor(ctx, requestContext(request), request.params.id),
  );
}
