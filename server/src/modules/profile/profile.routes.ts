import {
  changePasswordSchema,
  disableTotpSchema,
  problemSchema,
  recoveryCodesSchema,
  sessionUserSchema,
  totpCodeSchema,
  totpSetupSchema,
  updateProfileSchema,
} from '@kinga/shared';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requestContext, type App } from '../../http/app.ts';
import { unauthenticated } from '../../http/errors.ts';
import * as service from './profile.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 409: problemSchema };
const config = { access: 'authenticated', duringMfaEnrolment: true } as const;

export function registerProfileRoutes(app: App, ctx: AppContext): void {
  app.patch(
    '/api/v1/profile',
    {
      config,
      schema: {
        tags: ['profile'],
        summary: 'Change the interface language',
        body: updateProfileSchema,
        response: { 200: sessionUserSchema, ...errors },
      },
    },
    (request) => {
      if (!request.session) throw unauthenticated();
      return service.updateLanguage(ctx, requestContext(request), request.session, request.body.language);
    },
  );

  app.post(
    '/api/v1/profile/password',
    {
      config,
      schema: {
        tags: ['profile'],
        summary: 'Change the password; other sessions end',
        body: changePasswordSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      if (!request.session) throw unauthenticated();
      await service.changePassword(
        ctx,
        requestContext(request),
        request.session,
        request.body.currentPassword,
        request.body.newPassword,
      );
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/profile/totp/setup',
    {
      config,
      schema: {
        tags: ['profile'],
        summary: 'Start TOTP enrolment: secret, otpauth URI and QR code',
        response: { 200: totpSetupSchema, ...errors },
      },
    },
    (request) => service.startTotpEnrolment(ctx, requestContext(request)),
  );

  app.post(
    '/api/v1/profile/totp/confirm',
    {
      config,
      schema: {
        tags: ['profile'],
        summary: 'Confirm TOTP with a first code; answers recovery codes once',
        body: totpCodeSchema,
        response: { 200: recoveryCodesSchema, ...errors },
      },
    },
    async (request) => ({
      recoveryCodes: await service.confirmTotpEnrolment(ctx, requestContext(request), request.body.code),
    }),
  );

  app.post(
    '/api/v1/profile/recovery-codes',
    {
      config,
      schema: {
        tags: ['profile'],
        summary: 'Replace the recovery codes, with a current authenticator code; answers the new ones once',
        body: totpCodeSchema,
        response: { 200: recoveryCodesSchema, ...errors },
      },
    },
    async (request) => ({
      recoveryCodes: await service.regenerateRecoveryCodes(ctx, requestContext(request), request.body.code),
    }),
  );

  app.post(
    '/api/v1/profile/totp/disable',
    {
      config,
      schema: {
        tags: ['profile'],
        summary: 'Turn the second factor off (not for accounts that must keep it)',
        body: disableTotpSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.disableTotp(ctx, requestContext(request), request.body.password);
      return reply.code(204).send(null);
    },
  );
}
